#!/usr/bin/env bash
# C API test: builds tests/capi/capimod.c as a Lua 5.4 C module (against Cove's public
# headers, which are layout-identical to lua5.4's) and checks that `require` of it in
# COVE_BINARY prints tests/capi/capi_module.out. When lua5.4 is installed the same .so
# is also loaded into it, proving the module is a genuine Lua 5.4 binary module.
# With Debian's lua-lpeg and lua-cjson installed, debian_modules.lua also loads those
# real binary modules into cove and compares with lua5.4 live (skipped otherwise).
# host_test.sh installs Cove to a scratch prefix and builds examples/host.c against it.
# Usage: tests/capi/run.sh COVE_BINARY
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cove=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cc -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter -O1 -shared -fPIC \
   -I"$root/vm" -o "$out/capimod.so" "$here/capimod.c" || exit 1

fail=0
check() {  # check NAME BINARY
  (cd "$here" && LUA_CPATH="$out/?.so" timeout 10 "$2" capi_module.lua >"$out/$1.stdout" 2>&1)
  if cmp -s "$here/capi_module.out" "$out/$1.stdout"; then
    echo "PASS capi_module ($1)"
  else
    echo "FAIL capi_module ($1): output differs (< expected, > got)"
    diff "$here/capi_module.out" "$out/$1.stdout" | head -n 20 | sed 's/^/    /'
    fail=1
  fi
}
check cove "$cove"
if command -v lua5.4 >/dev/null 2>&1; then
  check lua5.4 "$(command -v lua5.4)"
fi

debdir=/usr/lib/x86_64-linux-gnu/lua/5.4
if command -v lua5.4 >/dev/null 2>&1 && [ -f "$debdir/lpeg.so" ] && [ -f "$debdir/cjson.so" ]; then
  (cd "$here" && timeout 10 lua5.4 debian_modules.lua >"$out/deb.expected" 2>&1)
  (cd "$here" && timeout 10 "$cove" debian_modules.lua >"$out/deb.got" 2>&1)
  if cmp -s "$out/deb.expected" "$out/deb.got"; then
    echo "PASS debian_modules (lpeg, cjson)"
  else
    echo "FAIL debian_modules: output differs from lua5.4 (< lua5.4, > cove)"
    diff "$out/deb.expected" "$out/deb.got" | head -n 20 | sed 's/^/    /'
    fail=1
  fi
else
  echo "SKIP debian_modules: needs lua5.4, lua-lpeg and lua-cjson (apt-get install lua-lpeg lua-cjson)"
fi

# Embedding: examples/host.c built via `make install` + `pkg-config cove` vs lua5.4.
"$here/host_test.sh" "$1" || fail=1
# API misuse: the debug build's api_check against lua5.4's LUA_USE_APICHECK messages.
"$here/apicheck_test.sh" || fail=1
exit $fail
