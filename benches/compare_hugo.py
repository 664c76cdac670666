#!/usr/bin/env python3
"""Times prongsai against Hugo on the same synthetic site, alternating runs, both tools treated
alike, in two modes: a first build into an empty folder (both outputs deleted, prongsai's staging
folder too) and a rebuild into the existing output with nothing changed (as each tool is run
day to day). Prints medians and the ratios prongsai/Hugo (below 1.0 means prongsai is faster).

    benches/compare_hugo.py [--pages 10000] [--runs 5] [--prongsai target/release/prongsai]

Needs `hugo` (Debian package hugo). Build prongsai with --release first.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from side_by_side import alternate, report

HERE = Path(__file__).resolve().parent


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
        out_dirs = [tmp / "hugo-public", tmp / "prongsai/public", tmp / "prongsai/.public.prongsai"]
        rows = alternate(ours, hugo, "hugo", out_dirs, a.runs, tmp)
        pages_out = sum(1 for _ in (tmp / "prongsai/public").rglob("*.html"))
    print(f"pages in: {a.pages}; prongsai wrote {pages_out} HTML files")
    report(rows, "hugo")


if __name__ == "__main__":
    main()
