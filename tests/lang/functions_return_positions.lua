-- 'return' must end a block; an early return inside do...end and conditionals.
local function early(x)
  if x then return "early" end
  do return "from do block" end
end
print(early(true), early(false))
local function noreturn() local x = 1 end
print(noreturn(), select('#', noreturn()))
local function ret_paren() return (noreturn()) end
print(select('#', ret_paren()))
local function ret_semicolon() return 1; end
print(ret_semicolon())
