//! Fingerprints: what identifies a file, a page's inputs or a served body, for caches and
//! entity tags. Not for anything a stranger could choose to collide.

use std::hash::{Hash, Hasher};

/// A 64-bit fingerprint of anything hashable (stable within one run of the program).
pub fn fingerprint(value: &impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
