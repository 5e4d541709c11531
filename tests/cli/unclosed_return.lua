-- A hand-made chunk must not return with an upvalue still open on its registers or a
-- to-be-closed variable still pending: the upvalue would then alias whatever a later
-- call keeps in that stack slot (reading and writing another function's locals), and
-- the pending variable would be "closed" when some later C function returns. Compiled
-- code closes them (RETURN with its close flag); the verifier rejects a chunk whose
-- returns do not (spec/verifier.md).
-- Load dump d with its first RETURN 1 2 1 (close flag set) patched to RETURN 1 2 0.
local function load_unclosed(d, name)
  local at = d:find("\65\1\2\1", 1, true)
  assert(at, "RETURN 1 2 1 not found in the dump of " .. name)
  return load(d:sub(1, at - 1) .. "\65\1\2\0" .. d:sub(at + 4), "=" .. name, "b")
end

local function opener()
  local s = "mine"
  local function peek() return s end
  return peek
end
local d = string.dump(opener)
local f, err = load_unclosed(d, "patched")
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
local g, err2 = load_unclosed(d2, "patched2")
print("pending tbc:", g and "loaded" or err2)
if g then
  g()
  print("after the call", select("#", string.byte("x")))
end
-- the untouched functions still load and work
print("plain", load(d, "=plain", "b")()(), load(d2, "=plain2", "b")())
