//! Links inside the site: `#anchors` (to a heading, callout or other id that exists in the
//! target page), relative links and images to files under `content/`, and root-relative URLs
//! (`/guides/`) to something the build writes; these are errors of every run ([`super::validate`]).
//! Images without alt text are errors of the Markdown stage (`markdown::alt`).
//!
//! Links to missing Markdown files are already errors of the build (`markdown::links`).

use std::collections::{BTreeSet, HashSet};

use super::OutputFiles;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::site::{PageId, Site};

/// The ids a page's readers can jump to: its headings, its callouts, and every other `id="..."`
/// of its rendered Markdown (footnotes, raw HTML).
pub(crate) fn page_ids(site: &Site, id: PageId) -> BTreeSet<String> {
    let r = &site.rendered[id];
    let mut ids: BTreeSet<String> = r.toc.iter().map(|h| h.id.clone()).collect();
    ids.extend(r.callouts.iter().map(|c| c.id.clone()));
    ids.extend(r.other_ids.iter().cloned());
    ids
}

/// `#anchor` links to other pages (resolved by the build) whose anchor does not exist there.
pub(crate) fn check_anchors(site: &Site, ids: &mut IdCache, from: PageId) -> Vec<Diagnostic> {
    let page = &site.pages[from];
    let mut out = Vec::new();
    for link in &site.rendered[from].links {
        let Some(anchor) = &link.anchor else { continue };
        let Some(&to) = site.by_url.get(&link.url) else {
            continue;
        };
        let known = ids.get(site, to);
        if !known.contains(anchor) {
            out.push(missing_anchor(
                page,
                link.line,
                link.col,
                anchor,
                &site.pages[to],
                known,
            ));
        }
    }
    out
}

/// Ids of pages, computed once each.
#[derive(Default)]
pub(crate) struct IdCache(std::collections::HashMap<PageId, BTreeSet<String>>);

impl IdCache {
    fn get(&mut self, site: &Site, id: PageId) -> &BTreeSet<String> {
        self.0.entry(id).or_insert_with(|| page_ids(site, id))
    }
}

fn missing_anchor(
    page: &Page,
    line: usize,
    col: usize,
    anchor: &str,
    target: &Page,
    known: &BTreeSet<String>,
) -> Diagnostic {
    let whose = if target.source == page.source {
        "this page".to_string()
    } else {
        target.source.display().to_string()
    };
    let help = if known.is_empty() {
        format!("{whose} has no headings to link to; remove `#{anchor}`")
    } else {
        let some: Vec<String> = known.iter().take(5).map(|i| format!("#{i}")).collect();
        format!(
            "link to one of its headings ({}{}); a heading `## How to run it` has the id #how-to-run-it",
            some.join(", "),
            if known.len() > 5 { ", ..." } else { "" }
        )
    };
    Diagnostic::error(
        &page.source,
        format!("link to `#{anchor}`: {whose} has no heading or callout with this id"),
    )
    .at(line, col)
    .help(help)
}

/// Checks the links and images of one page that the build leaves as written: same-page
/// anchors, files under `content/`, root-relative and relative addresses (these two only when
/// the site's files are known, `output`).
pub(crate) fn check_local_refs(
    site: &Site,
    ids: &mut IdCache,
    from: PageId,
    resources: &HashSet<String>,
    output: Option<&OutputFiles>,
) -> Vec<Diagnostic> {
    let page = &site.pages[from];
    let mut out = Vec::new();
    for r in &site.rendered[from].local_refs {
        let dest = r.dest.trim();
        if let Some(anchor) = dest.strip_prefix('#') {
            let known = ids.get(site, from);
            if !anchor.is_empty() && !known.contains(anchor) {
                out.push(missing_anchor(page, r.line, r.col, anchor, page, known));
            }
            continue;
        }
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        if path.starts_with('/') {
            if let Some(output) = output {
                if !output.has_url(path, &site.config.base_url) {
                    out.push(
                        Diagnostic::error(
                            &page.source,
                            format!("link to `{dest}`: no page or file of the site has this address"),
                        )
                        .at(r.line, r.col)
                        .help("link to the page's Markdown file instead (e.g. [text](../guides/x.md)), so lore checks the link and keeps it right"),
                    );
                }
            }
            continue;
        }
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let target = crate::render::context::tool_file_path(page, &decoded);
        let key = target.as_deref().map(crate::content::page::rel_key);
        if key.as_ref().is_some_and(|k| resources.contains(k)) {
            continue;
        }
        // `../other/` written against the page's own address, as a browser reads it.
        let from_url = crate::site::resolve_url(&page.url, path);
        let file_like = path.rsplit('/').next().is_some_and(|s| s.contains('.'));
        match (output, from_url) {
            (Some(o), Some(u)) if o.has_url(&u, "") => continue,
            (None, _) if !file_like => continue,
            _ => {}
        }
        let what = if r.image { "image" } else { "link to" };
        let message = match &key {
            Some(k) => format!("{what} `{dest}`: there is no file content/{k}"),
            None => format!("{what} `{dest}` points outside the content folder"),
        };
        out.push(
            Diagnostic::error(&page.source, message)
                .at(r.line, r.col)
                .help("check the file name and folder: the path is relative to this page's file; put the file under content/"),
        );
    }
    out
}
