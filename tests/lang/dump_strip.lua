-- string.dump(f, true) leaves out debug information: the function still runs, but
-- lines, local names and upvalue names are gone, and errors carry no position.
local function f(a, b)
  local sum = a + b
  return sum * 2
end
local full = string.dump(f)
local stripped = string.dump(f, true)
print(#stripped < #full)
local g = load(stripped)
print(g(3, 4))

local info = debug.getinfo(g, "Sl")
print(info.source, info.short_src, info.what, info.linedefined, info.currentline)
local info2 = debug.getinfo(load(full), "S")
print(info2.source, info2.short_src, info2.linedefined, info2.lastlinedefined)

-- no local names in a stripped function, names in a full one
local function locals_of(fn)
  local names = {}
  for i = 1, 3 do names[#names + 1] = tostring(debug.getlocal(fn, i)) end
  return table.concat(names, " ")
end
print(locals_of(load(full)))
print(locals_of(g))

-- errors: no line information after stripping
local function bad(t) return t.x.y end
print(pcall(load(string.dump(bad)), {}))
print(pcall(load(string.dump(bad, true)), {}))
print(pcall(load(string.dump(function() error("msg") end, true))))
print(pcall(load(string.dump(function() error("msg", 2) end, true))))

-- upvalue names are stripped too
local up = 1
local function uses() return up end
-- (a loaded function's first upvalue is set to the globals table)
local n1, v1 = debug.getupvalue(load(string.dump(uses)), 1)
local n2, v2 = debug.getupvalue(load(string.dump(uses, true)), 1)
print(n1, v1 == _G, n2, v2 == _G)
