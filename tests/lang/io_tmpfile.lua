-- io.tmpfile gives an anonymous read/write file
local f = assert(io.tmpfile())
print(io.type(f))
f:write("temporary ", 1, " ", 2.5)
print(f:seek("set"))
print(f:read("a"))
print(f:close())
