//! Raw HTML in Markdown is allowed (editors are trusted), but scripts are worth a reviewer's
//! look: each `<script>` tag and each `on*=` event attribute (`onclick=`, `onerror=`) becomes a
//! warning at its line, so it shows on the pull request.

use super::references::{locate_in_body, RawHtml};
use crate::content::Page;
use crate::diagnostics::Diagnostic;

/// Warnings for every `<script>` and `on*=` attribute in a page's raw HTML.
pub fn check_raw_html(page: &Page, html: &[RawHtml]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for piece in html {
        for (at, what) in find_scripts(&piece.text) {
            let (line, col) = locate_in_body(page, piece.offset + at);
            let message = match what {
                Script::Tag => {
                    "raw HTML `<script>`: it runs in the browser of every reader".to_string()
                }
                Script::Attribute(name) => format!(
                    "raw HTML attribute `{name}=`: it runs script in the browser of every reader"
                ),
            };
            out.push(
                Diagnostic::warning(&page.source, message)
                    .at(line, col)
                    .help("remove it unless the site's maintainers asked for it; reviewers: check what it does"),
            );
        }
    }
    out
}

/// What was found.
#[derive(Debug, PartialEq, Eq)]
enum Script {
    Tag,
    Attribute(String),
}

/// Byte offsets of `<script` tags and of `on*=` attributes inside tags, in order.
fn find_scripts(html: &str) -> Vec<(usize, Script)> {
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if !in_tag {
            if b == b'<' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                in_tag = true;
                if lower[i + 1..].starts_with("script")
                    && !bytes.get(i + 7).is_some_and(u8::is_ascii_alphanumeric)
                {
                    out.push((i, Script::Tag));
                }
            }
        } else if b == b'>' {
            in_tag = false;
        } else if b == b'"' || b == b'\'' {
            quote = Some(b);
        } else if b.is_ascii_whitespace() || b == b'/' {
            if let Some(name) = event_attribute(&lower[i + 1..]) {
                out.push((i + 1, Script::Attribute(name)));
            }
        }
        i += 1;
    }
    out
}

/// `onclick` when `rest` starts with `onclick =` or `onclick=`.
fn event_attribute(rest: &str) -> Option<String> {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    // The shortest event handler names are five letters (`oncut`); `one=` is not one.
    if name.len() < 5 || !name.starts_with("on") {
        return None;
    }
    rest[name.len()..]
        .trim_start()
        .starts_with('=')
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_script_tags_and_event_attributes_inside_tags_only() {
        let found = find_scripts(
            "<p onclick=\"x()\" title='a onload=b'>one=1 onmouse=2</p><SCRIPT src=x></script><scripts>",
        );
        assert_eq!(
            found,
            vec![(3, Script::Attribute("onclick".into())), (55, Script::Tag),]
        );
    }

    #[test]
    fn ignores_attributes_that_only_start_like_events() {
        assert!(find_scripts("<a one=\"1\" on=\"2\" data-onclick=\"3\">").is_empty());
    }
}
