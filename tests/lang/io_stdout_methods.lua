-- the standard files are handles with methods
io.stdout:write("via stdout method\n")
io.write("via io.write\n")
print(io.stdout:flush())
print(io.flush())
print(io.stdout == io.output())
print(io.type(io.stdin), io.type(io.stderr))
print(io.stderr:write("") == io.stderr)
print(io.stdout:seek("cur") == nil or true)
