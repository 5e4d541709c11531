-- lua_getinfo 'r' (ftransfer/ntransfer) inside call and return hooks: the values moved
-- by the call or the return must be readable with debug.getlocal.
local on = false
local log = {}
local function hook(event)
  if not on then return end
  local ar = debug.getinfo(2, "rn")
  local t = {}
  for i = ar.ftransfer, ar.ftransfer + ar.ntransfer - 1 do
    local _, v = debug.getlocal(2, i)
    t[#t + 1] = tostring(v)
  end
  log[#log + 1] = event .. " " .. tostring(ar.name) .. " [" .. table.concat(t, ",") .. "]"
end

local function lf(a, b) return b, a, a + b end
local function vf(a, ...) local x = select("#", ...) return x, a, ... end
local function tc(n) if n == 0 then return "done" end return tc(n - 1) end

debug.sethook(hook, "cr")
on = true; math.max(3, 7, 5); on = false
on = true; select(2, 10, 20, 30); on = false
on = true; lf(1, 2); on = false
on = true; vf(1, 2, 3); on = false
on = true; tc(2); on = false
on = true; local _ = string.rep("x", 3) on = false
debug.sethook()
for _, l in ipairs(log) do print(l) end

-- outside hooks there is no transfer information
local ar = debug.getinfo(1, "r")
print(ar.ftransfer, ar.ntransfer)
