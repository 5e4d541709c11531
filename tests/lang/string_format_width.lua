-- width and precision combinations over strings and numbers in one format
local rows = {{"apple", 3, 1.5}, {"kiwi", 12, 0.25}, {"watermelon", 100, 12.125}}
for _, r in ipairs(rows) do
  print(string.format("|%-10s|%5d|%8.3f|%-6x|%+.2e|", r[1], r[2], r[3], r[2], r[3]))
end
print(string.format("%3s|%-3s|%.0s|", "abcdef", "a", "gone"))
print(string.format("%010.4f|%-10.1e|%10.3g", math.pi, math.pi, math.pi))
print(string.format("%.0e|%#.0e|%#.0f|%.0f", 5.0, 5.0, 5.0, 5.0))
print(string.format("%-+6d|%- 6d|%06d|%-06d", 5, 5, -5, 5))
print(string.format("%#5o|%#5x|%#-5X|", 8, 31, 31))
print(string.format("%.5d|%8.5d|%-8.5d|", 42, -42, 42))
print(string.format("%2c|%-2c|", 120, 121))
