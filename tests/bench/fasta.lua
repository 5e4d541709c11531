-- Fasta (Benchmarks Game): generate DNA sequences by repetition and by a weighted random choice.
-- String slicing, table.concat of 60-column lines, a linear-congruential generator and float compares.
-- Instead of the sequences it prints their checksum: length, a line hash and per-letter counts.

local N = 500000

local IM, IA, IC = 139968, 3877, 29573
local last = 42
local function random(max)
  last = (last * IA + IC) % IM
  return max * last / IM
end

local ALU =
  "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG" ..
  "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA" ..
  "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT" ..
  "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA" ..
  "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG" ..
  "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC" ..
  "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"

local IUB = {
  { "a", 0.27 }, { "c", 0.12 }, { "g", 0.12 }, { "t", 0.27 },
  { "B", 0.02 }, { "D", 0.02 }, { "H", 0.02 }, { "K", 0.02 },
  { "M", 0.02 }, { "N", 0.02 }, { "R", 0.02 }, { "S", 0.02 },
  { "V", 0.02 }, { "W", 0.02 }, { "Y", 0.02 },
}

local HOMO_SAPIENS = {
  { "a", 0.3029549426680 }, { "c", 0.1979883004921 },
  { "g", 0.1975473066391 }, { "t", 0.3015094502008 },
}

local WIDTH = 60
local out = {}       -- every output line, joined once at the end
local line_hash = 0

local function emit(line)
  out[#out + 1] = line
  line_hash = (line_hash * 31 + #line * 7 + line:byte(1) + line:byte(-1)) % 1000000007
end

local function repeat_fasta(header, src, n)
  emit(header)
  local len = #src
  local src2 = src .. src:sub(1, WIDTH)  -- so every line is one substring
  local pos = 1
  while n > 0 do
    local w = n < WIDTH and n or WIDTH
    emit(src2:sub(pos, pos + w - 1))
    pos = pos + w
    if pos > len then pos = pos - len end
    n = n - w
  end
end

local function random_fasta(header, table_, n)
  emit(header)
  -- Turn the probabilities into a cumulative table, as the original does.
  local chars, probs, acc = {}, {}, 0
  for i, pair in ipairs(table_) do
    acc = acc + pair[2]
    chars[i], probs[i] = pair[1], acc
  end
  local count = #chars
  local buf = {}
  while n > 0 do
    local w = n < WIDTH and n or WIDTH
    for i = 1, w do
      local r = random(1.0)
      local c = count
      for k = 1, count do
        if r < probs[k] then c = k; break end
      end
      buf[i] = chars[c]
    end
    for i = w + 1, #buf do buf[i] = nil end
    emit(table.concat(buf))
    n = n - w
  end
end

repeat_fasta(">ONE Homo sapiens alu", ALU, N * 2)
random_fasta(">TWO IUB ambiguity codes", IUB, N * 3)
random_fasta(">THREE Homo sapiens frequency", HOMO_SAPIENS, N * 5)

local text = table.concat(out, "\n") .. "\n"
print(string.format("length %d, lines %d, line hash %d", #text, #out, line_hash))
local letters = "acgtBDHKMNRSVWYACGT"
local counts = {}
for i = 1, #letters do
  local ch = letters:sub(i, i)
  local _, n = text:gsub(ch, "")
  counts[#counts + 1] = ch .. "=" .. n
end
print(table.concat(counts, " "))
