#!/usr/bin/env python3
"""First builds of one site by several prongsai binaries, runs alternated so all meet the same
machine: before each build the output, the staging folder and the cache are removed, then the
script waits PAUSE seconds (memory a process gave back costs more to touch again once the
machine has had it back for a few seconds; see docs/performance.md). Prints the median wall
time (and the range), user and kernel CPU and peak memory of each binary.

    benches/ab_first.py SITE ROUNDS PAUSE BINARY...
    benches/ab_first.py /dev/shm/e10k/prongsai 6 0 /tmp/old-prongsai target/release/prongsai
"""
import os
import shutil
import statistics as st
import subprocess
import sys
import time


def main():
    site, rounds, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    binaries = sys.argv[4:]
    runs = {b: [] for b in binaries}
    for _ in range(rounds):
        for b in binaries:
            for d in ("public", ".public.prongsai", ".prongsai-cache"):
                shutil.rmtree(os.path.join(site, d), ignore_errors=True)
            time.sleep(pause)
            start = time.perf_counter()
            p = subprocess.Popen([b, "build", "-q", "--root", site])
            _, status, usage = os.wait4(p.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"{b} failed on {site}")
            wall = time.perf_counter() - start
            runs[b].append((wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024))
    for b in binaries:
        wall, user, system, peak = zip(*runs[b])
        print(f"{b}: wall {st.median(wall):.2f} s ({min(wall):.2f}-{max(wall):.2f}), "
              f"user {st.median(user):.2f} s, kernel {st.median(system):.2f} s, "
              f"peak {st.median(peak):.0f} MiB (medians of {rounds})")


if __name__ == "__main__":
    main()
