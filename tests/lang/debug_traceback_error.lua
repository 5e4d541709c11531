-- an uncaught error prints a traceback on stderr
local function fail() error("deliberate failure") end
local function wrapper() fail() end
print("about to fail")
wrapper()
