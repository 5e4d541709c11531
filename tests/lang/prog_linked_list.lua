-- A singly linked list with __len, __index for methods, __concat to join and __eq by contents.
local List = {}
List.__index = List
function List.new(...) local l = setmetatable({head = nil, n = 0}, List) for i = select('#', ...), 1, -1 do l:push((select(i, ...))) end return l end
function List:push(v) self.head = {value = v, next = self.head}; self.n = self.n + 1 end
function List:iter() local node = self.head return function() if node then local v = node.value; node = node.next; return v end end end
function List:totable() local t = {} for v in self:iter() do t[#t + 1] = v end return t end
function List:reverse() local r = List.new() for v in self:iter() do r:push(v) end return r end
List.__len = function(l) return l.n end
List.__tostring = function(l) return "(" .. table.concat(l:totable(), " ") .. ")" end
List.__concat = function(a, b)
  local t = a:totable()
  for _, v in ipairs(b:totable()) do t[#t + 1] = v end
  return List.new(table.unpack(t))
end
List.__eq = function(a, b) return tostring(a) == tostring(b) end
local l = List.new(1, 2, 3)
print(tostring(l), #l, tostring(l:reverse()))
print(tostring(l .. List.new(4, 5)), #(l .. l))
print(l == List.new(1, 2, 3), l == l:reverse(), l ~= List.new())
