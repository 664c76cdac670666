#!/usr/bin/env python3
"""Build time and memory of prongsai by site size.

    benches/scale.py [--sizes 1000,10000,50000] [--runs 3] [--prongsai target/release/prongsai]

For each size: writes the synthetic Thai announcement site of benches/gen_site.py plus
procurement records in proportion (per 1,000 announcements: a plan of 20 items, 5 reference
prices and 10 results a month for a fiscal year), then times `prongsai build`: the first
build into an empty folder, again with the output deleted and the cache kept, a rebuild with
nothing changed, the first change (an edited announcement; it makes the staging folder, a
second copy of the site) and an edit after it. Prints wall time, CPU time (user + system) and peak memory (RSS) of
each, as the median of --runs. Build with `cargo build --release` first. The sites go to a RAM
disk (/dev/shm) when there is one: on a virtual machine's disk, creating and deleting tens of
thousands of files costs seconds that vary from run to run (--dir to choose).
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GEN = HERE / "gen_site.py"
DEPTS = ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม"]
METHODS = ["e-bidding", "e-market", "selection", "specific"]


def procurement(root: Path, pages: int, rng: random.Random):
    """Writes a FY2567 plan, reference prices and twelve months of results."""
    per = max(1, pages // 1000)
    content = root / "content" / "procurement"
    (content / "plans").mkdir(parents=True, exist_ok=True)
    (content / "reference-prices").mkdir(parents=True, exist_ok=True)
    (content / "results").mkdir(parents=True, exist_ok=True)
    items = []
    lines = ["fiscal_year: 2567", "announced: 2566-10-25", "items:"]
    for i in range(1, 20 * per + 1):
        budget = rng.randint(10, 5000) * 1000
        method = rng.choice(METHODS)
        items.append((f"67-{i:04d}", budget, method))
        lines += [f'  - id: "67-{i:04d}"', f"    title: โครงการทดสอบลำดับที่ {i} หมู่ที่ {rng.randint(1, 12)}",
                  f"    department: {rng.choice(DEPTS)}", f"    budget: {budget}",
                  "    budget_source: เงินงบประมาณ", f"    method: {method}",
                  f"    expected: 2567-{rng.randint(1, 9):02d}"]
    (content / "plans" / "2567.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for k in range(5 * per):
        item_id, budget, _ = items[k % len(items)]
        price = budget - rng.randint(0, budget // 100) // 100 * 100
        (content / "reference-prices" / f"rp{k:05d}.yaml").write_text(
            f"form: bk06\nproject: โครงการทดสอบ {item_id}\nplan_item: \"{item_id}\"\nbudget: {budget}\n"
            f"price: {price}\npriced_on: 2567-01-{rng.randint(1, 28):02d}\n"
            "sources: [ราคาที่ได้จากการสืบราคาจากท้องตลาด]\ncommittee: [{name: นายทดสอบ ระบบ, position: ผู้อำนวยการกองคลัง}]\n",
            encoding="utf-8")
    n = 0
    for year, month in [(2566, m) for m in (10, 11, 12)] + [(2567, m) for m in range(1, 10)]:
        lines = [f"month: {year}-{month:02d}", "items:"]
        for _ in range(10 * per):
            n += 1
            budget = rng.randint(5, 400) * 1000
            price = budget - rng.randint(0, 50) * 10
            lines += [f"  - title: จัดซื้อวัสดุทดสอบ {n}", f"    budget: {budget}", "    method: specific",
                      f"    bids: [{{bidder: ร้านทดสอบ {n % 97}, price: {price}}}]",
                      f"    winner: {{name: ร้านทดสอบ {n % 97}, price: {price}}}",
                      "    reason: เสนอราคาต่ำสุด",
                      f"    contract: {{number: \"{n}/2567\", date: {year}-{month:02d}-{rng.randint(1, 28):02d}}}"]
        (content / "results" / f"{year}-{month:02d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(cmd):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def default_dir():
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else tempfile.gettempdir()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--prongsai", default=str(HERE.parent / "target/release/prongsai"))
    ap.add_argument("--dir", default=default_dir(),
                    help="where the sites are written (default: /dev/shm when it exists, so "
                         "the figures measure prongsai rather than the disk)")
    a = ap.parse_args()
    print(f"sites in {a.dir}", file=sys.stderr)
    binary = str(Path(a.prongsai).resolve())
    rows = []
    for size in [int(s) for s in a.sizes.split(",")]:
        with tempfile.TemporaryDirectory(dir=a.dir) as tmp:
            tmp = Path(tmp)
            subprocess.run([sys.executable, str(GEN), str(tmp), "--pages", str(size)], check=True,
                           stdout=subprocess.DEVNULL)
            shutil.rmtree(tmp / "hugo")
            root = tmp / "prongsai"
            procurement(root, size, random.Random(size))
            cmd = [binary, "build", "-q", "--root", str(root)]
            results = {"first": [], "first, cache kept": [], "unchanged": [], "first change": [],
                       "one edit": []}
            for run in range(a.runs):
                # A first build into an empty folder: no output, no staging folder, no cache.
                for d in ("public", ".public.prongsai", ".prongsai-cache"):
                    shutil.rmtree(root / d, ignore_errors=True)
                results["first"].append(timed(cmd))
                # The output deleted by hand, the build cache beside it kept.
                for d in ("public", ".public.prongsai"):
                    shutil.rmtree(root / d, ignore_errors=True)
                results["first, cache kept"].append(timed(cmd))
                # The second build into the output: it holds the build, nothing is written.
                results["unchanged"].append(timed(cmd))
                page = root / "content" / "announcements" / "a00001.md"

                def edit(mark):
                    page.write_text(page.read_text(encoding="utf-8") + f"\nแก้ไขครั้งที่ {mark}\n",
                                    encoding="utf-8")
                # The first change makes the staging folder (a second copy of the site).
                edit(f"{run}a")
                results["first change"].append(timed(cmd))
                # From then on the staging folder holds the build before last.
                edit(f"{run}b")
                results["one edit"].append(timed(cmd))
            for kind, runs in results.items():
                rows.append((size, kind, statistics.median(r[0] for r in runs),
                             statistics.median(r[1] for r in runs), statistics.median(r[2] for r in runs)))
    print(f"{'pages':>7} {'build':<18} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    for size, kind, wall, cpu, rss in rows:
        print(f"{size:>7} {kind:<18} {wall:>8.2f} {cpu:>8.2f} {rss:>9.0f}")


if __name__ == "__main__":
    main()
