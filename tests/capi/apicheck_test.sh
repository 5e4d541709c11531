#!/usr/bin/env bash
# API misuse checking: builds the debug variant (`make debug`: -DLUA_USE_APICHECK), links
# tests/capi/apicheck.c against build/debug/libcove.a, and checks that every misuse case
# aborts with lua5.4's api_check message (the messages below are those a PUC Lua 5.4.4
# built with -DLUA_USE_APICHECK prints for the same program), and that the legal case
# runs to the end.
# Usage: tests/capi/apicheck_test.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

make -C "$root" --no-print-directory debug >"$tmp/make.log" 2>&1 \
  || { tail -n 20 "$tmp/make.log"; echo "FAIL apicheck: make debug failed"; exit 1; }
libs="$(pkg-config --libs bdw-gc 2>/dev/null || echo -lgc) -lm -ldl -lpthread"
grep -q -- '-lffi' "$root/Makefile" && libs="$libs -lffi"
cc -std=gnu11 -Wall -Wextra -Werror -O0 -g -I"$root/vm" -o "$tmp/apicheck" "$here/apicheck.c" \
   "$root/build/debug/libcove.a" $libs || { echo "FAIL apicheck: does not build"; exit 1; }

fail=0
n=0
while IFS='|' read -r name msg; do
  [ -z "$name" ] && continue
  n=$((n + 1))
  # the status is taken inside a group whose stderr is dropped: the shell's own
  # "Aborted" notice is noise
  st=$( { timeout 10 "$tmp/apicheck" "$name" >"$tmp/out" 2>"$tmp/err"; echo $?; } 2>/dev/null )
  if [ "$st" -ne 134 ] || ! grep -qF "&& \"$msg\"" "$tmp/err"; then
    echo "FAIL apicheck $name: expected abort with \"$msg\", got status $st:"
    cat "$tmp/out" "$tmp/err" | head -n 3 | sed 's/^/    /'
    fail=1
  fi
done <<'CASES'
overflow|stack overflow
index|unacceptable index
negindex|invalid index
callargs|not enough elements in the stack
callresults|results from function overflow current stack size
rawget|table expected
next|table expected
settop|new top too large
errfunc|error handler must be a function
setmetatable|table expected
upvalue|upvalue index too large
uservalue|full userdata expected
xmove|moving among independent states
typename|invalid type
newuserdata|invalid value
concat|not enough elements in the stack
rotate|invalid 'n'
arith|not enough elements in the stack
checkstack|negative 'n'
error|not enough elements in the stack
settable|not enough elements in the stack
setfield|not enough elements in the stack
closure|not enough elements in the stack
copy|invalid index
CASES
if ! timeout 10 "$tmp/apicheck" ok >"$tmp/out" 2>&1 || ! grep -q '^status 0$' "$tmp/out"; then
  echo "FAIL apicheck ok: legal use near the limits was rejected:"
  head -n 5 "$tmp/out" | sed 's/^/    /'
  fail=1
fi
[ $fail -eq 0 ] && echo "PASS apicheck: $n misuse cases caught as lua5.4 LUA_USE_APICHECK does; legal edge cases pass"
exit $fail
