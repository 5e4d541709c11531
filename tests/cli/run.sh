#!/usr/bin/env bash
# CLI tests of the `cove` command, three parts:
#  1. lua5.4 parity: the cases below run through `cove` and the normalised transcript must
#     equal tests/cli/cli_cases.out, made by the same cases run with lua5.4 (`--oracle`).
#     Program names, version banners and addresses are normalised; all else must match.
#  2. Cove-only behaviour (COVE_INIT, -j, --help, the REPL's real error at end of input),
#     checked against expectations written here.
#  3. The bytecode compiler: tests/cli/covec.sh.
#  4. The REPL through a pseudo-terminal: tests/cli/pty_repl.py.
# Usage: tests/cli/run.sh COVE_BINARY | tests/cli/run.sh --oracle > tests/cli/cli_cases.out
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ "$1" = "--oracle" ]; then B=$(command -v lua5.4); else B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# Deterministic module paths (the default ones differ between cove and lua5.4).
export LUA_PATH='./?.lua' LUA_CPATH='./?.so'
unset LUA_INIT LUA_INIT_5_4 COVE_INIT LUA_PATH_5_4 LUA_CPATH_5_4

norm() {
  sed -e 's/^lua5\.4: /PROG: /' -e 's/^cove: /PROG: /' -e "s|$B|PROG|g" -e 's/usage: [^ ]* /usage: PROG /' \
      -e 's/^Lua 5\.4\.[0-9]  Copyright.*$/VERSION/' -e 's/^Cove [0-9.]* .*$/VERSION/' -e 's/0x[0-9a-f]*/ADDR/g'
}
run() { echo "== ${*:2}"; "$B" "${@:2}" 2>&1 | norm; echo "rc=${PIPESTATUS[0]}"; }

# REPL on a pipe: `repl INPUTFILE ARGS...` (input lines are echoed after the prompt, as
# lua5.4 does through readline; the official main.lua relies on it).
repl() {
  local input=$1
  shift
  echo "== repl $* < $input"
  "$B" "$@" < "$input" 2>&1 | norm
  echo "rc=${PIPESTATUS[0]}"
}

echo 'print(...) print(arg[0], arg[-1] ~= nil, #arg, arg[1], arg[2])' > a.lua
echo 'for i = -4, #arg do print(i, arg[i]) end' > args.lua
echo 'error("x")' > e.lua
echo 'error(setmetatable({}, {__tostring = function() return "TS" end}))' > e2.lua
echo 'error({})' > e3.lua
echo 'local function f() error("deep") end local function g() f() end g()' > e4.lua
echo 'local function r(n) if n == 0 then error("bottom") end return (r(n - 1)) end r(30)' > e5.lua
echo 'error(setmetatable({}, {__tostring = function() return 42 end}))' > e6.lua
echo 'local t = nil; print(t.x)' > e7.lua
echo 'print("x"' > syn.lua
printf '#!/usr/bin/env lua\nprint("shebang ok")\n' > sb.lua
printf '# comment without newline' > sb2.lua
echo 'print("mod loaded", ...); return {x = 15}' > mod.lua
echo 'return "v2"' > mod-v2.lua
echo 'x = (x or 0) + 1; print("initfile", x)' > init.lua
echo 'print(#arg, select("#", ...), ...)' > count.lua
echo 'local x <close> = setmetatable({}, {__close = function() print("closed") end}) os.exit(true, true)' > close.lua
mkdir -p adir
printf 'x = 5\nx + 1\n=x\nprint(x)\nfunction f()\nreturn 7 end\nf()\nerror("e")\nerror({})\n1, 2, nil\n\nprint=nil\n1\n' > repl1.in
printf 'a = [[b\nc]]\n=a\nlocal t = {}\nfor i = 1, 3 do\nt[i] = i * i\nend\n= #t\nreturn 1,\n2\n' > repl2.in
printf 'for i = 1, 2 do print(i) end\n' > repl3.in

