-- Calling an undefined global is reported with the global's name.
local x = 1
undefined_function(x)
