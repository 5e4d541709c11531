-- Concatenating numbers uses tostring's formatting: floats keep ".0", %.14g otherwise.
print(1 .. "", 1.0 .. "", -0.0 .. "", 0.1 .. "", 1e100 .. "", 2^63 .. "")
print(1e15 .. "", 1e16 .. "", 123456789012345.0 .. "", 0.1 + 0.2 .. "")
print(math.maxinteger .. "", math.mininteger .. "", math.huge .. "", -math.huge .. "")
print(3 .. 4 .. 5, 1 .. "" == "1", 2^53 .. "")
print(pcall(function() return 1 .. nil end))
print(pcall(function() return {} .. "x" end))
print(pcall(function() return "x" .. true end))
