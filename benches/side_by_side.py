"""What benches/compare_hugo.py and benches/compare_zola.py share: timing a command, runs of
two tools alternated in two modes (a first build into an empty folder, a rebuild into the
existing output with nothing changed), and the medians and ratios printed."""
import os
import shutil
import statistics
import subprocess
import sys
import time


def timed(cmd, cwd):
    """Wall time (s) and peak RSS (MiB) of `cmd`; stops the bench when it fails."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def alternate(ours, theirs, name, out_dirs, runs, cwd):
    """Both commands once to warm the file cache, then `runs` rounds of: `out_dirs` deleted,
    a first build of each, a rebuild of each. Rows by (mode, tool)."""
    timed(ours, cwd), timed(theirs, cwd)
    rows = {(mode, tool): [] for mode in ("first", "rebuild") for tool in ("prongsai", name)}
    for _ in range(runs):
        for d in out_dirs:
            shutil.rmtree(d, ignore_errors=True)
        rows["first", name].append(timed(theirs, cwd))
        rows["first", "prongsai"].append(timed(ours, cwd))
        rows["rebuild", name].append(timed(theirs, cwd))
        rows["rebuild", "prongsai"].append(timed(ours, cwd))
    return rows


def report(rows, name):
    """Medians of each mode and tool, and the ratios prongsai/other run by run."""
    for mode in ("first", "rebuild"):
        med = {t: (statistics.median(w for w, _ in rows[mode, t]), statistics.median(m for _, m in rows[mode, t]))
               for t in ("prongsai", name)}
        ratios = [o[0] / h[0] for o, h in zip(rows[mode, "prongsai"], rows[mode, name])]
        for t, (w, m) in med.items():
            print(f"{mode:8} {t:9} median wall {w:.3f} s, peak RSS {m:.0f} MiB")
        print(f"{mode:8} ratio prongsai/{name} wall: median {statistics.median(ratios):.2f} "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}); peak RSS ratio {med['prongsai'][1] / med[name][1]:.2f}")
