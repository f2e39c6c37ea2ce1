//! Checks on pages as a whole: orphans (nothing leads to them), translations that a page's
//! siblings have and it lacks, aliases claimed by two pages, and authors without a page.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostics::Diagnostic;
use crate::schema::slug::slugify;
use crate::schema::AUTHOR_TYPE;
use crate::site::{PageId, Site, AUTHORS};

/// Pages no reader can find by browsing: no other page links to them, no menu names them and
/// no section list shows them. Home and section pages are never orphans (the home page lists
/// the sections, each section its nested guides); the home page itself lists only recent pages,
/// so it does not count as listing the pages directly under `content/`.
pub fn check_orphans(site: &Site) -> Vec<Diagnostic> {
    let menu_urls: Vec<String> = site
        .config
        .menus
        .values()
        .flatten()
        .filter(|m| m.url.starts_with('/'))
        .flat_map(|m| {
            site.config
                .languages
                .iter()
                .map(move |l| format!("{}{}", l.prefix, m.url))
        })
        .collect();
    let homes: Vec<PageId> = site.homes.values().copied().collect();
    let mut out = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        if p.generated || p.is_section || p.draft {
            continue;
        }
        let linked = site.backlinks[id]
            .iter()
            .any(|&from| !site.translations[id].contains(&from));
        let listed = site.parent[id]
            .is_some_and(|s| !homes.contains(&s) && (site.is_list(s) || site.is_book(s)));
        let in_menu = menu_urls.iter().any(|u| u == &p.url);
        // The index of the `authors` taxonomy lists every person with a page.
        let listed = listed || p.type_name == AUTHOR_TYPE;
        if !(linked || listed || in_menu) {
            out.push(
                Diagnostic::warning(
                    &p.source,
                    "orphan page: no other page links to it, and no menu or section list shows it",
                )
                .at(1, 1)
                .help("link to it from a related page ([title](this-page.md)), add it to a menu in site.yaml, or move it into a section folder"),
            );
        }
    }
    out
}

/// Pages without a translation into a language that more than half of their siblings (pages of
/// the same folder, in the default language) have. A warning: translating is often a gradual
/// job, but a new page missing a translation all its neighbours have is usually an oversight.
pub fn check_translations(site: &Site) -> Vec<Diagnostic> {
    let default = &site.config.default_language().code;
    let mut folders: BTreeMap<(&str, bool), Vec<PageId>> = BTreeMap::new();
    for (id, p) in site.pages.iter().enumerate() {
        if !p.generated && &p.lang == default {
            folders
                .entry((p.parent_path(), p.is_section && p.depth() <= 1))
                .or_default()
                .push(id);
        }
    }
    let mut out = Vec::new();
    for siblings in folders.values() {
        if siblings.len() < 2 {
            continue;
        }
        let has = |id: PageId, lang: &str| {
            site.translations[id]
                .iter()
                .any(|&t| site.pages[t].lang == lang && !site.pages[t].generated)
        };
        for lang in site.config.languages.iter().skip(1) {
            let with: Vec<PageId> = siblings
                .iter()
                .copied()
                .filter(|&s| has(s, &lang.code))
                .collect();
            for &id in siblings {
                if has(id, &lang.code) {
                    continue;
                }
                let others = siblings.len() - 1;
                if with.len() * 2 <= others {
                    continue;
                }
                let p = &site.pages[id];
                out.push(
                    Diagnostic::warning(
                        &p.source,
                        format!(
                            "no {} ({}) translation, though {} of its {} sibling pages have one",
                            lang.name,
                            lang.code,
                            with.len(),
                            others
                        ),
                    )
                    .at(1, 1)
                    .help(format!(
                        "start one with `lore new --translate {} --lang {}`, or ignore this warning until it is translated",
                        p.source.display(),
                        lang.code
                    )),
                );
            }
        }
    }
    out
}

/// An alias written on two pages: both would write the same redirect. (An alias equal to a
/// page's address is already an error of the build.)
pub(crate) fn check_aliases(site: &Site) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, PageId> = HashMap::new();
    let mut out = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        for alias in &p.aliases {
            match first.get(alias.as_str()) {
                Some(&other) if other != id => out.push(
                    crate::content::page::error_at_key(
                        &site.config.root,
                        p,
                        "aliases",
                        format!(
                            "alias {alias} is also an alias of {}",
                            site.pages[other].source.display()
                        ),
                    )
                    .help(
                        "an old address can redirect to one page only; remove it from one of them",
                    ),
                ),
                Some(_) => {}
                None => {
                    first.insert(alias, id);
                }
            }
        }
    }
    out
}

/// People named in a page's `authors:` who have no page of their own
/// (`content/authors/<slug>.md`): their name leads to a bare list, with no profile (issue 23).
/// Placed on the name in the front matter.
pub(crate) fn check_authors_without_page(site: &Site) -> Vec<Diagnostic> {
    let default = &site.config.default_language().code;
    let root = &site.config.root;
    let mut out = Vec::new();
    for p in &site.pages {
        if p.generated {
            continue;
        }
        for name in p.taxonomies.get(AUTHORS).into_iter().flatten() {
            let slug = slugify(name);
            if slug.is_empty()
                || site.author_profile(&p.lang, &slug).is_some()
                || site.author_profile(default, &slug).is_some()
            {
                continue;
            }
            let (line, col) = super::fields::locate_item(root, p, AUTHORS, name)
                .or_else(|| p.field_positions.get(AUTHORS).copied())
                .unwrap_or((1, 1));
            out.push(
                Diagnostic::warning(
                    &p.source,
                    format!("author `{name}` has no page of their own: their name leads to a list with no profile"),
                )
                .at(line, col)
                .help(format!(
                    "write one with `lore new author \"{name}\"` (content/{AUTHORS}/{slug}.md: organisation, role, a short biography, a picture), or correct the name"
                )),
            );
        }
    }
    out
}
