-- Text processing with Lua patterns over a generated text of about 1 MB: word frequencies with
-- gmatch, rewriting with gsub (function, table and string replacements), plain and pattern find.
-- Prints counts and the most frequent words (ties broken alphabetically).

local WORDS_IN_TEXT = 150000
local PASSES = 4

local seed = 4242
local function rand(n)  -- Park-Miller minimal standard generator
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local VOCAB = {
  "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "lorem", "ipsum", "dolor",
  "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod", "tempor",
  "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "Lua", "coroutine",
  "metatable", "closure", "upvalue", "garbage", "collector", "table", "string", "pattern",
}

local function make_text(n)
  local parts = {}
  for i = 1, n do
    local r = rand(100)
    local w = VOCAB[rand(#VOCAB) + 1]
    if r < 3 then
      w = "user" .. rand(1000) .. "@host" .. rand(10) .. ".example.com"
    elseif r < 8 then
      w = tostring(rand(100000))
    end
    parts[i] = w
    if i % 12 == 0 then parts[i] = w .. ".\n" elseif i % 5 == 0 then parts[i] = w .. "," end
  end
  return table.concat(parts, " ")
end

local text = make_text(WORDS_IN_TEXT)

local function word_frequencies(s)
  local freq = {}
  for w in s:gmatch("%a+") do
    w = w:lower()
    freq[w] = (freq[w] or 0) + 1
  end
  local list = {}
  for w, n in pairs(freq) do list[#list + 1] = { w, n } end
  table.sort(list, function(a, b)
    if a[2] ~= b[2] then return a[2] > b[2] end
    return a[1] < b[1]
  end)
  return list
end

local function count_plain(s, needle)
  local n, pos = 0, 1
  while true do
    local i, j = s:find(needle, pos, true)
    if not i then return n end
    n = n + 1
    pos = j + 1
  end
end

local results = {}
for pass = 1, PASSES do
  local list = word_frequencies(text)
  local top = {}
  for i = 1, 5 do top[i] = list[i][1] .. "=" .. list[i][2] end

  -- Capitalise every word through a function replacement.
  local capitalised, ncap = text:gsub("(%a)(%a*)", function(first, rest) return first:upper() .. rest end)
  -- Abbreviate known words through a table replacement.
  local abbrev = { the = "t", quick = "q", metatable = "mt", coroutine = "co" }
  local short, nshort = text:gsub("%a+", abbrev)
  -- Swap the parts of every address with a string replacement.
  local swapped, nmail = text:gsub("(%w+)@([%w%.]+)", "%2 at %1")
  -- Sum every number that stands alone.
  local numsum = 0
  for d in text:gmatch("%f[%w](%d+)%f[%W]") do numsum = numsum + tonumber(d) end
  -- Lines that end with a given word.
  local lines = 0
  for line in text:gmatch("[^\n]+") do
    if line:find("dog%.$") then lines = lines + 1 end
  end

  results[pass] = string.format(
    "top %s | capitalised %d (%d bytes) | abbreviated %d (%d bytes) | addresses %d (%d bytes) | " ..
    "numbers sum %d | 'the' %d times | lines ending in dog %d",
    table.concat(top, " "), ncap, #capitalised, nshort, #short, nmail, #swapped,
    numsum, count_plain(text, "the"), lines)
end
if results[1] ~= results[PASSES] then error("passes disagree") end
print(string.format("%d bytes of text, %d passes", #text, PASSES))
print(results[1])
