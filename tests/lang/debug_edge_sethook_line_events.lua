-- line hook: the lines reported for a small function, including loops and returns
local lines = {}
local function target(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  return s
end
debug.sethook(function(ev, line) if debug.getinfo(2, "S").short_src == "debug_edge_sethook_line_events.lua" then lines[#lines + 1] = line end end, "l")
target(2)
debug.sethook()
print(table.concat(lines, " "))
local calls = {}
debug.sethook(function(ev) local i = debug.getinfo(2, "n") calls[#calls + 1] = ev .. ":" .. tostring(i.name) end, "cr")
target(1)
debug.sethook()
print(table.concat(calls, " "))
