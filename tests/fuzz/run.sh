#!/bin/bash
# Drive the libFuzzer targets built by `make fuzz-build` (spec/fuzzing.md).
#   run.sh fuzz SECONDS TARGET...   fuzz each target SECONDS, seeds from tests/fuzz/corpus/TARGET,
#                                   new inputs kept in build/fuzz/corpus/TARGET (scratch)
#   run.sh corpus 0 TARGET...       run every committed input of each target once, no fuzzing
# A crash leaves its input in build/fuzz/artifacts/; minimise it with
#   build/fuzz/fuzz_T -minimize_crash=1 -runs=10000 -exact_artifact_path=min CRASHFILE
# and commit the result to tests/fuzz/corpus/T/ as a regression input.
set -u
cd "$(dirname "$0")/../.."
mode=$1; secs=$2; shift 2
B=build/fuzz
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:detect_stack_use_after_return=0:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
mkdir -p $B/artifacts
fail=0
for t in "$@"; do
  seeds=tests/fuzz/corpus/$t
  bin=$B/fuzz_$t
  [ -x "$bin" ] || { echo "fuzz: $bin missing (make fuzz-build)"; exit 2; }
  if [ "$mode" = corpus ]; then
    n=$(find "$seeds" -type f | wc -l)
    if find "$seeds" -type f -print0 | xargs -0 -r "$bin" -detect_leaks=0 -timeout=10 \
         >$B/corpus_$t.log 2>&1; then
      echo "corpus $t: $n inputs ok"
    else
      echo "corpus $t: FAILED (see $B/corpus_$t.log)"; tail -30 $B/corpus_$t.log; fail=1
    fi
  else
    work=$B/corpus/$t
    mkdir -p "$work"
    extra=""
    if [ "$t" = bytecode ] && [ -x build/covec ]; then
      # Valid chunks from the current covec (committed ones go stale when the format changes).
      tests/fuzz/make_seeds.sh build/covec $B/seeds >/dev/null && extra=$B/seeds/bytecode
    fi
    # FUZZ_RUNS makes a run reproducible: a fixed seed and input count (SECONDS still caps it),
    # so the same tree always tries the same inputs; `make test` uses that, `make fuzz` does not.
    # Address-space randomisation changes string hashes (the seed is a heap address) and so
    # table order and the paths taken; with it off (setarch -R) a run is close to repeatable.
    repro=""; norand=""
    if [ -n "${FUZZ_RUNS:-}" ]; then
      repro="-runs=$FUZZ_RUNS -seed=${FUZZ_SEED:-1}"
      setarch "$(uname -m)" -R true 2>/dev/null && norand="setarch $(uname -m) -R"
    fi
    $norand "$bin" -max_total_time="$secs" $repro -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
      -print_final_stats=1 -artifact_prefix=$B/artifacts/${t}- "$work" "$seeds" $extra \
      >$B/fuzz_$t.log 2>&1
    rc=$?
    stats=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' $B/fuzz_$t.log | tail -1)
    execs=$(grep -m1 'stat::number_of_executed_units' $B/fuzz_$t.log | awk '{print $2}')
    if [ $rc -eq 0 ]; then
      echo "fuzz $t: ${secs}s ok, $execs execs, ${stats#*\#}"
    else
      echo "fuzz $t: CRASH (rc=$rc, see $B/fuzz_$t.log, input in $B/artifacts/)"
      grep -E 'ERROR|runtime error|SUMMARY|failed|rejected|mismatch' $B/fuzz_$t.log | head -5
      fail=1
    fi
  fi
done
exit $fail
