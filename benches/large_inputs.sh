#!/usr/bin/env bash
# Large inputs: the example site plus a dataset of 100,000 rows and a 20 MB
# announcement; prints the build's wall time and peak memory, and the largest outputs.
#
#   benches/large_inputs.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --release -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp -r content "$dir/"
python3 - "$dir/content" <<'PY'
import random, sys
random.seed(1)
d = sys.argv[1]
with open(d + '/data/big.csv', 'w', encoding='utf-8') as f:
    f.write('fiscal_year,quarter,received,resolved,in_progress,channel_note\n')
    for i in range(100000):
        f.write(f'2566,{i % 4 + 1},{i % 7},{i % 5},{i % 3},"หมายเหตุแถวที่ {i} ร้องเรียนทางโทรศัพท์ เรื่องถนนคอนกรีต"\n')
meta = open(d + '/data/complaint-statistics.yaml', encoding='utf-8').read()
open(d + '/data/big.yaml', 'w', encoding='utf-8').write(meta.replace('รายไตรมาส', 'ชุดใหญ่', 1))
words = ['ถนน', 'คอนกรีต', 'เสริมเหล็ก', 'โครงการ', 'งบประมาณ', 'เทศบาล', 'ประกาศ', 'จัดซื้อ', 'จัดจ้าง', 'ตำบล']
with open(d + '/announcements/huge.md', 'w', encoding='utf-8') as f:
    f.write('---\ntitle: ประกาศขนาดใหญ่\ndate: 2566-05-01\n---\n')
    n = 0
    while n < 20 * 1024 * 1024:
        line = ' '.join(random.choice(words) for _ in range(30)) + '\n\n'
        f.write(line)
        n += len(line.encode())
PY
ls -l "$dir/content/data/big.csv" "$dir/content/announcements/huge.md" | awk '{print $5, $9}'
/usr/bin/time -f "build: wall %e s, cpu %U+%S s, peak memory %M KB" \
  target/release/prongsai build -q --root "$dir"
find "$dir/public" -size +1M -printf '%s %P\n' | sort -n
