#!/usr/bin/env bash
# Runs the official Lua 5.4.4 test suite file by file, as its all.lua does, in user mode
# (_U=true) unless FULL=1; DUMP=1 runs each file through string.dump and load first, as
# all.lua does (strings.lua and literals.lua excepted, as there). The suite is not committed: fetch it into .cache/lua-tests
# (see README.md). Usage: tools/run-official.sh BINARY [file...]
set -u
bin=$(realpath "${1:?usage: run-official.sh BINARY [file...]}"); shift
dir=${LUA_TESTS:-$(dirname "$0")/../.cache/lua-tests}
if [ ! -f "$dir/all.lua" ]; then
  echo "official suite: skipped: $dir/all.lua not found (fetch lua/lua, then"
  echo "  git --git-dir=DIR archive v5.4.4 testes | tar -x -C .cache/lua-tests --strip-components=1)"
  exit 0
fi
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(constructs locals goto closure vararg calls events bitwise math nextvar
  coroutine errors literals gc cstack strings tpack pm utf8 sort db files attrib api code
  gengc big verybig main)
mode='_U=true'; [ "${FULL:-0}" = 1 ] && mode='_U=false'
pass=0; fail=0
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$dir" || exit 1
# attrib.lua loads the C modules of libs/, built as all.lua expects: against lua5.4's headers
# when installed (C modules made for lua5.4 must load into cove), else against Cove's own.
hdr=/usr/include/lua5.4; [ -f "$hdr/lua.h" ] || hdr=$top/vm
[ -f libs/all ] || make -s -C libs LUA_DIR="$hdr" >/dev/null 2>&1 || echo "official: could not build libs/ (attrib.lua will fail)"
for f in "${files[@]}"; do
  f=${f%.lua}
  if [ "$f" = big ]; then
    # all.lua runs big.lua only outside user mode, inside a coroutine (it yields at top level).
    if [ "$mode" = '_U=true' ]; then printf '%-12s not run in user mode (all.lua skips it when _soft)\n' "$f"; continue; fi
    out=$(timeout "${TIMEOUT:-120}" "$bin" -e "$mode" -e "local f = coroutine.wrap(assert(loadfile('big.lua')))
      assert(f() == 'b'); assert(f() == 'a')" 2>&1 < <(:)); rc=$?
  elif [ "${DUMP:-0}" = 1 ] && [ "$f" != strings ] && [ "$f" != literals ]; then
    # As all.lua's own dofile: compile, string.dump (stripped where all.lua strips), load back, run.
    strip=false; case $f in code|goto|sort|verybig) strip=true;; esac
    out=$(timeout "${TIMEOUT:-120}" "$bin" -e "$mode" -e "local f = assert(loadfile('$f.lua'))
      f = assert(load(string.dump(f, $strip))); f()" 2>&1 < <(:)); rc=$?
  else
    out=$(timeout "${TIMEOUT:-120}" "$bin" -e "$mode" "$f.lua" 2>&1 < <(:)); rc=$?
  fi
  if [ $rc -eq 0 ]; then pass=$((pass+1)); printf '%-12s ok\n' "$f"
  else fail=$((fail+1)); printf '%-12s FAIL (exit %d): %s\n' "$f" "$rc" "$(printf '%s' "$out" | grep -v '^\s' | tail -n 3 | tr '\n' ' ' | cut -c1-200)"; fi
done
echo "official: $pass passed, $fail failed"
