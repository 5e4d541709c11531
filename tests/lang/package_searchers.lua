-- custom searchers and their messages
local calls = {}
table.insert(package.searchers, 2, function(name)
  calls[#calls + 1] = name
  if name == "virtual" then
    return function(n, extra) return "virtual module " .. n .. " " .. extra end, "xdata"
  end
  return "\n\tcustom searcher says no"
end)
print(require("virtual"))
package.path = "/nonexistent_cove_dir/?.lua"
package.cpath = ""
print(pcall(require, "absent"))
print(table.concat(calls, ","))
table.insert(package.searchers, 1, function() return nil end)
print(pcall(require, "absent2"))
