-- Ordering of mixed numbers: -inf < mininteger < ... < maxinteger < 2^63 < inf, and NaN is unordered.
local seq = {-math.huge, math.mininteger + 0.0, math.mininteger, -1, -0.5, 0, 0.5, 1,
             2^53, 2^53 + 2, math.maxinteger, 2^63, math.huge}
local ok = true
for i = 1, #seq - 1 do if not (seq[i] <= seq[i + 1]) then ok = false; print("bad at", i) end end
print(ok)
print(math.mininteger == math.mininteger + 0.0, math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63)
print(2^53 + 1 == 2^53, 9007199254740993 == 2^53, 9007199254740993 < 9007199254740994.0)
local nan = 0/0
print(nan < nan, nan <= nan, nan > 0, not (nan >= 0), math.max(1, 2, nan) ~= nil)
