-- os.time normalises out-of-range fields and writes them back into the table
local t = {year = 2019, month = 14, day = 35, hour = 12, min = 0, sec = 0}
os.time(t)
print(t.year, t.month, t.day, t.hour, t.yday, t.wday)
local u = {year = 2020, month = 3, day = 0, hour = 12}
os.time(u)
print(u.year, u.month, u.day)
local v = {year = 2020, month = 1, day = 1, hour = 12, min = -30, sec = 3600}
os.time(v)
print(v.hour, v.min, v.sec, v.isdst)
local w = {year = "2022", month = "5", day = 1.0, hour = 12}
os.time(w)
print(w.year, w.month, w.day, math.type(w.year))
