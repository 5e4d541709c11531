-- Count and line hooks around generic for loops: lua5.4 runs TFORPREP->TFORCALL and
-- TFORCALL->TFORLOOP without a hook check, so those instructions are not counted and
-- get no line event.
local function count(f, n)
  local c = 0
  debug.sethook(function() c = c + 1 end, "", n or 1)
  f()
  debug.sethook()
  return c
end
local t0, t3, t6 = {}, {1, 2, 3}, {1, 2, 3, 4, 5, 6}
local function it(_, i) if i < 3 then return i + 1 end end
print(count(function() for _ in ipairs(t0) do end end))
print(count(function() for _, v in ipairs(t3) do local x = v end end))
print(count(function() for _ in ipairs(t6) do end end))
print(count(function() for _ in it, nil, 0 do end end))
print(count(function() for k in next, t3 do if k == 2 then break end end end))
print(count(function() local s = 0 for _, v in ipairs(t6) do s = s + v end return s end, 3))

-- line events with one-line loops
local lines = {}
local function rec(_, l) lines[#lines + 1] = l end
local function g()
  local s = 0
  for _, v in ipairs(t3) do s = s + v end
  for _ in it, nil, 0 do end
  return s
end
debug.sethook(rec, "l")
g()
debug.sethook()
print(table.concat(lines, " "))
