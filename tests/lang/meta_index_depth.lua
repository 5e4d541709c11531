-- Long __index chains resolve; a loop of __index tables is reported instead of hanging.
local t = {}
local cur = t
for i = 1, 50 do
  local nxt = {}
  setmetatable(cur, {__index = nxt})
  cur = nxt
end
cur.found = "bottom"
print(t.found)
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
local ok, msg = pcall(function() return a.x end)
print(ok, msg)
local c, d = {}, {}
setmetatable(c, {__newindex = d})
setmetatable(d, {__newindex = c})
print(pcall(function() c.x = 1 end))
