-- Word frequencies of a text, sorted by count then alphabetically.
local text = [[
the quick brown fox jumps over the lazy dog the dog barks
and the fox runs away quick quick
]]
local freq = {}
for word in text:gmatch("%a+") do freq[word] = (freq[word] or 0) + 1 end
local words = {}
for w in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)
for i = 1, 6 do print(words[i], freq[words[i]]) end
print("distinct", #words)
