-- os.date: invalid conversion specifiers, '%' at end, E/O modifiers, non-string formats
local t = 86400 * 365
for _, f in ipairs({"%", "%Q", "%E", "%Ex", "%Ec", "%EY", "%Od", "%OH", "%Oz", "%5d", "%%", "%n%t", "%Ez"}) do
  print(string.format("%q", f), pcall(os.date, "!" .. f, t))
end
print(pcall(os.date, "!%Y", "x"))
print(pcall(os.date, "!%Y", 1.5))
print(pcall(os.date, {}))
print(os.date("!", t) == "", os.date("", t) == "")
print(os.date(123, 0) == "123")
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", -1))
print(os.date("!%j %U %W %w %a %A %b %B %p %y %C %e|%D|%F|%R|%T|%u|%V|%G|%g|%h", 951782400))
print(#os.date("!%c", 0) > 0, os.date("!%x", 0), os.date("!%X", 0))
