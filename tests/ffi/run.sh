#!/usr/bin/env bash
# The ffi tests: builds tests/ffi/testlib.c into a shared library in a temporary directory,
# then runs every tests/ffi/*.lua with COVE_BINARY (working directory tests/ffi, the library's
# path in FFI_TESTLIB) and compares stdout with the committed NAME.out. The expected outputs
# are Cove's own (lua5.4 has no ffi), written by hand; a script must also exit with status 0,
# or with the status in NAME.status when that file exists. See spec/ffi.md.
# Usage: tests/ffi/run.sh COVE_BINARY [FILTER]
set -u
export LC_ALL=C
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 COVE_BINARY [FILTER]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
cove=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
filter="${2:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

${CC:-cc} -std=gnu11 -Wall -Wextra -Werror -O1 -shared -fPIC -o "$tmp/testlib.so" \
  "$here/testlib.c" || { echo "FAIL: cannot build testlib.so"; exit 1; }
export FFI_TESTLIB="$tmp/testlib.so"
export COVE_FFI_GREETING="hi there"
unset COVE_FFI_UNSET

pass=0
fail=0
for script in "$here"/*.lua; do
  name=$(basename "$script" .lua)
  case "$name" in *"$filter"*) ;; *) continue ;; esac
  (cd "$here" && timeout 20 "$cove" "$name.lua" >"$tmp/$name.stdout" 2>"$tmp/$name.stderr")
  status=$?
  want_status=0
  [ -f "$here/$name.status" ] && want_status=$(cat "$here/$name.status")
  if [ "$status" != "$want_status" ]; then
    echo "FAIL $name: exit status $status, expected $want_status"
    head -n 5 "$tmp/$name.stderr" | sed 's/^/    /'
    fail=$((fail + 1))
  elif ! cmp -s "$here/$name.out" "$tmp/$name.stdout"; then
    echo "FAIL $name: output differs (< expected, > got)"
    diff "$here/$name.out" "$tmp/$name.stdout" | head -n 20 | sed 's/^/    /'
    fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
done
echo "ffi: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
