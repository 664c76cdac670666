#!/usr/bin/env python3
"""Edit-to-served latency of `prongsai serve` on the synthetic site of benches/gen_site.py.

    benches/serve_edit.py [--pages 10000] [--edits 30] [--prongsai target/release/prongsai]

Generates the site, times a full `prongsai build` for comparison, starts `prongsai serve` on a
free port, then repeatedly saves one announcement the way editors do (write a temporary file,
rename it over the original) and polls the page until the new text is served. Prints the median
and 90th percentile of write-to-served time. Build with --release first.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
GEN = HERE / "gen_site.py"


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--prongsai", default=str(HERE.parent / "target/release/prongsai"))
    ap.add_argument("--gen", default=str(GEN))
    a = ap.parse_args()
    binary = str(Path(a.prongsai).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subprocess.run([sys.executable, a.gen, str(tmp), "--pages", str(a.pages)], check=True,
                       stdout=subprocess.DEVNULL)
        root = tmp / "prongsai"
        start = time.perf_counter()
        subprocess.run([binary, "build", "-q", "--root", str(root)], check=True)
        full = time.perf_counter() - start

        server = subprocess.Popen([binary, "serve", "-q", "--root", str(root), "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            base = server.stdout.readline().strip()
            if not base.startswith("http"):
                sys.exit("serve did not print its URL")
            fetch(base)
            time.sleep(3)  # let the files settle so the cache trusts them
            rng = random.Random(7)
            latencies = []
            for i in range(a.edits):
                n = rng.randint(1, a.pages)
                path = root / "content" / "announcements" / f"a{n:05d}.md"
                marker = f"bench-marker-{i}-{rng.randint(0, 10**9)}"
                text = path.read_text(encoding="utf-8") + f"\n\n{marker}\n"
                temp = path.with_name(f".{path.name}.tmp")
                temp.write_text(text, encoding="utf-8")
                os.replace(temp, path)
                t0 = time.perf_counter()
                url = f"{base}announcements/a{n:05d}/"
                deadline = t0 + 10
                while marker not in fetch(url):
                    if time.perf_counter() > deadline:
                        sys.exit(f"edit {i} not served within 10 s")
                    time.sleep(0.002)
                latencies.append(time.perf_counter() - t0)
                time.sleep(0.2)
        finally:
            server.terminate()
            server.wait()
    ms = sorted(x * 1000 for x in latencies)
    p90 = ms[int(len(ms) * 0.9) - 1] if len(ms) >= 10 else ms[-1]
    print(f"pages: {a.pages}; edits: {len(ms)}")
    print(f"full build (prongsai build): {full * 1000:.0f} ms")
    print(f"edit to served: median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, "
          f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms")


if __name__ == "__main__":
    main()
