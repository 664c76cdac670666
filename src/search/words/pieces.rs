//! A document's text as the index reads it: its pieces ([`crate::search::text::each_piece`])
//! held compactly from where the text is read out of its Markdown until its words are found.

use crate::search::index::Record;
use crate::search::letters::Letters;
use crate::search::run::ThaiRun;
use crate::search::text::{clean, each_piece, normalize_clean, normalize_if_clean};

use super::snippet_source;

/// The pieces of normalized text kept compactly while the index is built (a piece's own
/// `String` costs several times its letters): the Thai runs' letters end to end, a byte each
/// ([`ThaiRun`]), the other pieces' texts end to end, and where each piece ends.
#[derive(Clone, Debug)]
pub(in crate::search) struct Packed {
    thai: Vec<u8>,
    other: String,
    ends: Vec<(u32, bool)>,
}

/// A piece of normalized text as [`Packed`] gives it.
#[derive(Clone, Copy)]
pub(in crate::search) enum Part<'a> {
    Thai(ThaiRun<'a>),
    Other(&'a str),
}

impl Packed {
    /// The pieces of normalized text.
    pub(in crate::search) fn new(normalized: &str) -> Self {
        // Every Thai letter is three bytes of `normalized`.
        let mut thai = Vec::with_capacity(normalized.len() / 3);
        let mut other = String::new();
        let mut ends = Vec::new();
        each_piece(normalized, |piece, is_thai, _| {
            // A Thai piece is letters of the Thai block (`text::is_thai`), which encode.
            if is_thai && ThaiRun::encode(piece, &mut thai) {
                ends.push((u32::try_from(thai.len()).unwrap_or(u32::MAX), true));
            } else {
                other.push_str(piece);
                ends.push((u32::try_from(other.len()).unwrap_or(u32::MAX), false));
            }
        });
        Self { thai, other, ends }
    }

    /// Each piece.
    pub(in crate::search) fn iter(&self) -> impl Iterator<Item = Part<'_>> {
        let (mut thai_at, mut other_at) = (0, 0);
        self.ends.iter().map(move |&(end, is_thai)| {
            let end = end as usize;
            if is_thai {
                let run = ThaiRun::trusted(&self.thai[thai_at..end]);
                thai_at = end;
                Part::Thai(run)
            } else {
                let piece = &self.other[other_at..end];
                other_at = end;
                Part::Other(piece)
            }
        })
    }

    /// Each Thai run.
    pub(in crate::search) fn runs(&self) -> impl Iterator<Item = ThaiRun<'_>> {
        self.iter().filter_map(|p| match p {
            Part::Thai(run) => Some(run),
            Part::Other(_) => None,
        })
    }
}

/// A document's whole text as the index reads it, made where the text is read out of its
/// Markdown, so that a site's whole texts are never all held at once: its pieces, and whether
/// it was [`clean`] as read.
#[derive(Clone, Debug)]
pub struct TextPieces {
    packed: Packed,
    plain: bool,
}

impl TextPieces {
    /// The pieces of `text`, and the start of the text cleaned: the snippet's source.
    pub fn of(text: &str) -> (Self, String) {
        // Nearly all text is clean already: normalized in the pass that finds it so.
        let (normalized, start, plain) = match normalize_if_clean(text) {
            Some(normalized) => (normalized, snippet_source(text), true),
            None => {
                let cleaned = clean(text);
                let plain = cleaned == text;
                (normalize_clean(&cleaned), snippet_source(&cleaned), plain)
            }
        };
        let packed = Packed::new(&normalized);
        (Self { packed, plain }, start)
    }

    /// The pairs and triples of letters of its Thai runs.
    pub fn letters(&self) -> Letters {
        Letters::of_runs(self.runs())
    }

    /// Each Thai run.
    pub(in crate::search) fn runs(&self) -> impl Iterator<Item = ThaiRun<'_>> {
        self.packed.runs()
    }
}

/// A document's title and text as pieces.
pub(in crate::search) struct Prepared {
    pub title: Packed,
    pub text: Packed,
}

impl Prepared {
    /// Of a record whose title and text are [`clean`](crate::search::text::clean).
    pub(in crate::search) fn of(r: &Record) -> Self {
        Self {
            title: Packed::new(&normalize_clean(&r.title)),
            text: Packed::new(&normalize_clean(&r.text)),
        }
    }

    /// [`Prepared::of`] a record whose title is clean and whose text is cleaned here, or was
    /// cut into its pieces where it was read ([`Whole::pieces`]); `plain` becomes false when
    /// cleaning changes the text. The record's text is left the snippet's source.
    ///
    /// [`Whole::pieces`]: crate::search::index::Whole::pieces
    pub(in crate::search) fn cleaning(r: &mut Record, plain: &mut bool) -> Self {
        let text = match r.whole.as_mut().and_then(|w| w.pieces.take()) {
            // Its text is the snippet's source already.
            Some(pieces) => pieces,
            None => {
                let (pieces, start) = TextPieces::of(&r.text);
                r.text = start;
                pieces
            }
        };
        *plain &= text.plain;
        Self {
            title: Packed::new(&normalize_clean(&r.title)),
            text: text.packed,
        }
    }
}
