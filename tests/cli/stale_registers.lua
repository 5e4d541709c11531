-- A loaded binary chunk must not read what earlier calls left in the stack slots its
-- frame reuses: compiled code always writes a register before reading it, a hand-made
-- chunk need not. Cove clears the registers above the parameters on entry to every
-- function that came from a binary chunk (ENTER with A = 1; spec/verifier.md).
local function victim()
  local a, b = 1, 2
  return b
end
local d = string.dump(victim)
-- LOADI 1 2 (b = 2) becomes LOADI 0 2, so register 1 (b) is never written
local at = d:find("\1\1\1\128", 1, true)
assert(at, "LOADI 1 2 not found in the dump")
local patched = d:sub(1, at - 1) .. "\1\0\1\128" .. d:sub(at + 4)
local f = assert(load(patched, "=patched", "b"))

local function leave_secret()
  local x, y = "secret-x", "secret-y"
  return #x + #y
end
leave_secret()
local r = f()
print("stale register reads", r)
leave_secret()
local r2 = f()
print("again", r2)
-- the untouched function still works
local g = assert(load(d, "=plain", "b"))
print("plain", g())
