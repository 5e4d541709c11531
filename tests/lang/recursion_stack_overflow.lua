-- Unbounded recursion ends in a catchable "stack overflow" error, not a crash.
-- The recursive functions use big frames (120 locals) so the limit is reached quickly.
local function big_frame(tail)
  local src = {"local rec rec = function(n) local "}
  for i = 1, 120 do src[#src + 1] = "a" .. i .. (i < 120 and ", " or " = n\n") end
  src[#src + 1] = tail .. " end return rec"
  return load(table.concat(src))()
end
local rec = big_frame("return 1 + rec(n + 1)")
local ok, msg = pcall(rec, 1)
print(ok, type(msg), string.find(msg, "stack overflow", 1, true) ~= nil)
local rec2 = big_frame("local t = {} t[1] = rec(n) return t")
ok, msg = pcall(rec2, 1)
print(ok, string.find(msg, "stack overflow", 1, true) ~= nil)
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(deep(10000))
