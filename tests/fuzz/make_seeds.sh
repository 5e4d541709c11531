#!/bin/bash
# Regenerate the generated part of the seed corpora (spec/fuzzing.md): scripts from
# tests/lang for fuzz_compile, their covec chunks (half of them stripped) for fuzz_bytecode.
# Hand-written seeds and regression inputs (names not starting with lang_) are kept.
# Usage: tests/fuzz/make_seeds.sh build/covec [OUTDIR]   (OUTDIR defaults to tests/fuzz/corpus)
# run.sh calls it with OUTDIR=build/fuzz/seeds before fuzzing bytecode: the committed chunks go
# stale whenever the bytecode format changes, fresh covec output never does.
set -eu
cd "$(dirname "$0")/../.."
covec=${1:-build/covec}
C=${2:-tests/fuzz/corpus}
case $C in /*) ;; *) C=$PWD/$C ;; esac
mkdir -p $C/compile $C/bytecode
rm -f $C/compile/lang_* $C/bytecode/lang_*
i=0
# Every third script under 2.5 kB, in name order: about a hundred, spread across topics.
for f in $(ls tests/lang/*.lua); do
  sz=$(stat -c %s "$f")
  [ "$sz" -le 2500 ] || continue
  i=$((i + 1))
  [ $((i % 3)) -eq 0 ] || continue
  n=$(basename "$f" .lua)
  cp "$f" $C/compile/lang_$n
  strip=""; [ $((i % 2)) -eq 0 ] && strip=-s
  (cd tests/lang && "$OLDPWD/$covec" $strip -o "$C/bytecode/lang_$n" "$n.lua") || rm -f $C/bytecode/lang_$n
done
echo "$C: compile: $(ls $C/compile | wc -l) seeds, bytecode: $(ls $C/bytecode | wc -l) seeds"
