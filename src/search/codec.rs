//! How the index files say things compactly, the same in `search.js`: which shard holds a key
//! (FNV-1a of its UTF-8 bytes) and lists of document numbers as text (gaps in base-64 digits).

/// Base-64 digits that need no escaping in JSON or URLs.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// FNV-1a, 32 bits, over the UTF-8 bytes of `key`.
pub fn hash(key: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in key.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The shard of `key` among `n`.
pub fn shard(key: &str, n: u32) -> u32 {
    hash(key) % n.max(1)
}

/// The shortest start of `next` that sorts after `prev` (`prev` < `next`): where a shard of
/// sorted keys begins.
pub fn separator(prev: &str, next: &str) -> String {
    let mut end = 0;
    for (i, c) in next.char_indices() {
        end = i + c.len_utf8();
        if &next[..end] > prev {
            break;
        }
    }
    next[..end].to_owned()
}

/// The file of list shard `k` among shards starting at `bounds` ([`range_shard`]): `p/0.json`
/// for the first, else named by the hash of where it starts (eight hex digits), so a shard
/// keeps its name when shards before it come or go.
pub fn list_shard_path(k: usize, bounds: &[String]) -> String {
    match k.checked_sub(1).and_then(|b| bounds.get(b)) {
        Some(bound) => format!("p/{:08x}.json", hash(bound)),
        None => "p/0.json".to_owned(),
    }
}

/// The shard of `key` among shards of sorted keys starting at `bounds` (the first shard's start
/// left out): how many bounds are at or before `key`, in code-point order.
pub fn range_shard(key: &str, bounds: &[String]) -> u32 {
    u32::try_from(bounds.partition_point(|b| b.as_str() <= key)).unwrap_or(u32::MAX)
}

/// The shard of the vocabulary that holds the words starting like `word`: keyed by its first
/// two letters.
pub fn vocab_key(word: &str) -> String {
    word.chars().take(2).collect()
}

/// A rising list of numbers as text: each gap from the previous number (the first from −1),
/// written with five bits a digit, most significant first; digits 32–63 mean "more follow".
pub fn encode(ids: &[u32]) -> String {
    let mut out = String::with_capacity(ids.len() * 2);
    push_encoded(&mut out, ids.iter().copied());
    out
}

/// Appends [`encode`] of the rising numbers `ids` to `out`.
fn push_encoded(out: &mut String, ids: impl Iterator<Item = u32>) {
    for mut gap in gaps(ids) {
        let mut groups = [0u8; 13];
        let mut k = 0;
        loop {
            groups[k] = (gap & 31) as u8;
            k += 1;
            gap >>= 5;
            if gap == 0 {
                break;
            }
        }
        for g in (0..k).rev() {
            let digit = if g == 0 { groups[g] } else { groups[g] + 32 };
            out.push(DIGITS[digit as usize] as char);
        }
    }
}

/// How many digits [`encode`] writes for the rising numbers `ids`.
fn encoded_len(ids: impl Iterator<Item = u32>) -> usize {
    // Five bits a digit, at least one.
    gaps(ids)
        .map(|gap| (64 - gap.leading_zeros() as usize).div_ceil(5).max(1))
        .sum()
}

/// Each of the rising numbers `ids` less the one before it (the first less −1): what
/// [`encode`] writes.
fn gaps(ids: impl Iterator<Item = u32>) -> impl Iterator<Item = u64> {
    let mut prev: i64 = -1;
    ids.map(move |id| {
        let gap = u64::try_from(i64::from(id) - prev).unwrap_or(0);
        prev = i64::from(id);
        gap
    })
}

/// The numbers of an [`encode`]d list.
pub fn decode(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut prev: i64 = -1;
    let mut value: i64 = 0;
    for b in text.bytes() {
        let Some(d) = DIGITS.iter().position(|&x| x == b) else {
            continue;
        };
        let d = d as i64;
        value = (value << 5) | (d & 31);
        if d < 32 {
            prev += value;
            out.push(u32::try_from(prev).unwrap_or(u32::MAX));
            value = 0;
        }
    }
    out
}

/// The documents of a term among `n`: [`encode`]d, or when it holds more than half of them,
/// `~` and the documents it does not hold (a word on nearly every page costs a few bytes).
pub fn encode_list(ids: &[u32], n: u32) -> String {
    let mut out = String::with_capacity(list_len(ids, n));
    push_list(&mut out, ids, n);
    out
}

/// Appends [`encode_list`] of `ids` among `n` to `out`.
pub fn push_list(out: &mut String, ids: &[u32], n: u32) {
    if held_by_most(ids, n) {
        out.push('~');
        push_encoded(out, others(ids, n));
    } else {
        push_encoded(out, ids.iter().copied());
    }
}

/// The length of [`encode_list`] of `ids` among `n`, without making it.
pub fn list_len(ids: &[u32], n: u32) -> usize {
    if held_by_most(ids, n) {
        1 + encoded_len(others(ids, n))
    } else {
        encoded_len(ids.iter().copied())
    }
}

/// Whether the rising `ids` hold more than half of the `n` documents.
fn held_by_most(ids: &[u32], n: u32) -> bool {
    ids.len() as u64 * 2 > u64::from(n)
}

/// The documents below `n` that the rising `ids` do not hold, in order.
fn others(ids: &[u32], n: u32) -> impl Iterator<Item = u32> + '_ {
    let mut k = 0;
    (0..n).filter(move |d| {
        if ids.get(k) == Some(d) {
            k += 1;
            false
        } else {
            true
        }
    })
}

