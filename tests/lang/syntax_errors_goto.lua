-- Label and goto errors: missing labels, duplicate labels, jumping into a local's scope.
local cases = {
  "goto nowhere",
  "::a:: ::a::",
  "do goto l end local x = 1 ::l:: print(x)",
  "do ::l:: end goto l",
  "repeat goto cont; local x ::cont:: until x",
  "::a:: do ::a:: end",
  "goto 1",
  "::a",
}
for _, src in ipairs(cases) do
  local f, msg = load(src)
  print(f and "ok" or "nil", msg)
end
