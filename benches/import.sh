#!/usr/bin/env bash
# Times `prongsai import results` on a year of แบบ สขร.1 (12 sheets of ROWS rows, default 40).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows=${1:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q
cargo run --release -q --example results_workbook -- "$work/สขร1-2567.xlsx" "$rows"
mkdir -p "$work/site/content"
printf 'name: เทศบาลตำบลทดสอบ\nbase_url: https://www.example.go.th/\n' > "$work/site/content/site.yaml"
/usr/bin/time -f "import: %e s wall, %M KB max RSS" \
  ./target/release/prongsai import results "$work/สขร1-2567.xlsx" --root "$work/site" -q >/dev/null
./target/release/prongsai check --root "$work/site" -q
echo "$(ls "$work/site/content/procurement/results" | wc -l) month files, $((rows * 12)) rows; check passed"
