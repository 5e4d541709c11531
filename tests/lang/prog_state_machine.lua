-- A table-driven state machine parsing a simple key=value config with comments and errors.
local input = "name = cove\n# comment\nversion=5\n\nbroken line\nmode = fast # trailing\n"
local results, errors = {}, {}
local lineno = 0
for line in (input .. "\n"):gmatch("(.-)\n") do
  lineno = lineno + 1
  local state, key, value = "start", "", ""
  for c in line:gmatch(".") do
    if state == "start" then
      if c == "#" then state = "done" elseif c:match("[%w_]") then key = c; state = "key" elseif c ~= " " then state = "error" end
    elseif state == "key" then
      if c:match("[%w_]") then key = key .. c elseif c == "=" then state = "value" elseif c == " " then state = "eq" else state = "error" end
    elseif state == "eq" then
      if c == "=" then state = "value" elseif c ~= " " then state = "error" end
    elseif state == "value" then
      if c == "#" then state = "done" else value = value .. c end
    end
  end
  if state == "value" or (state == "done" and key ~= "") then
    results[#results + 1] = key .. "=[" .. value:match("^%s*(.-)%s*$") .. "]"
  elseif state == "error" or state == "key" or state == "eq" then
    errors[#errors + 1] = "line " .. lineno .. ": syntax error"
  end
end
print(table.concat(results, " "))
print(table.concat(errors, "; "))
