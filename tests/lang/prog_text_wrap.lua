-- Word wrapping and justification of a paragraph at a fixed width.
local text = "Lua is a powerful, efficient, lightweight, embeddable scripting language. " ..
  "It supports procedural programming, object-oriented programming, functional programming, " ..
  "data-driven programming, and data description."
local function wrap(s, width)
  local lines, line = {}, ""
  for word in s:gmatch("%S+") do
    if #line == 0 then line = word
    elseif #line + 1 + #word <= width then line = line .. " " .. word
    else lines[#lines + 1] = line; line = word end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end
for _, l in ipairs(wrap(text, 32)) do print("|" .. l .. string.rep(" ", 32 - #l) .. "|") end
print(#wrap(text, 20), #wrap(text, 80))
