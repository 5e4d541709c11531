-- print calls __tostring for every argument (not tostring global), __name in print, errors from print
local A = setmetatable({}, { __tostring = function(self) return "<A>" end })
print(A, 1, A, nil)
local saved = tostring
tostring = function() return "GLOBAL" end
print(A, 2)
tostring = saved
local bad = setmetatable({}, { __tostring = function() return nil end })
print(pcall(print, "before", bad))
local named = setmetatable({}, { __name = "Named" })
local s = select(2, pcall(function() return named + 1 end)) print(s)
s = select(2, pcall(function() return #named < 1, named < 1 end)) print(s)
s = select(2, pcall(string.rep, named)) print(s)
print(pcall(print, setmetatable({}, { __tostring = function() error("ts err", 0) end })))
