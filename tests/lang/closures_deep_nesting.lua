-- Upvalues captured through several levels of nesting reach the right variable.
local function level1()
  local a = "a"
  return function()
    local b = "b"
    return function()
      local c = "c"
      return function() a = a .. "!"; return a .. b .. c end
    end
  end
end
local f = level1()()()
print(f(), f())
local adders = {}
for i = 1, 3 do
  adders[i] = function(x) return function(y) return x + y + i end end
end
print(adders[1](10)(100), adders[3](10)(100))
