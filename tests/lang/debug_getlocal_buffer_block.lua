-- A C function's luaL_Buffer block must never reach Lua code: debug.getlocal on the
-- frame of string.gsub (a C function building its result in a buffer) while the
-- replacement function runs sees "(C temporary)" slots. lua5.4 shows its buffer box as
-- a userdata; Cove frees its block when the buffer is done, so it must not show it as a
-- string either (a script holding it would read freed memory).
local seen = {}
local subject = string.rep("abcdefghij", 2000)  -- 20,000 bytes: the buffer grows
local calls = 0
local out = subject:gsub("a", function(m)
  calls = calls + 1
  if calls % 500 == 0 then
    local i = 1
    while true do
      local name, value = debug.getlocal(2, i)
      if not name then break end
      seen[#seen + 1] = {name, value}
      i = i + 1
    end
  end
  return "A"
end)
print(#out, calls, out:sub(1, 12))

-- Allocate freely so freed blocks are reused, then look at everything collected.
local junk = {}
for i = 1, 2000 do junk[i] = string.rep(string.char(65 + i % 26), 50 + i % 3000) end
collectgarbage()
local long_strings, names = 0, {}
for _, nv in ipairs(seen) do
  local name, value = nv[1], nv[2]
  names[name] = true
  if type(value) == "string" and value ~= subject and value ~= "a" then
    long_strings = long_strings + 1
    assert(value:byte(1) and value:byte(#value))  -- would touch freed memory
  end
end
print("temporaries seen", #seen > 0)
print("only C temporaries", names["(C temporary)"] and next(names, next(names)) == nil)
print("buffer blocks exposed as strings", long_strings)
