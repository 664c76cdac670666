#!/usr/bin/env python3
"""What touching fresh memory costs on this machine: maps MIB MiB, writes a byte to each 4 KiB
page and prints the time, with huge pages asked for (madvise) and without, once right after a
first touch (memory the system has just had back) and once after a pause (long enough for a
virtual machine that reports free memory to its host to have done so).

    benches/first_touch.py [MIB] [PAUSE_SECONDS]      # default 400 6
"""
import mmap
import sys
import time


def touch(mib, huge):
    size = mib << 20
    m = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    if huge:
        m.madvise(mmap.MADV_HUGEPAGE)
    passes = []
    for _ in range(2):  # the second pass over the same pages is the loop's own cost
        start = time.perf_counter()
        for at in range(0, size, 4096):
            m[at] = 1
        passes.append(time.perf_counter() - start)
    m.close()
    return passes[0] - passes[1]


def main():
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    pause = float(sys.argv[2]) if len(sys.argv) > 2 else 6
    for huge in (True, False):
        for wait in (0.0, pause):
            touch(mib, huge)
            time.sleep(wait)
            t = touch(mib, huge)
            print(f"{mib} MiB, {'huge pages' if huge else '4 KiB pages'}, after {wait:.0f} s: "
                  f"{t * 1000:.0f} ms ({t * 1000 / mib:.2f} ms a MiB)")


if __name__ == "__main__":
    main()
