-- A call hook that installs a line hook must see line events in the called function
-- when it is vararg (the hook runs at VARARGPREP; the dispatch must be re-picked).
local a = {}
function a:f(x, y, ...) local arg = {...}; local c = 13 end
local seen
debug.sethook(function(e)
  debug.sethook(function(e, l)
    debug.sethook(nil)
    local name, value = debug.getlocal(2, 2)
    seen = {l, debug.getinfo(2, "l").currentline, name, value}
  end, "l")
end, "c")
a:f(1, 2, 3, 4)
print(table.concat(seen, " "))