/// The documents of an [`encode_list`]ed list.
pub fn decode_list(text: &str, n: u32) -> Vec<u32> {
    match text.strip_prefix('~') {
        Some(rest) => {
            let missing = decode(rest);
            others(&missing, n).collect()
        }
        None => decode(text),
    }
}

/// A base-64 digit for a small number (the type and year of each document in the manifest).
pub fn digit(n: usize) -> char {
    DIGITS[n.min(63)] as char
}

/// The number of a [`digit`].
pub fn undigit(c: char) -> usize {
    DIGITS.iter().position(|&x| x as char == c).unwrap_or(63)
}

/// The weight of a term held by `df` of `n` documents: the bit length of 16·n/df, an integer
/// (so that Rust and JavaScript rank identically) that grows as the term gets rarer.
pub fn weight(n: u32, df: u32) -> u32 {
    if df == 0 {
        return 0;
    }
    let q = (u64::from(n) * 16) / u64::from(df);
    64 - q.leading_zeros()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        let ids = [0, 1, 2, 31, 32, 33, 1000, 40000, 40001];
        let text = encode(&ids);
        assert_eq!(decode(&text), ids);
        assert_eq!(encode(&[0, 1, 2]), "BBB");
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
    }

    /// The length counted without writing is the length written, for lists held by few and
    /// by most documents, gaps of one digit and of several, and the empty list.
    #[test]
    fn a_list_s_length_is_known_before_it_is_written() {
        let lists: [&[u32]; 7] = [
            &[],
            &[0],
            &[31, 32, 1023, 1024, 40_000],
            &[0, 1, 2, 3, 4, 5, 6],
            &[1, 2, 3, 5, 6, 7, 9],
            &[0, 2, 4, 6, 8, 9],
            &[9],
        ];
        for n in [10, 41_000, 100_000] {
            for ids in lists {
                let text = encode_list(ids, n);
                assert_eq!(list_len(ids, n), text.len(), "{ids:?} of {n}");
                assert_eq!(decode_list(&text, n), ids, "{ids:?} of {n}");
            }
        }
        assert_eq!(encode_list(&[0, 1, 2, 3, 4, 5, 6], 10), "~IBB");
        assert_eq!(encode_list(&[31, 32, 1023, 1024], 41_000), "hAB-fB");
    }

    #[test]
    fn fnv1a() {
        assert_eq!(hash(""), 0x811c_9dc5);
        assert_eq!(hash("a"), 0xe40c_292c);
    }

    #[test]
    fn rarer_weighs_more() {
        assert!(weight(1000, 1) > weight(1000, 10));
        assert_eq!(weight(16, 16), 5);
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    #[test]
    fn a_separator_sorts_between_its_neighbours_and_finds_its_shard() {
        let mut keys = [
            "ก",
            "ถนน",
            "ถนน คอนกรีต",
            "ถนนคอนกรีต",
            "ถนอม",
            "๑",
            "a",
            "b\u{FFFD}",
            "b😀",
        ];
        keys.sort_unstable();
        for w in keys.windows(2) {
            let s = separator(w[0], w[1]);
            assert!(w[0] < s.as_str() && s.as_str() <= w[1], "{w:?} → {s}");
            assert!(w[1].starts_with(&s));
        }
        let bounds = vec![separator("ถนน คอนกรีต", "ถนนคอนกรีต")];
        assert_eq!(bounds[0], "ถนนค");
        assert_eq!(range_shard("ถนน", &bounds), 0);
        assert_eq!(range_shard("ถนน คอนกรีต", &bounds), 0);
        assert_eq!(range_shard("ถนนค", &bounds), 1);
        assert_eq!(range_shard("ถนอม", &bounds), 1);
        assert_eq!(range_shard("", &bounds), 0);
    }
}
