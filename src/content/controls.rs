//! Characters no output may carry: control characters other than tab and line ends, and the
//! noncharacters U+FFFE and U+FFFF. XML 1.0 forbids them (a feed holding one is not XML at
//! all), HTML calls them parse errors, iCalendar TEXT has no room for them (issue 19).
//!
//! Pages are cleaned as they are parsed, with a warning at the place, so an editor learns that
//! a character was dropped; every writer of a machine-readable format strips them again, so a
//! value from anywhere else (site.yaml, a layout's strings) cannot bring one through either.

use std::borrow::Cow;

use serde_json::Value;

/// True for a character no output carries.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// `s` without its forbidden characters (borrowed when it has none, as nearly every text).
pub fn strip(s: &str) -> Cow<'_, str> {
    if first_forbidden(s).is_some() {
        Cow::Owned(s.chars().filter(|&c| !is_forbidden(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// The byte offset and character of the first forbidden character of `s`.
pub(crate) fn first_forbidden(s: &str) -> Option<(usize, char)> {
    // Every source passes through here whole: look at bytes ([`forbidden_len_at`]).
    let bytes = s.as_bytes();
    let at = (0..bytes.len()).find(|&i| forbidden_len_at(bytes, i) > 0)?;
    s[at..].chars().next().map(|c| (at, c))
}

/// The length in bytes of the forbidden character that starts at byte `i` of `bytes` (UTF-8),
/// 0 when none does: [`is_forbidden`] read off the encoding, for scans that look at bytes
/// (an ASCII control, `C2 80`–`C2 9F` for a C1 control, `EF BF BE`/`EF BF BF` for
/// U+FFFE/U+FFFF). A continuation byte never starts one.
pub(crate) fn forbidden_len_at(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b'\t' | b'\n' | b'\r' => 0,
        0..=0x1f | 0x7f => 1,
        0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => 2,
        0xef if bytes.get(i + 1) == Some(&0xbf)
            && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)) =>
        {
            3
        }
        _ => 0,
    }
}

/// Removes the forbidden characters of `s` in place; returns the first one removed.
pub(crate) fn strip_string(s: &mut String) -> Option<char> {
    let (_, c) = first_forbidden(s)?;
    s.retain(|c| !is_forbidden(c));
    Some(c)
}

/// Removes the forbidden characters of every text (and key) in a value; returns the first one
/// removed.
pub(crate) fn strip_value(v: &mut Value) -> Option<char> {
    match v {
        Value::String(s) => strip_string(s),
        Value::Array(items) => items.iter_mut().fold(None, |f, i| f.or(strip_value(i))),
        Value::Object(map) => {
            let mut found = None;
            if map.keys().any(|k| first_forbidden(k).is_some()) {
                let entries = std::mem::take(map);
                for (mut k, v) in entries {
                    found = found.or(strip_string(&mut k));
                    map.insert(k, v);
                }
            }
            map.values_mut().fold(found, |f, i| f.or(strip_value(i)))
        }
        _ => None,
    }
}

/// How a character is named in a message: `U+0001`.
pub(crate) fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_controls_but_keeps_tabs_line_ends_and_letters() {
        assert_eq!(strip("a\u{b}b\u{1}c\0d\u{85}e\u{fffe}"), "abcde");
        assert_eq!(strip("tab\there\nnew é ع"), "tab\there\nnew é ع");
        let mut v = serde_json::json!({"t\u{1}": ["x\0", {"y": "z\u{7f}"}]});
        assert_eq!(strip_value(&mut v), Some('\u{1}'));
        assert_eq!(v, serde_json::json!({"t": ["x", {"y": "z"}]}));
    }

    #[test]
    fn the_first_forbidden_character_is_found_where_it_is() {
        for s in [
            "",
            "tab\there\r\nnew é ع \u{a0}\u{c0}\u{fffd}\u{efbf}",
            "é\u{85}x\u{1}",
            "ab\u{7f}",
            "日本\u{ffff}",
            "\u{fffe}",
            "x\u{9f}",
            "\u{2}\u{80}",
        ] {
            let by_chars = s.char_indices().find(|&(_, c)| is_forbidden(c));
            assert_eq!(first_forbidden(s), by_chars, "{s:?}");
        }
        assert_eq!(first_forbidden("é\u{85}"), Some((2, '\u{85}')));
    }
}
