-- Integer arithmetic wraps around modulo 2^64; floats do not.
local max, min = math.maxinteger, math.mininteger
print(max + 1 == min, min - 1 == max, max * 2, min * -1 == min)
print(-min == min, max + max, min + min)
print(max * max, 3037000500 * 3037000500)
print(max + 1.0, min - 1.0, max * 2.0)
print(math.type(max + 1), math.type(max + 1.0))
print(1 + 2, 1 + 2.0, 2 * 3, 2 * 3.0, 10 - 2.5)
print(0x7fffffffffffffff + 0x7fffffffffffffff)
