-- __pairs replaces the iterator used by pairs; ipairs ignores it but respects __index.
local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function(_, k) i = i + 1; if i <= 3 then return i, "v" .. i end end, self, nil
end})
for k, v in pairs(t) do io.write(k, "=", v, " ") end
print()
local proxy = setmetatable({}, {__index = function(_, i) if i <= 4 then return i * i end end})
for i, v in ipairs(proxy) do io.write(i, ":", v, " ") end
print()
local four = setmetatable({}, {__pairs = function(self) return next, {"x", "y"}, nil, "extra" end})
for k, v in pairs(four) do io.write(k, v, " ") end
print()
