-- io.tmpfile read/write/seek round trip with binary data and "n" reads
local f = io.tmpfile()
print(io.type(f))
local bin = {} for i = 0, 255 do bin[#bin + 1] = string.char(i) end
f:write(table.concat(bin), "\n3.25 17")
f:seek("set")
local got = f:read(256)
print(got == table.concat(bin), f:read("l") == "", f:read("n"), f:read("n"), f:read("n"))
print(f:seek("end"), f:seek("set", 10), f:read(3):byte(1, -1))
f:close()
print(io.type(f))
