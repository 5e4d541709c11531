#!/usr/bin/env bash
# Benchmark runner (`make bench`): runs every tests/bench/*.lua under cove, lua5.4 and luajit,
# round-robin so machine noise hits all three alike, checks each output against lua5.4's, and
# reports median wall time, peak RSS and the ratios to lua5.4, plus start-up cost.
# Usage: tools/bench.sh COVE [FILTER]   (FILTER: extended regexp on the program name)
# Environment: RUNS (default 5), BENCH_TIMEOUT (seconds per run, default 120), LUA, LUAJIT.
# Writes build/bench/results.md and build/bench/ratios.png; exits 1 only if some output is WRONG.

set -u

usage() { echo "usage: tools/bench.sh COVE [FILTER]" >&2; exit 2; }
[ $# -ge 1 ] || usage

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=$ROOT/tests/bench
OUT_DIR=$ROOT/build/bench
RUNS=${RUNS:-5}
TIMEOUT=${BENCH_TIMEOUT:-120}
FILTER=${2:-}

# Resolve the three implementations to absolute paths: programs run from tests/bench.
resolve() {
  local p=$1
  if [[ $p == */* ]]; then
    [ -x "$p" ] || return 1
    echo "$(cd "$(dirname "$p")" && pwd)/$(basename "$p")"
  else
    command -v "$p"
  fi
}

COVE=$(resolve "$1") || { echo "bench: cove binary '$1' not found or not executable" >&2; exit 2; }
LUA=$(resolve "${LUA:-lua5.4}") || { echo "bench: lua5.4 (the reference) is not installed" >&2; exit 2; }
LUAJIT_NAME=${LUAJIT:-luajit}
if [ "$LUAJIT_NAME" = none ]; then
  LUAJIT=""
  echo "bench: luajit is skipped: disabled by LUAJIT=none"
elif ! LUAJIT=$(resolve "$LUAJIT_NAME"); then
  LUAJIT=""
  echo "bench: luajit is skipped: '$LUAJIT_NAME' is not installed (Debian package 'luajit')"
fi
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench: RUNS must be a positive integer" >&2; exit 2; }

# Peak RSS needs GNU time; without it wall time still comes from the shell's clock.
GNU_TIME=""
if [ -x /usr/bin/time ] && /usr/bin/time -f "%M" -o /dev/null true 2>/dev/null; then
  GNU_TIME=/usr/bin/time
else
  echo "bench: /usr/bin/time (Debian package 'time') missing: peak RSS is reported as n/a"
fi
HAVE_TIMEOUT=""
command -v timeout >/dev/null && HAVE_TIMEOUT=1

mkdir -p "$OUT_DIR/out"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cove-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Wall clock in microseconds.
now_us() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t=${EPOCHREALTIME/[.,]/}
    echo "$((10#$t))"
  else
    echo $(( $(date +%s%N) / 1000 ))
  fi
}

# run_once IMPL_BINARY PROGRAM STDOUT_FILE: sets RUN_SECS, RUN_RSS_KB (or n/a), RUN_STATUS.
run_once() {
  local bin=$1 prog=$2 out=$3 t0 t1 prefix=()
  [ -n "$HAVE_TIMEOUT" ] && prefix=(timeout "$TIMEOUT")
  t0=$(now_us)
  if [ -n "$GNU_TIME" ]; then
    (cd "$BENCH_DIR" && "${prefix[@]}" "$GNU_TIME" -f "%M" -o "$WORK/rss" "$bin" "$prog" \
      >"$out" 2>"$WORK/stderr")
  else
    (cd "$BENCH_DIR" && "${prefix[@]}" "$bin" "$prog" >"$out" 2>"$WORK/stderr")
  fi
  RUN_STATUS=$?
  t1=$(now_us)
  RUN_SECS=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f", d / 1e6 }')
  RUN_RSS_KB=n/a
  if [ -n "$GNU_TIME" ]; then
    # GNU time prefixes a "Command exited with non-zero status" line when the program fails.
    RUN_RSS_KB=$(tail -n 1 "$WORK/rss" 2>/dev/null)
    [[ $RUN_RSS_KB =~ ^[0-9]+$ ]] || RUN_RSS_KB=n/a
  fi
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '
  { v[NR] = $1 }
  END { if (NR == 0) { print "n/a"; exit }
        if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max_of() { tr ' ' '\n' | grep -E '^[0-9]+$' | sort -n | tail -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
mb() { [[ ${1:-} =~ ^[0-9]+$ ]] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' || echo n/a; }

# ---------------------------------------------------------------- the programs

PROGRAMS=()
for f in "$BENCH_DIR"/*.lua; do
  name=$(basename "$f" .lua)
  if [ -n "$FILTER" ] && ! [[ $name =~ $FILTER ]]; then continue; fi
  PROGRAMS+=("$name")
done
[ ${#PROGRAMS[@]} -gt 0 ] || { echo "bench: no program in tests/bench matches '$FILTER'" >&2; exit 2; }

# lua5.4 runs first in every round: its first output is the reference the others are checked against.
IMPLS=(lua5.4 cove)
[ -n "$LUAJIT" ] && IMPLS+=(luajit)
declare -A BIN=([cove]=$COVE [lua5.4]=$LUA [luajit]=$LUAJIT)

echo "bench: cove=$COVE lua5.4=$LUA luajit=${LUAJIT:-skipped}; RUNS=$RUNS, ${#PROGRAMS[@]} programs"

declare -A MED RSS STATUS NOTE
any_wrong=0
for prog in "${PROGRAMS[@]}"; do
  # A program that needs Lua 5.4 says so in a "-- bench: lua54-only" line; luajit skips it.
  lua54_only=""
  grep -q '^-- bench: lua54-only' "$BENCH_DIR/$prog.lua" && lua54_only=1
  declare -A times=() rsses=()
  for impl in "${IMPLS[@]}"; do
    STATUS[$prog,$impl]=ok; NOTE[$prog,$impl]=""; times[$impl]=""; rsses[$impl]=""
    if [ "$impl" = luajit ] && [ -n "$lua54_only" ]; then
      STATUS[$prog,$impl]=skip; NOTE[$prog,$impl]="uses Lua 5.4-only features"
    fi
  done
  expected=$OUT_DIR/out/$prog.lua5.4.txt
  rm -f "$OUT_DIR/out/$prog".*.txt
  printf '%-16s' "$prog"
  for ((run = 1; run <= RUNS; run++)); do
    for impl in "${IMPLS[@]}"; do
      [ "${STATUS[$prog,$impl]}" = ok ] || continue
      out=$OUT_DIR/out/$prog.$impl.txt
      [ "$run" -gt 1 ] && out=$WORK/out.txt
      run_once "${BIN[$impl]}" "$prog.lua" "$out"
      if [ "$RUN_STATUS" -ne 0 ]; then
        STATUS[$prog,$impl]=WRONG
        if [ "$RUN_STATUS" -eq 124 ] && [ -n "$HAVE_TIMEOUT" ]; then
          NOTE[$prog,$impl]="timed out after ${TIMEOUT}s"
        else
          NOTE[$prog,$impl]="exit status $RUN_STATUS: $(grep -v '^Command exited' "$WORK/stderr" | head -n 1)"
        fi
        continue
      fi
      # lua5.4's first run is the reference; every run of everyone is compared with it.
      if ! { [ "$impl" = lua5.4 ] && [ "$run" -eq 1 ]; } && ! cmp -s "$out" "$expected"; then
        STATUS[$prog,$impl]=WRONG
        NOTE[$prog,$impl]="output differs from lua5.4 (see build/bench/out/$prog.*.txt)"
        [ "$out" != "$OUT_DIR/out/$prog.$impl.txt" ] && cp "$out" "$OUT_DIR/out/$prog.$impl.txt"
        continue
      fi
      times[$impl]+=" $RUN_SECS"
      rsses[$impl]+=" $RUN_RSS_KB"
    done
    printf '.'
  done
  for impl in "${IMPLS[@]}"; do
    MED[$prog,$impl]=n/a; RSS[$prog,$impl]=n/a
    if [ "${STATUS[$prog,$impl]}" = ok ]; then
      MED[$prog,$impl]=$(median <<<"${times[$impl]}")
      RSS[$prog,$impl]=$(mb "$(max_of <<<"${rsses[$impl]}")")
    fi
    if [ "${STATUS[$prog,$impl]}" = WRONG ]; then
      [ "$impl" = lua5.4 ] && NOTE[$prog,$impl]="reference failed: ${NOTE[$prog,$impl]}"
      any_wrong=1
    fi
  done
  printf ' cove %s  lua5.4 %s  luajit %s\n' "${MED[$prog,cove]}" "${MED[$prog,lua5.4]}" \
    "$([ -n "$LUAJIT" ] && echo "${MED[$prog,luajit]}" || echo skipped)"
  for impl in "${IMPLS[@]}"; do
    case ${STATUS[$prog,$impl]} in
      WRONG) echo "  WRONG: $impl on $prog: ${NOTE[$prog,$impl]}" ;;
      skip)  echo "  $impl skipped on $prog: ${NOTE[$prog,$impl]}" ;;
    esac
  done
  unset times rsses
done

# ---------------------------------------------------------------- start-up

# startup_secs BINARY: median seconds of `BINARY -e ''`.
startup_secs() {
  local bin=$1
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 10 --runs 200 --export-csv "$WORK/startup.csv" "$bin -e ''" >/dev/null 2>&1 &&
      awk -F, 'NR == 2 { printf "%.4f", $4 }' "$WORK/startup.csv" && return
    echo n/a
  else
    local t0 t1 i
    t0=$(now_us)
    for ((i = 0; i < 200; i++)); do "$bin" -e '' >/dev/null 2>&1; done
    t1=$(now_us)
    awk -v d=$((t1 - t0)) 'BEGIN { printf "%.4f", d / 200 / 1e6 }'
  fi
}
startup_rss() {
  [ -n "$GNU_TIME" ] || { echo n/a; return; }
  "$GNU_TIME" -f "%M" -o "$WORK/rss" "$1" -e '' >/dev/null 2>&1
  mb "$(tail -n 1 "$WORK/rss")"
}

if command -v hyperfine >/dev/null; then STARTUP_HOW="hyperfine -N, 200 runs, median"
else STARTUP_HOW="a loop of 200 runs, mean (hyperfine not installed)"; fi
declare -A START START_RSS
for impl in "${IMPLS[@]}"; do
  START[$impl]=$(startup_secs "${BIN[$impl]}")
  START_RSS[$impl]=$(startup_rss "${BIN[$impl]}")
done

# ---------------------------------------------------------------- the table

geomean() { tr ' ' '\n' | grep -E '^[0-9.]+$' | awk '
  $1 > 0 { s += log($1); n++ } END { if (n) printf "%.2f", exp(s / n); else print "n/a" }'; }

# cell PROGRAM IMPL: the time column of one implementation, or why there is none.
cell() {
  case ${STATUS[$1,$2]:-none} in
    ok) echo "${MED[$1,$2]}" ;; WRONG) echo WRONG ;; *) echo skipped ;;
  esac
}

cove_ratios="" jit_ratios=""
RATIO_DAT=$WORK/ratios.dat
: >"$RATIO_DAT"
ROWS=()
for prog in "${PROGRAMS[@]}"; do
  r_cove=n/a r_jit=n/a
  if [ "${STATUS[$prog,lua5.4]}" = ok ]; then
    [ "${STATUS[$prog,cove]}" = ok ] && r_cove=$(ratio "${MED[$prog,cove]}" "${MED[$prog,lua5.4]}")
    [ -n "$LUAJIT" ] && [ "${STATUS[$prog,luajit]}" = ok ] &&
      r_jit=$(ratio "${MED[$prog,luajit]}" "${MED[$prog,lua5.4]}")
  fi
  [ "$r_cove" != n/a ] && cove_ratios+=" $r_cove"
  [ "$r_jit" != n/a ] && jit_ratios+=" $r_jit"
  jit_cell=skipped jit_rss=n/a
  [ -n "$LUAJIT" ] && { jit_cell=$(cell "$prog" luajit); jit_rss=${RSS[$prog,luajit]}; }
  ROWS+=("$prog|$(cell "$prog" cove)|$(cell "$prog" lua5.4)|$jit_cell|$r_cove|$r_jit|${RSS[$prog,cove]}|${RSS[$prog,lua5.4]}|$jit_rss")
  printf '%s %s %s\n' "$prog" "${r_cove/n\/a/0}" "${r_jit/n\/a/0}" >>"$RATIO_DAT"
done
GEO_COVE=$(geomean <<<"$cove_ratios")
GEO_JIT=n/a
[ -n "$LUAJIT" ] && GEO_JIT=$(geomean <<<"$jit_ratios")
printf '%s %s %s\n' "geo.mean" "${GEO_COVE/n\/a/0}" "${GEO_JIT/n\/a/0}" >>"$RATIO_DAT"

HEADER="program|cove s|lua5.4 s|luajit s|cove/lua5.4|luajit/lua5.4|cove MB|lua5.4 MB|luajit MB"
GEO_ROW="geometric mean||||$GEO_COVE|$GEO_JIT|||"
START_ROW="start-up (-e '')|${START[cove]}|${START[lua5.4]}|${START[luajit]:-skipped}|$(ratio "${START[cove]}" "${START[lua5.4]}")|$(ratio "${START[luajit]:-n/a}" "${START[lua5.4]}")|${START_RSS[cove]}|${START_RSS[lua5.4]}|${START_RSS[luajit]:-n/a}"

echo
{ echo "$HEADER"; printf '%s\n' "${ROWS[@]}"; echo "$GEO_ROW"; echo "$START_ROW"; } |
  column -t -s '|' -o '  ' 2>/dev/null ||
  { echo "$HEADER"; printf '%s\n' "${ROWS[@]}"; echo "$GEO_ROW"; echo "$START_ROW"; }
echo
echo "times: median wall seconds of $RUNS runs; MB: peak RSS; start-up: $STARTUP_HOW"

md_row() { echo "| ${1//|/ | } |"; }
{
  echo "# Cove benchmark results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(uname -m), $(nproc 2>/dev/null || echo '?') cores"
  echo "- cove: \`$COVE\`; lua5.4: $("$LUA" -v 2>&1 | head -n 1); luajit: $([ -n "$LUAJIT" ] && "$LUAJIT" -v 2>&1 | head -n 1 || echo 'skipped (not installed)')"
  echo "- times are the median wall-clock seconds of $RUNS runs, run round-robin; MB is the peak RSS"
  echo "  ($([ -n "$GNU_TIME" ] && echo 'GNU time %M' || echo 'n/a: GNU time not installed')); ratios are to lua5.4, lower is faster"
  echo "- start-up: \`-e ''\`, $STARTUP_HOW"
  echo
  md_row "$HEADER"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for row in "${ROWS[@]}"; do md_row "$row"; done
  md_row "**geometric mean**||||**$GEO_COVE**|**$GEO_JIT**|||"
  md_row "$START_ROW"
  wrong_lines=""
  for prog in "${PROGRAMS[@]}"; do
    for impl in "${IMPLS[@]}"; do
      case ${STATUS[$prog,$impl]} in
        WRONG) wrong_lines+="- WRONG: $impl on $prog: ${NOTE[$prog,$impl]}"$'\n' ;;
        skip)  wrong_lines+="- skipped: $impl on $prog: ${NOTE[$prog,$impl]}"$'\n' ;;
      esac
    done
  done
  if [ -n "$wrong_lines" ]; then
    echo
    echo "Notes (a WRONG output is excluded from the ratios and the geometric mean):"
    echo
    printf '%s' "$wrong_lines"
  fi
} >"$OUT_DIR/results.md"
echo "wrote ${OUT_DIR#"$ROOT"/}/results.md"

# ---------------------------------------------------------------- the chart

if command -v gnuplot >/dev/null; then
  term="pngcairo size 1100,520 font 'Sans,10'"
  gnuplot -e "set terminal pngcairo" -e "exit" >/dev/null 2>&1 || term="png size 1100,520"
  jit_plot=""
  [ -n "$LUAJIT" ] && jit_plot=", '' using 3 title 'luajit / lua5.4'"
  if gnuplot >/dev/null 2>"$WORK/gnuplot.err" <<EOF
set terminal $term
set output '$OUT_DIR/ratios.png'
set termoption noenhanced
set title 'Run time relative to lua5.4 (lower is faster; 0 = no valid result)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set xtics rotate by -40 scale 0
set grid ytics
set yrange [0:*]
set arrow from graph 0, first 1 to graph 1, first 1 nohead dashtype 2 lc rgb '#444444'
plot '$RATIO_DAT' using 2:xtic(1) title 'cove / lua5.4'$jit_plot
EOF
  then echo "wrote ${OUT_DIR#"$ROOT"/}/ratios.png"
  else echo "bench: gnuplot failed, no chart: $(head -n 1 "$WORK/gnuplot.err")"; fi
else
  echo "bench: gnuplot not installed (Debian package 'gnuplot-nox'): skipped the chart"
fi

if [ "$any_wrong" -ne 0 ]; then
  echo "bench: some outputs are WRONG (see above and build/bench/results.md)"
  exit 1
fi
exit 0
