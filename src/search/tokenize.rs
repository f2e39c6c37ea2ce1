//! Tokens: the words of folded text, as the search index and the query both see them.
//!
//! A token is a longest run of letters and digits (`char::is_alphanumeric`, which is
//! `[\p{Alphabetic}\p{N}]` in the JavaScript twin `tokenize` in `assets/search/analyze.mjs`),
//! from [`MIN_CHARS`] to [`MAX_CHARS`] characters long. Apostrophes and hyphens split words, so
//! French elisions (`l'atelier`) leave the article as a one-letter token, which is dropped.
//!
//! The rule is written twice on purpose: [`for_each_token`] for any text, and
//! `for_each_ascii_word`, the index's hot loop, which folds and cuts ASCII text eight bytes at
//! a time; a test checks that the two agree on every kind of ASCII text.

/// Shortest token kept, in characters.
pub(crate) const MIN_CHARS: usize = 2;
/// Longest token kept, in characters: longer runs are identifiers or encoded data, not words.
pub(crate) const MAX_CHARS: usize = 40;

/// Calls `f` with each token of already folded text, in order.
pub(crate) fn for_each_token<'a>(folded: &'a str, mut f: impl FnMut(&'a str)) {
    if folded.is_ascii() {
        return ascii_tokens(folded, f);
    }
    let mut start = None;
    let mut chars = 0;
    for (i, c) in folded.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
                chars = 0;
            }
            chars += 1;
        } else if let Some(s) = start.take() {
            emit(&folded[s..i], chars, &mut f);
        }
    }
    if let Some(s) = start {
        emit(&folded[s..], chars, &mut f);
    }
}

/// [`for_each_token`] for ASCII text, where a byte is a character.
fn ascii_tokens<'a>(folded: &'a str, mut f: impl FnMut(&'a str)) {
    let bytes = folded.as_bytes();
    let mut start = None;
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            emit(&folded[s..i], i - s, &mut f);
        }
    }
    if let Some(s) = start {
        emit(&folded[s..], bytes.len() - s, &mut f);
    }
}

fn emit<'a>(token: &'a str, chars: usize, f: &mut impl FnMut(&'a str)) {
    if (MIN_CHARS..=MAX_CHARS).contains(&chars) {
        f(token);
    }
}

/// The tokens of already folded text.
#[cfg(test)]
pub fn tokenize(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for_each_token(folded, |t| out.push(t));
    out
}

