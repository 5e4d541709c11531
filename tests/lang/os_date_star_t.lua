-- os.date("*t") and ("!*t") give the broken-down time
local function show(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. tostring(t[k]) end
  print(table.concat(parts, " "))
end
show(os.date("!*t", 0))
show(os.date("!*t", 1000000000))
show(os.date("!*t", 951782400))
local l = os.date("*t")
print(type(l.year), type(l.isdst), l.month >= 1 and l.month <= 12)
