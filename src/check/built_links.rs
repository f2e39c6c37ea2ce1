//! The addresses built pages link to that nothing built answers (issue 16): rendering
//! collects them ([`crate::render::built_links`]); once every file is written, this names each
//! with the `site.yaml` menu entry or layout that wrote it.

use std::collections::HashSet;
use std::path::Path;

use super::OutputFiles;
use crate::diagnostics::Diagnostic;
use crate::site::Site;

/// One error per address that a built page links to and nothing built answers: on the
/// `site.yaml` menu entry that names it, else on the layout that rendered the first page
/// linking there. An address only a page with errors of its own (`blamed`: its Markdown links,
/// its tool files) links to is left to those errors, which name the line.
pub(crate) fn check_built_links(
    site: &Site,
    written: &OutputFiles,
    blamed: &HashSet<&Path>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (target, (origin, count)) in written.links().iter() {
        if written.has_url(target, "") {
            continue;
        }
        let own_error = origin
            .page
            .is_some_and(|id| blamed.contains(site.pages[id].source.as_path()));
        if own_error && *count == 1 {
            continue;
        }
        let more = match count - 1 {
            0 => String::new(),
            1 => " and 1 other page".into(),
            n => format!(" and {n} other pages"),
        };
        let page = origin
            .page
            .map(|id| format!(" (showing {})", site.pages[id].source.display()))
            .unwrap_or_default();
        let menu = site.config.menus.iter().find_map(|(name, items)| {
            items
                .iter()
                .find(|i| target.ends_with(i.url.as_str()) && i.url.starts_with('/'))
                .map(|i| (name, i))
        });
        let d = match menu {
            Some((name, item)) => Diagnostic::error(
                crate::config::CONFIG_FILE,
                format!(
                    "menu `{name}` entry `{}` links to {target}, which nothing built answers (on /{}{more})",
                    item.name, origin.output
                ),
            )
            .help("point the entry at a section or page the site has, or add that page"),
            None => match (&origin.layout, origin.page) {
                (None, Some(id)) => {
                    let page = &site.pages[id];
                    let name = target.trim_end_matches('/').rsplit('/').next().unwrap_or("");
                    let line = page
                        .body
                        .lines()
                        .position(|l| !name.is_empty() && l.contains(name))
                        .map_or(0, |i| page.body_line + i);
                    Diagnostic::error(
                        &page.source,
                        format!("link to {target} in this page's HTML: nothing built answers this address"),
                    )
                    .at(line, 0)
                    .help("correct the address, or add the file beside the page under content/")
                }
                (layout, _) => Diagnostic::error(
                    layout.clone().unwrap_or_default(),
                    format!(
                        "link to {target} on /{}{page}{more}: nothing built answers this address",
                        origin.output
                    ),
                )
                .help("this layout (or one it extends or imports) writes the link: link only to pages that exist, e.g. under `{% if ... %}`"),
            },
        };
        out.push(d);
    }
    out
}
