-- custom entries in package.searchers: strings collected into the error, loader extra data
local saved = package.searchers
package.searchers = {
  function(name) return "\n\tsearcher one says no to " .. name end,
  function(name) if name == "magic" then return function(n, x) return "magic:" .. n .. ":" .. x end, "EXTRA" end end,
  function(name) return nil end,
}
print(require("magic"))
print(pcall(require, "other"))
package.searchers = "broken"
print(pcall(require, "x"))
package.searchers = {}
print(pcall(require, "nothing"))
package.searchers = { function() return 42 end }
print(pcall(require, "num"))
package.searchers = saved
print(#package.searchers)
