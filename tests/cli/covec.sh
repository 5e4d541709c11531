#!/usr/bin/env bash
# Tests of the `covec` bytecode compiler (spec/cli.md, "covec"): its options against
# luac5.4's behaviour where the two must agree (error texts, exit statuses, several inputs
# in one chunk, stripping), and the listing's content, which is Cove's own.
# Usage: tests/cli/covec.sh COVEC COVE
set -u
abspath() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
C=$(abspath "$1")
V=$(abspath "$2")
HERE=$(cd "$(dirname "$0")" && pwd)
LUAC=$(command -v luac5.4 || true)
LUA=$(command -v lua5.4 || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
pass() { echo "PASS covec: $1"; }
bad() { echo "FAIL covec: $1"; fail=1; }
# expect NAME WANT_RC WANT_OUTPUT CMD...: stdout+stderr, program name normalised to PROG
expect() {
  local name=$1 want_rc=$2 want=$3
  shift 3
  local got rc
  "$@" > out.txt 2>&1
  rc=$?
  got=$(sed -e "s|^$C: |PROG: |" -e "s|^$V: |cove: |" -e "s|usage: [^ ]* |usage: PROG |" out.txt)
  if [ "$rc" = "$want_rc" ] && [ "$got" = "$want" ]; then pass "$name"; else
    bad "$name: rc=$rc (want $want_rc), output:"; printf '%s\n' "$got" | head -5 | sed 's/^/    /'
  fi
}

cat > a.lua <<'EOF'
local x = 10
local function add(a, b) return a + b + x end
local t = {1.5, "str", true}
print("a", add(1, 2), #t)
return "ret-a"
EOF
echo 'print("b", ...)' > b.lua
echo 'local s = nil; print(s.field)' > err.lua
echo 'print("x"' > syn.lua

# ---- options and errors shared with luac5.4 ----
want_syn="PROG: syn.lua:2: ')' expected (to close '(' at line 1) near <eof>"
expect "-p on a syntax error" 1 "$want_syn" "$C" -p syn.lua
expect "-p on a good file: no output, no file" 0 "" "$C" -p a.lua
[ ! -e covec.out ] && pass "-p writes nothing" || bad "-p wrote covec.out"
expect "missing input" 1 "PROG: cannot open nofile.lua: No such file or directory" "$C" -p nofile.lua
expect "-o without argument" 1 "$(printf "PROG: '-o' needs argument\nusage: PROG [options] [filenames]")" \
  bash -c "'$C' -o 2>&1 | head -2; exit \${PIPESTATUS[0]}"
if [ -n "$LUAC" ]; then
  for args in "-p syn.lua" "-p nofile.lua" "-x a.lua" "-o" ""; do
    # shellcheck disable=SC2086
    "$C" $args > a.txt 2>&1; ra=$?
    # shellcheck disable=SC2086
    "$LUAC" $args > b.txt 2>&1; rb=$?
    # the one intended difference: the default output file's name
    a=$(sed -e "s|$C|PROG|g" -e 's/"covec.out"/"DEFAULT"/' a.txt)
    b=$(sed -e "s|$LUAC|PROG|g" -e "s|luac5.4|PROG|g" -e 's/"luac.out"/"DEFAULT"/' b.txt)
    [ "$a" = "$b" ] && [ $ra = $rb ] && pass "same as luac5.4: covec $args" \
      || { bad "differs from luac5.4: covec $args"; diff <(echo "$a") <(echo "$b") | head -6; }
  done
else
  echo "SKIP covec: luac5.4 not installed, no parity checks against it"
fi
"$C" -v | grep -q '^Cove [0-9.]* (Lua 5.4 compatible)' && pass "-v prints the version" || bad "-v"

# ---- output files ----
"$C" a.lua && [ -s covec.out ] && pass "default output file covec.out" || bad "no covec.out"
expect "run the default output" 0 "$(printf 'a\t13\t3')" "$V" covec.out
"$C" -o ab.cvb a.lua b.lua || bad "two inputs"
expect "two inputs run in order as one chunk" 0 "$(printf 'a\t13\t3\nb')" "$V" ab.cvb
"$C" -o err.cvb err.lua && "$C" -s -o errs.cvb err.lua || bad "compile err.lua"
expect "unstripped chunk keeps lines and names" 1 \
  "$(printf "cove: err.lua:1: attempt to index a nil value (local 's')\nstack traceback:\n\terr.lua:1: in main chunk")" \
  bash -c "'$V' err.cvb 2>&1 | head -3; exit \${PIPESTATUS[0]}"
expect "stripped chunk has no lines or names" 1 \
  "cove: ?:-1: attempt to index a nil value" \
  bash -c "'$V' errs.cvb 2>&1 | head -1; exit \${PIPESTATUS[0]}"
if [ -n "$LUAC" ] && [ -n "$LUA" ]; then
  "$LUAC" -s -o errs.luac err.lua
  a=$("$V" errs.cvb 2>&1 | head -1 | sed "s|^$V: ||"); b=$("$LUA" errs.luac 2>&1 | head -1 | sed "s|^$LUA: ||")
  [ "$a" = "$b" ] && pass "stripped error text equals lua5.4's on a luac5.4 -s chunk" \
    || bad "stripped error: cove '$a', lua5.4 '$b'"
fi
[ "$(wc -c < errs.cvb)" -lt "$(wc -c < err.cvb)" ] && pass "-s makes the chunk smaller" || bad "-s size"
echo 'print("from stdin")' | "$C" -o stdin.cvb - && expect "- reads standard input" 0 "from stdin" "$V" stdin.cvb

# ---- listings ----
"$C" -l -p a.lua > l1.txt || bad "-l failed"
"$C" -l -l -p a.lua > l2.txt || bad "-l -l failed"
has() { grep -q -- "$2" "$1" && pass "listing: $3" || bad "listing $1 lacks $3 ($2)"; }
has l1.txt '^main <a.lua:0,0> ([0-9]* instructions)' "main function header"
has l1.txt '^function <a.lua:2,2> ([0-9]* instructions)' "nested function header"
has l1.txt '1 upvalue, 3 locals, ' "counts of upvalues and locals"
has l1.txt $'\t\\[4\\]\tGETTABUP' "line numbers and opcodes"
has l1.txt '; _ENV "print"' "constant operands explained"
has l1.txt '^	[0-9]*	\[2\]	ADD ' "instructions of nested functions"
has l1.txt '; x$' "upvalue names on GETUPVAL"
if grep -q '^constants (' l1.txt; then bad "-l alone prints constant tables"; else pass "-l alone is short"; fi
has l2.txt '^constants (5):' "-l -l constants table"
has l2.txt $'\tF\t1.5' "float constant"
has l2.txt $'\tS\t"str"' "string constant"
has l2.txt '^locals (3):' "-l -l locals table"
has l2.txt $'\tadd\t' "local names with ranges"
has l2.txt '^upvalues (1):' "-l -l upvalues table"
# as luac: -s strips what is written, the listing shows the compiled function
n_src=$(grep -c '^	[0-9]*	\[' l1.txt)
"$C" -s -o as.cvb a.lua && "$C" -l -p as.cvb > l3.txt
[ "$(grep -c '^	[0-9]*	\[' l3.txt)" = "$n_src" ] && pass "stripping keeps every instruction" \
  || bad "stripped listing has a different instruction count"
if grep -q '\[[0-9]\]' l3.txt; then bad "listing of a stripped chunk shows line numbers"; else
  pass "listing of a stripped chunk shows no line numbers"; fi
"$C" -o full.cvb a.lua && "$C" -l -p full.cvb > l4.txt 2>&1 && has l4.txt '^main <a.lua:0,0>' "listing of a binary chunk" \
  || bad "-l of a binary chunk failed"
# ---- hand-patched bytecode must not read stale registers (Cove only: lua5.4 cannot
# load Cove's chunks) ----
expect "loaded chunks see no values left by earlier calls" 0 \
  "$(printf 'stale register reads\tnil\nagain\tnil\nplain\t2')" "$V" "$HERE/stale_registers.lua"
# ... nor leave an upvalue open or a to-be-closed variable pending when it returns
expect "returns that leave an upvalue open or a tbc pending are rejected" 0 \
  "$(printf '%s\n' \
    'open upvalue:	patched: bad binary format (function at line 14, instruction 4 (RETURN): returns without closing an open upvalue or to-be-closed variable)' \
    'pending tbc:	patched2: bad binary format (function at line 29, instruction 12 (RETURN): returns without closing an open upvalue or to-be-closed variable)' \
    'closed' 'plain	mine	1')" "$V" "$HERE/unclosed_return.lua"
exit $fail
