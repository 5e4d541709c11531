-- string.format in a loop: integers (%d, %5d, %-8d, %x, %X, %o), floats (%.3f, %e, %g, %10.2f),
-- strings (%s, %-10s, %q) and characters (%c), formatted into report lines and tostring calls.
-- Prints the total length and a sampled hash of everything formatted (all exact integers).

local N = 330000

local NAMES = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" }

local function hash_line(h, s)
  return (h * 31 + #s * 17 + s:byte(1) + s:byte(-1)) % 1000000007
end

local total, h = 0, 0
for i = 1, N do
  local name = NAMES[i % #NAMES + 1]
  local f = i / 7
  local line1 = string.format("%5d|%-8d|%x|%X|%o|%c", i, i * 3, i * 17, i * 31, i, 65 + i % 26)
  local line2 = string.format("%.3f %e %g %10.2f", f, f * 1000, f / 3, -f)
  local line3 = string.format("%s=%-10s [%q] %3d%%", name, name:upper(), name .. "\n", i % 100)
  local line4 = string.format("%s:%s:%s", tostring(i), tostring(i % 2 == 0), name)
  total = total + #line1 + #line2 + #line3 + #line4
  h = hash_line(hash_line(hash_line(hash_line(h, line1), line2), line3), line4)
end
print(string.format("%d rounds: %d bytes formatted, hash %d", N, total, h))
print(string.format("%5d|%-8d|%x|%X|%o|%c", 255, 42, 255, 3054, 8, 90))
print(string.format("%.3f %e %g %10.2f", 1 / 7, 1000 / 7, 1 / 21, -1 / 7))
print(string.format("%s=%-10s [%q] %3d%%", "eta", "ETA", "eta\n", 7))
