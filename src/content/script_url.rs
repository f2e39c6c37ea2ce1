//! Addresses that run script when a reader follows them: `javascript:`, `vbscript:`, and
//! `data:` other than an image (issue 19). A page holding one would put script on the published
//! site past any review that reads only the text, so such a link or image is published as
//! [`BLOCKED`], which does nothing, and reported where it is written. Raw HTML is not rewritten
//! (editors may write it); `check` warns about its scripts instead.

use serde_json::Value;

/// What a script address becomes: an address that goes nowhere, named so a reader of the HTML
/// sees why (as Go's templates write `#ZgotmplZ`).
pub(crate) const BLOCKED: &str = "about:invalid#lore-blocked";

/// The scheme of `url` when following it runs script, as a browser reads it: case ignored,
/// control characters and spaces around it ignored, tabs and line ends inside it ignored.
pub(crate) fn script_scheme(url: &str) -> Option<&'static str> {
    let url = url.trim_matches(|c: char| c <= ' ');
    let head: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("javascript:") {
        Some("javascript")
    } else if head.starts_with("vbscript:") {
        Some("vbscript")
    } else if head.starts_with("data:") && !head.starts_with("data:image/") {
        Some("data")
    } else {
        None
    }
}

/// Replaces every script address held by a key named `url` or `…_url`, at any depth of a
/// front-matter value (`registration_url`, a tool's `url`, `location.online_url`), with
/// [`BLOCKED`]; returns the scheme of the first one replaced.
pub(crate) fn neutralise_value(key: &str, v: &mut Value) -> Option<&'static str> {
    match v {
        Value::String(s) if key == "url" || key.ends_with("_url") => {
            let scheme = script_scheme(s)?;
            *s = BLOCKED.to_string();
            Some(scheme)
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(None, |f, i| f.or(neutralise_value(key, i))),
        Value::Object(map) => map
            .iter_mut()
            .fold(None, |f, (k, i)| f.or(neutralise_value(k, i))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_script_schemes_however_they_are_written() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u{1}java\tscript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>",
        ] {
            assert!(script_scheme(bad).is_some(), "{bad:?}");
        }
        for good in [
            "https://x.org",
            "/a/",
            "data:image/png;base64,AA",
            "javascript.md",
            "#x",
        ] {
            assert_eq!(script_scheme(good), None, "{good:?}");
        }
    }

    #[test]
    fn neutralises_urls_at_any_depth() {
        let mut v =
            serde_json::json!([{"name": "t", "url": "javascript:x"}, {"online_url": "https://x"}]);
        assert_eq!(neutralise_value("tools", &mut v), Some("javascript"));
        assert_eq!(v[0]["url"], BLOCKED);
        assert_eq!(v[1]["online_url"], "https://x");
    }
}
