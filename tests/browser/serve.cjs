// A static file server for a built site on loopback, serving it under its base path the way a
// web host would (used by the browser test and the search benchmark).
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.js': 'text/javascript',
  '.css': 'text/css', '.xml': 'application/xml', '.csv': 'text/csv', '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
};

function serve(root, base) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(base)) { res.writeHead(404); res.end(); return; }
    p = path.join(root, p.slice(base.length));
    if (!p.startsWith(root)) { res.writeHead(403); res.end(); return; }
    fs.stat(p, (err, st) => {
      if (!err && st.isDirectory()) p = path.join(p, 'index.html');
      fs.readFile(p, (e, body) => {
        if (e) { res.writeHead(404); res.end(); return; }
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(p)] || 'application/octet-stream' });
        res.end(body);
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

module.exports = { serve, BROWSER_ARGS };
