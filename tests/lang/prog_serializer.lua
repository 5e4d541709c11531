-- A JSON-like serializer with sorted keys, arrays vs objects, escaping and cycle detection.
local function serialize(v, seen)
  seen = seen or {}
  local t = type(v)
  if t == "nil" then return "null"
  elseif t == "boolean" then return tostring(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then return "null" end
    if math.type(v) == "integer" then return tostring(v) end
    return string.format("%.14g", v)
  elseif t == "string" then
    return '"' .. v:gsub('[%c"\\]', function(c)
      local map = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t'}
      return map[c] or string.format("\\u%04x", c:byte())
    end) .. '"'
  elseif t == "table" then
    if seen[v] then error("cycle detected", 0) end
    seen[v] = true
    local out = {}
    if #v > 0 or next(v) == nil then
      for i = 1, #v do out[i] = serialize(v[i], seen) end
      seen[v] = nil
      return "[" .. table.concat(out, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for i, k in ipairs(keys) do
      local val = v[k]
      if val == nil then val = v[tonumber(k)] end
      out[i] = serialize(k, seen) .. ":" .. serialize(val, seen)
    end
    seen[v] = nil
    return "{" .. table.concat(out, ",") .. "}"
  end
  error("cannot serialize a " .. t, 0)
end
print(serialize({name = "cove", version = 1.5, tags = {"vm", "lua"}, nested = {a = {b = {c = true}}}}))
print(serialize({1, 2.5, "three", false, {}}))
print(serialize("quote\" backslash\\ newline\n tab\t bell\a"))
print(serialize({z = 1, a = 2, m = {y = 0, x = -1}}))
local cyc = {}
cyc.self = cyc
print(pcall(serialize, cyc))
print(pcall(serialize, {f = print}))
print(serialize({0/0, 1/0, 2^63, math.mininteger}))
