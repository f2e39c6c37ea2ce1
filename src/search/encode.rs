//! Byte-level encodings of the index files: LEB128 varints, base64, and the posting lists.
//!
//! A posting list is three columns, one after the other, for `n` postings (`n` is the term's
//! document frequency, capped at `POSTINGS_CAP`): the document numbers as varint deltas (the
//! first from 0), then one impact byte each, then the part numbers as varints. Columns keep
//! alike bytes together, which gzip rewards. The list is stored base64 in the shard's JSON so
//! hosts compress it as text; `decodePostings` in `assets/search/decode.mjs` reads it back.

use super::index::Posting;

/// Appends `v` as an unsigned LEB128 varint.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*pos`, advancing it; `None` at a truncated end.
#[cfg(test)]
pub fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(v);
        }
        shift += 7;
        if shift > 28 {
            return None;
        }
    }
}

/// The bytes of a posting list (postings in document order).
pub(crate) fn encode_postings(postings: &[Posting]) -> Vec<u8> {
    let mut out = Vec::with_capacity(postings.len() * 3);
    let mut last = 0;
    for p in postings {
        put_varint(&mut out, p.doc - last);
        last = p.doc;
    }
    out.extend(postings.iter().map(|p| p.impact));
    for p in postings {
        put_varint(&mut out, u32::from(p.part));
    }
    out
}

/// Reads `n` postings back (for tests and checks).
#[cfg(test)]
pub fn decode_postings(bytes: &[u8], n: usize) -> Option<Vec<Posting>> {
    let mut pos = 0;
    let mut docs = Vec::with_capacity(n);
    let mut doc = 0;
    for _ in 0..n {
        doc += get_varint(bytes, &mut pos)?;
        docs.push(doc);
    }
    let impacts = bytes.get(pos..pos + n)?.to_vec();
    pos += n;
    let mut out = Vec::with_capacity(n);
    for (doc, impact) in docs.into_iter().zip(impacts) {
        let part = u16::try_from(get_varint(bytes, &mut pos)?).ok()?;
        out.push(Posting { doc, impact, part });
    }
    (pos == bytes.len()).then_some(out)
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 without padding.
pub(crate) fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..=c.len() {
            out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes [`base64`] output (for tests).
#[cfg(test)]
pub fn unbase64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for ch in text.bytes() {
        let v = BASE64.iter().position(|&b| b == ch)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Compares strings as JavaScript does (UTF-16 code units), so the browser's `<` agrees with
/// the order shards and boundaries are written in.
pub(crate) fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut v = Vec::new();
        for n in [0, 1, 127, 128, 300, 16_384, u32::MAX] {
            put_varint(&mut v, n);
        }
        let mut pos = 0;
        let back: Vec<u32> = std::iter::from_fn(|| get_varint(&v, &mut pos)).collect();
        assert_eq!(back, [0, 1, 127, 128, 300, 16_384, u32::MAX]);
    }

    #[test]
    fn postings_round_trip() {
        let p = vec![
            Posting {
                doc: 0,
                impact: 9,
                part: 0,
            },
            Posting {
                doc: 5,
                impact: 255,
                part: 300,
            },
            Posting {
                doc: 70_000,
                impact: 1,
                part: 2,
            },
        ];
        let bytes = encode_postings(&p);
        assert_eq!(decode_postings(&bytes, 3), Some(p));
        assert_eq!(decode_postings(&bytes[..bytes.len() - 1], 3), None);
    }

    #[test]
    fn base64_round_trips_every_length() {
        for len in 0..10 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 97 + 13) as u8).collect();
            assert_eq!(unbase64(&base64(&bytes)).as_deref(), Some(&bytes[..]));
        }
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE");
    }

    #[test]
    fn orders_strings_as_javascript_does() {
        use std::cmp::Ordering::*;
        assert_eq!(utf16_cmp("abc", "abd"), Less);
        // U+FF21 sorts after a surrogate pair in UTF-16, before it in UTF-8.
        assert_eq!(utf16_cmp("\u{FF21}", "\u{1F600}"), Greater);
    }
}
