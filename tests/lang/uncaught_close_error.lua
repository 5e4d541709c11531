-- A to-be-closed variable is closed before an uncaught error ends the script (first line of the error shown).
local c <close> = setmetatable({}, {__close = function(_, e) print("closing with", (tostring(e):match("^[^\n]*"))) end})
error("main failed")
