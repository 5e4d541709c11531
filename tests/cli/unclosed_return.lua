-- A hand-made chunk must not return with an upvalue still open on its registers or a
-- to-be-closed variable still pending: the upvalue would then alias whatever a later
-- call keeps in that stack slot (reading and writing another function's locals), and
-- the pending variable would be "closed" when some later C function returns. Compiled
-- code closes them (RETURN with its close flag); the verifier rejects a chunk whose
-- returns do not (spec/verifier.md).
local function opener()
  local s = "mine"
  local function peek() return s end
  return peek
end
local d = string.dump(opener)
-- RETURN 1 2 1 (close flag set) becomes RETURN 1 2 0
local at = d:find("\65\1\2\1", 1, true)
assert(at, "RETURN 1 2 1 not found in the dump")
local patched = d:sub(1, at - 1) .. "\65\1\2\0" .. d:sub(at + 4)
local f, err = load(patched, "=patched", "b")
print("open upvalue:", f and "loaded" or err)
if f then
  local peek = f()
  local function other() local secret = "someone else's local" return secret end
  other()
  print("peek reads", peek())
end

local function closer()
  local x <close> = setmetatable({}, {__close = function() print("closed") end})
  return 1
end
local d2 = string.dump(closer)
local at2 = d2:find("\65\1\2\1", 1, true)
assert(at2, "RETURN 1 2 1 not found in the second dump")
local patched2 = d2:sub(1, at2 - 1) .. "\65\1\2\0" .. d2:sub(at2 + 4)
local g, err2 = load(patched2, "=patched2", "b")
print("pending tbc:", g and "loaded" or err2)
if g then
  g()
  print("after the call", select("#", string.byte("x")))
end
-- the untouched functions still load and work
print("plain", load(d, "=plain", "b")()(), load(d2, "=plain2", "b")())
