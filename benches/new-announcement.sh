#!/bin/bash
# What one new announcement changes in the output, as a deploy sends it:
#   benches/new-announcement.sh BINARY SITE
# Builds a copy of SITE (in /dev/shm when it exists), adds an announcement dated the day after
# the latest one (a copy of another with a new title and number), builds again and prints the
# files that changed or are new, by folder, with their bytes, and how many of the search
# index's list shards start where they started.
set -eu
bin=$(realpath "$1") site=$2
tmp=$(mktemp -d -p "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp)")
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
cp -r "$site" "$tmp/s"
rm -rf "$tmp/s/public" "$tmp/s/.public.prongsai" "$tmp/s/.prongsai-cache"
"$bin" build -q --root "$tmp/s" >/dev/null
cp -r "$tmp/s/public" "$tmp/before"
dir=$tmp/s/content/announcements
latest=$(grep -h '^date:' "$dir"/*.md | sort | tail -1 | cut -d' ' -f2)
next=$(date -d "$latest + 1 day" +%F)
src=$(ls "$dir" | grep '\.md$' | sed -n "${SOURCE:-1}p")
sed -e "s/^title: .*/title: ประกาศรับสมัครพนักงานจ้างตามภารกิจ/" -e "s/^date: .*/date: $next/" \
    -e "s/^number: .*/number: \"9999\/2599\"/" "$dir/$src" > "$dir/zz-new-announcement.md"
/usr/bin/time -f "rebuild: %e s" "$bin" build -q --root "$tmp/s" >/dev/null
python3 - "$tmp/before" "$tmp/s/public" <<'PY'
import filecmp, json, os, sys
a, b = sys.argv[1], sys.argv[2]
files, size, total = {}, {}, 0
for root, _, names in os.walk(b):
    for f in names:
        p = os.path.join(root, f)
        r = os.path.relpath(p, b)
        total += 1
        parts = r.split('/')
        top = '/'.join(parts[:2]) if parts[0] == 'search' and len(parts) > 2 else parts[0]
        q = os.path.join(a, r)
        if not os.path.exists(q) or not filecmp.cmp(p, q, shallow=False):
            files[top] = files.get(top, 0) + 1
            size[top] = size.get(top, 0) + os.path.getsize(p)
print(f'changed or new: {sum(files.values())} of {total} files, {sum(size.values())} bytes')
for k in sorted(files, key=lambda k: -size[k]):
    print(f'  {k}: {files[k]} files, {size[k]} bytes')
bounds = [set(json.load(open(os.path.join(d, 'search/manifest.json')))['bounds']) for d in (a, b)]
print(f'list shards: {len(bounds[1]) + 1}, {len(bounds[0] & bounds[1]) + 1} start where they started')
PY
