//! Builds the static search index: a small manifest, the vocabulary (in the manifest when small,
//! else in shards keyed by hash), the inverted lists in shards of neighbouring keys (a query
//! downloads only the shards of its words), and the documents in small groups (a result page
//! downloads only the groups it shows).
//!
//! ```text
//! search/manifest.json   version, build id, counts, types, fiscal years, each document's
//!                        type and year (two digits a document), one-letter words, the
//!                        vocabulary when small ("words") or its shard count ("vocab"), and
//!                        the first key of each list shard but the first ("bounds")
//! search/v/K.json        {"word": cost | [cost, "atom atom ..."]}  words by their first two letters
//! search/p/N.json        {"term": ["title docs", "other docs"]}     terms and word pairs ("a b"),
//!                        keys of shard K from bounds[K−1] up to bounds[K]; N is `0` for the
//!                        first shard, the hash of bounds[K−1] for the others
//! search/d/K.json        [[type, title, url, date, fiscal year, text], ...]  documents K·G..K·G+G−1
//! ```
//! Document numbers follow date, oldest first, so a new document takes the next number and the
//! others keep theirs; ties in the ranking show the highest number, the newest, first.

use std::collections::BTreeMap;
use std::mem::take;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::search::codec;
use crate::search::lists::{self, DocTerms, Postings, Synonyms, Table};
use crate::search::text::{normalize, pieces};
use crate::search::words::{self, Cutter, Numbered, Packed, Plan, Prepared, doc_tokens};
pub use crate::search::words::{Memo, PendingMemo};
use crate::timing::phase;

/// One thing a resident can find.
#[derive(Clone, Debug)]
pub struct Record {
    /// Index into the types of [`Input::types`].
    pub kind: usize,
    pub title: String,
    /// Site path, percent-encoded where needed, possibly with a `#fragment`.
    pub url: String,
    pub date: Option<NaiveDate>,
    /// The date as pages show it.
    pub date_text: String,
    /// Buddhist Era.
    pub fiscal_year: Option<i32>,
    /// Plain text: what is searched besides the title, and where the snippet comes from.
    pub text: String,
    /// Set when `text` is only the start of the document's text (the snippet's source: the
    /// last build's, the document being unchanged, or this build's, its pieces made where it
    /// was read): the whole text, when the build needs it, comes from the reader given to
    /// [`build_reusing`].
    pub whole: Option<Whole>,
    /// The hash of the document's whole text ([`text_hash`]) when known: made with the text
    /// (so not made again), or kept by the last build with its start; `None` when not made.
    pub text_hash: Option<u128>,
}

/// Where a document's whole text is, when its record holds only the start of it.
#[derive(Clone, Debug)]
pub struct Whole {
    /// What the reader reads it by.
    pub at: usize,
    /// The pairs and triples of letters of the whole text, when known: a document that lacks
    /// those of every word whose cost changed is not read to look for them.
    pub letters: Option<crate::search::letters::Letters>,
    /// The pieces of the whole text, when it was read in this build: what the index is made
    /// from, so the text is not read again unless the last build's words of it are kept.
    pub pieces: Option<crate::search::words::TextPieces>,
}

/// Reads a document's whole text by [`Whole::at`].
pub type ReadText<'a> = &'a (dyn Fn(usize) -> String + Sync);

pub use crate::search::words::{snippet_source, text_hash};

/// What the index is built from.
pub struct Input {
    /// `(key, Thai label)` of each type, in the order filters show them.
    pub types: Vec<(String, String)>,
    pub records: Vec<Record>,
    /// The site's own words (`search.words` in site.yaml).
    pub words: Vec<String>,
    /// Groups of phrases that mean the same (built-in and `search.synonyms`).
    pub synonyms: Vec<Vec<String>>,
    /// How the site writes numbers, for the fiscal years in filters.
    pub numerals: crate::thai::numerals::Numerals,
}

/// The files of the index, by path under the output folder, and what they hold.
pub struct Built {
    pub files: Vec<(String, String)>,
    pub documents: usize,
    pub terms: usize,
    pub words: usize,
    /// Documents of each type.
    pub types_count: Vec<usize>,
    /// Documents whose words were kept from the last build rather than split again.
    pub words_kept: usize,
    /// The inverted lists were the last build's, with the changed documents' terms merged in.
    pub lists_kept: bool,
    /// The fiscal years of the documents, newest first.
    pub years: Vec<i32>,
}

