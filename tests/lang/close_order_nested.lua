-- Nested scopes close inner variables first; closing happens at every block exit, including errors.
local log = {}
local function c(name) return setmetatable({}, {__close = function() log[#log + 1] = name end}) end
do
  local a <close> = c("a")
  do
    local b <close> = c("b")
    do local d <close> = c("d") end
    local e <close> = c("e")
  end
  local f <close> = c("f")
end
print(table.concat(log, " "))
log = {}
pcall(function()
  local x <close> = c("x")
  do
    local y <close> = c("y")
    error("fail")
  end
end)
print(table.concat(log, " "))
