#!/usr/bin/env bash
# Embedding test: installs Cove into a scratch prefix (`make install PREFIX=...`), builds
# examples/host.c (a C host written for Lua 5.4) with `pkg-config --cflags --libs cove`
# (shared library), again statically (`pkg-config --static`, libcove.a), and against
# Debian's lua5.4 (`pkg-config lua5.4`), and checks all builds print the same. Finally
# tests/capi/cove_ext.c checks the cove_* extensions against the same installation.
# `make uninstall` must leave the prefix empty of Cove's files.
# Usage: tests/capi/host_test.sh [COVE_BINARY]  (its directory is the BUILD dir; default build/)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=build
if [ $# -ge 1 ]; then
  build=$(cd "$(dirname "$1")" && pwd)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
CFLAGS="-std=gnu11 -Wall -Wextra -Werror -O1"
# COVE_SANFLAGS (set by `make test-asan`): the sanitizer flags the BUILD dir was compiled
# with; the library is rebuilt and the hosts linked with them too.
makevars=()
if [ -n "${COVE_SANFLAGS:-}" ]; then
  CFLAGS="$CFLAGS $COVE_SANFLAGS"
  makevars=(CFLAGS="$COVE_SANFLAGS")
fi

fail() { echo "FAIL host_test: $*"; exit 1; }

make -C "$root" --no-print-directory BUILD="$build" "${makevars[@]}" install PREFIX="$prefix" >"$tmp/install.log" 2>&1 \
  || { tail -n 20 "$tmp/install.log"; fail "make install PREFIX=$prefix failed"; }
for f in bin/cove bin/covec lib/libcove.a lib/libcove.so lib/pkgconfig/cove.pc \
         include/cove/lua.h include/cove/luaconf.h include/cove/lauxlib.h include/cove/lualib.h \
         include/cove/lua.hpp include/cove/cove.h; do
  [ -e "$prefix/$f" ] || fail "make install did not install $f"
done

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cflags=$(pkg-config --cflags cove) && libs=$(pkg-config --libs cove) || fail "pkg-config cove failed"
cc $CFLAGS $cflags -o "$tmp/host_cove" "$root/examples/host.c" $libs 2>"$tmp/cc.log" \
  || { cat "$tmp/cc.log"; fail "host.c does not build with pkg-config cove"; }
LD_LIBRARY_PATH="$prefix/lib" timeout 20 "$tmp/host_cove" >"$tmp/cove.out" 2>&1 \
  || { tail -n 5 "$tmp/cove.out"; fail "host (cove, shared) exited with status $?"; }
echo "PASS host_test: built with pkg-config cove (libcove.so) and ran"

static_libs=$(pkg-config --static --libs cove)
cc $CFLAGS $cflags -o "$tmp/host_static" "$root/examples/host.c" ${static_libs/-lcove/-l:libcove.a} \
  2>"$tmp/cc.log" || { cat "$tmp/cc.log"; fail "host.c does not link statically (Libs.private)"; }
timeout 20 "$tmp/host_static" >"$tmp/static.out" 2>&1
cmp -s "$tmp/cove.out" "$tmp/static.out" || fail "static and shared builds print differently"
echo "PASS host_test: static build (libcove.a, Libs.private) prints the same"

status=0
if pkg-config --exists lua5.4 2>/dev/null; then
  cc $CFLAGS $(pkg-config --cflags lua5.4) -o "$tmp/host_lua" "$root/examples/host.c" \
    $(pkg-config --libs lua5.4) || fail "host.c does not build against lua5.4"
  timeout 20 "$tmp/host_lua" >"$tmp/lua.out" 2>&1
  if cmp -s "$tmp/lua.out" "$tmp/cove.out"; then
    echo "PASS host_test: output identical to the lua5.4 build ($(wc -l <"$tmp/lua.out") lines)"
  else
    echo "FAIL host_test: output differs (< lua5.4, > cove)"
    diff "$tmp/lua.out" "$tmp/cove.out" | head -n 30 | sed 's/^/    /'
    status=1
  fi
else
  echo "SKIP host_test lua5.4 comparison: needs liblua5.4-dev (pkg-config lua5.4)"
fi

# Cove's own API (vm/cove.h), against the installed library. The quota checks need
# vm_safepoint to call quota_check (vm/quota.h); without it they are skipped.
quota=""
grep -q 'quota_check(L)' "$root/vm/interp.c" || quota=noquota
cc $CFLAGS $cflags -o "$tmp/cove_ext" "$here/cove_ext.c" $libs -lpthread 2>"$tmp/cc.log" \
  || { cat "$tmp/cc.log"; fail "tests/capi/cove_ext.c does not build with pkg-config cove"; }
if LD_LIBRARY_PATH="$prefix/lib" timeout 20 "$tmp/cove_ext" $quota >"$tmp/ext.out" 2>"$tmp/ext.err"; then
  echo "PASS cove_ext: $(grep -c '^ok' "$tmp/ext.out") checks of cove.h${quota:+ (quota checks skipped: vm_safepoint does not call quota_check)}"
else
  echo "FAIL cove_ext:"
  grep -v '^ok' "$tmp/ext.out" | sed 's/^/    /'
  status=1
fi

# Several states on several threads at once (spec/capi.md "Threads"), against the shared
# library as a host would link it.
cc $CFLAGS $cflags -o "$tmp/threads" "$here/threads.c" $libs -lpthread 2>"$tmp/cc.log" \
  || { cat "$tmp/cc.log"; fail "tests/capi/threads.c does not build with pkg-config cove"; }
if LD_LIBRARY_PATH="$prefix/lib" timeout 120 "$tmp/threads" >"$tmp/threads.out" 2>"$tmp/threads.err"; then
  echo "PASS threads: $(grep -c '^ok' "$tmp/threads.out") checks of states on several threads"
else
  echo "FAIL threads:"
  grep -v '^ok' "$tmp/threads.out" | sed 's/^/    /'
  sed 's/^/    /' "$tmp/threads.err" | head -20
  status=1
fi
if LD_LIBRARY_PATH="$prefix/lib" timeout 60 "$tmp/threads" single >"$tmp/threads1.out" 2>&1; then
  echo "PASS threads single: $(grep -c '^ok' "$tmp/threads1.out") checks of cove_singlethreaded"
else
  echo "FAIL threads single:"
  grep -v '^ok' "$tmp/threads1.out" | sed 's/^/    /'
  status=1
fi

make -C "$root" --no-print-directory BUILD="$build" "${makevars[@]}" uninstall PREFIX="$prefix" >"$tmp/uninstall.log" 2>&1 \
  || fail "make uninstall failed"
left=$(cd "$prefix" && find . -type f -o -type l)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "PASS host_test: make uninstall removed every installed file"
exit $status