/// The bytes of a string of at most 15 bytes and its length, as one integer.
pub(crate) fn short_key(s: &str) -> Option<u128> {
    let b = s.as_bytes();
    if b.len() > 15 {
        return None;
    }
    let mut key = [0u8; 16];
    key[..b.len()].copy_from_slice(b);
    key[15] = b.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// A token of ASCII text, lowercased: by its [`short_key`] when it has at most 15 bytes.
pub(crate) enum AsciiWord<'b> {
    /// A token of at most 15 bytes, by its [`short_key`].
    Short(u128),
    /// A longer token.
    Long(&'b str),
}

/// `0x01` in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x80 * ONES;

/// Eight bytes of `bytes` from `i`, little-endian, zeros past the end.
fn eight(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..i + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
        None => {
            let mut b = [0u8; 8];
            let rest = bytes.get(i..).unwrap_or_default();
            b[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(b)
        }
    }
}

/// For eight ASCII bytes: their lowercase forms, and the high bit set in each byte that is a
/// letter or digit (every byte is below 0x80, so adding below 0x80 to each never carries).
fn classify(x: u64) -> (u64, u64) {
    let above = |v: u64, n: u64| (v + (0x7f - n) * ONES) & HIGH;
    let lower = x | (0x20 * ONES);
    let letter = above(lower, b'a' as u64 - 1) & !above(lower, b'z' as u64);
    let digit = above(x, b'0' as u64 - 1) & !above(x, b'9' as u64);
    (lower, letter | digit)
}

/// The number of word bytes at the start of eight bytes classified by [`classify`].
fn run(word: u64) -> usize {
    ((!word & HIGH).trailing_zeros() / 8) as usize
}

/// The low `n` bytes (n < 8) of `x`.
fn low_bytes(x: u64, n: usize) -> u64 {
    x & ((1u64 << (8 * n)) - 1)
}

/// Calls `f` with each token of ASCII `text` as [`for_each_token`] cuts its folded form (ASCII
/// folding is lowercasing), lowercasing each as it is cut. This is the hot loop of the index,
/// which reads every word of the site once: it looks at eight bytes at a time. A test below
/// checks that it agrees with [`for_each_token`] on the folded text.
pub(crate) fn for_each_ascii_word(text: &str, long: &mut String, mut f: impl FnMut(AsciiWord)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (_, word) = classify(eight(bytes, i));
        if word == 0 {
            i += 8;
            continue;
        }
        i += (word.trailing_zeros() / 8) as usize;
        let start = i;
        let (lo, word) = classify(eight(bytes, i));
        let n = run(word);
        let key = if n < 8 {
            i += n;
            Some(u128::from(low_bytes(lo, n)))
        } else {
            let (hi, word) = classify(eight(bytes, i + 8));
            let m = run(word);
            i += 8 + m;
            if m == 8 {
                // Sixteen bytes or more: find the end a byte at a time.
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                None
            } else {
                Some(u128::from(lo) | u128::from(low_bytes(hi, m)) << 64)
            }
        };
        let len = i - start;
        if !(MIN_CHARS..=MAX_CHARS).contains(&len) {
            continue;
        }
        match key {
            Some(key) if len <= 15 => f(AsciiWord::Short(key | (len as u128) << 120)),
            _ => {
                long.clear();
                long.push_str(&text[start..i]);
                long.make_ascii_lowercase();
                f(AsciiWord::Long(long));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_everything_but_letters_and_digits() {
        assert_eq!(
            tokenize("l'atelier, co-design: 2024!"),
            ["atelier", "co", "design", "2024"]
        );
        assert_eq!(tokenize("شجرة المشكلات"), ["شجرة", "المشكلات"]);
    }

    #[test]
    fn drops_one_letter_and_overlong_tokens() {
        let long = "x".repeat(41);
        assert_eq!(tokenize(&format!("a bc {long} de")), ["bc", "de"]);
        assert_eq!(tokenize(&"y".repeat(40)).len(), 1);
    }

    #[test]
    fn ascii_words_are_the_tokens_of_the_folded_text() {
        let texts = [
            "Soil-health, CO2 and l'atelier: 2024!",
            "UPPER lower MiXeD a b cd",
            "fifteenletters1 sixteenletters12 Internationalization",
            &format!("{} {} end", "x".repeat(40), "Y".repeat(41)),
            "",
            "  ...  ",
        ];
        // And random text of every printable ASCII byte, tabs and newlines, dense in letters
        // and digits so that every word length from 1 to 40 and beyond comes up.
        let mut rng = 0x2545_f491_4f6c_dd1d_u64;
        let random: Vec<String> = (0..200)
            .map(|_| {
                (0..rng % 300)
                    .map(|_| {
                        rng ^= rng << 13;
                        rng ^= rng >> 7;
                        rng ^= rng << 17;
                        match rng % 10 {
                            0 => (b' ' + (rng >> 8) as u8 % 95) as char,
                            1 => ['\t', '\n', ' '][(rng >> 8) as usize % 3],
                            _ => b"aZ09xQm"[(rng >> 8) as usize % 7] as char,
                        }
                    })
                    .collect()
            })
            .collect();
        for text in texts
            .iter()
            .copied()
            .chain(random.iter().map(String::as_str))
        {
            let mut long = String::new();
            let mut words = Vec::new();
            for_each_ascii_word(text, &mut long, |w| {
                words.push(match w {
                    AsciiWord::Short(k) => {
                        let b = k.to_le_bytes();
                        String::from_utf8(b[..usize::from(b[15])].to_vec()).unwrap()
                    }
                    AsciiWord::Long(t) => t.to_string(),
                })
            });
            let folded = crate::search::normalize::fold(text);
            assert_eq!(words, tokenize(&folded), "{text}");
        }
    }
}
