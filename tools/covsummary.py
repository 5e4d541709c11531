#!/usr/bin/env python3
"""Per-folder line and branch coverage from gcovr's JSON summary (gcovr --json-summary).
Used by `make coverage`; prints one row per folder (vm/, compiler/, stdlib/, ...), the
total, and the least-covered files of each folder so the gaps that matter stand out.
Usage: tools/covsummary.py SUMMARY.json FOLDER... [--worst N]"""
import json
import sys


def pct(covered, total):
    return 100.0 * covered / total if total else 100.0


def main(argv):
    worst = 5
    if "--worst" in argv:
        i = argv.index("--worst")
        worst = int(argv[i + 1])
        del argv[i:i + 2]
    path, folders = argv[1], argv[2:]
    with open(path) as f:
        files = json.load(f)["files"]
    print("%-10s %8s %8s %7s   %8s %8s %7s" % ("folder", "lines", "of", "line%", "branches", "of", "branch%"))
    rows = []
    tot = [0, 0, 0, 0]
    for folder in folders:
        prefix = folder.rstrip("/") + "/"
        mine = [f for f in files if f["filename"].startswith(prefix)]
        lc = sum(f["line_covered"] for f in mine)
        lt = sum(f["line_total"] for f in mine)
        bc = sum(f["branch_covered"] for f in mine)
        bt = sum(f["branch_total"] for f in mine)
        for k, v in enumerate((lc, lt, bc, bt)):
            tot[k] += v
        if not mine:
            print("%-10s (no instrumented files)" % prefix)
            continue
        print("%-10s %8d %8d %6.1f%%   %8d %8d %6.1f%%" % (prefix, lc, lt, pct(lc, lt), bc, bt, pct(bc, bt)))
        rows.append((prefix, mine))
    print("%-10s %8d %8d %6.1f%%   %8d %8d %6.1f%%" % ("total", tot[0], tot[1], pct(tot[0], tot[1]),
                                                       tot[2], tot[3], pct(tot[2], tot[3])))
    if worst > 0:
        print("\nLeast covered files (lines not run):")
        for prefix, mine in rows:
            mine.sort(key=lambda f: f["line_covered"] - f["line_total"])
            for f in mine[:worst]:
                miss = f["line_total"] - f["line_covered"]
                if miss:
                    print("  %-28s %5.1f%%  %4d lines not run" % (f["filename"], pct(f["line_covered"], f["line_total"]), miss))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
