// node run-js.cjs SEARCH_JS INDEX_DIR < requests.json
// Runs themes/default/static/search.js (the browser's query code) on a built index read from
// disk; prints, for each request {q, type, fy}, the hits, the words the site lacks and the
// vocabulary and list files the query read first (`lists`) and, for a query with words the
// site lacks, the spelling the page offers (`suggestion`), as JSON.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const search = require(path.resolve(process.argv[2]));
const dir = process.argv[3];
const requests = JSON.parse(fs.readFileSync(0, 'utf8'));
const read = (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, p), 'utf8')));

(async () => {
  const engine = await search.Engine.open(read);
  const out = [];
  for (const r of requests) {
    const before = engine.fetched.length;
    const o = await engine.search(r);
    const lists = engine.fetched.slice(before).filter((f) => !f.startsWith('d/'));
    const docs = await engine.docs(o.hits.slice(0, 3).map((h) => h[0]));
    const suggestion = o.unknown.length ? await engine.suggest(r) : null;
    out.push({
      hits: o.hits,
      unknown: o.unknown,
      apart: o.apart,
      partial: o.partial,
      missing: o.missing,
      suggestion,
      type_counts: o.typeCounts,
      year_counts: o.yearCounts,
      first: docs.map((d) => d.url),
      lists,
      snippet: docs.length ? search.snippet(docs[0].text, search.markTerms(o), 220) : '',
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
