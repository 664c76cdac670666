#!/usr/bin/env python3
"""Times prongsai against Hugo on the same synthetic site, alternating runs, both tools treated
alike, in two modes: a first build into an empty folder (both outputs deleted, prongsai's staging
folder too) and a rebuild into the existing output with nothing changed (as each tool is run
day to day). Prints medians and the ratios prongsai/Hugo (below 1.0 means prongsai is faster).

    benches/compare_hugo.py [--pages 10000] [--runs 5] [--prongsai target/release/prongsai]

Needs `hugo` (Debian package hugo). Build prongsai with --release first.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd, cwd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # seconds, MiB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--prongsai", default="target/release/prongsai")
    a = ap.parse_args()
    prongsai = str(Path(a.prongsai).resolve())
    if not shutil.which("hugo"):
        sys.exit("hugo is not installed: apt-get install -y hugo")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, str(HERE / "gen_site.py"), str(tmp), "--pages", str(a.pages)], check=True)
        ours = [prongsai, "build", "--root", str(tmp / "prongsai"), "-q"]
        hugo = ["hugo", "--quiet", "--source", str(tmp / "hugo"), "--destination", str(tmp / "hugo-public")]
        timed(ours, tmp), timed(hugo, tmp)  # warm-up: file cache
        out_dirs = [tmp / "hugo-public", tmp / "prongsai/public", tmp / "prongsai/.public.prongsai"]
        rows = {(mode, tool): [] for mode in ("first", "rebuild") for tool in ("prongsai", "hugo")}
        for _ in range(a.runs):
            for d in out_dirs:
                shutil.rmtree(d, ignore_errors=True)
            rows["first", "hugo"].append(timed(hugo, tmp))
            rows["first", "prongsai"].append(timed(ours, tmp))
            rows["rebuild", "hugo"].append(timed(hugo, tmp))
            rows["rebuild", "prongsai"].append(timed(ours, tmp))
        pages_out = sum(1 for _ in (tmp / "prongsai/public").rglob("*.html"))
    print(f"pages in: {a.pages}; prongsai wrote {pages_out} HTML files")
    for mode in ("first", "rebuild"):
        med = {t: (statistics.median(w for w, _ in rows[mode, t]), statistics.median(m for _, m in rows[mode, t]))
               for t in ("prongsai", "hugo")}
        ratios = [o[0] / h[0] for o, h in zip(rows[mode, "prongsai"], rows[mode, "hugo"])]
        for t, (w, m) in med.items():
            print(f"{mode:8} {t:9} median wall {w:.3f} s, peak RSS {m:.0f} MiB")
        print(f"{mode:8} ratio prongsai/hugo wall: median {statistics.median(ratios):.2f} "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}); peak RSS ratio {med['prongsai'][1] / med['hugo'][1]:.2f}")


if __name__ == "__main__":
    main()
