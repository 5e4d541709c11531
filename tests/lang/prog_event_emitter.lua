-- An event emitter: listeners registered per event, called in order, one-shot listeners, removal.
local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({handlers = {}}, Emitter) end
function Emitter:on(ev, fn) local l = self.handlers[ev] or {} self.handlers[ev] = l l[#l + 1] = fn return fn end
function Emitter:once(ev, fn)
  local wrapper
  wrapper = function(...) self:off(ev, wrapper) return fn(...) end
  return self:on(ev, wrapper)
end
function Emitter:off(ev, fn)
  local l = self.handlers[ev] or {}
  for i = #l, 1, -1 do if l[i] == fn then table.remove(l, i) end end
end
function Emitter:emit(ev, ...)
  local l = {table.unpack(self.handlers[ev] or {})}
  for _, fn in ipairs(l) do fn(...) end
  return #l
end
local e = Emitter.new()
local h = e:on("data", function(x) print("first", x) end)
e:on("data", function(x) print("second", x) end)
e:once("data", function(x) print("once", x) end)
print(e:emit("data", 1))
print(e:emit("data", 2))
e:off("data", h)
print(e:emit("data", 3), e:emit("none"))
