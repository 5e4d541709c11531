-- rawget/rawset/rawequal bypass __index, __newindex and __eq.
local t = setmetatable({}, {
  __index = function() return "meta" end,
  __newindex = function() error("blocked") end,
  __eq = function() return true end,
})
rawset(t, "k", "raw")
print(t.k, t.other, rawget(t, "other"))
print(t == setmetatable({}, getmetatable(t)), rawequal(t, setmetatable({}, getmetatable(t))))
print(rawequal(t, t), rawequal(1, 1.0), rawequal("a", "a"))
print(pcall(rawset, 1, 2, 3))
print(pcall(rawget, "s", 1))
print(pcall(rawset, {}, nil, 1))
print(rawset(t, 1, 2) == t)
