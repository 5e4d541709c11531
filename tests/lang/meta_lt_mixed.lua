-- __lt/__le with a table on either side and a number or string on the other.
local mt = {
  __lt = function(a, b)
    local x = type(a) == "table" and a.v or a
    local y = type(b) == "table" and b.v or b
    return x < y
  end,
  __le = function(a, b)
    local x = type(a) == "table" and a.v or a
    local y = type(b) == "table" and b.v or b
    return x <= y
  end,
}
local five = setmetatable({v = 5}, mt)
print(five < 6, 4 < five, five <= 5, 5 <= five, five > 4, 6 > five, five >= 6)
print(pcall(function() return five < "x" end))
print(pcall(function() return "a" < 1 end))
