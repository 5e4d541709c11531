-- which functions return integers and which floats
local function show(name, ...) local r = {} for i, v in ipairs({...}) do r[i] = v .. "/" .. math.type(v) end print(name, table.concat(r, " ")) end
show("abs", math.abs(-2), math.abs(-2.0))
show("floor", math.floor(2), math.floor(2.0), math.floor(-2.5))
show("ceil", math.ceil(2), math.ceil(2.0), math.ceil(-2.5))
show("max", math.max(2, 2.0), math.max(2.0, 2))
show("fmod", math.fmod(5, 3), math.fmod(5.0, 3), math.fmod(5, 3.0))
show("tointeger", math.tointeger(5.0))
show("random", math.random(5, 5))
