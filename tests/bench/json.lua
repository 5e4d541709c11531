-- JSON encoder and decoder written in plain Lua, round-tripping generated documents.
-- String scanning with find/sub/byte, escapes, number formatting, recursive descent, table building.
-- Prints the encoded size and a checksum of the decoded data; object keys are encoded sorted.

local DOCS = 60
local ITEMS = 200

local seed = 12345
local function rand(n)  -- Park-Miller minimal standard generator: exact in doubles and integers
  seed = (seed * 16807) % 2147483647
  return seed % n
end

---------------------------------------------------------------- encoder

local ESCAPES = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function escape_char(c)
  return ESCAPES[c] or string.format("\\u%04x", c:byte())
end

local encode_value

local function encode_string(s, out)
  out[#out + 1] = '"' .. s:gsub('[%c"\\]', escape_char) .. '"'
end

local function encode_number(x, out)
  if x == math.floor(x) and x > -1e15 and x < 1e15 then
    out[#out + 1] = string.format("%d", x)
  else
    out[#out + 1] = string.format("%.14g", x)
  end
end

local function encode_table(t, out)
  if t[1] ~= nil or next(t) == nil then
    out[#out + 1] = "["
    for i = 1, #t do
      if i > 1 then out[#out + 1] = "," end
      encode_value(t[i], out)
    end
    out[#out + 1] = "]"
  else
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    out[#out + 1] = "{"
    for i, k in ipairs(keys) do
      if i > 1 then out[#out + 1] = "," end
      encode_string(k, out)
      out[#out + 1] = ":"
      encode_value(t[k], out)
    end
    out[#out + 1] = "}"
  end
end

function encode_value(v, out)
  local ty = type(v)
  if ty == "string" then encode_string(v, out)
  elseif ty == "number" then encode_number(v, out)
  elseif ty == "boolean" then out[#out + 1] = v and "true" or "false"
  elseif ty == "table" then encode_table(v, out)
  else out[#out + 1] = "null" end
end

local function encode(v)
  local out = {}
  encode_value(v, out)
  return table.concat(out)
end

---------------------------------------------------------------- decoder

local decode_value

local function skip_ws(s, pos)
  return (s:find("[^ \t\r\n]", pos)) or #s + 1
end

local UNESCAPES = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }

local function decode_string(s, pos)
  local parts = {}
  pos = pos + 1
  while true do
    local stop = s:find('["\\]', pos)
    if not stop then error("unterminated string at " .. pos) end
    parts[#parts + 1] = s:sub(pos, stop - 1)
    if s:byte(stop) == 34 then  -- closing quote
      return table.concat(parts), stop + 1
    end
    local esc = s:sub(stop + 1, stop + 1)
    if esc == "u" then
      parts[#parts + 1] = string.char(tonumber(s:sub(stop + 2, stop + 5), 16))
      pos = stop + 6
    else
      parts[#parts + 1] = UNESCAPES[esc] or error("bad escape at " .. stop)
      pos = stop + 2
    end
  end
end

local function decode_number(s, pos)
  local text = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
  return tonumber(text), pos + #text
end

local function decode_array(s, pos)
  local arr = {}
  pos = skip_ws(s, pos + 1)
  if s:byte(pos) == 93 then return arr, pos + 1 end  -- ]
  while true do
    local v
    v, pos = decode_value(s, pos)
    arr[#arr + 1] = v
    pos = skip_ws(s, pos)
    local c = s:byte(pos)
    if c == 93 then return arr, pos + 1 end
    if c ~= 44 then error("expected ',' or ']' at " .. pos) end
    pos = skip_ws(s, pos + 1)
  end
end

local function decode_object(s, pos)
  local obj = {}
  pos = skip_ws(s, pos + 1)
  if s:byte(pos) == 125 then return obj, pos + 1 end  -- }
  while true do
    local k, v
    k, pos = decode_string(s, pos)
    pos = skip_ws(s, pos)
    if s:byte(pos) ~= 58 then error("expected ':' at " .. pos) end
    v, pos = decode_value(s, skip_ws(s, pos + 1))
    obj[k] = v
    pos = skip_ws(s, pos)
    local c = s:byte(pos)
    if c == 125 then return obj, pos + 1 end
    if c ~= 44 then error("expected ',' or '}' at " .. pos) end
    pos = skip_ws(s, pos + 1)
  end
end

function decode_value(s, pos)
  local c = s:byte(pos)
  if c == 123 then return decode_object(s, pos)
  elseif c == 91 then return decode_array(s, pos)
  elseif c == 34 then return decode_string(s, pos)
  elseif c == 116 then return true, pos + 4
  elseif c == 102 then return false, pos + 5
  elseif c == 110 then return nil, pos + 4
  else return decode_number(s, pos) end
end

local function decode(s)
  local v = decode_value(s, skip_ws(s, 1))
  return v
end

---------------------------------------------------------------- generated data and checksum

local WORDS = { "alpha", "beta", "gamma", "delta", "tab\there", "quote\"d", "back\\slash",
                "line\nbreak", "caf\195\169", "zeta", "eta", "theta" }

local function make_item(i)
  local tags = {}
  for k = 1, rand(5) + 1 do tags[k] = WORDS[rand(#WORDS) + 1] end
  return {
    id = i,
    name = WORDS[rand(#WORDS) + 1] .. " " .. i,
    price = rand(100000) / 100,
    ratio = rand(1000) / 7,
    active = rand(2) == 1,
    tags = tags,
    dims = { w = rand(500), h = rand(500), d = rand(500) - 250 },
    empty = {},
  }
end

local function checksum(v)
  local ty = type(v)
  if ty == "number" then return v
  elseif ty == "string" then return #v
  elseif ty == "boolean" then return v and 1 or 0
  elseif ty == "table" then
    -- Visit keys in sorted order so the float sum does not depend on the traversal order.
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) then return a < b end
      return type(a) == "number"
    end)
    local sum = 0
    for _, k in ipairs(keys) do sum = sum + checksum(v[k]) end
    return sum
  end
  return 0
end

local total_bytes, total_sum = 0, 0
for d = 1, DOCS do
  local doc = { doc = d, items = {} }
  for i = 1, ITEMS do doc.items[i] = make_item(i) end
  local text = encode(doc)
  local back = decode(text)
  local again = encode(back)
  if again ~= text then error("round trip changed document " .. d) end
  total_bytes = total_bytes + #text
  total_sum = total_sum + checksum(back)
end
print(string.format("%d documents, %d bytes, checksum %.6f", DOCS, total_bytes, total_sum))
