local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function hide(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
local function write(rel, text)
  local f = assert(io.open(dir .. "/" .. rel, "w"))
  f:write(text)
  f:close()
end
-- LUA_PATH_5_4 / LUA_PATH with ";;" standing for the default path
local script = dir .. "/show.lua"
write("show.lua", "print(package.path)\nprint(package.cpath)")
local interp = arg[-1]
local function run(env)
  local p = assert(io.popen(env .. " " .. interp .. " " .. script))
  local out = p:read("a")
  p:close()
  return out
end
print(run("LUA_PATH='/a/?.lua' LUA_CPATH='/b/?.so'"))
print(run("LUA_PATH_5_4='/v/?.lua;;' LUA_PATH='/plain/?.lua'"))
print(run("LUA_PATH=';;/after/?.lua' LUA_CPATH_5_4='/pre/?.so;;/post/?.so'"))
print(run("LUA_PATH=';;'"))
os.execute("rm -rf " .. dir)
