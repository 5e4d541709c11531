#!/usr/bin/env bash
# CLI test: runs the `cove` command through the cases below (options, arg table, LUA_INIT,
# error reports, the REPL on a pipe) and compares the normalised transcript with
# tests/cli/cli_cases.out, produced by the same script with lua5.4 (`--oracle`).
# Program names, version banners and addresses are normalised; all else must match.
# Usage: tests/cli/run.sh COVE_BINARY | tests/cli/run.sh --oracle > tests/cli/cli_cases.out
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ "$1" = "--oracle" ]; then B=$(command -v lua5.4); else B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

norm() {
  sed -e 's/^lua5\.4: /PROG: /' -e 's/^cove: /PROG: /' -e "s|$B|PROG|g" -e 's/usage: [^ ]* /usage: PROG /' \
      -e 's/^Lua 5\.4\.[0-9]  Copyright.*$/VERSION/' -e 's/^Cove [0-9.]* .*$/VERSION/' -e 's/0x[0-9a-f]*/ADDR/g'
}
run() { echo "== ${*:2}"; "$B" "${@:2}" 2>&1 | norm; echo "rc=${PIPESTATUS[0]}"; }

echo 'print(...) print(arg[0], arg[-1] ~= nil, #arg, arg[1], arg[2])' > a.lua
echo 'error("x")' > e.lua
echo 'error(setmetatable({}, {__tostring = function() return "TS" end}))' > e2.lua
echo 'error({})' > e3.lua
echo 'local function f() error("deep") end local function g() f() end g()' > e4.lua
echo 'local function r(n) if n == 0 then error("bottom") end return (r(n - 1)) end r(30)' > e5.lua
echo 'print("x"' > syn.lua
printf '#!/usr/bin/env lua\nprint("shebang ok")\n' > sb.lua

cases() {
  run - a.lua x y
  run - -e 'print(1)' a.lua q
  run - -e 'x=1' -e 'print(x)'
  run - e.lua
  run - e2.lua
  run - e3.lua
  run - e4.lua
  run - e5.lua
  run - syn.lua
  run - sb.lua
  run - nosuch.lua
  run - -e
  run - -x
  run - -l
  run - -e 'x='
  run - -e 'error(nil)'
  run - -e 'error(12)'
  run - -e 'os.exit(3)'
  run - -W -e 'warn("hi")'
  run - -e 'warn("hi")'
  run - -W -e 'warn("@off") warn("no") warn("@on") warn("a", "b")'
  run - -l string -e 'print(type(string))'
  run - -l s=string -e 'print(s == string)'
  run - -- a.lua z
  run - - < a.lua
  echo 'print(...)' | run - - a b
  echo 'print("stdin")' | run -
  printf 'x = 5\nx + 1\n=x\nprint(x)\nfunction f()\nreturn 7 end\nf()\nerror("e")\nerror({})\nlocal a =\n\n' | run - -i
  LUA_INIT='print"init"' run - -e 'print(2)'
  LUA_INIT_5_4='print"init54"' LUA_INIT='print"init"' run - -e 'print(2)'
  LUA_INIT='@a.lua' run - -e 'print(2)'
  LUA_INIT='error("bad init")' run - -e 'print(2)'
  LUA_INIT='print"init"' run - -E -e 'print(2)'
  run - -e 'print(select("#", ...))'
  run - -v
  run - -i -e 'print(1)' < /dev/null
}

if [ "$1" = "--oracle" ]; then
  cases
  exit 0
fi
cases >"$work/got"
if cmp -s "$here/cli_cases.out" "$work/got"; then
  echo "PASS cli_cases"
else
  echo "FAIL cli_cases: transcript differs (< expected, > got)"
  diff "$here/cli_cases.out" "$work/got" | head -n 30 | sed 's/^/    /'
  exit 1
fi
