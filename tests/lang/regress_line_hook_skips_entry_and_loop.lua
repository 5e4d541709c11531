-- Line hooks must not see Cove's ENTER/LOOP budget instructions nor VARARGPREP: the
-- first event of a chunk is its first statement's line, and a loop head ('repeat',
-- 'while') reports no extra line (db.lua line-trace tests).
local function trace(s)
  local t = {}
  debug.sethook(function(e, l) t[#t + 1] = l end, "l"); load(s)(); debug.sethook()
  print(table.concat(t, ","))
end
trace("--\nif nil then\n  a=1\nelse\n  a=2\nend\n")
trace("a=1\nrepeat\n  a=a+1\nuntil a==3\n")
trace(" do\n  return\nend\n")
trace("local a\na=1\nwhile a<=3 do\n  a=a+1\nend\n")
trace("while math.sin(1) do\n  if math.sin(1)\n  then break\n  end\nend\na=1")
trace("for i=1,3 do\n  a=i\nend\n")
trace("for i,v in pairs{'a','b'} do\n  a=tostring(i) .. v\nend\n")
trace("for i=1,4 do a=1 end")
trace("::top::\na = (a or 0) + 1\nif a < 3 then goto top end\n")
-- a non-vararg function: its first line fires once
local function f(x)
  local y = x
  return y
end
local lines = {}
debug.sethook(function(e, l) lines[#lines + 1] = l end, "l"); f(1); debug.sethook()
print(table.concat(lines, ","))