/// A document's tokens (title, text): numbered, or still to be numbered.
type DocTokens = Result<(Vec<u32>, Vec<u32>), (Numbered, Numbered)>;

/// Documents tokenized at once while the index is built.
const CHUNK: usize = 2048;
/// Documents whose terms a build finds again while taking the others' from the last build's
/// lists (or a quarter of all, when more): past that, building every list is no slower.
const MERGE_MAX: usize = 64;
/// Documents per file of `search/d/`.
pub const GROUP: usize = 4;

/// The layout of the index's files, written in its manifest: `search.js` and
/// [`crate::search::query`] read only an index of their own layout (3: list shards named by
/// where they start, documents numbered oldest first). Raised with every change of layout.
pub const FORMAT: u64 = 3;
/// Least size of a shard of inverted lists, in bytes, before a word may start the next.
const POSTINGS_SHARD_MIN: usize = 5 * 1024;
/// Past the least size, one word in this many (by the hash of its text) starts a shard.
const POSTINGS_CUT_ONE_IN: u64 = 8;
/// Most a shard holds with a word and its pairs added (past the least size), in bytes.
const POSTINGS_SHARD_FULL: usize = 12 * 1024;
/// Largest a shard grows to keep a word's pairs with it, in bytes.
const POSTINGS_SHARD_MAX: usize = 24 * 1024;
/// Aimed size of a shard of the vocabulary, in bytes.
const VOCAB_SHARD: usize = 8 * 1024;
/// Largest vocabulary, in bytes, kept in the manifest rather than in shards.
const VOCAB_INLINE: usize = 32 * 1024;

/// The key of a pair of neighbouring tokens.
pub fn pair(a: &str, b: &str) -> String {
    format!("{a} {b}")
}

/// Built-in synonyms: abbreviations of local government and procurement, and the Thai and
/// English names of the electronic procurement methods.
pub fn builtin_synonyms() -> Vec<Vec<String>> {
    [
        &["คสล", "คอนกรีตเสริมเหล็ก"][..],
        &["หจก", "ห้างหุ้นส่วนจำกัด"],
        &["บจก", "บริษัทจำกัด"],
        &["อบต", "องค์การบริหารส่วนตำบล"],
        &["อบจ", "องค์การบริหารส่วนจังหวัด"],
        &["ทต", "เทศบาลตำบล"],
        &["ทม", "เทศบาลเมือง"],
        &["ทน", "เทศบาลนคร"],
        &["ศพด", "ศูนย์พัฒนาเด็กเล็ก"],
        &["ปปช", "คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"],
        &["สขร", "สรุปผลการดำเนินการจัดซื้อจัดจ้าง"],
        &["cctv", "กล้องโทรทัศน์วงจรปิด", "กล้องวงจรปิด"],
        &["e-bidding", "ebidding", "ประกวดราคาอิเล็กทรอนิกส์"],
        &["e-market", "emarket", "ตลาดอิเล็กทรอนิกส์"],
    ]
    .iter()
    .map(|g| g.iter().map(|s| (*s).to_owned()).collect())
    .collect()
}

/// The Thai runs of phrases, as words for the vocabulary.
fn thai_words(phrases: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    let mut out = Vec::new();
    for p in phrases {
        for piece in pieces(&normalize(p.as_ref())) {
            if piece.thai {
                out.push(piece.text);
            }
        }
    }
    out
}

/// Builds the index files.
pub fn build(input: Input) -> Built {
    build_with(input, VOCAB_INLINE, None, &|_| String::new()).0
}

/// Builds the index files using what the last build kept of its documents (a [`Memo`] made
/// with other settings is not used), and what this one keeps.
pub fn build_reusing(input: Input, memo: Option<Memo>, read: ReadText) -> (Built, PendingMemo) {
    build_with(input, VOCAB_INLINE, memo, read)
}

