#!/usr/bin/env python3
"""Differential testing of cove against lua5.4 (spec/fuzzing.md).

Runs N generated programs (gen.py, seeds SEED..SEED+N-1) on both interpreters and compares
stdout, exit status and the first stderr line (program name removed). On a difference the
program's statement lines are minimised (delta debugging: drop chunks of lines while the
difference persists, then single lines) and the reproducer is written to
build/difftest/diff_SEED.lua with both outputs next to it. Exit status 1 if any differed.

  python3 tests/difftest/difftest.py --cove build/cove --n 300 --seed 1
  python3 tests/difftest/difftest.py --cove build/cove --file prog.lua   # minimise one file
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import PRELUDE, gen_program  # noqa: E402

PREFIX = re.compile(r'^(cove|lua5\.4|lua|\S*/cove|\S*/lua5\.4): ')
# Addresses differ between any two runs: compare them as equal.
ADDR = re.compile(rb'(table|function|thread|userdata|builtin): (0x)?[0-9a-fA-F]+')
# lua5.4.4 gives an arithmetic error between two constants that folding refused (n//0, n%0)
# the line of the previous instruction; Cove gives the operator's line (spec/fuzzing.md).
CONSTERR = re.compile(rb"prog\.lua:\d+: attempt to (perform 'n%%?0'|divide by zero)")


def run(interp, src, workdir, tag):
    """Run src as workdir/prog.lua (same chunkname for both); return the observable result."""
    path = os.path.join(workdir, 'prog_%s.lua' % tag)
    with open(path, 'w') as f:
        f.write(src)
    try:
        p = subprocess.run([interp, os.path.basename(path)], cwd=workdir, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=10)
        out, rc, err = p.stdout, p.returncode, p.stderr.decode('latin-1').split('\n', 1)[0]
    except subprocess.TimeoutExpired:
        out, rc, err = b'', 'timeout', ''
    out = out.replace(b'prog_%s.lua' % tag.encode(), b'prog.lua')
    err = PREFIX.sub('', err).replace('prog_%s.lua' % tag, 'prog.lua').encode('latin-1')
    out = CONSTERR.sub(rb"prog.lua:?: attempt to \1", ADDR.sub(rb'\1: ADDR', out))
    err = CONSTERR.sub(rb"prog.lua:?: attempt to \1", ADDR.sub(rb'\1: ADDR', err))
    return out, rc, err.decode('latin-1')


def differs(args, src, workdir, tag):
    a = run(args.cove, src, workdir, tag + 'c')
    b = run(args.oracle, src, workdir, tag + 'o')
    return (a != b), a, b


def minimise(args, src, workdir, tag):
    """Delta-debug the statement lines after the prelude, keeping the difference."""
    body = src[len(PRELUDE):].split('\n') if src.startswith(PRELUDE) else src.split('\n')
    head = PRELUDE if src.startswith(PRELUDE) else ''

    def still(lines):
        return differs(args, head + '\n'.join(lines) + '\n', workdir, tag)[0]

    n = 2
    while len(body) >= 2:
        chunk = max(1, len(body) // n)
        reduced = False
        for i in range(0, len(body), chunk):
            cand = body[:i] + body[i + chunk:]
            if cand and still(cand):
                body, n, reduced = cand, max(n - 1, 2), True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(n * 2, len(body))
    return head + '\n'.join(body) + '\n'


def report(args, seed, src, workdir):
    mini = minimise(args, src, workdir, 'm%d' % seed)
    _, a, b = differs(args, mini, workdir, 'm%d' % seed)
    os.makedirs(args.out, exist_ok=True)
    base = os.path.join(args.out, 'diff_%s' % seed)
    with open(base + '.lua', 'w') as f:
        f.write(mini)
    with open(base + '.cove', 'wb') as f:
        f.write(a[0] + ('\n[exit %s] %s\n' % (a[1], a[2])).encode())
    with open(base + '.lua54', 'wb') as f:
        f.write(b[0] + ('\n[exit %s] %s\n' % (b[1], b[2])).encode())
    body = mini[len(PRELUDE):] if mini.startswith(PRELUDE) else mini
    print('DIFF seed %s: %s.lua (%d statement lines)' % (seed, base, body.count('\n')))
    print('  ' + body.strip().replace('\n', '\n  ')[:600])
    la = a[0].decode('latin-1').splitlines()
    lb = b[0].decode('latin-1').splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else '<none>'
        y = lb[i] if i < len(lb) else '<none>'
        if x != y:
            print('  cove:   %s\n  lua5.4: %s' % (x[:200], y[:200]))
            break
    else:
        print('  cove exit %s %r / lua5.4 exit %s %r' % (a[1], a[2][:150], b[1], b[2][:150]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cove', default='build/cove')
    ap.add_argument('--oracle', default='lua5.4')
    ap.add_argument('--n', type=int, default=300)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--stmts', type=int, default=40)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--out', default='build/difftest')
    ap.add_argument('--file', help='minimise this program instead of generating')
    args = ap.parse_args()
    args.cove = os.path.abspath(args.cove)
    with tempfile.TemporaryDirectory() as workdir:
        if args.file:
            src = open(args.file).read()
            if differs(args, src, workdir, 'f')[0]:
                report(args, os.path.basename(args.file), src, workdir)
                return 1
            print('no difference')
            return 0

        def one(seed):
            src = gen_program(seed, args.stmts)
            return seed, src, differs(args, src, workdir, str(seed))[0]

        bad = []
        with ThreadPoolExecutor(args.jobs) as ex:
            for seed, src, d in ex.map(one, range(args.seed, args.seed + args.n)):
                if d:
                    bad.append((seed, src))
        for seed, src in bad[:10]:  # minimising is slow: the first ten are enough to act on
            report(args, seed, src, workdir)
        print('difftest: %d programs (seeds %d..%d), %d differed%s' % (
            args.n, args.seed, args.seed + args.n - 1, len(bad),
            '' if len(bad) <= 10 else ' (first 10 minimised)'))
        return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
