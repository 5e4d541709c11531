-- io.popen flushes pending output first, so the child's output comes after it
io.write("before popen; ")
local p = assert(io.popen("cat", "w"))
p:write("from the child\n")
p:close()
print("after close")
