#!/usr/bin/env bash
# Two prongsai binaries side by side on the same site, runs alternated so both meet the same
# machine: an unchanged rebuild and a change, each binary on its own copy of the site (the
# build cache belongs to one program), medians of the wall times.
#
#   benches/ab.sh SITE OLD_BINARY NEW_BINARY [edit|new] [RUNS]
#
# SITE is a prongsai site, e.g. the `prongsai` folder that benches/gen_site.py writes. `edit`
# appends a line to content/announcements/a00001.md; `new` adds an announcement (a copy of
# another with a new title). The copies go to /dev/shm when it exists.
set -euo pipefail
site=$1 old=$2 new=$3 change=${4:-edit} runs=${5:-7}
tmp=$(mktemp -d "$( [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/prongsai-ab.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for side in a b; do
  cp -r "$site" "$tmp/$side"
  rm -rf "$tmp/$side/public" "$tmp/$side/.public.prongsai" "$tmp/$side/.prongsai-cache"
done
build() { /usr/bin/time -f "%e" "$1" build -q --root "$2" 2>&1 >/dev/null | tail -1; }
change() {
  local dir=$1/content/announcements i=$2
  if [ "$change" = new ]; then
    n=$(ls "$dir" | grep -c '\.md$')
    src=$(ls "$dir" | grep '\.md$' | sed -n "$((i * 53 % n + 1))p")
    sed -e "s/^title: .*/title: ประกาศรับสมัครงานครั้งที่ $i/" "$dir/$src" > "$dir/ab-new-$i.md"
  else
    printf '\nแก้ไขครั้งที่ %s\n' "$i" >> "$dir/a00001.md"
  fi
}
# Builds each first, the last after a change: the output, then the staging folder (which the
# first build that changes something makes), exist.
for _ in 1 2; do build "$old" "$tmp/a" >/dev/null; build "$new" "$tmp/b" >/dev/null; done
change "$tmp/a" 0; change "$tmp/b" 0
build "$old" "$tmp/a" >/dev/null; build "$new" "$tmp/b" >/dev/null
for i in $(seq "$runs"); do
  ua=$(build "$old" "$tmp/a"); ub=$(build "$new" "$tmp/b")
  change "$tmp/a" "$i"; change "$tmp/b" "$i"
  ca=$(build "$old" "$tmp/a"); cb=$(build "$new" "$tmp/b")
  echo "$ua $ub $ca $cb"
done | python3 -c "
import statistics as st, sys
rows = [list(map(float, l.split())) for l in sys.stdin]
c = list(zip(*rows))
print(f'unchanged: old {st.median(c[0]):.3f} s, new {st.median(c[1]):.3f} s')
print(f'$change: old {st.median(c[2]):.3f} s, new {st.median(c[3]):.3f} s (medians of {len(rows)})')
"
