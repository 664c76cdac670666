//! ICU4X's Thai word list, read out of its compiled data. `build.rs` reads it when prongsai is
//! compiled and lays it out as the double array [`Dict`](super::Dict) cuts with, which the
//! binary holds; the tests read it again and hold the binary's array to it.

use icu_provider::prelude::*;
use icu_segmenter::provider::{Baked, DictionaryBreakData, SegmenterDictionaryExtendedV2};

/// The words of ICU4X's Thai dictionary, in the order of their keys (bytes of ICU's alphabet),
/// when the data is the alphabet-and-trie form this reads and its letters are all of the Thai
/// block.
pub fn thai_words() -> Option<Vec<String>> {
    let response: DataResponse<SegmenterDictionaryExtendedV2> = Baked
        .load(DataRequest {
            id: DataIdentifierBorrowed::for_marker_attributes(
                DataMarkerAttributes::from_str_or_panic("thaidict"),
            ),
            metadata: DataRequestMetadata::default(),
        })
        .ok()?;
    let DictionaryBreakData::ZeroTrie { alphabet, trie } = response.payload.get() else {
        return None;
    };
    let letters: Vec<char> = alphabet.iter_chars().collect();
    if !letters
        .iter()
        .all(|c| ('\u{0E00}'..='\u{0E7F}').contains(c))
    {
        return None;
    }
    let mut keys: Vec<Vec<u8>> = trie.iter().map(|(k, _)| k.into_bytes()).collect();
    keys.sort_unstable();
    keys.iter()
        .map(|k| {
            k.iter()
                .map(|&b| letters.get(b as usize).copied())
                .collect()
        })
        .collect()
}
