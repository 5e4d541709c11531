#!/usr/bin/env bash
# Real binary C modules under cove: each tests/capi/modules/NAME.lua (first line
# "-- requires: MOD") loads Debian's lua5.4 build of MOD with require, as shipped (never
# rebuilt), and must print exactly NAME.out, which lua5.4 produced from the same script
# (`cd tests/capi/modules && lua5.4 NAME.lua > NAME.out`). A script whose module is not
# installed is skipped with the package to install.
# Usage: tests/capi/modules.sh COVE_BINARY
set -u
here=$(cd "$(dirname "$0")/modules" && pwd)
cove=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
moddir=/usr/lib/x86_64-linux-gnu/lua/5.4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

fail=0 pass=0 skip=0
for script in "$here"/*.lua; do
  name=$(basename "$script" .lua)
  mod=$(sed -n '1s/^-- requires: *//p' "$script")
  if [ -n "$mod" ] && [ ! -f "$moddir/$mod.so" ]; then
    case $mod in lfs) pkg=lua-filesystem ;; *) pkg=lua-$mod ;; esac
    echo "SKIP $name: $moddir/$mod.so not found (Debian package $pkg not installed: apt-get install $pkg)"
    skip=$((skip + 1))
    continue
  fi
  (cd "$here" && timeout 20 "$cove" "$name.lua" >"$out/$name.got" 2>"$out/$name.err")
  status=$?
  if [ $status -eq 0 ] && cmp -s "$here/$name.out" "$out/$name.got"; then
    echo "PASS $name ($mod)"
    pass=$((pass + 1))
  else
    echo "FAIL $name ($mod): exit status $status; output differs (< expected, > got)"
    diff "$here/$name.out" "$out/$name.got" | head -n 20 | sed 's/^/    /'
    head -n 5 "$out/$name.err" | sed 's/^/    stderr: /'
    fail=$((fail + 1))
  fi
done
echo "modules: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
