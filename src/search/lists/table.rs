//! Many terms' lists in a few buffers: the terms' texts one after another, the document
//! numbers of every list one after another, and where each entry's parts end. A site of a
//! real vocabulary has over a million terms; one string and two lists each would be millions
//! of allocations to make, read back from the build cache, and free again.

/// Terms, each with its documents in the title and elsewhere (ascending), in order of
/// entry. Tables made side by side are joined without copying: a table is a row of parts.
#[derive(Clone, Debug, Default)]
pub(in crate::search) struct Table {
    parts: Vec<Part>,
    /// The number of each part's first entry.
    firsts: Vec<usize>,
    len: usize,
}

#[derive(Clone, Debug, Default)]
struct Part {
    terms: String,
    docs: Vec<u32>,
    /// For each entry: where its term ends in `terms`, its title's documents and its other
    /// documents end in `docs` (each part starts where the one before ends).
    ends: Vec<[usize; 3]>,
}

impl Part {
    fn get(&self, i: usize) -> (&str, &[u32], &[u32]) {
        let (t0, d0) = match i.checked_sub(1).and_then(|p| self.ends.get(p)) {
            Some(&[t, _, d]) => (t, d),
            None => (0, 0),
        };
        let [t1, d1, d2] = self.ends[i];
        (&self.terms[t0..t1], &self.docs[d0..d1], &self.docs[d1..d2])
    }
}

impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl Table {
    /// An empty table with room for `entries` entries whose terms take `term_bytes` and
    /// whose lists hold `docs` numbers.
    pub fn with_capacity(entries: usize, term_bytes: usize, docs: usize) -> Self {
        Self {
            parts: vec![Part {
                terms: String::with_capacity(term_bytes),
                docs: Vec::with_capacity(docs),
                ends: Vec::with_capacity(entries),
            }],
            firsts: vec![0],
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Entry `i`: its term, its documents in the title and elsewhere.
    pub fn get(&self, i: usize) -> (&str, &[u32], &[u32]) {
        let p = self.firsts.partition_point(|&f| f <= i) - 1;
        self.parts[p].get(i - self.firsts[p])
    }

    pub fn term(&self, i: usize) -> &str {
        self.get(i).0
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u32], &[u32])> + '_ {
        self.parts
            .iter()
            .flat_map(|p| (0..p.ends.len()).map(move |i| p.get(i)))
    }

    pub fn push(&mut self, term: &str, title: &[u32], text: &[u32]) {
        let mut e = self.begin(term);
        e.docs().extend_from_slice(title);
        e.title_done();
        e.docs().extend_from_slice(text);
        e.done();
    }

    /// An entry written in steps ([`Writing`]): `term`, then the title's documents, then the
    /// others.
    pub fn begin(&mut self, term: &str) -> Writing<'_> {
        if self.parts.is_empty() {
            self.parts.push(Part::default());
            self.firsts.push(self.len);
        }
        let part = self.parts.last_mut().expect("a part");
        let (term_start, docs_start) = (part.terms.len(), part.docs.len());
        part.terms.push_str(term);
        Writing {
            table: self,
            term_start,
            docs_start,
            title_end: None,
        }
    }

    /// The tables one after another.
    pub fn concat(tables: Vec<Table>) -> Table {
        let mut out = Table::default();
        for t in tables {
            for part in t.parts.into_iter().filter(|p| !p.ends.is_empty()) {
                out.firsts.push(out.len);
                out.len += part.ends.len();
                out.parts.push(part);
            }
        }
        out
    }

    /// Whether each term sorts after the one before (bytes of UTF-8).
    pub fn strictly_ascending(&self) -> bool {
        let mut terms = self.iter().map(|e| e.0);
        let Some(mut last) = terms.next() else {
            return true;
        };
        terms.all(|t| std::mem::replace(&mut last, t) < t)
    }

    /// Neighbouring entries of the same term made one, holding the documents of both.
    pub fn merge_equal_terms(self) -> Table {
        let unique = {
            let mut terms = self.iter().map(|e| e.0);
            let mut last = terms.next();
            terms.all(|t| last.replace(t) != Some(t))
        };
        if unique {
            return self;
        }
        let entries: Vec<_> = self.iter().collect();
        let mut out = Table::default();
        let mut i = 0;
        while i < entries.len() {
            let term = entries[i].0;
            let same = entries[i..].iter().take_while(|e| e.0 == term).count();
            let mut e = out.begin(term);
            for part in [1, 2] {
                let mut docs: Vec<u32> = entries[i..i + same]
                    .iter()
                    .flat_map(|(_, title, text)| if part == 1 { *title } else { *text })
                    .copied()
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                e.docs().extend(docs);
                if part == 1 {
                    e.title_done();
                }
            }
            e.done();
            i += same;
        }
        out
    }
}

/// An entry of a [`Table`] being written: its term is in, its documents go to
/// [`Writing::docs`], the title's first.
pub(in crate::search) struct Writing<'a> {
    table: &'a mut Table,
    term_start: usize,
    docs_start: usize,
    title_end: Option<usize>,
}

impl Writing<'_> {
    fn part(&mut self) -> &mut Part {
        self.table.parts.last_mut().expect("begun in a part")
    }

    /// More of the entry's term.
    pub fn extend_term(&mut self, more: &str) {
        self.part().terms.push_str(more);
    }

    /// The table's documents: this entry's are pushed at the end (and may be reordered there,
    /// nothing before them).
    pub fn docs(&mut self) -> &mut Vec<u32> {
        &mut self.part().docs
    }

    /// The documents pushed so far are the title's.
    pub fn title_done(&mut self) {
        self.title_end = Some(self.part().docs.len());
    }

    /// Ends the entry; one with no documents at all is taken out again. Whether it stays.
    pub fn done(mut self) -> bool {
        let (docs_start, term_start, title_end) =
            (self.docs_start, self.term_start, self.title_end);
        let part = self.part();
        let end = part.docs.len();
        if end == docs_start {
            part.terms.truncate(term_start);
            return false;
        }
        let term_end = part.terms.len();
        part.ends.push([term_end, title_end.unwrap_or(end), end]);
        self.table.len += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_as_pushed_and_tables_join() {
        let mut a = Table::default();
        a.push("ก", &[1, 2], &[3]);
        a.push("ข", &[], &[0]);
        let mut e = a.begin("ค");
        e.title_done();
        assert!(!e.done(), "no documents: not kept");
        let mut b = Table::default();
        b.push("ง", &[4], &[]);
        let t = Table::concat(vec![a, Table::default(), b]);
        let all: Vec<_> = t.iter().collect();
        assert_eq!(
            all,
            vec![
                ("ก", &[1, 2][..], &[3][..]),
                ("ข", &[][..], &[0][..]),
                ("ง", &[4][..], &[][..]),
            ]
        );
        assert!(t.strictly_ascending());
    }

    #[test]
    fn entries_of_one_term_are_merged() {
        let mut t = Table::default();
        t.push("ก", &[1], &[5]);
        t.push("ข", &[2, 7], &[]);
        t.push("ข", &[3, 7], &[1]);
        t.push("ค", &[], &[4]);
        assert!(!t.strictly_ascending());
        let mut want = Table::default();
        want.push("ก", &[1], &[5]);
        want.push("ข", &[2, 3, 7], &[1]);
        want.push("ค", &[], &[4]);
        assert_eq!(t.merge_equal_terms(), want);
    }
}
