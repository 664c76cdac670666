//! Fingerprints: what identifies a file, a page's inputs or a served body, for caches and
//! entity tags. Not for anything a stranger could choose to collide.

use std::hash::{Hash, Hasher};

/// A 64-bit fingerprint of anything hashable (stable within one build of the program).
/// XXH3: a document's whole source goes through it on every build.
pub fn fingerprint(value: &impl Hash) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    value.hash(&mut h);
    h.finish()
}
