-- CR, LF, CRLF and LFCR each count as one line, as error positions show.
local function line_of(src)
  local f, msg = load(src)
  return msg
end
print(line_of("x=1\ny=2\nerror("))
print(line_of("x=1\r\ny=2\r\nerror("))
print(line_of("x=1\ry=2\rerror("))
print(line_of("x=1\n\ry=2\n\rerror("))
print(line_of("x=1\n\ny=2\r\rerror("))
local s = load("return [[a\r\nb]]")()
print(#s, s:byte(1, -1))
