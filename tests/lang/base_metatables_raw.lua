-- getmetatable/setmetatable protection, tostring with __tostring and __name, raw functions
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(getmetatable("abc").__index == string)
local mt = {__tostring = function(o) return "OBJ<" .. o.n .. ">" end}
print(tostring(setmetatable({n = 7}, mt)))
print(pcall(tostring, setmetatable({}, {__tostring = function() return 1 end})))
print(tostring(nil), tostring(true), tostring(false), tostring(12), tostring(1.5), tostring(-0.0), tostring(1e100), tostring(2^63), tostring(1/0), tostring(-1/0))
print(tostring(math.mininteger), tostring(3.0), tostring(-3.25e-5))
local named = setmetatable({}, {__name = "MyType"})
print((tostring(named):gsub("0x%x+", "ADDR")))
print((tostring(print):gsub("0x%x+", "ADDR")), (tostring({}):gsub("0x%x+", "ADDR")))
local r = setmetatable({}, {__index = function() return "meta" end, __newindex = function() error("no") end, __len = function() return 99 end, __eq = function() return true end})
print(r.x, rawget(r, "x"), #r, rawlen(r), rawlen("abcd"))
rawset(r, "x", 1)
print(r.x, rawequal(r, r), rawequal(r, {}), r == setmetatable({}, getmetatable(r)))
print(pcall(rawset, r, nil, 1))
print(type(nil), type(1), type("s"), type({}), type(print), type(type), type(coroutine.create(function() end)))
print(pcall(type))
print(next({}), next({10}), select("#", next({})))
local p = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(p) do print("pairs", k, v) end
for i, v in ipairs({1, 2, nil, 4}) do print("ipairs", i, v) end
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(proxy) do print("proxy", i, v) end
print(_G._G == _G, _VERSION)
print(getmetatable(setmetatable({}, nil)))