cases() {
  run - a.lua x y
  run - args.lua p q
  run - -e 'print(1)' a.lua q
  run - -e 'x=1' -e 'print(x)'
  run - '-eprint(1)' -ea=3 -e 'print(a)'
  run - '-e ' -- a.lua b
  run - e.lua
  run - e2.lua
  run - e3.lua
  run - e4.lua
  run - e5.lua
  run - e6.lua
  run - e7.lua
  run - syn.lua
  run - sb.lua
  run - sb2.lua
  run - close.lua
  run - nosuch.lua
  run - adir
  run - count.lua
  run - count.lua 1 2 3
  run - -e
  run - -x
  run - -l
  run - -h
  run - ---
  run - -Ex
  run - -vv
  run - -iv
  run - -e 'x='
  run - -e 'a'
  run - -e 'error(nil)'
  run - -e 'error(12)'
  run - -e 'os.exit(3)'
  run - -e 'os.exit(true)'
  run - -e 'os.exit(false)'
  run - -e 'os.exit(0, true)'
  run - -e 'error("after")' -e 'print("not reached")'
  run - -W -e 'warn("hi")'
  run - -e 'warn("hi")'
  run - -W -e 'warn("@off") warn("no") warn("@on") warn("a", "b")'
  run - -W -e 'warn("@allow") warn("@off", "X") warn("", "@on")'
  run - -e 'print(pcall(warn))'
  run - -l string -e 'print(type(string))'
  run - -l s=string -e 'print(s == string)'
  run - -lmod -e 'print(mod.x)'
  run - -l m=mod -e 'print(m.x, mod)'
  run - -l mod-v2 -e 'print(mod, _G["mod-v2"])'
  run - -l nosuchmod
  run - -l mod a.lua z
  run - -- a.lua z
  run - - < a.lua
  echo 'print(...)' | run - - a b
  echo 'print(...)' | run - -e 'arg[1] = 100' - a
  echo '' | run - -e 'arg = 1' -
  echo 'print("stdin")' | run -
  echo 'print(arg[1])' | run - - -h
  echo 'print(1' | run -
  LUA_INIT='print"init"' run - -e 'print(2)'
  LUA_INIT='X = tonumber(arg[1])' run - -e 'print(X)' 3.5
  LUA_INIT_5_4='print"init54"' LUA_INIT='print"init"' run - -e 'print(2)'
  LUA_INIT='@init.lua' run - -e 'print(2)'
  LUA_INIT='@nosuch.lua' run - -e 'print(2)'
  LUA_INIT='error("bad init")' run - -e 'print(2)'
  LUA_INIT='x =' run - -e 'print(2)'
  LUA_INIT='print"init"' run - -E -e 'print(2)'
  LUA_PATH='xx' run - -e 'print(package.path)'
  LUA_PATH_5_4='yy' LUA_PATH='xx' run - -e 'print(package.path)'
  LUA_CPATH='cc' run - -e 'print(package.cpath)'
  LUA_PATH='a;;b' run - -e 'print(package.path:find("^a;") ~= nil, package.path:find(";b$") ~= nil)'
  LUA_PATH='xx' run - -E -e 'print(package.path == "xx")'
  run - -e 'print(select("#", ...))'
  run - -v
  run - -v -e 'print("hello")'
  run - -i -e 'print(1)' < /dev/null
  repl repl1.in -i
  repl repl2.in -i
  repl repl3.in -e '_PROMPT = "P> " _PROMPT2 = "P>> "' -i
  repl repl3.in -e '_PROMPT = setmetatable({}, {__tostring = function() return "T> " end})' -i
}

if [ "$1" = "--oracle" ]; then
  cases
  exit 0
fi
fail=0
cases >"$work/got"
if cmp -s "$here/cli_cases.out" "$work/got"; then
  echo "PASS cli_cases (lua5.4 parity)"
else
  echo "FAIL cli_cases: transcript differs (< expected, > got)"
  diff "$here/cli_cases.out" "$work/got" | head -n 30 | sed 's/^/    /'
  fail=1
fi