/// [`build_reusing`], with the vocabulary in the manifest when it takes at most `vocab_inline`
/// bytes.
fn build_with(
    input: Input,
    vocab_inline: usize,
    memo: Option<Memo>,
    read: ReadText,
) -> (Built, PendingMemo) {
    let mut records = input.records;
    // The vocabulary: ICU's words over all the text, the site's words, the synonyms' words.
    let mut synonyms = builtin_synonyms();
    synonyms.extend(input.synonyms.iter().cloned());
    let site_words = thai_words(&input.words);
    let rare = thai_words(synonyms.iter().flatten());
    let mut memo = memo;
    let kept = memo.as_mut().and_then(Memo::take_lists);
    let mut found = words::find(&mut records, &site_words, &rare, memo, read);
    let (vocab, atoms) = (&found.vocab, &found.atoms);
    let synonyms = Synonyms::new(
        synonyms
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|phrase| {
                        let mut toks = Vec::new();
                        let pieces = Packed::new(&normalize(phrase));
                        doc_tokens(
                            vocab,
                            atoms,
                            pieces.iter(),
                            &mut Cutter::default(),
                            &mut toks,
                        );
                        toks.into_iter().map(|t| found.interner.id(t)).collect()
                    })
                    .collect()
            })
            .collect(),
    );

    // The last build's lists serve when most documents are found again unchanged, in the
    // same order, and the synonyms are the same texts.
    let synonyms_key = synonyms.key(|t| found.interner.name(&found.vocab, t));
    let keep: Vec<bool> = found
        .plans
        .iter()
        .map(|p| matches!(p, Plan::Keep(..)))
        .collect();
    let words_kept = keep.iter().filter(|k| **k).count();
    let reuse = kept
        .filter(|(_, k)| k.synonyms == synonyms_key)
        .and_then(|(old_keys, k)| {
            let (new_of_old, changed) = lists::matching(&old_keys, found.keys(), &keep);
            (changed.len() <= MERGE_MAX.max(keep.len() / 4))
                .then_some((k.entries, new_of_old, changed))
        });

    // Each document's tokens, numbered, then its terms (tokens and neighbouring pairs, title
    // apart from the rest) into the inverted lists: a chunk of documents at a time.
    // Keys are our own numbers: a fast hash, not one that resists chosen keys.
    let mut postings = Postings::default();
    let mut tokens: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(records.len());
    let fresh = reuse.is_none();
    phase("search: words, terms and lists", || {
        // While a chunk is split into words (on all cores), the chunk before is numbered, its
        // terms found and taken into the lists (the numbering and the lists on one thread, the
        // terms on any): neither waits for the other. Lists merged from the last build's need
        // only tokens.
        let mut plans = std::mem::take(&mut found.plans).into_iter();
        let (vocab, atoms, interner) = (&found.vocab, &found.atoms, &mut found.interner);
        let mut take_in = |c: usize, raw: Vec<DocTokens>| {
            let first = tokens.len();
            tokens.extend(raw.into_iter().map(|doc| match doc {
                Ok(numbered) => numbered,
                Err((title, text)) => (title.finish(interner), text.finish(interner)),
            }));
            if fresh {
                let terms: Vec<DocTerms> = tokens[first..]
                    .par_iter()
                    .map_init(lists::Terms::default, |terms, (title, text)| {
                        terms.of(title, text, &synonyms)
                    })
                    .collect();
                lists::add(&mut postings, c * CHUNK, &terms);
            }
        };
        let mut pending: Option<(usize, Vec<DocTokens>)> = None;
        for c in 0.. {
            let chunk: Vec<Plan> = plans.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let split = move || -> Vec<DocTokens> {
                let mut chunk = chunk;
                chunk
                    .par_iter_mut()
                    .map_init(
                        || (Cutter::default(), Vec::new()),
                        |(cutter, toks), plan| match plan {
                            Plan::Keep(title, text) => Ok((take(title), take(text))),
                            Plan::Split(p) => {
                                let p: &Prepared = p;
                                cutter.next_document();
                                doc_tokens(vocab, atoms, p.title.iter(), cutter, toks);
                                let title = Numbered::of(toks);
                                doc_tokens(vocab, atoms, p.text.iter(), cutter, toks);
                                let text = Numbered::of(toks);
                                Err((title, text))
                            }
                        },
                    )
                    .collect()
            };
            let previous = pending.take();
            let (raw, ()) = rayon::join(split, || {
                if let Some((c, raw)) = previous {
                    take_in(c, raw);
                }
            });
            pending = Some((c, raw));
        }
        if let Some((c, raw)) = pending {
            take_in(c, raw);
        }
    });
    let (vocab, interner) = (&found.vocab, &found.interner);
    let key_text = |k: u64| -> String {
        if k >> 32 == 0 {
            interner.name(vocab, k as u32).to_owned()
        } else {
            pair(
                interner.name(vocab, ((k >> 32) - 1) as u32),
                interner.name(vocab, k as u32),
            )
        }
    };
    let lists_kept = reuse.is_some();
    crate::timing::note(|| {
        format!(
            "search: {words_kept} of {} documents' words kept, lists {}",
            records.len(),
            if lists_kept { "merged" } else { "built" }
        )
    });
    let entries: Table = phase("search: lists sorted or merged", || match reuse {
        None => {
            let rank = lists::ranks(interner.count(), |id| interner.name(vocab, id));
            lists::sorted(std::mem::take(&mut postings), &rank, |id| {
                interner.name(vocab, id)
            })
        }
        Some((old, new_of_old, changed)) => {
            let added: Vec<(String, u32, bool)> = changed
                .par_iter()
                .flat_map_iter(|&j| {
                    let (title, text) = lists::doc_terms(&tokens[j].0, &tokens[j].1, &synonyms);
                    let d = u32::try_from(j).unwrap_or(u32::MAX);
                    let title = title.into_iter().map(move |t| (key_text(t), d, true));
                    let text = text.into_iter().map(move |t| (key_text(t), d, false));
                    title.chain(text).collect::<Vec<_>>()
                })
                .collect();
            lists::merge(old, &new_of_old, added)
        }
    });

    let mut files: Vec<(String, String)> = Vec::new();

    // Inverted lists, in shards of neighbouring keys (the entries are in order): a word, its
    // pairs ("word next") and the longer words it starts sort together, so a query reads few
    // shards. A shard is a run of entries, cut by their sizes as written: counted first, then
    // each shard written on all cores, the lists encoded straight into it.
    let count = u32::try_from(records.len()).unwrap_or(u32::MAX);
    let sizes: Vec<usize> = phase("search: lists' sizes", || {
        (0..entries.len())
            .into_par_iter()
            .map(|i| {
                let (term, title, text) = entries.get(i);
                term.len() + codec::list_len(title, count) + codec::list_len(text, count) + 10
            })
            .collect()
    });
    let (shards, bounds) = shard_cuts(|i| entries.term(i), &sizes);
    phase("search: list shards", || {
        files.par_extend(shards.par_iter().enumerate().map(|(k, range)| {
            let mut shard = ShardJson::with_capacity(sizes[range.clone()].iter().sum());
            for i in range.clone() {
                let (term, title, text) = entries.get(i);
                shard.entry(
                    term,
                    |out| codec::push_list(out, title, count),
                    |out| codec::push_list(out, text, count),
                );
            }
            (codec::list_shard_path(k, &bounds), shard.finish())
        }))
    });

    // Vocabulary: one-letter words in the manifest, the others by their first two letters.
    let mut singles: BTreeMap<&str, u32> = BTreeMap::new();
    let mut vocab_entries: Vec<(&str, Value)> = Vec::new();
    for (w, entry) in vocab.iter() {
        if w.chars().count() < 2 {
            singles.insert(w, entry.cost);
        } else if entry.atoms.is_empty() {
            vocab_entries.push((w, json!(entry.cost)));
        } else {
            vocab_entries.push((w, json!([entry.cost, entry.atoms.join(" ")])));
        }
    }
    let total: usize = vocab_entries.iter().map(|(w, _)| w.len() + 12).sum();
    // A small vocabulary travels in the manifest: no query waits for it.
    let vocab_shards = if total <= vocab_inline {
        0
    } else {
        shard_count(total, VOCAB_SHARD)
    };
    let mut vshards: Vec<BTreeMap<&str, &Value>> = vec![BTreeMap::new(); vocab_shards.max(1)];
    for (w, v) in &vocab_entries {
        let k = codec::shard(&codec::vocab_key(w), vocab_shards.max(1) as u32) as usize;
        vshards[k].insert(w, v);
    }
    let inline_words = if vocab_shards == 0 {
        vshards.pop().unwrap_or_default()
    } else {
        for (k, s) in vshards.iter().enumerate() {
            files.push((format!("v/{k}.json"), json_text(&s)));
        }
        BTreeMap::new()
    };

    // Documents.
    let mut years: Vec<i32> = records.iter().filter_map(|r| r.fiscal_year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let n = input.numerals;
    let groups: Vec<(String, String)> = phase("search: documents", || {
        records
            .par_chunks(GROUP)
            .enumerate()
            .map(|(k, group)| {
                // Tuples: the arrays `json!` would make, without building values first.
                let docs: Vec<(usize, &str, &str, &str, String, &str)> = group
                    .iter()
                    .map(|r| {
                        (
                            r.kind,
                            r.title.as_str(),
                            r.url.as_str(),
                            r.date_text.as_str(),
                            r.fiscal_year
                                .map(|y| n.apply(&y.to_string()))
                                .unwrap_or_default(),
                            r.text.as_str(),
                        )
                    })
                    .collect();
                (format!("d/{k}.json"), json_text(&docs))
            })
            .collect()
    });
    files.extend(groups);

    let mut attrs = String::with_capacity(records.len() * 2);
    let mut types_count = vec![0; input.types.len()];
    for r in &records {
        attrs.push(codec::digit(r.kind));
        attrs.push(codec::digit(
            r.fiscal_year
                .and_then(|y| years.iter().position(|x| *x == y))
                .map_or(63, |p| p.min(62)),
        ));
        if let Some(c) = types_count.get_mut(r.kind) {
            *c += 1;
        }
    }
    // What the pages' scripts compare to know their stored shards are of this index.
    let build_id = phase("search: build id", || {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(attrs.as_bytes());
        for (path, text) in &files {
            for part in [path, text] {
                h.update(&(part.len() as u64).to_le_bytes());
                h.update(part.as_bytes());
            }
        }
        h.digest() as u32
    });
    let manifest = json!({
        "version": FORMAT,
        "build": format!("{build_id:08x}"),
        "count": records.len(),
        "types": input.types.iter().map(|(k, l)| json!([k, l])).collect::<Vec<_>>(),
        "years": years.iter().map(|y| json!([y, n.apply(&y.to_string())])).collect::<Vec<_>>(),
        "attrs": attrs,
        "vocab": vocab_shards,
        "words": inline_words,
        "bounds": bounds,
        "group": GROUP,
        "singles": singles,
    });
    files.push(("manifest.json".to_owned(), json_text(&manifest)));

    let built = Built {
        files,
        documents: records.len(),
        terms: entries.len(),
        words: vocab.len(),
        types_count,
        years,
        words_kept,
        lists_kept,
    };
    let lists = lists::Kept {
        synonyms: synonyms_key,
        entries,
    };
    (built, PendingMemo::new(found, tokens, lists))
}

