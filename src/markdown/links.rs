//! Internal links written as paths to Markdown files.
//!
//! Editors link to the file they see in the repository: relative (`../toolkits/x.md`,
//! `planning.md#agenda`) or from the content root (`@/toolkits/x.md`). Such a link is rewritten
//! to the target page's URL; a link to a file that does not exist is an error at its line.
//! Links to URLs (`/guides/`, `https://...`, `#anchor`) are left as written.

use pulldown_cmark::{CowStr, Event, LinkType, Tag};

use super::{Context, Spanned};
use crate::content::page::script_url_warning;
use crate::content::script_url;
use crate::diagnostics::Diagnostic;

/// Finds the page a Markdown path points to.
pub trait LinkResolver: Sync {
    /// The URL of the page at `target` (a path relative to `content/`, `/`-separated, already
    /// normalised) for a reader of language `lang`, or `None` when there is no such page.
    fn resolve(&self, target: &str, lang: &str) -> Option<String>;

    /// The URL of a non-Markdown file under `content/` (an image, a worksheet), if it exists.
    fn resource(&self, _target: &str) -> Option<String> {
        None
    }

    /// The path part of the site's base URL (`/kb` for `https://x.org/kb`), put before every
    /// root-relative URL written into a page.
    fn base_path(&self) -> &str {
        ""
    }

    /// True if `target` is a page with `draft: true` left out of this build, so a link to it can
    /// say so instead of "there is no page".
    fn is_draft(&self, _target: &str) -> bool {
        false
    }
}

/// A link from a page to another page of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The target page's URL.
    pub url: String,
    /// The `#anchor` part, if any.
    pub anchor: Option<String>,
    /// 1-based line and column of the link in the source file.
    pub line: usize,
    /// Column.
    pub col: usize,
}

/// A link or image left as written that must lead to something of the site: an `#anchor` of
/// the page, a file under `content/`, a root-relative or relative address. Whether it does is
/// known once the whole site is rendered (`check::validate`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalRef {
    /// The destination as written (`img/tree.png`, `/guides/`, `#steps`).
    pub dest: String,
    /// An image (`![alt](src)`) rather than a link.
    pub image: bool,
    /// 1-based line in the source file.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
}

/// True for a destination that names a place of the site rather than another site or scheme.
fn is_local(dest: &str) -> bool {
    !dest.is_empty() && (dest.starts_with('#') || !(dest.contains(':') || dest.starts_with("//")))
}

/// Rewrites links to Markdown files and collects every internal link, and the other links and
/// images to places of the site.
pub(super) fn resolve_links<'a>(
    mut events: Vec<Spanned<'a>>,
    ctx: &Context,
    resolver: &dyn LinkResolver,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Spanned<'a>>, Vec<Link>, Vec<LocalRef>) {
    let mut links = Vec::new();
    let mut local = Vec::new();
    for (event, range) in &mut events {
        let image = matches!(event, Event::Start(Tag::Image { .. }));
        // `<name@example.org>`: its destination is written without the `mailto:` it gets.
        let email = matches!(
            event,
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            })
        );
        let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) =
            event
        else {
            continue;
        };
        if let Some(scheme) = script_url::script_scheme(dest_url) {
            let what = if image {
                "this image's address is"
            } else {
                "this link goes to"
            };
            let (line, col) = ctx.locate(range.start);
            diags.push(script_url_warning(&ctx.page.source, what, scheme).at(line, col));
            *dest_url = CowStr::from(script_url::BLOCKED);
            continue;
        }
        let Some((path, anchor)) = markdown_target(dest_url) else {
            if is_local(dest_url) && !email {
                let (line, col) = ctx.locate(range.start);
                local.push(LocalRef {
                    dest: dest_url.to_string(),
                    image,
                    line,
                    col,
                });
            }
            rewrite_resource(dest_url, ctx, resolver);
            continue;
        };
        let (line, col) = ctx.locate(range.start);
        let Some(target) = normalize(&ctx.page.rel, &path) else {
            diags.push(
                ctx.error(
                    range.start,
                    format!("link `{dest_url}` points outside the content folder"),
                )
                .help("link to a page inside content/, e.g. ../toolkits/x.md"),
            );
            continue;
        };
        match resolver.resolve(&target, &ctx.page.lang) {
            Some(url) => {
                let base = resolver.base_path();
                let href = match &anchor {
                    Some(a) => format!("{base}{url}#{a}"),
                    None => format!("{base}{url}"),
                };
                *dest_url = CowStr::from(href);
                links.push(Link { url, anchor, line, col });
            }
            None if resolver.is_draft(&target) => diags.push(
                ctx.error(range.start, format!("link to `{dest_url}`: content/{target} is a draft, left out of this build"))
                    .help("remove `draft: true` from that page to publish it, or link to it once it is published (`--drafts` builds drafts for a preview)"),
            ),
            None => diags.push(
                ctx.error(range.start, format!("link to `{dest_url}`: there is no page content/{target}"))
                    .help("check the file name and folder; paths are relative to this file, or start with @/ for the content folder"),
            ),
        }
    }
    (events, links, local)
}

