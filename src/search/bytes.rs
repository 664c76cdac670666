//! The binary form of what a build keeps for the next (the memo of [`super::words`], the
//! lists of [`super::lists`], the texts of [`super::records`]): little-endian numbers,
//! lengths before what they count, read back with every length checked against what is left.

/// Bytes being written.
pub(super) struct Bytes(pub Vec<u8>);

impl Bytes {
    pub(super) fn u32(&mut self, n: u32) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
    pub(super) fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }
    pub(super) fn u128(&mut self, n: u128) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }
    pub(super) fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for &n in v {
            self.u32(n);
        }
    }
    /// `b` behind its length.
    pub(super) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    /// What `f` writes, behind its length (read back whole with [`Reader::bytes`]).
    pub(super) fn framed(&mut self, f: impl FnOnce(&mut Self)) {
        let at = self.0.len();
        self.len(0);
        f(self);
        let len = u32::try_from(self.0.len() - at - 4).unwrap_or(u32::MAX);
        self.0[at..at + 4].copy_from_slice(&len.to_le_bytes());
    }
}

/// Bytes being read.
pub(super) struct Reader<'a>(pub &'a [u8]);

impl<'a> Reader<'a> {
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    pub(super) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    pub(super) fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        // No count is larger than the bytes left could hold.
        (n <= self.0.len()).then_some(n)
    }
    pub(super) fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }
    /// What [`Bytes::bytes`] or [`Bytes::framed`] wrote.
    pub(super) fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
    pub(super) fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len()?;
        let bytes = self.take(n.checked_mul(4)?)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        )
    }
}
