-- Debian's binary Lua 5.4 modules (lua-lpeg, lua-cjson), built against lua5.4's headers and
-- linked to libc only, loaded into cove: tests/capi/run.sh compares with lua5.4 live.
package.cpath = "/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;" .. package.cpath
local lpeg = require "lpeg"
print(lpeg.version())
local P, R, S, C, Ct = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Ct
local number = C(R"09"^1) / tonumber
local list = Ct(number * ("," * number)^0)
local t = list:match("10,20,30")
print(#t, t[1], t[2], t[3])
local word = C((R"az" + R"AZ")^1)
print(lpeg.match(Ct((word + 1)^0), "hello, big world!")[3])
local g = lpeg.P{ "S", S = "(" * lpeg.V"S" * ")" + "" }
print(g:match("((()))"), g:match("(()"))
print(pcall(lpeg.match, 1, "x"))
local cjson = require "cjson"
print(cjson.encode({1, 2, 3, "x"}))
local d = cjson.decode('{"a": [1, 2.5, "s", null, true], "b": {"c": false}}')
print(d.a[1], d.a[2], d.a[3], d.a[4] == cjson.null, d.a[5], d.b.c)
print(pcall(cjson.decode, "{bad"))
print(cjson.encode({name = "cove"}))
