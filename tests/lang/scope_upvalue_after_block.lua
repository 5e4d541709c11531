-- A local captured in a block stays alive after the block ends; redeclaring gives a new variable.
local getters = {}
do
  local v = "first"
  getters[1] = function() return v end
  local v = "second"
  getters[2] = function() return v end
end
print(getters[1](), getters[2]())
local x = 1
local function getx() return x end
local x = 2
print(getx(), x)
