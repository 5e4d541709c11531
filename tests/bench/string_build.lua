-- String building: the same texts assembled three ways (repeated .., table.concat of pieces,
-- and string.rep/sub slicing), then compared. Exercises concatenation, interning of many short
-- strings and buffer growth. Prints the lengths and a sampled byte checksum.

local ROUNDS = 170
local LINES = 4000

local function sample_hash(s)
  -- Sample every 97th byte so the checksum itself stays cheap.
  local h = #s
  for i = 1, #s, 97 do h = (h * 31 + s:byte(i)) % 1000000007 end
  return h
end

local function build_concat(n)
  -- Repeated .. on a growing string: quadratic copying, kept to one short block at a time.
  local blocks = {}
  local block = ""
  for i = 1, n do
    block = block .. "line " .. i .. ": " .. (i * 7 % 13) .. ";"
    if i % 200 == 0 then
      blocks[#blocks + 1] = block
      block = ""
    end
  end
  blocks[#blocks + 1] = block
  return table.concat(blocks)
end

local function build_table(n)
  local parts = {}
  for i = 1, n do
    parts[#parts + 1] = "line "
    parts[#parts + 1] = tostring(i)
    parts[#parts + 1] = ": "
    parts[#parts + 1] = tostring(i * 7 % 13)
    parts[#parts + 1] = ";"
  end
  return table.concat(parts)
end

local function build_words(n)
  -- Many short, distinct strings: the interner's workload.
  local words = {}
  for i = 1, n do
    words[i] = string.rep(string.char(97 + i % 26), 1 + i % 5) .. (i % 100)
  end
  local joined = table.concat(words, " ")
  local upper = joined:upper()
  local half = math.floor(#joined / 2)
  return joined:sub(1, half) .. upper:sub(half + 1)
end

local total_len, hash = 0, 0
for round = 1, ROUNDS do
  local a = build_concat(LINES)
  local b = build_table(LINES)
  if a ~= b then error("concatenation and table.concat disagree in round " .. round) end
  local w = build_words(LINES * 2)
  total_len = total_len + #a + #b + #w
  hash = (hash + sample_hash(a) + sample_hash(w)) % 1000000007
end
print(string.format("%d rounds: %d bytes built, checksum %d", ROUNDS, total_len, hash))
