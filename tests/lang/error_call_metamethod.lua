-- "attempt to call" errors name what was being called: a non-callable metamethod is
-- "metamethod 'add'" and so on for every event, a for iterator, a method, a field, a
-- global, a local, an upvalue, a __close value and a __gc value (lua5.4 funcnamefromcall).
local function try(f, ...) local ok, e = pcall(f, ...) print((tostring(e):gsub("^[^:]*:%d+: ", ""))) end
local mt = {}
for _, e in ipairs({"index", "newindex", "add", "sub", "mul", "div", "mod", "pow", "unm",
                    "idiv", "band", "bor", "bxor", "shl", "shr", "bnot", "concat", "len",
                    "eq", "lt", "le"}) do
  mt["__" .. e] = 17
end
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local k = "key"
try(function() return a.field end)
try(function() return a[k] end)
try(function() return a[1] end)
try(function() a.field = 1 end)
try(function() a[k] = 1 end)
try(function() a[1] = 1 end)
try(function() return a + 1 end)
try(function() return a + b end)
try(function() return a - 1 end)
try(function() return a * 2 end)
try(function() return a / 2 end)
try(function() return a % 2 end)
try(function() return a ^ 2 end)
try(function() return -a end)
try(function() return a // 2 end)
try(function() return a & 1 end)
try(function() return a | 1 end)
try(function() return a ~ 1 end)
try(function() return a << 1 end)
try(function() return a >> 1 end)
try(function() return ~a end)
try(function() return a .. "x" end)
try(function() return #a end)
try(function() return a == b end)
try(function() return a < b end)
try(function() return a <= b end)
try(function() return a > 1 end)
try(function() return a >= 1 end)
try(function() return 1 < a end)
try(function() for x in 5 do end end)
try(function() local t = {} t:nomethod() end)
try(function() local t = {} t.nofield() end)
try(function() undefinedglobal() end)
try(function() local l = 3 l() end)
local up = true
try(function() up() end)
try(function() local c <close> = setmetatable({}, {__close = 4}) end)
try(function() local x <close> = 42 end)
try(function() ("x")() end)
try(function() return (nil)() end)
