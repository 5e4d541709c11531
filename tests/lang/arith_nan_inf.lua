-- NaN never equals anything (itself included); infinities compare and print as inf/-inf.
local nan, inf = 0/0, math.huge
print(nan == nan, nan ~= nan, nan < 1, nan > 1, nan <= nan)
print(inf, -inf, inf > math.maxinteger, -inf < math.mininteger)
print(inf + 1 == inf, inf - inf ~= inf - inf, inf * 0 ~= inf * 0)
print(math.type(inf), math.type(nan), tostring(inf), tostring(-inf))
print(string.format("%.1f", inf), math.floor(2.5), math.ceil(-2.5))
print(math.floor(nan) ~= math.floor(nan), math.type(math.floor(nan)))
local t = {}
print(pcall(function() t[nan] = 1 end))
print(t[nan], rawget(t, nan))