# ---- cove-only behaviour ----
# check NAME EXPECTED_STATUS EXPECTED_OUTPUT COMMAND...: stdout+stderr, normalised.
check() {
  local name=$1 want_rc=$2 want=$3
  shift 3
  local got rc
  got=$("$@" 2>&1 | norm; exit "${PIPESTATUS[0]}")
  rc=$?
  if [ "$got" = "$want" ] && [ "$rc" = "$want_rc" ]; then
    echo "PASS cli: $name"
  else
    echo "FAIL cli: $name (status $rc, want $want_rc)"
    printf '%s\n' "--- want:" "$want" "--- got:" "$got" | sed 's/^/    /'
    fail=1
  fi
}
check "COVE_INIT runs first and wins" 0 $'cove\n2' \
  env COVE_INIT='print"cove"' LUA_INIT_5_4='print"init54"' LUA_INIT='print"init"' "$B" -e 'print(2)'
check "COVE_INIT chunk name" 1 $'PROG: COVE_INIT:1: boom\nstack traceback:\n\t[C]: in function \'error\'\n\tCOVE_INIT:1: in main chunk\n\t[C]: in ?' \
  env COVE_INIT='error("boom")' "$B" -e 'print(2)'
check "COVE_INIT with @file" 0 $'initfile\t1\n2' env COVE_INIT='@init.lua' "$B" -e 'print(2)'
check "-E ignores COVE_INIT" 0 '2' env COVE_INIT='print"cove"' "$B" -E -e 'print(2)'
check "-j on|off, -jdump, -jv accepted" 0 'ok' "$B" -j off -j on -jdump -jv -joff -e 'print("ok")'
check "-j with a script" 0 $'x\ty\na.lua\ttrue\t2\tx\ty' "$B" -j off a.lua x y
check "-j needs an argument" 1 "$("$B" -l 2>&1 | norm | sed "s/'-l'/'-j'/")" "$B" -j
check "-j rejects unknown modes" 1 "PROG: unknown JIT option 'fast' (expected on, off, dump or v)" "$B" -j fast
check "-jx rejects unknown modes" 1 "PROG: unknown JIT option 'x' (expected on, off, dump or v)" "$B" -jx
check "--help on stdout, status 0" 0 "$("$B" --help 2>/dev/null | norm)" "$B" --help
help=$("$B" --help 2>/dev/null)
for word in '-j on|off' '-jdump' '-jv' 'COVE_INIT' 'COVE_HISTORY' 'COVE_THREADS' '-W' '-E'; do
  case "$help" in
    *"$word"*) ;;
    *) echo "FAIL cli: --help does not mention $word"; fail=1 ;;
  esac
done
for word in 'j on' 'jdump' 'jv' 'COVE_INIT' 'COVE_HISTORY' 'COVE_THREADS' 'cove_history'; do
  grep -q -- "$word" "$here/../../tools/cove.1" || { echo "FAIL cli: man page does not mention $word"; fail=1; }
done
# COVE_THREADS: the collector set up for several threads (locks on) runs scripts the same
check "COVE_THREADS=1 runs scripts alike" 0 $'3\t1' env COVE_THREADS=1 "$B" -e 'local t = setmetatable({}, {__mode = "k"}) t[{}] = 1 collectgarbage() print(#tostring(123), collectgarbage("isrunning") and 1 or 0)'
check "-- stops before --help" 1 'PROG: cannot open --help: No such file or directory' "$B" -- --help
printf 'local a =\n' > eof.in
check "REPL: incomplete statement at end of input" 0 $'VERSION\n> local a =\n>> stdin:1: unexpected symbol near <eof>\n> ' "$B" -E -e '' -i < eof.in
printf 'print(1)\n' > plain.in
check "stdin without -i runs as a file (no prompt, no echo)" 0 '1' "$B" < plain.in

# ---- covec, next to the cove binary ----
if [ -x "$(dirname "$B")/covec" ]; then
  "$here/covec.sh" "$(dirname "$B")/covec" "$B" || fail=1
else
  echo "SKIP covec: no covec next to $B"
fi

# ---- the REPL through a pseudo-terminal ----
if [ -n "${COVE_SKIP_PTY:-}" ]; then
  echo "SKIP pty_repl: $COVE_SKIP_PTY"
elif command -v python3 >/dev/null 2>&1; then
  python3 "$here/pty_repl.py" "$B" || fail=1
else
  echo "SKIP pty_repl: python3 not found"
fi
exit $fail
