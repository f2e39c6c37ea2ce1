//! Tokens: the words of folded text, as the search index and the query both see them.
//!
//! A token is a longest run of letters and digits (`char::is_alphanumeric`, which is
//! `[\p{Alphabetic}\p{N}]` in the JavaScript twin `tokenize` in `assets/search/analyze.mjs`),
//! from [`MIN_CHARS`] to [`MAX_CHARS`] characters long. Apostrophes and hyphens split words, so
//! French elisions (`l'atelier`) leave the article as a one-letter token, which is dropped.

/// Shortest token kept, in characters.
pub const MIN_CHARS: usize = 2;
/// Longest token kept, in characters: longer runs are identifiers or encoded data, not words.
pub const MAX_CHARS: usize = 40;

/// Calls `f` with each token of already folded text, in order.
pub fn for_each_token<'a>(folded: &'a str, mut f: impl FnMut(&'a str)) {
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
pub fn tokenize(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for_each_token(folded, |t| out.push(t));
    out
}

#[cfg(test)]
mod tests {
    use super::tokenize;

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
}
