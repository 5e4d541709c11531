-- debug.getinfo names a running metamethod after the event ("index", "add", ...) with
-- namewhat "metamethod", for every opcode that can trigger one (lua5.4 funcnamefromcode).
local seen = {}
local function who()
  local info = debug.getinfo(2, "n")
  seen[#seen + 1] = tostring(info.namewhat) .. ":" .. tostring(info.name)
end
local mt = {}
for _, e in ipairs({"index", "newindex", "add", "sub", "mul", "div", "mod", "pow", "unm",
                    "idiv", "band", "bor", "bxor", "shl", "shr", "bnot", "concat", "len",
                    "eq", "lt", "le", "call", "close"}) do
  mt["__" .. e] = function(...) who() if e == "index" then return function() return 0 end end
    if e == "eq" or e == "lt" or e == "le" then return true end return 0 end
end
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
local k = "key"
local _
_ = a.field; _ = a[k]; _ = a[1]; a.field = 1; a[k] = 1; a[1] = 1
_ = a + 1; _ = a + b; _ = a - 1; _ = a * 2; _ = a / 2; _ = a % 2; _ = a ^ 2; _ = -a
_ = a // 2; _ = a & 1; _ = a | 1; _ = a ~ 1; _ = a << 1; _ = a >> 1; _ = ~a
_ = a .. "x"; _ = #a; _ = a == b; _ = a < b; _ = a <= b; _ = a > 1; _ = a >= 1; _ = a < 1
_ = a:method()
do local c <close> = a end
for i, s in ipairs(seen) do print(i, s) end

-- names of ordinary calls (no tail calls: those lose the name)
local function name() local i = debug.getinfo(2, "n") return i.namewhat .. ":" .. tostring(i.name) end
local function callee() local r = name() return r end
local t = {f = callee}
function t:m() local r = name() return r end
gfun = callee
local lfun = callee
print(t.f(), t:m(), gfun(), lfun())
local up = lfun
print((function() local r = up() return r end)())
for x in function(_, c) if not c then local r = name() return r end end do print("iter", x) end
print(pcall(name))
