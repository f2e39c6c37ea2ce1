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
///
/// Every written page goes through here (7% of a 10,000-page build's CPU before it was made a
/// single pass without allocations per tag): keep it one pass.
pub(crate) fn internal_targets(
    html: &str,
    page_url: &str,
    origin: &str,
    base_path: &str,
) -> Vec<String> {
    let mut targets = Targets {
        out: Vec::new(),
        page_base: format!("{base_path}{page_url}"),
        origin,
        base_path,
    };
    let mut rest = html;
    // `memchr` rather than `str::find`: every page is scanned, a call per tag (`find(char)`
    // set up a searcher each time: 3% of a 1,000-page build's instructions).
    while let Some(at) = memchr::memchr(b'<', rest.as_bytes()) {
        rest = &rest[at + 1..];
        let end = memchr::memchr(b'>', rest.as_bytes()).unwrap_or(rest.len());
        let tag = &rest[..end];
        if starts_with_ignore_case(tag, "script") {
            // An inline script's text is not markup: skip to its end.
            let close = find_ignore_case(rest, "</script").unwrap_or(rest.len());
            attribute_values(tag, |v| targets.push(v));
            rest = &rest[close..];
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('/') {
            rest = &rest[end..];
            continue;
        }
        attribute_values(tag, |v| targets.push(v));
        rest = &rest[end..];
    }
    targets.out
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

/// Calls `f` with the values of a tag's `href`, `src` and `srcset` attributes (each `srcset`
/// candidate apart), in order: each `=` preceded by one of those names, itself after a space,
/// and followed by a quoted value.
fn attribute_values<'a>(tag: &'a str, mut f: impl FnMut(&'a str)) {
    let bytes = tag.as_bytes();
    for eq in memchr::memchr_iter(b'=', bytes) {
        let before = &bytes[..eq];
        let name = ["href", "srcset", "src"]
            .into_iter()
            .find(|n| before.ends_with(n.as_bytes()));
        let Some(name) = name else { continue };
        let start = eq - name.len();
        if start == 0 || !bytes[start - 1].is_ascii_whitespace() {
            continue;
        }
        let after = &tag[eq + 1..];
        let (quote, body) = match after.as_bytes().first() {
            Some(&q @ (b'"' | b'\'')) => (q as char, &after[1..]),
            _ => continue,
        };
        let Some(close) = body.find(quote) else {
            continue;
        };
        let value = &body[..close];
        if name == "srcset" {
            value
                .split(',')
                .filter_map(|c| c.split_whitespace().next())
                .for_each(&mut f);
        } else {
            f(value);
        }
    }
}

/// The addresses found so far, and what resolves the next one.
struct Targets<'a> {
    out: Vec<String>,
    /// The page's own address with the base path, which relative links resolve against.
    page_base: String,
    origin: &'a str,
    base_path: &'a str,
}

impl Targets<'_> {
    fn push(&mut self, raw: &str) {
        let raw = raw.trim();
        let raw = if raw.contains("&amp;") {
            std::borrow::Cow::Owned(raw.replace("&amp;", "&"))
        } else {
            std::borrow::Cow::Borrowed(raw)
        };
        let (origin, base_path) = (self.origin, self.base_path);
        let path = raw.split(['#', '?']).next().unwrap_or("");
        let within_site =
            if let Some(rest) = path.strip_prefix(origin).filter(|_| !origin.is_empty()) {
                rest.starts_with('/')
                    .then_some(std::borrow::Cow::Borrowed(rest))
            } else if path.starts_with("//") || path.contains(':') || path.is_empty() {
                None
            } else if path.starts_with('/') {
                Some(std::borrow::Cow::Borrowed(path))
            } else {
                crate::site::resolve_url(&self.page_base, path).map(std::borrow::Cow::Owned)
            };
        let Some(path) = within_site else { return };
        let path = match path.strip_prefix(base_path) {
            Some(rest) if !base_path.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
                if rest.is_empty() {
                    "/"
                } else {
                    rest
                }
            }
            _ => &path,
        };
        if !self.out.iter().any(|t| t == path) {
            self.out.push(path.to_string());
        }
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

    /// Adds what `later` recorded, from files after those recorded here (`later` is left
    /// empty).
    pub fn append(&mut self, later: &mut BuiltLinks) {
        for (t, (origin, n)) in std::mem::take(&mut later.0) {
            self.0
                .entry(t)
                .and_modify(|e| e.1 += n)
                .or_insert((origin, n));
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
    fn reads_only_quoted_lowercase_attributes_after_a_space() {
        let html = r#"<a data-href="/kb/no/" xsrc="/kb/no2/" href=/kb/bare/ HREF="/kb/upper/" title='see src="/kb/in-value/"'>"#;
        assert_eq!(
            internal_targets(html, "/t/", "https://x.org", "/kb"),
            vec!["/in-value/"]
        );
    }

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
