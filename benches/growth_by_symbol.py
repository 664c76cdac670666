#!/usr/bin/env python3
"""Where a bigger site's first build grows more than its pages do, function by function:
`perf record` of one binary building two sites from scratch (output, staging folder and cache
removed before each), the sites alternated for ROUNDS rounds, then each function's CPU samples
on both sides. Prints each side's CPU and how much it grows, with and without the kernel
clearing fresh memory (`clear_page_erms`: memory the process touches for the first time, which
a virtual machine's host may charge for several times over), and the functions whose CPU grows
most beyond the pages' ratio.

    benches/growth_by_symbol.py BINARY SITE_A,SITE_B PAGES_A,PAGES_B [ROUNDS]
    benches/growth_by_symbol.py target/release/prongsai \\
        /dev/shm/e10k/prongsai,/dev/shm/s50k/prongsai 10000,50000 2

Needs `perf` (linux-perf); samples at 999 Hz of every thread, kernel included.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# A function's line of `perf report`: its share, user or kernel, its name (then perf's IPC
# columns, `-` where the machine has no counters).
LINE = re.compile(r"^\s*([\d.]+)%\s+\[([.k])\]\s+(.*?)(?:\s+-\s+-)?\s*$")


def clean(site):
    for d in ("public", ".public.prongsai", ".prongsai-cache"):
        shutil.rmtree(os.path.join(site, d), ignore_errors=True)


def samples(binary, site, data):
    """CPU milliseconds by function of one first build of `site`, and their total."""
    clean(site)
    subprocess.run(["perf", "record", "-q", "-F", "999", "-o", data, binary, "build", "-q",
                    "--root", site], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    out = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "symbol",
                          "--stdio", "-g", "none", "--percent-limit", "0"],
                         check=True, capture_output=True, text=True).stdout
    # The CPU clock's count is in nanoseconds.
    total = int(re.search(r"# Event count \(approx.\): (\d+)", out).group(1)) / 1e6
    by = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            by[m.group(3)] = by.get(m.group(3), 0) + float(m.group(1))
    return {k: v / 100 * total for k, v in by.items()}, total


def main():
    binary = sys.argv[1]
    sites = sys.argv[2].split(",")
    pages = [int(p) for p in sys.argv[3].split(",")]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    ratio = pages[1] / pages[0]
    sums = [{}, {}]
    totals = [0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            order = (0, 1) if r % 2 == 0 else (1, 0)
            for side in order:
                by, total = samples(binary, sites[side], os.path.join(tmp, "perf.data"))
                totals[side] += total / rounds
                for k, v in by.items():
                    sums[side][k] = sums[side].get(k, 0) + v / rounds
    for site in sites:
        clean(site)
    cleared = [sum(v for k, v in s.items() if k.endswith("clear_page_erms")) for s in sums]
    print(f"CPU (ms, mean of {rounds}): {totals[0]:.0f} and {totals[1]:.0f}: "
          f"{totals[1] / totals[0]:.2f}x for {ratio:g}x the pages")
    print(f"  of which the kernel clearing fresh memory: {cleared[0]:.0f} and {cleared[1]:.0f} ms")
    rest = [t - c for t, c in zip(totals, cleared)]
    print(f"  the rest: {rest[0]:.0f} and {rest[1]:.0f} ms: {rest[1] / rest[0]:.2f}x")
    excess = totals[1] - ratio * totals[0]
    print(f"  beyond {ratio:g}x: {excess:.0f} ms, of which clearing "
          f"{cleared[1] - ratio * cleared[0]:.0f} ms")
    rows = []
    for k in set(sums[0]) | set(sums[1]):
        a, b = sums[0].get(k, 0), sums[1].get(k, 0)
        rows.append((b - ratio * a, a, b, k))
    rows.sort(reverse=True)
    print(f"\n{'beyond':>7} {'ms A':>7} {'ms B':>7}  function (most grown beyond {ratio:g}x)")
    for d, a, b, k in rows[:15]:
        print(f"{d:7.0f} {a:7.0f} {b:7.0f}  {k[:90]}")


if __name__ == "__main__":
    main()
