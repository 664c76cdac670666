#!/usr/bin/env bash
# Cost of the search on the bench site of benches/gen_site.py: build time of
# the whole site and of the index alone, index size, bytes one query downloads, and query
# latency in headless Chromium on loopback (targets: first query on a fresh page < 300 ms,
# later ones < 50 ms, one query < 500 KB).
#
#   benches/search.sh [PAGES]          # default 10000; the site goes to $BENCH_DIR
#
# Needs playwright-core and Chromium as the conformance runner installs them
# (../shared/conformance/run installs them on first use).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pages=${1:-10000}
dir=${BENCH_DIR:-/tmp/prongsai-search-bench-$pages}
modules=${CONFORMANCE_HOME:-$HOME/.cache/prongsai-conformance}/node/node_modules
if [ ! -d "$modules/playwright-core" ] || [ ! -x /usr/bin/chromium ]; then
  echo "search bench: needs playwright-core and /usr/bin/chromium; run ../shared/conformance/run once" >&2
  exit 2
fi
if [ ! -f "$dir/prongsai/content/site.yaml" ]; then
  python3 benches/gen_site.py "$dir" --pages "$pages" >/dev/null
fi
cargo build --release -q --bins --examples

echo "== whole build of $pages pages (3 runs, seconds)"
for _ in 1 2 3; do
  start=$(date +%s.%N)
  target/release/prongsai build -q --root "$dir/prongsai"
  echo "$(date +%s.%N) - $start" | bc
done

echo "== search index alone (PRONGSAI_TIMINGS phases)"
PRONGSAI_TIMINGS=1 target/release/examples/search index-time "$dir/prongsai" 2>&1 | grep -E "search|index|records"

echo "== index size"
s=$dir/prongsai/public/search
vocab_files=$(find "$s" -path "$s/v/*" -type f | wc -l)
printf "total %s bytes in %s files: manifest %s (the vocabulary in it when there are no vocabulary shards), vocabulary shards %s, lists %s in %s shards, documents %s in %s groups\n" \
  "$(du -sb "$s" | cut -f1)" "$(find "$s" -type f | wc -l)" "$(stat -c %s "$s/manifest.json")" \
  "$vocab_files" "$(du -sb "$s/p" | cut -f1)" "$(ls "$s/p" | wc -l)" \
  "$(du -sb "$s/d" | cut -f1)" "$(ls "$s/d" | wc -l)"
echo "largest list shard: $(ls -S "$s/p" | head -1) $(stat -c %s "$s/p/$(ls -S "$s/p" | head -1)") bytes"

# The site is served as a host serves it: by nginx when it is installed (apt-get install
# nginx-light), otherwise by the tests' Node helper, which reads each file from disk per
# request and answers more slowly. Set SERVER=node to use the helper anyway.
if [ "${SERVER:-nginx}" = nginx ] && command -v nginx >/dev/null; then
  run=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >"$run/nginx.conf" <<EOF
worker_processes 1;
pid $run/nginx.pid;
error_log $run/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  client_body_temp_path $run/body; proxy_temp_path $run/proxy; fastcgi_temp_path $run/fcgi;
  uwsgi_temp_path $run/uwsgi; scgi_temp_path $run/scgi;
  server { listen 127.0.0.1:$port; root $dir/prongsai/public; }
}
EOF
  nginx -c "$run/nginx.conf"
  trap 'kill "$(cat "$run/nginx.pid")"; rm -rf "$run"' EXIT
  export SITE_URL=http://127.0.0.1:$port/
  echo "== queries in headless Chromium (served by $(nginx -v 2>&1 | sed 's/.*: //') on loopback)"
else
  echo "== queries in headless Chromium (served by the Node helper on loopback)"
fi
node benches/search-latency.cjs "$modules" "$dir/prongsai/public"
