#!/usr/bin/env bash
# Proves the sanitizer gate is live: runs tests/sanitize/canary.c, built with the same
# flags as the ASan/UBSan build, in each of its error modes and fails unless the
# sanitizer stopped the program (nonzero exit) with its report on stderr. The clean mode
# must pass, so a binary that fails on everything does not count as a live gate.
# Usage: tests/sanitize/canary.sh CANARY_BINARY
set -u
bin=${1:?usage: canary.sh CANARY_BINARY}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
fail=0
expect() {  # expect MODE PATTERN: MODE must die with PATTERN on stderr
  local err rc
  err=$("$bin" "$1" 2>&1 >/dev/null); rc=$?
  if [ "$rc" -ne 0 ] && printf '%s\n' "$err" | grep -q -- "$2"; then
    echo "PASS canary $1: caught ($(printf '%s\n' "$err" | grep -m1 -o -- "$2.*" | cut -c1-70))"
  else
    echo "FAIL canary $1: not caught (exit $rc); is the build really instrumented?"
    fail=1
  fi
}
out=$("$bin" clean 2>&1); rc=$?
if [ "$rc" -eq 0 ] && [ "$out" = clean ]; then echo "PASS canary clean: runs without report"
else echo "FAIL canary clean: exit $rc: $out"; fail=1; fi
expect heap "ERROR: AddressSanitizer: heap-buffer-overflow"
expect stack "ERROR: AddressSanitizer: stack-buffer-overflow"
expect overflow "runtime error: signed integer overflow"
expect shift "runtime error: shift exponent"
exit $fail
