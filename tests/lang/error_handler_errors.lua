-- An error inside the xpcall message handler is reported as an error in error handling.
local ok, msg = xpcall(function() error("first") end, function(m) error("handler broke") end)
print(ok, type(msg))
local ok2, msg2 = xpcall(function() error("first") end, function(m) local x = nil; return x.y end)
print(ok2, type(msg2))
print(xpcall(function() return "fine" end, function() error("unused") end))
