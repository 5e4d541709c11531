-- collectgarbage's options and their results: previous settings from setpause/setstepmul
-- (deprecated but still in 5.4), the previous mode from "incremental"/"generational",
-- isrunning around stop/restart, and the error for an unknown option.
print(collectgarbage("isrunning"))
print(collectgarbage("stop"), collectgarbage("isrunning"))
print(collectgarbage("restart"), collectgarbage("isrunning"))
print(collectgarbage("setpause", 150), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 100))
print(collectgarbage("generational"), collectgarbage("generational", 20, 100))
print(collectgarbage("incremental"), collectgarbage("incremental", 200, 100, 13))
print(collectgarbage("incremental"))
print(collectgarbage(), collectgarbage("collect"))
print(type(collectgarbage("count")), math.type(collectgarbage("count")))
print(type(collectgarbage("step")), type(collectgarbage("step", 100)))
print(pcall(collectgarbage, "nope"))
print(pcall(collectgarbage, 1))
print(select("#", collectgarbage("stop")), select("#", collectgarbage("restart")))
-- the collector keeps working after stop/restart cycles
collectgarbage("stop")
local t = {} for i = 1, 1000 do t[i] = {i} end
collectgarbage("restart")
t = nil
collectgarbage()
print(collectgarbage("isrunning"))
-- lua5.4 keeps pause and step multiplier as a byte holding value/4
print(collectgarbage("setpause", 2000), collectgarbage("setpause", 201), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 7), collectgarbage("setstepmul", 100))
print(collectgarbage("incremental", 150, 330), collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
