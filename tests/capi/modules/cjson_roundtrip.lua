-- requires: cjson
-- Debian's lua-cjson binary, loaded with require: encode/decode round trips of nested
-- values, numbers, escapes, null and arrays, configuration calls and decode errors.
local cjson = require "cjson"
print(type(cjson.null), cjson.decode("null") == cjson.null)

local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, ",")
end

-- arrays and scalars encode deterministically
print(cjson.encode({1, 2, 3}), cjson.encode({}), cjson.encode("a\"b\\c\n\t/"))
print(cjson.encode(42), cjson.encode(-0.5), cjson.encode(1e20), cjson.encode(true), cjson.encode(cjson.null))
print(cjson.encode({"x", {"nested", {true, false}}, 3.25}))
print(cjson.encode({key = "single"}))

-- round trips
local doc = {
  name = "cove", version = 0.1, tags = {"vm", "lua", "c"},
  deps = {gc = {required = true, version = "8.2"}, ffi = {required = false}},
  matrix = {{1, 2}, {3, 4}}, empty = {}, unicode = "caf\195\169 \226\130\172",
}
local text = cjson.encode(doc)
local back = cjson.decode(text)
print(sorted_keys(back))
print(back.name, back.version, table.concat(back.tags, "+"), back.deps.gc.required, back.deps.gc.version)
print(back.matrix[2][1], #back.matrix, back.unicode, next(back.empty))
print(cjson.encode(cjson.decode(cjson.encode(back.tags))) == cjson.encode(back.tags))

-- decoding details
local d = cjson.decode('{"a": [1, 2.5, -3e2, "s\\u00e9\\n", null, true, false], "b": {"c": {}}}')
for i = 1, 7 do io.write(tostring(d.a[i] == cjson.null and "null" or d.a[i]), " ") end
print()
print(math.type(d.a[1]), math.type(d.a[2]), d.a[3], d.b.c ~= nil)
print(cjson.decode("[]")[1], #cjson.decode("[1,[2,[3]]]"), cjson.decode('"\\ud83d\\ude00"'))

-- errors
for _, bad in ipairs{"{bad", "[1,]", '"unterminated', "nul", "", "[1] x"} do
  print(pcall(cjson.decode, bad))
end
print(pcall(cjson.encode, {[1] = 1, [3] = 3, [100] = 5}))
print(pcall(cjson.encode, function() end))
local cyc = {} cyc[1] = cyc
print(pcall(cjson.encode, cyc))

-- configuration
cjson.encode_sparse_array(true)
print(cjson.encode({[1] = "a", [4] = "d"}))
print(cjson.encode_number_precision(4), cjson.encode(math.pi))
local c2 = cjson.new()
print(c2.encode({1.5}), c2.decode("[7]")[1])
