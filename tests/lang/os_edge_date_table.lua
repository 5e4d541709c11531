-- os.date("!*t") fields for boundary times: epoch, leap day, negative times, year 9999
local function show(t)
  local d = os.date("!*t", t)
  print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
end
show(0) show(-1) show(951782400) show(68169600) show(253402300799) show(2^31) show(1.0)
print(pcall(os.date, "!*t", 2^63))
print(pcall(os.date, "!*t", 0.5))
local keys = {} for k in pairs(os.date("!*t", 0)) do keys[#keys + 1] = k end
table.sort(keys) print(table.concat(keys, " "))
print(os.date("*t", 0).isdst ~= nil)
