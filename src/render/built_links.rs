//! Every internal address a built page links to (`href`, `src`, `srcset`), whoever wrote it:
//! the page's Markdown or a layout (menus, language switcher, breadcrumbs, term links). Issue
//! 16: a menu entry led Arabic readers to `/ar/guides/`, never built, and nothing said so.
//!
//! Each rendering job keeps the addresses its HTML names that are not a page of the site
//! ([`internal_targets`], then filtered by [`crate::site::Site::by_url`], since every page is
//! built): few per job, so this stays cheap at 10,000 pages. Once every file is written,
//! [`crate::check::built_links`] names each address that nothing answers, with the layout (or
//! `site.yaml` menu) that wrote it. Links written in a page's Markdown are left to
//! [`crate::check::links`], which names their line.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::site::PageId;

/// The addresses of the site (base path removed, no `#fragment` or `?query`) that the HTML of
/// a page at `page_url` links to, in order of appearance, each once. `origin` is the scheme and
/// host of the site (`https://example.org`): absolute links there count too (canonical,
/// `hreflang` alternates).
pub(crate) fn internal_targets(
    html: &str,
    page_url: &str,
    origin: &str,
    base_path: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if starts_with_ignore_case(tag, "script") {
            // An inline script's text is not markup: skip to its end.
            let close = find_ignore_case(rest, "</script").unwrap_or(rest.len());
            for value in attribute_values(tag) {
                push_target(&mut out, value, page_url, origin, base_path);
            }
            rest = &rest[close..];
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('/') {
            rest = &rest[end..];
            continue;
        }
        for value in attribute_values(tag) {
            push_target(&mut out, value, page_url, origin, base_path);
        }
        rest = &rest[end..];
    }
    out
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
        && s.as_bytes()
            .get(prefix.len())
            .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
}

fn find_ignore_case(s: &str, needle: &str) -> Option<usize> {
    s.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The values of a tag's `href`, `src` and `srcset` attributes (each `srcset` candidate apart).
fn attribute_values(tag: &str) -> Vec<&str> {
    let mut values = Vec::new();
    for name in ["href", "src", "srcset"] {
        let mut from = 0;
        while let Some(i) = tag[from..].find(name) {
            let start = from + i;
            from = start + name.len();
            let before_ok = start > 0
                && tag.as_bytes()[start - 1].is_ascii_whitespace()
                && tag[from..].starts_with('=');
            if !before_ok {
                continue;
            }
            let after = &tag[from + 1..];
            let (quote, body) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => (q, &after[1..]),
                _ => continue,
            };
            let Some(close) = body.find(quote) else {
                continue;
            };
            let value = &body[..close];
            if name == "srcset" {
                values.extend(value.split(',').filter_map(|c| c.split_whitespace().next()));
            } else {
                values.push(value);
            }
        }
    }
    values
}

fn push_target(out: &mut Vec<String>, raw: &str, page_url: &str, origin: &str, base_path: &str) {
    let raw = raw.trim().replace("&amp;", "&");
    let path = raw.split(['#', '?']).next().unwrap_or("");
    let within_site = if let Some(rest) = path.strip_prefix(origin).filter(|_| !origin.is_empty()) {
        rest.starts_with('/').then(|| rest.to_string())
    } else if path.starts_with("//") || path.contains(':') || path.is_empty() {
        None
    } else if path.starts_with('/') {
        Some(path.to_string())
    } else {
        crate::site::resolve_url(&format!("{base_path}{page_url}"), path)
    };
    let Some(path) = within_site else { return };
    let path = match path.strip_prefix(base_path) {
        Some(rest) if !base_path.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
            if rest.is_empty() {
                "/".to_string()
            } else {
                rest.to_string()
            }
        }
        _ => path,
    };
    if !out.contains(&path) {
        out.push(path);
    }
}

/// Where a built file came from: what a dead link in it is blamed on.
#[derive(Clone, Debug)]
pub struct LinkOrigin {
    /// The file written (`ar/index.html`).
    pub output: String,
    /// The layout that rendered it, as its diagnostics name it (`layouts/section.html` or
    /// `(built-in) layouts/section.html`); `None` for a link of the page's own content.
    pub layout: Option<PathBuf>,
    /// The page it shows, if it shows one.
    pub page: Option<PageId>,
}

/// The addresses built files link to that are not pages of the site, with the first file
/// naming each (the rest are counted).
#[derive(Clone, Debug, Default)]
pub struct BuiltLinks(BTreeMap<String, (LinkOrigin, usize)>);

impl BuiltLinks {
    /// Records that `origin`'s file links to these addresses.
    pub fn add(&mut self, targets: Vec<String>, origin: &LinkOrigin) {
        for t in targets {
            self.0
                .entry(t)
                .and_modify(|e| e.1 += 1)
                .or_insert_with(|| (origin.clone(), 1));
        }
    }

    /// Each address, with the first file naming it and how many do.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &(LinkOrigin, usize))> {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_of_every_kind_written_in_a_page() {
        let html = r#"<link rel="canonical" href="https://x.org/kb/a/"><a href="/kb/guides/#top">G</a>
<img src="pic.png" srcset="pic-320.webp 320w, /kb/img/b.png 2x" alt=""><a href="https://other.org/">o</a>
<a href="mailto:a@b.c">m</a><script>let s = '<a href="/kb/nope/">';</script><script type="module" src="/kb/js/s.js"></script>
<p>href="/kb/text/"</p><a href='/kb/single/?q=1&amp;x'>s</a>"#;
        assert_eq!(
            internal_targets(html, "/t/", "https://x.org", "/kb"),
            vec![
                "/a/",
                "/guides/",
                "/t/pic.png",
                "/t/pic-320.webp",
                "/img/b.png",
                "/js/s.js",
                "/single/"
            ]
        );
    }
}
