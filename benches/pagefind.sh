#!/usr/bin/env bash
# prongsai's search index beside Pagefind (the search add-on used with Hugo and Zola), on the
# same 10,000-page Thai site of benches/gen_site.py: index time, peak memory, size and number
# of files, and the bytes one query downloads (first six results' data).
#
#   benches/pagefind.sh [PAGES]        # default 10000; sites go to $BENCH_DIR
#
# Pagefind indexes HTML a generator wrote; it runs here on Hugo's rendering of the site and on
# prongsai's own output (the same pages prongsai indexes). Needs hugo (apt-get install hugo),
# npm (it installs pagefind 1.6.0 under $BENCH_DIR/node on first use), and for the query bytes
# playwright-core and /usr/bin/chromium as ../shared/conformance/run installs them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pages=${1:-10000}
dir=${BENCH_DIR:-/tmp/prongsai-pagefind-bench-$pages}
modules=${CONFORMANCE_HOME:-$HOME/.cache/prongsai-conformance}/node/node_modules
queries=("ถนนคอนกรีต" "ร้องเรียน ช่องทาง" "ประกาศ" "ศูนย์พัฒนาเด็กเล็ก")
if [ ! -f "$dir/prongsai/content/site.yaml" ]; then
  python3 benches/gen_site.py "$dir" --pages "$pages" >/dev/null
fi
if [ ! -x "$dir/node/node_modules/.bin/pagefind" ]; then
  mkdir -p "$dir/node"
  (cd "$dir/node" && npm install --silent pagefind@1.6.0 >/dev/null)
fi
pagefind=$dir/node/node_modules/.bin/pagefind
cargo build --release -q --bins --examples

hugo --quiet --source "$dir/hugo" --destination "$dir/hugo-public"
rm -rf "$dir/prongsai/.prongsai-cache"
target/release/prongsai build -q --root "$dir/prongsai"

# seconds and peak MiB of a command
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f s, %.0f MiB", $1, $2/1024}'; }
size() { printf "%s bytes in %s files" "$(du -sb "$1" | cut -f1)" "$(find "$1" -type f | wc -l)"; }

echo "== index time and peak memory"
echo "prongsai (the index alone, no cache): $(measure target/release/examples/search index-time "$dir/prongsai")"
rm -rf "$dir/hugo-public/pagefind" "$dir/prongsai-pf"
echo "pagefind on Hugo's output:            $(measure "$pagefind" --site "$dir/hugo-public")"
cp -r "$dir/prongsai/public" "$dir/prongsai-pf"
echo "pagefind on prongsai's output:        $(measure "$pagefind" --site "$dir/prongsai-pf")"

echo "== index size"
echo "prongsai:                  $(size "$dir/prongsai/public/search")"
echo "pagefind (Hugo's output):  $(size "$dir/hugo-public/pagefind")"
echo "pagefind (prongsai's):     $(size "$dir/prongsai-pf/pagefind")"

echo "== bytes one query downloads (index data, then code; first six results)"
for q in "${queries[@]}"; do
  files=$(target/release/examples/search query "$dir/prongsai/public" "$q" 2>/dev/null | sed -n 's/^files read: //p')
  data=0
  for f in $files; do data=$((data + $(stat -c %s "$dir/prongsai/public/search/$f"))); done
  printf "prongsai  %s\t%s\t%s\n" "$q" "$data" "$(stat -c %s "$dir/prongsai/public/static/search.js")"
done
if [ -d "$modules/playwright-core" ] && [ -x /usr/bin/chromium ]; then
  node benches/pagefind-query.cjs "$modules" "$dir/hugo-public" "${queries[@]}" | sed 's/^/pagefind  /'
else
  echo "(query bytes of Pagefind need playwright-core and /usr/bin/chromium)"
fi
