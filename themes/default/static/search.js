/* prongsai search: the query side of the static index under search/.
 *
 * Mirrors src/search/{text,codec,vocab,query}.rs function for function; the tests run both on
 * the same queries and compare (tests/search.rs), so change them together. No third-party code,
 * no outside service: every file comes from this site.
 */
(function () {
  'use strict';

  // ---- text (src/search/text.rs) ----------------------------------------------------------
  var INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
  var WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;
  var SPACE = /\p{White_Space}/u;

  function clean(s) {
    return s.normalize('NFC').replace(INVISIBLE, '').split('\u0E4D\u0E32').join('\u0E33');
  }

  function arabicDigit(c) {
    var k = c.codePointAt(0);
    return k >= 0x0E50 && k <= 0x0E59 ? String.fromCharCode(48 + k - 0x0E50) : c;
  }

  function isDigit(c) {
    return c !== undefined && c >= '0' && c <= '9' && c.length === 1;
  }

  function normalize(s) {
    var chars = Array.from(clean(s).toLowerCase(), arabicDigit);
    var out = '';
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (c === ',' && i > 0 && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) continue;
      out += c;
    }
    return out;
  }

  function code(c) { return c.codePointAt(0); }
  function isThai(c) {
    var k = code(c);
    return (k >= 0x0E01 && k <= 0x0E3A) || (k >= 0x0E40 && k <= 0x0E4E);
  }
  function isDependent(c) {
    var k = code(c);
    return (k >= 0x0E30 && k <= 0x0E3A) || k === 0x0E45 || (k >= 0x0E47 && k <= 0x0E4E);
  }
  function isLeadingVowel(c) {
    var k = code(c);
    return k >= 0x0E40 && k <= 0x0E44;
  }
  function breakable(chars, i) {
    return i === 0 || i >= chars.length || (!isDependent(chars[i]) && !isLeadingVowel(chars[i - 1]));
  }
  function isWordChar(c) {
    return !isThai(c) && WORD_CHAR.test(c);
  }

  function number(raw) {
    var parts = raw.split('.');
    var int = parts[0], frac = '';
    if (parts.length === 2) frac = parts[1].replace(/0+$/, '');
    else int = raw;
    int = int.replace(/^0+/, '');
    if (int === '') int = '0';
    return frac === '' ? int : int + '.' + frac;
  }

  function pieces(normalized) {
    var chars = Array.from(normalized);
    var out = [];
    var i = 0, spaced = false;
    while (i < chars.length) {
      var c = chars[i];
      if (isThai(c)) {
        var text = '', sinceDot = 0;
        while (i < chars.length) {
          c = chars[i];
          if (isThai(c)) { text += c; sinceDot++; i++; }
          else if (c === '.' && sinceDot <= 2 && i + 1 < chars.length && isThai(chars[i + 1])) { sinceDot = 0; i++; }
          else break;
        }
        out.push({ text: text, thai: true, spaced: spaced });
        spaced = false;
      } else if (isWordChar(c)) {
        var start = i, digitsOnly = true;
        while (i < chars.length) {
          c = chars[i];
          if (isWordChar(c)) { digitsOnly = digitsOnly && isDigit(c); i++; }
          else if (c === '.' && digitsOnly && isDigit(chars[i + 1])) i++;
          else break;
        }
        var raw = chars.slice(start, i).join('');
        out.push({ text: digitsOnly ? number(raw) : raw, thai: false, spaced: spaced });
        spaced = false;
      } else {
        spaced = spaced || SPACE.test(c);
        i++;
      }
    }
    return out;
  }

  // ---- codec (src/search/codec.rs) ---------------------------------------------------------
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var encoder = new TextEncoder();

  function hash(key) {
    var h = 0x811c9dc5;
    var bytes = encoder.encode(key);
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }
  function shard(key, n) { return hash(key) % Math.max(n, 1); }
  // The file of list shard `k` (rangeShard): p/0.json, else the hash of where it starts.
  function listShardPath(k, bounds) {
    return 'p/' + (k > 0 ? ('0000000' + hash(bounds[k - 1]).toString(16)).slice(-8) : '0') + '.json';
  }

  var DIGIT_OF = new Int8Array(128).fill(-1);
  for (var di = 0; di < DIGITS.length; di++) DIGIT_OF[DIGITS.charCodeAt(di)] = di;

  // Lists of document numbers are Int32Arrays, rising.
  function decode(text) {
    var out = new Int32Array(text.length), k = 0, prev = -1, value = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i), d = c < 128 ? DIGIT_OF[c] : -1;
      if (d < 0) continue;
      value = value * 32 + (d & 31);
      if (d < 32) { prev += value; out[k++] = prev; value = 0; }
    }
    return out.subarray(0, k);
  }
  function decodeList(text, n) {
    if (text[0] !== '~') return decode(text);
    var missing = decode(text.slice(1)), out = new Int32Array(Math.max(n - missing.length, 0));
    var k = 0, m = 0;
    for (var d = 0; d < n; d++) {
      if (missing[m] === d) m++;
      else out[k++] = d;
    }
    return out.subarray(0, k);
  }
  function undigit(c) { var d = DIGITS.indexOf(c); return d < 0 ? 63 : d; }

  function weight(n, df) {
    if (df === 0) return 0;
    var q = Math.floor((n * 16) / df);
    return q === 0 ? 0 : q.toString(2).length;
  }

  // ---- vocabulary (src/search/vocab.rs) ----------------------------------------------------
  var UNKNOWN_COST = 1000, PREFIX_COST = 500, MAX_WORD_COST = 400, COMPLETIONS = 8, TITLE = 3;

  function Vocab() { this.words = new Map(); this.prefixes = new Set(); this.longest = 1; }
  Vocab.prototype.insert = function (word, cost, atoms) {
    this.words.set(word, { cost: cost, atoms: atoms });
    var chars = Array.from(word);
    this.longest = Math.max(this.longest, chars.length);
    var p = '';
    for (var i = 0; i < chars.length; i++) { p += chars[i]; this.prefixes.add(p); }
  };
  Vocab.prototype.atoms = function (word) {
    var w = this.words.get(word);
    return w && w.atoms.length ? w.atoms.slice() : [word];
  };
  Vocab.prototype.completions = function (prefix, limit) {
    var found = [];
    this.words.forEach(function (e, w) {
      if (w !== prefix && w.startsWith(prefix)) found.push([e.cost, w]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0); });
    return found.slice(0, limit).map(function (x) { return x[1]; });
  };
  // Least-cost split of a run of Thai letters; ties go to the longer first piece.
  Vocab.prototype.segment = function (run, allowPrefix) {
    var chars = Array.from(run), n = chars.length;
    if (n === 0) return [];
    var brk = [];
    for (var b = 0; b <= n; b++) brk.push(breakable(chars, b));
    var best = new Array(n + 1);
    best[n] = [0, n, 0];
    for (var i = n - 1; i >= 0; i--) {
      if (!brk[i]) continue;
      var pick = [Infinity, i, 0];
      var consider = function (cost, end, kind) {
        if (cost < pick[0] || (cost === pick[0] && end > pick[1])) pick = [cost, end, kind];
      };
      var text = '';
      var reachedEnd = true;
      for (var j = i + 1; j <= n; j++) {
        text += chars[j - 1];
        if (!this.prefixes.has(text)) { reachedEnd = false; break; }
        if (brk[j] && this.words.has(text)) consider(this.words.get(text).cost + best[j][0], j, 1);
      }
      if (allowPrefix && reachedEnd && n - i >= 2 && !this.words.has(text)) consider(PREFIX_COST, n, 2);
      var next = n;
      for (var k = i + 1; k <= n; k++) if (brk[k]) { next = k; break; }
      consider(UNKNOWN_COST + best[next][0], next, 3);
      best[i] = pick;
    }
    var out = [];
    for (var p = 0; p < n;) {
      var e = best[p], piece = chars.slice(p, e[1]).join('');
      if (e[2] === 1) out.push({ word: piece });
      else if (e[2] === 2) out.push({ prefix: piece });
      else if (out.length && out[out.length - 1].unknown !== undefined) out[out.length - 1].unknown += piece;
      else out.push({ unknown: piece });
      p = e[1];
    }
    return out;
  };

  // ---- spelling: "did you mean" (the page only; no Rust mirror) -----------------------------
  // The words as a trie of letters, built again when words have been added.
  Vocab.prototype.trie = function () {
    if (this.trieSize === this.words.size) return this.trieRoot;
    var root = { next: new Map(), word: null, cost: 0 };
    this.words.forEach(function (e, w) {
      var node = root;
      Array.from(w).forEach(function (c) {
        var child = node.next.get(c);
        if (!child) { child = { next: new Map(), word: null, cost: 0 }; node.next.set(c, child); }
        node = child;
      });
      node.word = w;
      node.cost = e.cost;
    });
    this.trieRoot = root;
    this.trieSize = this.words.size;
    return root;
  };

  // What an edit costs, in halves: a tone or vowel mark added, dropped or changed, or a
  // letter changed for one that sounds or looks the same (ส ศ ษ ซ, น ณ, ช ซ, ไ ใ...), is half
  // a typing slip; any other letter a whole one.
  var ALIKE = ['สศษซ', 'ทธฑฒถฐ', 'คฆฅขฃ', 'พภผ', 'นณ', 'ลฬร', 'ชฌฉ', 'ยญ', 'ดฎ', 'ตฏ', 'ไใ',
    'ชซ', 'บป', 'ผฝ', 'พฟ', 'ฎฏ'];
  // Each letter's groups as bits, worked out once: `swap` runs in respell's innermost loop.
  var ALIKE_BITS = new Map();
  ALIKE.forEach(function (group, k) {
    Array.from(group).forEach(function (c) { ALIKE_BITS.set(c, (ALIKE_BITS.get(c) || 0) | (1 << k)); });
  });
  function isMark(c) { var k = code(c); return k === 0x0E31 || (k >= 0x0E34 && k <= 0x0E3A) || (k >= 0x0E47 && k <= 0x0E4E); }
  function slip(c) { return isMark(c) ? 1 : 2; }
  function swap(a, b) {
    if (a === b) return 0;
    if (isMark(a) && isMark(b)) return 1;
    return ((ALIKE_BITS.get(a) || 0) & (ALIKE_BITS.get(b) || 0)) !== 0 ? 1 : 2;
  }

  // `run` (letters) spelt as words of the vocabulary with the fewest edits (a letter added,
  // dropped or changed, costed as above), at most `budget` halves, then the least cost:
  // เทสบาล → เทศบาล, กองชาง → กองช่าง. null when no spelling that close needs an edit.
  Vocab.prototype.respell = function (run, budget) {
    var chars = Array.from(run), n = chars.length, root = this.trie();
    var slips = chars.map(slip);
    var best = new Array(n + 1).fill(null);
    best[0] = { edits: 0, cost: 0, text: '' };
    var better = function (a, b) { return !b || a.edits < b.edits || (a.edits === b.edits && a.cost < b.cost); };
    for (var i = 0; i < n; i++) {
      if (!best[i]) continue;
      var from = best[i], left = budget - from.edits;
      // row[j]: the edits that turn chars[i, i + j) into the letters on the way to a node.
      var first = [0];
      for (var j = 1; j <= n - i; j++) first.push(first[j - 1] + slips[i + j - 1]);
      var stack = [[root, first, '']];
      while (stack.length) {
        var top = stack.pop(), node = top[0], row = top[1], text = top[2];
        if (node.word !== null) {
          for (j = 1; j < row.length; j++) {
            if (row[j] > left) continue;
            var cand = { edits: from.edits + row[j], cost: from.cost + node.cost, text: from.text + text };
            if (better(cand, best[i + j])) best[i + j] = cand;
          }
        }
        node.next.forEach(function (child, c) {
          var added = slip(c), next = [row[0] + added], least = next[0];
          for (var k = 1; k < row.length; k++) {
            var v = Math.min(row[k] + added, next[k - 1] + slips[i + k - 1], row[k - 1] + swap(chars[i + k - 1], c));
            next.push(v);
            if (v < least) least = v;
          }
          if (least <= left) stack.push([child, next, text + c]);
        });
      }
    }
    return best[n] && best[n].edits > 0 ? best[n].text : null;
  };

  // ---- query (src/search/query.rs) ---------------------------------------------------------
  function pair(a, b) { return a + ' ' + b; }

  function union(a, b) {
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    var out = new Int32Array(a.length + b.length), i = 0, j = 0, k = 0;
    while (i < a.length && j < b.length) {
      var x = a[i], y = b[j];
      if (x < y) { out[k++] = x; i++; }
      else if (y < x) { out[k++] = y; j++; }
      else { out[k++] = x; i++; j++; }
    }
    while (i < a.length) out[k++] = a[i++];
    while (j < b.length) out[k++] = b[j++];
    return out.subarray(0, k);
  }
  function intersect(a, b) {
    var out = new Int32Array(Math.min(a.length, b.length)), i = 0, j = 0, k = 0;
    while (i < a.length && j < b.length) {
      var x = a[i], y = b[j];
      if (x < y) i++;
      else if (y < x) j++;
      else { out[k++] = x; i++; j++; }
    }
    return out.subarray(0, k);
  }
  function costOf(v) { return typeof v === 'number' ? v : MAX_WORD_COST; }
  // A vocabulary entry as the index writes it: cost, or [cost, "atom atom ..."].
  function insertWord(vocab, w, v) {
    if (Array.isArray(v)) vocab.insert(w, costOf(v[0]), String(v[1]).split(' ').filter(Boolean));
    else vocab.insert(w, costOf(v), []);
  }
  // Strings in code-point order (as the index sorts them), where `<` compares UTF-16 units.
  function before(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x === y) continue;
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y;
    }
    return a.length < b.length;
  }
  // The shard of `key` among shards of sorted keys: how many shard starts are at or before it.
  function rangeShard(key, bounds) {
    var lo = 0, hi = bounds.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (before(key, bounds[mid])) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  // `fetchJson(path)` reads a file of the index (a promise of its parsed JSON, or null).
  function Engine(fetchJson, manifest) {
    this.fetchJson = fetchJson;
    this.manifest = manifest;
    this.count = manifest.count;
    this.types = manifest.types.map(function (t) { return t[0]; });
    this.typeLabels = manifest.types.map(function (t) { return t[1]; });
    this.years = manifest.years.map(function (y) { return y[0]; });
    this.attrs = [];
    for (var i = 0; i + 1 < manifest.attrs.length; i += 2) {
      this.attrs.push([undigit(manifest.attrs[i]), undigit(manifest.attrs[i + 1])]);
    }
    this.vocab = new Vocab();
    var v = this.vocab;
    Object.keys(manifest.singles).forEach(function (w) { v.insert(w, costOf(manifest.singles[w]), []); });
    var words = manifest.words || {};
    Object.keys(words).forEach(function (w) { insertWord(v, w, words[w]); });
    this.bounds = manifest.bounds || [];
    this.vocabShards = new Map();
    this.postingShards = new Map();
    this.docGroups = new Map();
    this.decoded = new Map();
    this.fetched = ['manifest.json'];
  }
  // The layout of the index this script reads (FORMAT in src/search/index.rs). An index of
  // another is refused (`layout` set on the error) rather than read wrong.
  var FORMAT = 3;
  Engine.open = function (fetchJson) {
    return fetchJson('manifest.json').then(function (m) {
      if (m.version !== FORMAT) {
        var e = new Error('ดัชนีค้นหาของเว็บไซต์เป็นรุ่น ' + m.version + ' แต่หน้านี้อ่านรุ่น ' + FORMAT + ' ลองโหลดหน้านี้ใหม่');
        e.layout = true;
        throw e;
      }
      return new Engine(fetchJson, m);
    });
  };
  // Every file the index names exists, so a file that does not come is an error (the
  // connection dropped, the host failed): the search says so rather than find nothing, and
  // the file is asked for again next time.
  Engine.prototype.file = function (cache, path) {
    if (!cache.has(path)) {
      this.fetched.push(path);
      var loading = Promise.resolve(this.fetchJson(path)).then(function (x) { return x || {}; });
      loading.catch(function () { if (cache.get(path) === loading) cache.delete(path); });
      cache.set(path, loading);
    }
    return cache.get(path);
  };

  // Chunks of pieces, and the vocabulary shards their Thai runs need, fetched together.
  Engine.prototype.parse = function (q) {
    var self = this, chunks = [];
    pieces(normalize(q)).forEach(function (p) {
      if (p.spaced || chunks.length === 0) chunks.push([]);
      chunks[chunks.length - 1].push(p);
    });
    var wanted = new Set();
    chunks.forEach(function (chunk) {
      chunk.forEach(function (p) {
        if (!p.thai || !self.manifest.vocab) return;
        var chars = Array.from(p.text);
        for (var i = 0; i + 1 < chars.length; i++) {
          if (breakable(chars, i)) wanted.add(shard(chars[i] + chars[i + 1], self.manifest.vocab));
        }
      });
    });
    var loads = Array.from(wanted).sort(function (a, b) { return a - b; }).map(function (k) {
      var path = 'v/' + k + '.json', fresh = !self.vocabShards.has(path);
      return self.file(self.vocabShards, path).then(function (words) {
        if (!fresh) return;
        Object.keys(words).forEach(function (w) { insertWord(self.vocab, w, words[w]); });
      });
    });
    return Promise.all(loads).then(function () {
      return chunks.map(function (chunk) {
        var units = [], last = chunk.length - 1;
        chunk.forEach(function (piece, i) {
          if (!piece.thai) { units.push({ term: piece.text }); return; }
          var segs = self.vocab.segment(piece.text, i === last);
          segs.forEach(function (seg, k) {
            if (seg.word !== undefined) {
              var w = seg.word;
              if (i === last && k + 1 === segs.length && Array.from(w).length > 1) {
                var longer = self.vocab.completions(w, COMPLETIONS);
                if (longer.length === 0) {
                  self.vocab.atoms(w).forEach(function (a) { units.push({ term: a }); });
                } else {
                  units.push({ prefix: w, alts: [self.vocab.atoms(w)].concat(longer.map(function (l) { return self.vocab.atoms(l); })) });
                }
              } else {
                self.vocab.atoms(w).forEach(function (a) { units.push({ term: a }); });
              }
            } else if (seg.prefix !== undefined) {
              units.push({ prefix: seg.prefix, alts: self.vocab.completions(seg.prefix, COMPLETIONS).map(function (l) { return self.vocab.atoms(l); }) });
            } else {
              units.push({ unknown: seg.unknown });
            }
          });
        });
        return units;
      });
    });
  };

  // What unit `i` of `chunk` asks for (query.rs `needs`): {each: keys, each its own
  // requirement} or {any: [keys a document must all hold]}, one requirement. A token next to
  // another asks only for their pair; a token alone asks for itself.
  function needs(chunk, i) {
    var u = chunk[i], prev = i > 0 && chunk[i - 1].term !== undefined ? chunk[i - 1].term : null;
    var next = chunk[i + 1], linkedNext = next !== undefined && (next.term !== undefined || next.alts !== undefined);
    if (u.term !== undefined) {
      if (prev !== null) return { each: [pair(prev, u.term)] };
      return { each: linkedNext ? [] : [u.term] };
    }
    if (u.alts) {
      // A word that begins with another alternative's atoms (คอนกรีต เสริม เหล็ก after
      // คอนกรีต) finds nothing that one does not: its lists are not needed.
      var startsWith = function (alt, o) {
        return o.length > 0 && o.length < alt.length && o.every(function (a, j) { return alt[j] === a; });
      };
      return {
        any: u.alts.filter(function (alt) {
          return !u.alts.some(function (o) { return startsWith(alt, o); });
        }).map(function (alt) {
          var keys = [];
          if (alt.length && prev !== null) keys.push(pair(prev, alt[0]));
          else if (alt.length === 1) keys.push(alt[0]);
          for (var j = 1; j < alt.length; j++) keys.push(pair(alt[j - 1], alt[j]));
          return keys;
        }),
      };
    }
    return { each: [] };
  }

  Engine.prototype.keysOf = function (chunks) {
    var keys = [];
    chunks.forEach(function (chunk) {
      for (var i = 0; i < chunk.length; i++) {
        var need = needs(chunk, i);
        if (need.each) keys.push.apply(keys, need.each);
        else need.any.forEach(function (ks) { keys.push.apply(keys, ks); });
      }
    });
    return keys;
  };

  Engine.prototype.loadLists = function (keys) {
    var self = this, bounds = this.bounds;
    var paths = Array.from(new Set(keys.map(function (k) { return listShardPath(rangeShard(k, bounds), bounds); }))).sort();
    return Promise.all(paths.map(function (p) { return self.file(self.postingShards, p); }))
      .then(function (loaded) {
        var shards = new Map();
        paths.forEach(function (p, i) { shards.set(p, loaded[i]); });
        // [title docs, other docs, all docs] of a key (one of `keys`), decoded once per page.
        var decoded = self.decoded;
        if (decoded.size > 400) decoded.clear();
        return function lists(key) {
          if (decoded.has(key)) return decoded.get(key);
          var s = shards.get(listShardPath(rangeShard(key, bounds), bounds)) || {};
          var v = s[key], none = new Int32Array(0);
          var l = v ? [decodeList(v[0], self.count), decodeList(v[1], self.count)] : [none, none];
          l.push(union(l[0], l[1]));
          decoded.set(key, l);
          return l;
        };
      });
  };

  // request: {q, type, fy}. Resolves to {hits: [[id, score]], chunks, unknown, typeCounts, yearCounts}.
  // The words of `chunks` the site lacks and, when there are none (else nothing matches),
  // the lists they ask for: {unknown, lists}. The page's while-typing prefetch uses it too.
  Engine.prototype.prepare = function (chunks) {
    var unknown = [];
    chunks.forEach(function (c) { c.forEach(function (u) { if (u.unknown !== undefined) unknown.push(u.unknown); }); });
    return this.loadLists(unknown.length ? [] : this.keysOf(chunks)).then(function (lists) {
      return { unknown: unknown, lists: lists };
    });
  };

  // When words typed together are nowhere together (ซ่อมรถขยะ where the text says
  // ซ่อมแซมรถบรรทุกขยะ), runs them again as if typed apart, and says so (`apart`). When no
  // document holds every word even so, shows those holding most of them (`partial`) and the
  // words the first of them lacks (`missing`).
  // `step()`, if given, is called as the words and then the lists are ready.
  Engine.prototype.search = function (request, step) {
    var self = this;
    step = step || function () {};
    var asTyped = function (q) {
      return self.parse(q).then(function (chunks) {
        step();
        return self.prepare(chunks).then(function (p) {
          step();
          return self.rank(request, chunks, p.unknown, p.lists);
        });
      });
    };
    return asTyped(request.q || '').then(function (outcome) {
      if (outcome.matched > 0) return outcome;
      var words = [];
      outcome.chunks.forEach(function (c) { c.forEach(function (u) { words.push(textOf(u)); }); });
      var together = outcome.chunks.some(function (c) { return c.length > 1; });
      var apart = words.join(' ');
      var wider = outcome.unknown.length === 0 && together
        ? asTyped(apart).then(function (w) {
          if (w.matched === 0) return null;
          w.apart = apart;
          return w;
        })
        : Promise.resolve(null);
      return wider.then(function (w) {
        if (w) return w;
        if (words.length < 2) return outcome;
        return self.partial(request, outcome.chunks, outcome.unknown).then(function (p) {
          return p.matched > 0 ? p : outcome;
        });
      });
    });
  };

  function textOf(u) { return u.term !== undefined ? u.term : u.prefix !== undefined ? u.prefix : u.unknown; }

  function has(sorted, x) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
    return lo < sorted.length && sorted[lo] === x;
  }

  // One requirement met by any of `alts` (keys a document must all hold): [docs, title docs]
  // (query.rs `any_of`).
  function anyOf(alts, lists) {
    var all = [], titleAll = [];
    alts.forEach(function (ks) {
      var docs = null;
      ks.forEach(function (key) {
        var d = lists(key)[2];
        docs = docs === null ? d : intersect(docs, d);
      });
      docs = docs || [];
      if (ks.length) titleAll = union(titleAll, intersect(lists(ks[0])[0], docs));
      all = union(all, docs);
    });
    return [all, titleAll];
  }

  // What a need asks, as [docs, title docs] (query.rs `requirement`).
  function requirement(need, lists) {
    if (need === null) return [[], []];
    if (need.each) {
      if (!need.each.length) return [[], []];
      var docs = null, title = null;
      need.each.forEach(function (key) {
        var l = lists(key);
        docs = docs === null ? l[2] : intersect(docs, l[2]);
        title = title === null ? l[0] : intersect(title, l[0]);
      });
      return [docs, title];
    }
    return anyOf(need.any, lists);
  }

  // The documents holding some of the words, those holding most first, then by score
  // (query.rs `search_partial`): a word counts as held with a neighbour it was typed with,
  // alone when typed alone, nowhere when the site lacks it.
  Engine.prototype.partial = function (request, chunks, unknown) {
    var self = this, n = this.count;
    var wanted = chunks.map(function (chunk) {
      return chunk.map(function (u, i) {
        if (u.unknown !== undefined || (i > 0 && chunk[i - 1].unknown !== undefined)) return null;
        return i === 0 || chunk.length === 1 ? needs([u], 0) : needs(chunk, i);
      });
    });
    var keys = [];
    wanted.forEach(function (c) {
      c.forEach(function (need) {
        if (need === null) return;
        if (need.each) keys.push.apply(keys, need.each);
        else need.any.forEach(function (ks) { keys.push.apply(keys, ks); });
      });
    });
    return this.loadLists(keys).then(function (lists) {
      var held = wanted.map(function (c) {
        var withLeft = c.map(function (need) { return requirement(need, lists); });
        return c.map(function (_, i) {
          if (c.length === 1) return withLeft[0];
          var none = [[], []], left = i > 0 ? withLeft[i] : none, right = i + 1 < c.length ? withLeft[i + 1] : none;
          return [union(left[0], right[0]), union(left[1], right[1])];
        });
      });
      // Per document: the letters of the query it holds, and its score.
      var count = new Uint32Array(n), scores = new Uint32Array(n), touched = [], letters = 0, i;
      held.forEach(function (c, k) {
        c.forEach(function (h, j) {
          var len = Array.from(textOf(chunks[k][j])).length;
          var w = weight(n, h[0].length), docs = h[0], title = h[1];
          letters += len;
          for (i = 0; i < docs.length; i++) {
            if (count[docs[i]] === 0) touched.push(docs[i]);
            count[docs[i]] += len;
            scores[docs[i]] += w;
          }
          for (i = 0; i < title.length; i++) scores[title[i]] += w * (TITLE - 1);
        });
      });
      // Only documents holding at least half the letters typed.
      touched = touched.filter(function (d) { return 2 * count[d] >= letters; });
      touched.sort(function (a, b) { return count[b] - count[a] || scores[b] - scores[a] || b - a; });
      var kind = request.type ? self.types.indexOf(request.type) : -1;
      var year = request.fy ? self.years.indexOf(Number(request.fy)) : -1;
      var typeCounts = self.types.map(function () { return 0; });
      var yearCounts = self.years.map(function () { return 0; });
      var hits = [];
      touched.forEach(function (doc) {
        var a = self.attrs[doc] || [63, 63];
        var typeOk = kind < 0 || kind === a[0], yearOk = year < 0 || year === a[1];
        if (yearOk && a[0] < typeCounts.length) typeCounts[a[0]]++;
        if (typeOk && a[1] < yearCounts.length) yearCounts[a[1]]++;
        if (typeOk && yearOk) hits.push([doc, scores[doc]]);
      });
      // The words the first result lacks, neighbours typed together as one.
      var missing = [];
      if (hits.length) {
        var best = hits[0][0];
        chunks.forEach(function (chunk, k) {
          var run = '';
          chunk.forEach(function (u, j) {
            if (!has(held[k][j][0], best)) run += textOf(u);
            else if (run) { missing.push(run); run = ''; }
          });
          if (run) missing.push(run);
        });
      }
      return {
        hits: hits, chunks: chunks, unknown: unknown, typeCounts: typeCounts, yearCounts: yearCounts,
        matched: touched.length, apart: null, partial: true, missing: missing,
      };
    });
  };

  // For a query with words the site lacks: the query respelt (each Thai run with letters the
  // vocabulary does not know: one edit under ten letters, two up to 24, longer runs not at
  // all, which keeps it within ~15 ms) if that finds something, as {q, count}; otherwise
  // null. Costs one round of list files.
  Engine.prototype.suggest = function (request) {
    var self = this, changed = false, gave = true, chunks = [];
    pieces(normalize(request.q || '')).forEach(function (p) {
      if (p.spaced || chunks.length === 0) chunks.push('');
      var text = p.text;
      if (p.thai && self.vocab.segment(text, true).some(function (g) { return g.unknown !== undefined; })) {
        var n = Array.from(text).length;
        var fixed = n > 24 ? null : self.vocab.respell(text, 2 * Math.max(1, Math.min(2, Math.floor(n / 5))));
        if (fixed === null) gave = false;
        else { text = fixed; changed = true; }
      }
      chunks[chunks.length - 1] += text;
    });
    if (!changed || !gave) return Promise.resolve(null);
    var q = chunks.join(' ');
    return this.search({ q: q, type: request.type, fy: request.fy }).then(function (o) {
      return o.unknown.length === 0 && !o.partial && o.hits.length > 0 ? { q: q, count: o.hits.length } : null;
    });
  };

  Engine.prototype.rank = function (request, chunks, unknown, lists) {
    var self = this, n = this.count;
    var kind = request.type ? this.types.indexOf(request.type) : -1;
    var year = request.fy ? this.years.indexOf(Number(request.fy)) : -1;
    var reqs = [], seen = new Set();
    var anyUnits = chunks.some(function (c) { return c.length > 0; });
    if (unknown.length === 0) {
      chunks.forEach(function (chunk) {
        for (var u = 0; u < chunk.length; u++) {
          var need = needs(chunk, u);
          if (need.each) {
            need.each.forEach(function (key) {
              if (seen.has(key)) return;
              seen.add(key);
              var l = lists(key);
              reqs.push([l[2], l[0]]);
            });
            continue;
          }
          reqs.push(anyOf(need.any, lists));
        }
      });
    }
    // Each requirement adds its weight to its documents, thrice where in the title; a
    // document matches when every requirement holds it (counted, rather than intersected).
    var scores = new Uint32Array(n), held = new Uint16Array(n), r, i, doc;
    for (r = 0; r < reqs.length; r++) {
      var w = weight(n, reqs[r][0].length), docs = reqs[r][0], title = reqs[r][1];
      for (i = 0; i < docs.length; i++) { scores[docs[i]] += w; held[docs[i]]++; }
      for (i = 0; i < title.length; i++) scores[title[i]] += w * (TITLE - 1);
    }
    var candidates = [];
    // Numbers falling: the newest first (documents are numbered oldest first).
    if (reqs.length > 0) {
      for (doc = n - 1; doc >= 0; doc--) if (held[doc] === reqs.length) candidates.push(doc);
    } else if (unknown.length === 0 && !anyUnits && (kind >= 0 || year >= 0)) {
      for (doc = n - 1; doc >= 0; doc--) candidates.push(doc);
    }
    // Documents holding the words, whatever the filters.
    var matched = reqs.length > 0 ? candidates.length : 0;
    var typeCounts = this.types.map(function () { return 0; });
    var yearCounts = this.years.map(function () { return 0; });
    // Best first, then newest first: by score in buckets, numbers already falling.
    var buckets = new Map();
    for (i = 0; i < candidates.length; i++) {
      doc = candidates[i];
      var a = self.attrs[doc] || [63, 63];
      var typeOk = kind < 0 || kind === a[0], yearOk = year < 0 || year === a[1];
      if (yearOk && a[0] < typeCounts.length) typeCounts[a[0]]++;
      if (typeOk && a[1] < yearCounts.length) yearCounts[a[1]]++;
      if (!(typeOk && yearOk)) continue;
      var sc = scores[doc];
      var bucket = buckets.get(sc);
      if (bucket === undefined) buckets.set(sc, bucket = []);
      bucket.push(doc);
    }
    var hits = [], order = Array.from(buckets.keys()).sort(function (x, y) { return y - x; });
    for (r = 0; r < order.length; r++) {
      var b = buckets.get(order[r]);
      for (i = 0; i < b.length; i++) hits.push([b[i], order[r]]);
    }
    return { hits: hits, chunks: chunks, unknown: unknown, typeCounts: typeCounts, yearCounts: yearCounts, matched: matched, apart: null, partial: false, missing: [] };
  };

  // Documents as the result list shows them: {kind, label, title, url, date, fy, text}.
  Engine.prototype.docs = function (ids) {
    var self = this, g = this.manifest.group || 4;
    var groups = Array.from(new Set(ids.map(function (id) { return Math.floor(id / g); })));
    return Promise.all(groups.map(function (k) { return self.file(self.docGroups, 'd/' + k + '.json'); }))
      .then(function (files) {
        var loaded = new Map();
        groups.forEach(function (k, i) { loaded.set(k, files[i]); });
        return ids.map(function (id) {
          var grp = loaded.get(Math.floor(id / g)) || [];
          var d = grp[id % g] || [0, '', '', '', '', ''];
          return { id: id, kind: self.types[d[0]] || '', label: self.typeLabels[d[0]] || '', title: d[1], url: d[2], date: d[3], fy: d[4], text: d[5] };
        });
      });
  };

  // Words to mark in titles and snippets, normalized.
  function markTerms(outcome) {
    var terms = new Set();
    outcome.chunks.forEach(function (c) {
      c.forEach(function (u) {
        if (u.term !== undefined) terms.add(u.term);
        if (u.prefix !== undefined) terms.add(u.prefix);
        if (u.alts) u.alts.forEach(function (alt) { alt.forEach(function (a) { terms.add(a); }); });
      });
    });
    // Results holding only some of the words: the letters of a word the site lacks
    // (สระว่ายน้ำ read as ส ระ ว่า ย น้ำ) are not marked wherever they occur.
    var lacking = function (t) {
      return outcome.partial && (Array.from(t).length < 2 ||
        (outcome.missing || []).some(function (m) { return m.indexOf(t) >= 0; }));
    };
    return Array.from(terms).filter(function (t) { return t.length > 0 && !lacking(t); });
  }

  // The normalized text of `s` with, for each of its characters, where it came from in `s`.
  function mapped(s) {
    var norm = [], from = [], chars = Array.from(s), offsets = [], off = 0;
    chars.forEach(function (c) { offsets.push(off); off += c.length; });
    offsets.push(off);
    chars.forEach(function (c, k) {
      Array.from(arabicDigit(c).toLowerCase()).forEach(function (x) { norm.push(arabicDigit(x)); from.push(k); });
    });
    var outN = [], outF = [];
    for (var i = 0; i < norm.length; i++) {
      if (norm[i] === ',' && i > 0 && isDigit(norm[i - 1]) && isDigit(norm[i + 1])) continue;
      outN.push(norm[i]); outF.push(from[i]);
    }
    return { chars: chars, norm: outN, from: outF };
  }

  // Ranges [start, end) of `s`'s characters that show a term.
  function findMarks(m, terms) {
    var ranges = [], text = m.norm.join(''), idx = [];
    var pos = 0;
    m.norm.forEach(function (c) { idx.push(pos); pos += c.length; });
    var at = new Map();
    idx.forEach(function (p, i) { at.set(p, i); });
    terms.forEach(function (t) {
      var thai = isThai(Array.from(t)[0]);
      var from = 0;
      for (;;) {
        var p = text.indexOf(t, from);
        if (p < 0) break;
        from = p + 1;
        var i = at.get(p), j = at.get(p + t.length);
        if (i === undefined) continue;
        if (j === undefined) j = m.norm.length;
        if (!thai) {
          var before = m.norm[i - 1], after = m.norm[j];
          if ((before !== undefined && isWordChar(before)) || (after !== undefined && isWordChar(after))) continue;
        }
        ranges.push([m.from[i], m.from[j - 1] + 1]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // `chars[from..to)` as HTML, the marked ranges in <mark>.
  function markedHtml(chars, marks, from, to) {
    var html = '', k = from;
    marks.forEach(function (r) {
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (a >= b || a < k) return;
      html += escapeHtml(chars.slice(k, a).join('')) + '<mark>' + escapeHtml(chars.slice(a, b).join('')) + '</mark>';
      k = b;
    });
    return html + escapeHtml(chars.slice(k, to).join(''));
  }

  function highlight(s, terms) {
    var m = mapped(s);
    return markedHtml(m.chars, findMarks(m, terms), 0, m.chars.length);
  }

  // About `size` characters of `s` around its first mark, marked.
  function snippet(s, terms, size) {
    var m = mapped(s), marks = findMarks(m, terms), n = m.chars.length;
    var start = 0;
    if (marks.length && marks[0][0] > size / 3) {
      start = marks[0][0] - Math.floor(size / 3);
      var space = m.chars.indexOf(' ', start);
      if (space >= 0 && space < marks[0][0]) start = space + 1;
    }
    var end = Math.min(n, start + size);
    if (end < n) {
      var back = m.chars.lastIndexOf(' ', end);
      if (back > start + size / 2) end = back;
    }
    return (start > 0 ? '… ' : '') + markedHtml(m.chars, marks, start, end) + (end < n ? ' …' : '');
  }

  var api = {
    clean: clean, normalize: normalize, pieces: pieces, hash: hash, decode: decode, decodeList: decodeList, weight: weight,
    Vocab: Vocab, Engine: Engine, markTerms: markTerms, highlight: highlight, snippet: snippet,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- the page ------------------------------------------------------------------------------
  // Results shown at first, each needing its document file: six take one round of requests over
  // HTTP/1.1 (six connections to a host) and fill a phone's screen; more on request.
  var PAGE = 6;
  // Milliseconds a search may take before the page says it is searching.
  var SLOW = 300;

  function start() {
    var root = document.getElementById('search');
    if (!root) return;
    var indexUrl = root.getAttribute('data-index');
    var base = root.getAttribute('data-base') || '/';
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-q');
    var typeSel = document.getElementById('search-type');
    var fySel = document.getElementById('search-fy');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var more = document.getElementById('search-more');
    var engine = null, build = '', current = null, shown = 0, run = 0, slow = null;
    var labels = new Map();
    [typeSel, fySel].forEach(function (sel) {
      Array.from(sel.options).forEach(function (o) { labels.set(sel.id + ':' + o.value, o.textContent); });
    });

    function fetchJson(path) {
      var url = indexUrl + path + (path === 'manifest.json' ? '' : '?v=' + build);
      // The page's head asked for the manifest early; taken once, asked again if it failed.
      var early = path === 'manifest.json' && window.prongsaiManifest;
      if (early) window.prongsaiManifest = null;
      var response = early ? early.then(function (r) { return r.ok ? r : Promise.reject(); })
        .catch(function () { return fetch(url, { cache: 'no-cache' }); })
        : fetch(url, path === 'manifest.json' ? { cache: 'no-cache' } : {});
      return response.then(function (r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.json();
      });
    }
    function open() {
      if (!engine) {
        engine = Engine.open(fetchJson).then(function (e) {
          build = e.manifest.build;
          try { sessionStorage.removeItem(RELOADED); } catch (err) { /* storage off */ }
          return e;
        });
        engine.catch(function (err) {
          engine = null;
          if (err && err.layout) reloadOnce();
        });
      }
      return engine;
    }
    // An index of another layout means this page and its script are older copies the browser
    // kept while the host got a newer site: loaded again, they match it. Once: if the host
    // itself holds a mismatched pair, the page says so instead of loading again and again.
    var RELOADED = 'prongsai-search-reloaded';
    function reloadOnce() {
      try {
        if (sessionStorage.getItem(RELOADED)) return;
        sessionStorage.setItem(RELOADED, '1');
      } catch (err) {
        return;
      }
      location.reload();
    }

    function params() {
      var p = new URLSearchParams(location.search);
      return { q: p.get('q') || '', type: p.get('type') || '', fy: p.get('fy') || '' };
    }
    function fill(r) {
      input.value = r.q;
      typeSel.value = r.type;
      fySel.value = r.fy;
    }
    function fromForm() {
      return { q: input.value.trim(), type: typeSel.value, fy: fySel.value };
    }
    function urlOf(r) {
      var p = new URLSearchParams();
      if (r.q) p.set('q', r.q);
      if (r.type) p.set('type', r.type);
      if (r.fy) p.set('fy', r.fy);
      var s = p.toString();
      return location.pathname + (s ? '?' + s : '');
    }

    function counts(outcome, e) {
      Array.from(typeSel.options).forEach(function (o) {
        var label = labels.get('search-type:' + o.value);
        var i = e.types.indexOf(o.value);
        o.textContent = o.value && i >= 0 && current ? label + ' (' + outcome.typeCounts[i] + ')' : label;
      });
      Array.from(fySel.options).forEach(function (o) {
        var label = labels.get('search-fy:' + o.value);
        var i = e.years.indexOf(Number(o.value));
        o.textContent = o.value && i >= 0 && current ? label + ' (' + outcome.yearCounts[i] + ')' : label;
      });
    }

    function render(docs, terms, from) {
      var first = null;
      docs.forEach(function (d, k) {
        var li = document.createElement('li');
        li.className = 'search-hit';
        var bits = [d.label];
        if (d.date) bits.push(d.date);
        if (d.fy) bits.push('ปีงบประมาณ ' + d.fy);
        // One parse a result (each is a few milliseconds' work for the page): everything
        // taken from the index escaped, the words found in <mark>.
        li.innerHTML = '<h2><a href="' + escapeHtml(base + d.url) + '">' + highlight(d.title, terms) + '</a></h2>'
          + '<p class="search-meta">' + escapeHtml(bits.join(' · ')) + '</p>'
          + (d.text ? '<p class="search-snippet">' + snippet(d.text, terms, 220) + '</p>' : '');
        list.appendChild(li);
        if (k === 0) first = li.querySelector('a');
      });
      shown = from + docs.length;
      return first;
    }

    function describe(r, outcome) {
      var total = outcome.hits.length;
      var parts = [];
      if (r.q) parts.push('“' + r.q + '”');
      if (r.type) parts.push('ประเภท' + (labels.get('search-type:' + r.type) || r.type));
      if (r.fy) parts.push('ปีงบประมาณ ' + (labels.get('search-fy:' + r.fy) || r.fy));
      var what = parts.join(' ');
      var first = total > PAGE ? ' แสดง ' + Math.min(PAGE, total) + ' รายการแรก' : '';
      if (outcome.partial && total > 0) {
        // No document holds every word: say so, and which words the best of them lacks.
        return 'ไม่มีรายการที่มีครบทุกคำของ “' + r.q + '” จึงแสดง ' + total +
          ' รายการที่มีคำมากที่สุดก่อน' + first + (outcome.missing.length ? ' · ไม่พบคำว่า “' + outcome.missing.join('”, “') + '”' : '');
      }
      if (outcome.unknown.length) {
        return 'ไม่พบคำว่า “' + outcome.unknown.join('”, “') + '” ในเว็บไซต์ ลองสะกดใหม่หรือใช้คำอื่น';
      }
      if (total === 0) return 'ไม่พบผลการค้นหา ' + what + ' ลองใช้คำอื่น หรือเลือกทุกประเภทและทุกปี';
      if (outcome.apart) {
        // The words typed together were nowhere together: say so, and what was run instead.
        var apart = ['“' + outcome.apart + '”'].concat(parts.slice(1)).join(' ');
        return 'ไม่พบ “' + r.q + '” ที่เขียนติดกัน จึงค้นหาแต่ละคำแยกกัน พบ ' + total + ' รายการ สำหรับ ' + apart + first;
      }
      return 'พบ ' + total + ' รายการ สำหรับ ' + what + first;
    }

    // Nothing found and no spelling to offer: where everything is listed.
    function browse() {
      var where = root.getAttribute('data-browse');
      if (!where) return;
      var link = document.createElement('a');
      link.href = where;
      link.textContent = 'ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์';
      status.appendChild(document.createTextNode(' หรือดูข้อมูลทั้งหมดที่ '));
      status.appendChild(link);
    }

    // "Did you mean": a link to the respelt query, said with the status.
    function offer(r, hint) {
      var link = document.createElement('a');
      link.href = urlOf({ q: hint.q, type: r.type, fy: r.fy });
      link.textContent = hint.q;
      link.addEventListener('click', function (ev) {
        ev.preventDefault();
        var next = { q: hint.q, type: r.type, fy: r.fy };
        fill(next);
        input.focus();
        search(next, urlOf(next));
      });
      status.appendChild(document.createTextNode(' หมายถึง “'));
      status.appendChild(link);
      status.appendChild(document.createTextNode('” ใช่ไหม (พบ ' + hint.count + ' รายการ)'));
    }

    // Resolves once what the page just changed is painted (at the latest after 100 ms: a page
    // out of sight paints nothing).
    function painted() {
      return new Promise(function (resolve) {
        var late = setTimeout(resolve, 100);
        requestAnimationFrame(function () {
          setTimeout(function () { clearTimeout(late); resolve(); }, 0);
        });
      });
    }

    // The page changes once, when the results are ready: the old list stays while the new one
    // is fetched, and is marked busy, and "searching" said, only when that takes a while (the
    // page is not laid out and painted again while its requests are on their way); the list is
    // marked busy while it is filled. `address`, when given, goes in the history once the
    // results are painted (or the search failed): a same-document navigation costs the page
    // several milliseconds (and has the browser fetch its icon again), which neither the
    // query's requests nor the results need wait for.
    function search(r, address) {
      var mine = ++run;
      var t0 = performance.now();
      current = null;
      clearTimeout(slow);
      if (!r.q && !r.type && !r.fy) {
        more.hidden = true;
        list.innerHTML = '';
        list.removeAttribute('aria-busy');
        status.textContent = '';
        if (address) history.pushState(null, '', address);
        root.setAttribute('data-state', 'idle');
        return Promise.resolve();
      }
      root.setAttribute('data-state', 'busy');
      slow = setTimeout(function () {
        if (mine !== run) return;
        list.setAttribute('aria-busy', 'true');
        status.textContent = 'กำลังค้นหา…';
      }, SLOW);
      var marks = [];
      var mark = function () { marks.push(Math.round(performance.now() - t0)); };
      return open().then(function (e) {
        mark();
        return e.search(r, mark).then(function (outcome) {
          mark();
          if (mine !== run) return;
          var terms = markTerms(outcome);
          var ids = outcome.hits.slice(0, PAGE).map(function (h) { return h[0]; });
          // Results appear best first as their documents arrive (all are requested at
          // once): the best is not kept waiting for the slowest request.
          var started = false;
          var begin = function () {
            started = true;
            clearTimeout(slow);
            current = outcome;
            current.terms = terms;
            counts(outcome, e);
            list.setAttribute('aria-busy', 'true');
            more.hidden = true;
            list.innerHTML = '';
            status.textContent = describe(r, outcome);
            root.setAttribute('data-first', String(Math.round(performance.now() - t0)));
          };
          var parts = ids.map(function (id) { return e.docs([id]); });
          return parts.reduce(function (previous, part, k) {
            return previous.then(function () { return part; }).then(function (docs) {
              if (mine !== run) return;
              if (!started) { mark(); begin(); }
              render(docs, terms, k);
            });
          }, Promise.resolve()).then(function () {
            if (mine !== run) return;
            if (!started) { mark(); begin(); }
            // A word the site lacks may be misspelt: offer a spelling that finds more, also
            // beside results that hold only some of the words.
            if (outcome.hits.length > 0 && !outcome.unknown.length) return;
            var hint = outcome.unknown.length ? e.suggest(r).catch(function () { return null; }) : Promise.resolve(null);
            return hint.then(function (h) {
              if (mine !== run) return;
              if (h) offer(r, h);
              else if (outcome.hits.length === 0) browse();
            });
          }).then(function () {
            if (mine !== run) return;
            list.removeAttribute('aria-busy');
            more.hidden = shown >= outcome.hits.length;
            mark();
            // Milliseconds after submit: index open, words, lists, ranked, first result
            // shown, all shown.
            root.setAttribute('data-timing', marks.join(' '));
            root.setAttribute('data-ms', String(Math.round(performance.now() - t0)));
            root.setAttribute('data-at', String(Math.round(performance.now())));
            // The address once the results are on screen; then the search is done.
            return painted().then(function () {
              if (mine !== run) return;
              if (address) history.pushState(null, '', address);
              root.setAttribute('data-state', 'done');
              root.dispatchEvent(new CustomEvent('search:done', { detail: { ms: performance.now() - t0, total: outcome.hits.length } }));
            });
          });
        });
      }).catch(function (err) {
        if (mine !== run) return;
        clearTimeout(slow);
        more.hidden = true;
        list.innerHTML = '';
        list.removeAttribute('aria-busy');
        status.textContent = 'ค้นหาไม่ได้ในขณะนี้ (' + err.message + ')';
        if (address) history.pushState(null, '', address);
        root.setAttribute('data-state', 'error');
      });
    }

    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(typing);
      var r = fromForm();
      search(r, urlOf(r));
    });
    [typeSel, fySel].forEach(function (sel) {
      sel.addEventListener('change', function () {
        var r = fromForm();
        history.replaceState(null, '', urlOf(r));
        search(r);
      });
    });
    window.addEventListener('popstate', function () {
      var r = params();
      fill(r);
      search(r);
    });
    more.addEventListener('click', function () {
      if (!current) return;
      var mine = run;
      var ids = current.hits.slice(shown, shown + PAGE).map(function (h) { return h[0]; });
      open().then(function (e) { return e.docs(ids); }).then(function (docs) {
        if (mine !== run || !current) return;
        var first = render(docs, current.terms, shown);
        more.hidden = shown >= current.hits.length;
        if (first) first.focus();
        status.textContent = 'แสดง ' + shown + ' จาก ' + current.hits.length + ' รายการ';
      }).catch(function (err) {
        if (mine !== run) return;
        status.textContent = 'โหลดผลการค้นหาเพิ่มไม่ได้ในขณะนี้ ลองอีกครั้ง (' + err.message + ')';
      });
    });

    // When the resident pauses while typing, fetch the vocabulary and lists the query needs.
    // A query pasted (or dropped) in is whole: at once, the documents of its first results
    // are fetched too, so that Enter shows them without a request.
    var typing = null;
    input.addEventListener('input', function (ev) {
      clearTimeout(typing);
      var q = input.value;
      var whole = ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop';
      typing = setTimeout(function () {
        if (!q.trim()) return;
        open().then(function (e) {
          if (!whole) return e.parse(q).then(function (chunks) { return e.prepare(chunks); });
          var r = fromForm();
          r.q = q.trim();
          return e.search(r).then(function (o) {
            return e.docs(o.hits.slice(0, PAGE).map(function (h) { return h[0]; }));
          });
        }).catch(function () {});
      }, whole ? 0 : 150);
    });

    var initial = params();
    fill(initial);
    search(initial);
    open();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
