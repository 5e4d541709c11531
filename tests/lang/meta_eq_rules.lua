-- __eq: tried from either operand's metatable; never for different types or raw-equal values.
local log = {}
local A = setmetatable({}, {__eq = function() log[#log + 1] = "A" return true end})
local B = setmetatable({}, {__eq = function() log[#log + 1] = "B" return false end})
local P = {}
print(A == B, B == A, A == P, P == A, P == B)
print(table.concat(log, ","))
print(A == A, A ~= B)
local ud_like = setmetatable({}, {__eq = function() return true end})
print(ud_like == 1, ud_like == "s", ud_like == nil, ud_like == false)
