#!/usr/bin/env bash
# Runs the language corpus tests/lang/*.lua against a Lua binary (Cove, or lua5.4 itself) and compares
# stdout, exit status and the first stderr line with the committed NAME.out / NAME.status / NAME.err.
# When lua5.4 is installed it also re-runs the oracle live, so a stale expected file fails loudly.
# Usage: tests/run-lang.sh COVE_BINARY [FILTER]   (FILTER: substring of test names;
#        LUA_ORACLE=path picks another oracle binary, LUA_ORACLE= disables the live check)
# Needs only bash, coreutils, diffutils (diff, cmp) and sed; runs two tests at a time through xargs
# when it is there. See tests/lang/README.md.

set -u
export LC_ALL=C

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 COVE_BINARY [FILTER]" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
langdir="$here/lang"
filter="${2:-}"

# Resolve the binary to an absolute path: tests run from inside tests/lang.
cove="$1"
if [[ "$cove" != */* ]]; then
  cove=$(command -v -- "$cove") || { echo "run-lang: binary '$1' not found" >&2; exit 2; }
fi
if [ ! -x "$cove" ]; then
  echo "run-lang: '$1' is not an executable file" >&2
  exit 2
fi
cove=$(cd "$(dirname "$cove")" && pwd)/$(basename "$cove")

# The live oracle (LUA_ORACLE, default lua5.4): skipped, with one line saying why, when it is not
# installed or LUA_ORACLE is set to the empty string.
oracle=""
oracle_name=${LUA_ORACLE-lua5.4}
if [ -z "$oracle_name" ]; then
  echo "run-lang: live oracle check skipped: disabled by LUA_ORACLE="
elif command -v -- "$oracle_name" >/dev/null 2>&1; then
  oracle=$(command -v -- "$oracle_name")
else
  echo "run-lang: live oracle check skipped: $oracle_name is not installed (Debian package lua5.4)"
fi
# When the binary under test is the oracle itself, one run serves both checks.
same_binary=0
if [ -n "$oracle" ] && [ "$(readlink -f "$oracle")" = "$(readlink -f "$cove")" ]; then
  same_binary=1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/run-lang.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# run_script BINARY NAME OUTPREFIX: runs one script in tests/lang, leaving OUTPREFIX.stdout,
# OUTPREFIX.stderr and OUTPREFIX.status.
run_script() {
  local bin=$1 name=$2 out=$3
  (cd "$langdir" && timeout 10 "$bin" "$name.lua" </dev/null >"$out.stdout" 2>"$out.stderr")
  echo $? >"$out.status"
}

# first_err_line FILE BINARY: the first stderr line without a leading "<progname>: " (the standalone
# interpreters print argv[0], which here is the absolute path of BINARY).
first_err_line() {
  local line
  IFS= read -r line <"$1" || true
  for prefix in "$2: " "cove: " "lua5.4: " "lua: " "$(basename "$2"): "; do
    if [[ "$line" == "$prefix"* ]]; then
      line=${line#"$prefix"}
      break
    fi
  done
  printf '%s\n' "$line"
}

# short_diff EXPECTED ACTUAL: the first few differing lines, indented under the failure line.
short_diff() {
  diff -- "$1" "$2" | head -n 6 | sed 's/^/    /'
}

# check_run NAME OUTPREFIX BINARY LABEL: compares one run with the committed files; prints failure
# lines (prefixed by LABEL) and returns 1 on any mismatch.
check_run() {
  local name=$1 out=$2 bin=$3 label=$4 ok=0
  local exp_out="$langdir/$name.out" exp_status=0 got_status
  [ -f "$langdir/$name.status" ] && exp_status=$(tr -d ' \n\r' <"$langdir/$name.status")
  got_status=$(cat "$out.status")
  if [ "$got_status" = 124 ]; then
    echo "FAIL $name: ${label}timed out after 10 s"
    return 1
  fi
  if [ ! -f "$exp_out" ]; then
    echo "FAIL $name: missing $name.out"
    return 1
  fi
  if ! cmp -s "$exp_out" "$out.stdout"; then
    echo "FAIL $name: ${label}stdout differs (< expected, > got)"
    short_diff "$exp_out" "$out.stdout"
    ok=1
  fi
  if [ "$got_status" != "$exp_status" ]; then
    echo "FAIL $name: ${label}exit status $got_status, expected $exp_status"
    [ -s "$out.stderr" ] && head -n 2 "$out.stderr" | sed 's/^/    stderr: /'
    ok=1
  fi
  if [ -f "$langdir/$name.err" ]; then
    first_err_line "$out.stderr" "$bin" >"$out.errline"
    if ! cmp -s "$langdir/$name.err" "$out.errline"; then
      echo "FAIL $name: ${label}stderr first line differs (< expected, > got)"
      short_diff "$langdir/$name.err" "$out.errline"
      ok=1
    fi
  fi
  return $ok
}

# run_one NAME: prints the failure lines of one test; returns 1 when it failed.
run_one() {
  local name=$1 out="$tmp/$1" failed=0
  run_script "$cove" "$name" "$out.cove"
  check_run "$name" "$out.cove" "$cove" "" || failed=1
  if [ -n "$oracle" ]; then
    if [ "$same_binary" = 1 ]; then
      if [ "$failed" = 1 ] && [ -f "$langdir/$name.out" ] && [ "$(cat "$out.cove.status")" != 124 ]; then
        echo "FAIL $name: stale expected output (lua5.4 itself disagrees)"
      fi
    else
      run_script "$oracle" "$name" "$out.oracle"
      if ! check_run "$name" "$out.oracle" "$oracle" "stale expected output: lua5.4 " >"$out.stale"; then
        head -n 1 "$out.stale"
        failed=1
      fi
    fi
  fi
  return $failed
}

export -f run_script first_err_line short_diff check_run run_one
export langdir cove oracle same_binary tmp

# Sorted test names, filtered by substring.
names=()
for f in "$langdir"/*.lua; do
  [ -e "$f" ] || continue
  n=$(basename "$f" .lua)
  if [ -z "$filter" ] || [[ "$n" == *"$filter"* ]]; then
    # LANG_SKIP="name ..." with LANG_SKIP_WHY: tests a build cannot run meaningfully, said aloud.
    if [[ " ${LANG_SKIP:-} " == *" $n "* ]]; then
      echo "SKIP $n: ${LANG_SKIP_WHY:-listed in LANG_SKIP}"
      continue
    fi
    names+=("$n")
  fi
done

if [ ${#names[@]} -eq 0 ]; then
  echo "run-lang: no tests match '${filter}'"
  echo "0 passed, 0 failed"
  exit 1
fi

# run_and_record NAME: runs one test, saving its report and adding it to the passed or failed list.
run_and_record() {
  if run_one "$1" >"$tmp/$1.report" 2>&1; then
    echo "$1" >>"$tmp/passed.list"
  else
    echo "$1" >>"$tmp/failed.list"
  fi
}
export -f run_and_record

# Two workers when xargs is there (it is Essential on Debian), one otherwise.
if command -v xargs >/dev/null 2>&1; then
  printf '%s\n' "${names[@]}" | xargs -P 2 -n 1 bash -c 'run_and_record "$1"' _
else
  for n in "${names[@]}"; do run_and_record "$n"; done
fi

# Reports in name order, so the output does not depend on which worker finished first.
for n in "${names[@]}"; do
  [ -s "$tmp/$n.report" ] && cat "$tmp/$n.report"
done

passed=0
failed=0
[ -f "$tmp/passed.list" ] && passed=$(wc -l <"$tmp/passed.list")
[ -f "$tmp/failed.list" ] && failed=$(wc -l <"$tmp/failed.list")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
