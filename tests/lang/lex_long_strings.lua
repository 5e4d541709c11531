-- Long brackets of several levels; a first newline is skipped; no escapes are processed inside.
print([[plain]])
print([==[with ]] and ]=] inside]==])
print([[
first newline skipped]])
print([[a\nb]], #[[a\nb]])
local s = [=[
line one
line two
]=]
io.write(s)
print(#[[]], [[x]] .. [==[y]==])
print([====[
]====] == "")
