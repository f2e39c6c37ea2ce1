//! Slugs: the URL segments made from file names, titles and `slug` fields.
//!
//! Every URL segment lore writes passes [`is_safe_segment`], so no slug, alias or folder name can
//! lead a write outside the output folder.

/// Lowercase ASCII slug of `text`: transliterated, words joined by `-` (`Árbol de problemas` ->
/// `arbol-de-problemas`).
pub(crate) fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '_' | '.') && !out.is_empty() && !out.ends_with('-') {
            out.push(if c == '.' { '-' } else { '_' });
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with(['-', '_']) {
        out.pop();
    }
    out
}

/// True if `s` can be one path segment of a URL and a file name without escaping its folder.
pub fn is_safe_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.len() <= 200
        && !s.chars().any(|c| {
            c.is_control()
                || matches!(
                    c,
                    '/' | '\\' | ':' | '?' | '#' | '%' | '<' | '>' | '"' | '|' | '*'
                )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugifies_titles_and_transliterates() {
        assert_eq!(slugify("Problem Tree"), "problem-tree");
        assert_eq!(slugify("Árbol de problemas!"), "arbol-de-problemas");
        assert_eq!(
            slugify("After-action review (AAR)"),
            "after-action-review-aar"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn refuses_segments_that_escape() {
        for bad in ["", ".", "..", "a/b", "..\\x", "a\0b"] {
            assert!(!is_safe_segment(bad), "{bad:?}");
        }
        assert!(is_safe_segment("problem-tree"));
    }
}