/// Where the shards of lists start: the entries of each shard (terms in order, `sizes` their
/// sizes as written) and the first key of each but the first ([`codec::separator`]).
///
/// A word and its pairs (`word next`) are a group, which a shard keeps whole up to
/// [`POSTINGS_SHARD_MAX`]: a query asks for both. Once a shard holds [`POSTINGS_SHARD_MIN`]
/// bytes, the next group starts a shard when the hash of its word says so, or when the shard
/// would hold more than [`POSTINGS_SHARD_FULL`] with it. Cuts made by the words themselves
/// rather than by the bytes since the last cut stay where they were when a shard grows or
/// shrinks: a new document changes the shards holding its terms (and now and then the one
/// after), and the others keep their bytes and, named by where they start
/// ([`codec::list_shard_path`]), their files. A cut whose name another shard has is not made.
fn shard_cuts<'a>(
    term: impl Fn(usize) -> &'a str,
    sizes: &[usize],
) -> (Vec<std::ops::Range<usize>>, Vec<String>) {
    let head = |k: &'a str| &k[..k.find(' ').unwrap_or(k.len())];
    // Whether entry `i` is a pair of the word `word`.
    let pair_of = |i: usize, word: &str| {
        let t = term(i);
        t.len() > word.len() && head(t) == word
    };
    // The size of the group entry `i` begins: it and the pairs of its word after it.
    let group = |i: usize| {
        let word = head(term(i));
        let pairs = (i + 1..sizes.len()).take_while(|&j| pair_of(j, word));
        sizes[i] + pairs.map(|j| sizes[j]).sum::<usize>()
    };
    let mut shards: Vec<std::ops::Range<usize>> = Vec::new();
    let mut bounds: Vec<String> = Vec::new();
    let mut names: std::collections::HashSet<u32> = std::collections::HashSet::new();
    let mut size = 0;
    let mut start = 0;
    let mut prev: &str = "";
    for (i, entry_size) in sizes.iter().enumerate() {
        let t = term(i);
        let cut = if pair_of(i, head(prev)) {
            size >= POSTINGS_SHARD_MAX
        } else {
            size >= POSTINGS_SHARD_MIN
                && (xxhash_rust::xxh3::xxh3_64(t.as_bytes()).is_multiple_of(POSTINGS_CUT_ONE_IN)
                    || size + group(i) > POSTINGS_SHARD_FULL)
        };
        if cut {
            let bound = codec::separator(prev, t);
            if names.insert(codec::hash(&bound)) {
                bounds.push(bound);
                shards.push(start..i);
                start = i;
                size = 0;
            }
        }
        size += entry_size;
        prev = t;
    }
    shards.push(start..sizes.len());
    (shards, bounds)
}

