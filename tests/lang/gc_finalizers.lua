-- __gc finalizers run on collectgarbage("collect") for unreachable objects, and at state close.
local log = {}
local function make(name)
  return setmetatable({name = name}, {__gc = function(o) log[#log + 1] = o.name end})
end
local keep = make("kept")
do make("temp1") end
collectgarbage()
collectgarbage()
print("kept alive:", keep.name, "finalized:", table.concat(log, ","))
local mt = {}
local late = setmetatable({}, mt)
mt.__gc = function() print("never: __gc set after setmetatable") end
late = nil
collectgarbage()
setmetatable({}, {__gc = function() print("finalizer at exit") end})
print("end of script")
