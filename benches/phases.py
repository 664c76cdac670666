#!/usr/bin/env python3
"""Phase by phase, first builds side by side: of two sites by one binary (where a bigger
site's build grows), or of one site by two binaries (what a change did to each phase). Rounds
alternated, each run in the other order from the last (use an even number of rounds), output,
staging folder and cache removed before each, with PRONGSAI_TIMINGS=1.
Prints each phase's median wall and CPU time on both sides and how many times longer it took
on the second (phases under 5 ms on the first and 20 ms on the second are left out), the
search's and the whole build's range on each side and the ratio of each round's two builds
(which met the same machine: steadier than the ratio of the medians when its speed drifts
from hour to hour), then the
memory each build took fresh from the system: the pages it faulted in (each one the kernel
clears first) and, where the kernel counts them (/proc/vmstat), the huge pages among them.
On a virtual machine whose host backs memory only when it is first touched, that clearing
costs several times more in one run than in the next: read a change's figures beside these.

    benches/phases.py BINARY SITE_A,SITE_B ROUNDS
    benches/phases.py BINARY_A,BINARY_B SITE ROUNDS
    benches/phases.py target/release/prongsai /dev/shm/e10k/prongsai,/dev/shm/s50k/prongsai 3
    benches/phases.py /tmp/old-prongsai,target/release/prongsai /dev/shm/e10k/prongsai 9
"""
import os
import re
import shutil
import statistics as st
import subprocess
import sys
import time

TIMING = re.compile(r"\[timing\] (.*?): ([\d.]+) ms, cpu (\d+) ms")


def huge_page_faults():
    """The huge pages the kernel has handed out since it started, or None where it does not say."""
    try:
        with open("/proc/vmstat") as f:
            for line in f:
                name, value = line.split()
                if name == "thp_fault_alloc":
                    return int(value)
    except OSError:
        pass
    return None


def huge_page_mib():
    """The size of a huge page, in MiB (2 where the kernel does not say)."""
    try:
        with open("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size") as f:
            return int(f.read()) / (1 << 20)
    except (OSError, ValueError):
        return 2


def build(binary, site):
    for d in ("public", ".public.prongsai", ".prongsai-cache"):
        shutil.rmtree(os.path.join(site, d), ignore_errors=True)
    env = dict(os.environ, PRONGSAI_TIMINGS="1")
    huge = huge_page_faults()
    p = subprocess.Popen([binary, "build", "-q", "--root", site], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{binary} failed on {site}:\n{err[-2000:]}")
    phases = {m.group(1): (float(m.group(2)), float(m.group(3)))
              for m in map(TIMING.match, err.splitlines()) if m}
    after = huge_page_faults()
    # Other processes' faults count too; on a quiet machine they are few.
    fresh = (usage.ru_minflt, None if huge is None or after is None else after - huge)
    return phases, (usage.ru_utime + usage.ru_stime) * 1000, fresh


def main():
    binaries, sites, rounds = sys.argv[1].split(","), sys.argv[2].split(","), int(sys.argv[3])
    if sorted([len(binaries), len(sites)]) != [1, 2]:
        sys.exit("two sites and one binary, or one site and two binaries, separated by a comma")
    sides = [(binaries[min(i, len(binaries) - 1)], sites[min(i, len(sites) - 1)]) for i in (0, 1)]
    runs = {side: [] for side in sides}
    fresh = {side: [] for side in sides}
    # Each round runs the two sides in the other order from the last: neither always runs
    # right after the other.
    for r in range(rounds):
        for side in (sides if r % 2 == 0 else sides[::-1]):
            start = time.perf_counter()
            phases, cpu, pages = build(*side)
            wall = (time.perf_counter() - start) * 1000
            phases["whole build"] = (wall, cpu)
            runs[side].append(phases)
            fresh[side].append(pages)
    a, b = sides

    def median(side, phase, i):
        values = [r[phase][i] for r in runs[side] if phase in r]
        return st.median(values) if values else 0.0

    print(f"{'phase':44} {'wall A':>9} {'wall B':>9} {'B/A':>6}   {'cpu A':>7} {'cpu B':>7} {'B/A':>6}")
    for phase in dict.fromkeys([*runs[a][0], *runs[b][0]]):
        wa, wb = median(a, phase, 0), median(b, phase, 0)
        ca, cb = median(a, phase, 1), median(b, phase, 1)
        if wa < 5 and wb < 20:
            continue
        print(f"{phase:44} {wa:7.1f}ms {wb:7.1f}ms {wb / max(wa, 0.1):6.2f}   "
              f"{ca:5.0f}ms {cb:5.0f}ms {cb / max(ca, 1):6.2f}")
    # The machine's speed drifts from hour to hour; the two builds of one round meet the same
    # machine, so the ratio of each round's pair is steadier than the ratio of the medians.
    for phase in ("search", "whole build"):
        pairs = [(ra[phase][0], rb[phase][0]) for ra, rb in zip(runs[a], runs[b])
                 if phase in ra and phase in rb]
        if not pairs:
            continue
        ratios = [wb / max(wa, 0.1) for wa, wb in pairs]
        print(f"{phase}, round by round: A {min(p[0] for p in pairs):.1f}–"
              f"{max(p[0] for p in pairs):.1f} ms, B {min(p[1] for p in pairs):.1f}–"
              f"{max(p[1] for p in pairs):.1f} ms; B/A of each round's pair: median "
              f"{st.median(ratios):.3f} ({min(ratios):.3f}–{max(ratios):.3f})")
    for side, name in ((a, "A"), (b, "B")):
        faults = st.median(f[0] for f in fresh[side])
        huge = [f[1] for f in fresh[side] if f[1] is not None]
        said = (f", huge pages {st.median(huge):.0f} ({st.median(huge) * huge_page_mib():.0f} MiB)"
                if huge else "")
        print(f"fresh memory {name}: page faults {faults:.0f}{said}")
    label = (lambda side: side[1]) if len(sites) == 2 else (lambda side: side[0])
    print(f"(medians of {rounds}; A = {label(a)}, B = {label(b)})")


if __name__ == "__main__":
    main()
