#!/bin/bash
# Bytecode round trip (issue 5): every tests/lang/NAME.lua is compiled with covec, the chunk is
# run with cove, and its stdout and exit status must equal those of running the source with
# the same cove. A chunk the verifier rejects counts as a failure (the compiler's output must
# always verify). Usage: tests/roundtrip.sh [build/cove] [build/covec] [name-filter]
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cove=$(realpath "${1:-$root/build/cove}")
covec=$(realpath "${2:-$root/build/covec}")
filter=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root/tests/lang"
pass=0; fail=0
for f in *.lua; do
  n=${f%.lua}
  [ -z "$filter" ] || [[ $n == *$filter* ]] || continue
  # Alternate stripped and unstripped chunks; stripped ones are compared on stdout only,
  # with line information removed (it is what stripping drops, as in lua5.4).
  # Scripts using the debug library observe line info and local names: never stripped.
  strip=""; [ $(( (pass + fail) % 2 )) -eq 1 ] && ! grep -q 'debug\.' "$f" && strip=-s
  if ! "$covec" $strip -o "$tmp/$n.cvb" "$f" 2>"$tmp/$n.cerr"; then
    if "$cove" -e "assert(loadfile('$f'))" 2>/dev/null </dev/null; then
      echo "FAIL $n: covec failed on a script cove compiles: $(head -1 "$tmp/$n.cerr")"; fail=$((fail + 1))
    else
      pass=$((pass + 1))   # a script that does not compile (syntax-error tests)
    fi
    continue
  fi
  timeout 10 "$cove" "$f" >"$tmp/$n.sout" 2>"$tmp/$n.serr" </dev/null; sst=$?
  timeout 10 "$cove" "$tmp/$n.cvb" >"$tmp/$n.bout" 2>"$tmp/$n.berr" </dev/null; bst=$?
  if grep -q "bad binary format" "$tmp/$n.berr"; then
    echo "FAIL $n: verifier rejected covec output$strip: $(grep -m1 'bad binary' "$tmp/$n.berr")"
    fail=$((fail + 1))
  elif [ -n "$strip" ]; then
    # Without debug info "f.lua:3: msg" becomes "msg" or "?:-1: msg": compare the rest.
    norm="s/([A-Za-z0-9_./-]+\\.lua|\\?):-?[0-9]+: //g; s/\\?: //g; s/ \\((local|upvalue|field|global|method|constant) '[^']*'\\)//g; s/variable '[^']*'/variable ?/g"
    if ! cmp -s <(sed -E "$norm" "$tmp/$n.sout") <(sed -E "$norm" "$tmp/$n.bout"); then
      echo "FAIL $n: stdout differs from the source run$strip (line info ignored)"
      diff <(sed -E "$norm" "$tmp/$n.sout") <(sed -E "$norm" "$tmp/$n.bout") | head -5
      fail=$((fail + 1))
    else
      pass=$((pass + 1))
    fi
  elif ! cmp -s "$tmp/$n.sout" "$tmp/$n.bout"; then
    echo "FAIL $n: stdout differs from the source run$strip"
    diff "$tmp/$n.sout" "$tmp/$n.bout" | head -5
    fail=$((fail + 1))
  elif [ $sst -ne $bst ]; then
    echo "FAIL $n: exit status $bst, source run $sst$strip"; fail=$((fail + 1))
  else
    pass=$((pass + 1))
  fi
done
echo "roundtrip: $pass passed, $fail failed"
[ $fail -eq 0 ]