/// A relative link to a file under `content/` (`files/template.csv`, `img/tree.png`) points
/// to where that file is copied, since pretty URLs would otherwise break relative paths.
fn rewrite_resource(dest_url: &mut CowStr, ctx: &Context, resolver: &dyn LinkResolver) {
    let dest: &str = dest_url;
    if dest.is_empty() || dest.contains(':') || dest.starts_with(['/', '#', '?']) {
        return;
    }
    let path = dest.split(['#', '?']).next().unwrap_or(dest);
    if let Some(url) = normalize(&ctx.page.rel, path).and_then(|t| resolver.resource(&t)) {
        let rest = &dest[path.len()..];
        *dest_url = CowStr::from(format!("{}{url}{rest}", resolver.base_path()));
    }
}

/// `(path, anchor)` when `dest` names a Markdown file, else `None`.
fn markdown_target(dest: &str) -> Option<(String, Option<String>)> {
    if dest.contains("://") || dest.starts_with("mailto:") || dest.starts_with('#') {
        return None;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string()).filter(|a| !a.is_empty())),
        None => (dest, None),
    };
    (path.ends_with(".md") || path.starts_with("@/")).then(|| (path.to_string(), anchor))
}

/// Resolves `path` against the folder of `from` (both relative to `content/`); `None` if it
/// climbs above `content/`.
fn normalize(from: &std::path::Path, path: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let rest = if let Some(r) = path.strip_prefix("@/") {
        r
    } else if let Some(r) = path.strip_prefix('/') {
        r
    } else {
        if let Some(parent) = from.parent() {
            parts.extend(parent.iter().map(|s| s.to_string_lossy().into_owned()));
        }
        path
    };
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(percent_decode(s)),
        }
    }
    Some(parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn normalises_relative_and_root_paths() {
        let from = Path::new("guides/jle/planning.md");
        assert_eq!(
            normalize(from, "../../toolkits/x.md").as_deref(),
            Some("toolkits/x.md")
        );
        assert_eq!(
            normalize(from, "facilitation.md").as_deref(),
            Some("guides/jle/facilitation.md")
        );
        assert_eq!(
            normalize(from, "@/techniques/problem-tree.md").as_deref(),
            Some("techniques/problem-tree.md")
        );
        assert_eq!(normalize(from, "../../../x.md"), None);
        assert_eq!(
            normalize(from, "my%20page.md").as_deref(),
            Some("guides/jle/my page.md")
        );
    }

    #[test]
    fn leaves_urls_alone() {
        assert_eq!(markdown_target("https://x.org/a.md"), None);
        assert_eq!(markdown_target("/guides/"), None);
        assert_eq!(markdown_target("#steps"), None);
        assert_eq!(
            markdown_target("x.md#steps"),
            Some(("x.md".into(), Some("steps".into())))
        );
    }
}
