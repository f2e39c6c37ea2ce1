//! Fingerprints: 64-bit hashes of a build's inputs and outputs, kept by `lore serve` between
//! rebuilds to tell what changed.
//!
//! They live only in the memory of one process, so a fast keyed-with-zero SipHash (std's
//! `DefaultHasher`) is enough: nothing is persisted, and a collision among the few tens of
//! thousands of values of one site is about one chance in 10^10.

use std::hash::{DefaultHasher, Hasher};

use serde::Serialize;

/// Builds a fingerprint from parts fed in order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Fingerprint(DefaultHasher);

impl Fingerprint {
    /// A fingerprint starting with a tag naming what it is of (so two kinds never collide).
    pub(crate) fn new(tag: &str) -> Self {
        let mut f = Self(DefaultHasher::new());
        f.0.write(tag.as_bytes());
        f.0.write_u8(0xff);
        f
    }

    /// Adds text (its end is marked, so `"ab","c"` and `"a","bc"` differ).
    pub(crate) fn text(mut self, s: &str) -> Self {
        self.0.write(s.as_bytes());
        self.0.write_u8(0xff);
        self
    }

    /// Adds a number (or another fingerprint).
    pub(crate) fn num(mut self, n: u64) -> Self {
        self.0.write_u64(n);
        self
    }

    /// Adds raw bytes and their length.
    pub(crate) fn bytes(mut self, b: &[u8]) -> Self {
        self.0.write(b);
        self.0.write_usize(b.len());
        self
    }

    /// Adds a value as its JSON text, streamed into the hash without building the string.
    pub(crate) fn json(mut self, value: &impl Serialize) -> Self {
        // Writing into a hasher cannot fail; a value that cannot be serialised adds nothing
        // but its marker, which is still deterministic.
        serde_json::to_writer(HashWriter(&mut self.0), value).ok();
        self.0.write_u8(0xfe);
        self
    }

    /// Adds a list of numbers (fingerprints of the pages a job shows, in order).
    pub(crate) fn nums(mut self, ns: impl IntoIterator<Item = u64>) -> Self {
        let mut count = 0usize;
        for n in ns {
            self.0.write_u64(n);
            count += 1;
        }
        self.0.write_usize(count);
        self
    }

    /// The fingerprint.
    pub(crate) fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The fingerprint of a file's bytes.
pub(crate) fn of_bytes(bytes: &[u8]) -> u64 {
    Fingerprint::new("bytes").bytes(bytes).finish()
}

struct HashWriter<'a>(&'a mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_json_hashes_like_its_text_in_one_piece() {
        let v = serde_json::json!({"title": "A", "tags": ["x", "y"]});
        let text = serde_json::to_string(&v).unwrap();
        let mut h = DefaultHasher::new();
        h.write(b"t");
        h.write_u8(0xff);
        h.write(text.as_bytes());
        h.write_u8(0xfe);
        assert_eq!(Fingerprint::new("t").json(&v).finish(), h.finish());
    }

    #[test]
    fn text_boundaries_matter() {
        let a = Fingerprint::new("t").text("ab").text("c").finish();
        let b = Fingerprint::new("t").text("a").text("bc").finish();
        assert_ne!(a, b);
    }
}
