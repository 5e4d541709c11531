-- call and return hooks
local events = {}
local function leaf() return 1 end
local function mid() return leaf() + 1 end
debug.sethook(function(ev)
  local info = debug.getinfo(2, "n")
  events[#events + 1] = ev .. ":" .. tostring(info and info.name)
end, "cr")
mid()
debug.sethook()
print(table.concat(events, " "))
