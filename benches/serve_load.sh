#!/usr/bin/env bash
# Load on `prongsai serve`: wrk on loopback for 30 s against a page of the example
# site, then the same while 500 clients hold connections open without finishing a request.
# Prints requests per second, latency and errors; any socket error or non-2xx answer fails.
#
#   benches/serve_load.sh [SECONDS]       # default 30; needs wrk (Debian package wrk)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
secs=${1:-30}
command -v wrk >/dev/null || { echo "serve load: needs wrk (apt-get install wrk)" >&2; exit 2; }
cargo build --release -q
site=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; kill $slow 2>/dev/null || true; rm -rf "$site"' EXIT
cp -r content "$site/"
target/release/prongsai serve -q --port 0 --root "$site" > "$site/url" 2>/dev/null &
server=$!
for _ in $(seq 100); do [ -s "$site/url" ] && break; sleep 0.1; done
url=$(head -1 "$site/url")
page="${url}measures/2566/"
echo "== $page"
check() {
  tee /dev/stderr | awk '/Socket errors|Non-2xx/ { bad = 1 } END { exit bad }'
}
echo "== wrk, 2 threads, 64 connections, ${secs} s"
wrk -t2 -c64 -d"${secs}s" --latency "$page" 2>&1 | check
echo "== the same while 500 clients hold half-sent requests"
python3 - "$url" <<'PY' &
import select, socket, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
def slow():
    s = socket.create_connection((u.hostname, u.port))
    s.send(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
    return s
held = [slow() for _ in range(500)]
while True:  # the server cuts them off after its timeout: open new ones
    ready, _, _ = select.select(held, [], [], 1)
    for s in ready:
        held.remove(s)
        s.close()
        held.append(slow())
PY
slow=$!
sleep 2
wrk -t2 -c64 -d"${secs}s" --latency "$page" 2>&1 | check
echo "threads of the server: $(awk '/^Threads:/ {print $2}' /proc/$server/status)"
