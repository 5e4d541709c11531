-- default search paths (no LUA_PATH/LUA_CPATH set by the test runner)
if os.getenv("LUA_PATH") or os.getenv("LUA_PATH_5_4") or os.getenv("LUA_CPATH") or os.getenv("LUA_CPATH_5_4") then
  print("skipped")
  print("skipped")
else
  for p in package.path:gmatch("[^;]+") do print(p) end
  for p in package.cpath:gmatch("[^;]+") do print(p) end
end
