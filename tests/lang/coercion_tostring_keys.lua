-- Numbers and numeric strings are different table keys; conversions happen only in arithmetic/concat.
local t = {}
t[1] = "int"; t["1"] = "str"; t[1.0] = "float replaces int"
print(t[1], t["1"])
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
print(("5"):rep(2), (5 .. ""):rep(2))
print(#tostring(123), #(123 .. ""), tostring(-0.0))