fn shard_count(total: usize, target: usize) -> usize {
    total.div_ceil(target).max(1)
}

/// A shard of lists as a JSON object, term by term in their order: `{"term":[title,text]}`,
/// as [`json_text`] writes it. The lists are [`codec::encode_list`]'s letters, which JSON
/// takes as they are; so is a term without a quote, backslash, control character or `<>&`.
struct ShardJson {
    out: String,
}

impl ShardJson {
    /// A shard whose entries take about `size` bytes.
    fn with_capacity(size: usize) -> Self {
        let mut out = String::with_capacity(size + 3);
        out.push('{');
        Self { out }
    }

    /// An entry: its term, then its lists in the title and elsewhere as `title` and `text`
    /// write them (letters that JSON needs no escape for).
    fn entry(
        &mut self,
        term: &str,
        title: impl FnOnce(&mut String),
        text: impl FnOnce(&mut String),
    ) {
        let plain = |s: &str| {
            !s.bytes()
                .any(|b| b < 0x20 || matches!(b, b'"' | b'\\' | b'<' | b'>' | b'&'))
        };
        let out = &mut self.out;
        // Past the opening brace, an entry follows another.
        if out.len() > 1 {
            out.push(',');
        }
        if plain(term) {
            out.push('"');
            out.push_str(term);
            out.push('"');
        } else {
            let quoted = json_text(&term);
            out.push_str(quoted.strip_suffix('\n').unwrap_or(&quoted));
        }
        out.push_str(":[\"");
        let at = out.len();
        title(out);
        let title_end = out.len();
        out.push_str("\",\"");
        let text_at = out.len();
        text(out);
        debug_assert!(plain(&out[at..title_end]) && plain(&out[text_at..]));
        out.push_str("\"]");
    }

