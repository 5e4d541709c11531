-- A tail call returns all of the callee's results, also through vararg and C functions.
local function multi() return 1, 2, 3 end
local function tail() return multi() end
local function tail_select(...) return select(2, ...) end
print(tail())
print(tail_select("a", "b", "c"))
local function tail_pcall() return pcall(multi) end
print(tail_pcall())
local function tail_nothing() return (function() end)() end
print(select('#', tail_nothing()))
local t = setmetatable({}, {__call = function(self, a) return "called", a end})
local function tail_callable() return t(42) end
print(tail_callable())
