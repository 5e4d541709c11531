-- loadfile and dofile on a file this test writes (and then removes).
local name = "tmp_base_dofile_loadfile.lua"
local fh = assert(io.open(name, "w"))
fh:write("#!/bin/lua shebang line is skipped\nlocal a = ...\nx_from_file = (a or 0) + 1\nreturn 'file result', a\n")
fh:close()
local f = assert(loadfile(name))
print(f(41))
print(x_from_file)
print(dofile(name))
local f2 = loadfile(name, "t", {})
print(f2(1))
os.remove(name)
print(loadfile(name))
print(pcall(dofile, name))