    fn finish(mut self) -> String {
        self.out.push_str("}\n");
        self.out
    }
}

/// A shard's JSON made of `entries` (term, lists as written): [`ShardJson`] of them.
#[cfg(test)]
fn shard_json(entries: &[(&str, String, String)]) -> String {
    let mut shard = ShardJson::with_capacity(0);
    for (term, title, text) in entries {
        shard.entry(term, |o| o.push_str(title), |o| o.push_str(text));
    }
    shard.finish()
}

/// JSON with `<`, `>` and `&` written as escapes: no index file holds markup, even one served or
/// read as HTML by mistake.
fn json_text<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string(v).unwrap_or_else(|_| "null".into());
    // Most files hold none of the three: they are written as serde_json made them.
    if s.bytes().any(|b| matches!(b, b'<' | b'>' | b'&')) {
        let mut out = String::with_capacity(s.len() + 64);
        let mut from = 0;
        for (i, b) in s.bytes().enumerate() {
            let escaped = match b {
                b'<' => "\\u003c",
                b'>' => "\\u003e",
                b'&' => "\\u0026",
                _ => continue,
            };
            // ASCII bytes: `i` is at a character's boundary.
            out.push_str(&s[from..i]);
            out.push_str(escaped);
            from = i + 1;
        }
        out.push_str(&s[from..]);
        s = out;
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests;
