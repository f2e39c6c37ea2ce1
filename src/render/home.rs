//! What the home page leads with: featured pages, guides and techniques in its language (the
//! upcoming events come from [`super::upcoming_events`]). Read from the pages' own fields, so
//! any type a site adds can be featured.

use super::context::{EntryView, ViewContext};
use crate::site::{PageId, Site};

/// How many of each the home page shows.
const FEATURED: usize = 6;
const GUIDES: usize = 4;
const TECHNIQUES: usize = 6;

/// Pages of `lang` with `featured: true`, newest first.
pub(super) fn featured(views: &ViewContext, lang: &str) -> Vec<EntryView> {
    let site = views.site;
    let mut ids: Vec<PageId> = (0..site.pages.len())
        .filter(|&i| site.pages[i].lang == lang && !site.pages[i].generated)
        .filter(|&i| is_featured(site, i))
        .collect();
    newest_first(site, &mut ids);
    ids.truncate(FEATURED);
    ids.into_iter().map(|i| views.entry(i)).collect()
}

/// Guides of `lang` (a multi-page guide by its front page), the featured ones first, then the
/// newest; pages already `featured` are left to that list.
pub(super) fn guides(views: &ViewContext, lang: &str) -> Vec<EntryView> {
    let site = views.site;
    let mut ids: Vec<PageId> = of_type(site, lang, "guide")
        .filter(|&i| site.book_of(i).is_none_or(|b| b == i))
        .collect();
    newest_first(site, &mut ids);
    // Only the entries shown are made (at 10,000 pages, making one per guide was most of
    // rendering a home page).
    ids.into_iter()
        .filter(|&i| !is_featured(site, i))
        .take(GUIDES)
        .map(|i| views.entry(i))
        .collect()
}

/// `featured: true` in the page's front matter (an entry's `featured`).
fn is_featured(site: &Site, id: PageId) -> bool {
    site.pages[id]
        .field("featured")
        .and_then(serde_json::Value::as_bool)
        == Some(true)
}

/// Technique cards of `lang`, by title.
pub(super) fn techniques(views: &ViewContext, lang: &str) -> Vec<EntryView> {
    let site = views.site;
    let mut ids: Vec<PageId> = of_type(site, lang, "technique").collect();
    ids.sort_by(|&a, &b| {
        site.pages[a]
            .title
            .cmp(&site.pages[b].title)
            .then(a.cmp(&b))
    });
    ids.truncate(TECHNIQUES);
    ids.into_iter().map(|i| views.entry(i)).collect()
}

/// Pages of a type in a language, section lists left out.
fn of_type<'a>(
    site: &'a Site,
    lang: &'a str,
    type_name: &'a str,
) -> impl Iterator<Item = PageId> + 'a {
    (0..site.pages.len()).filter(move |&i| {
        let p = &site.pages[i];
        p.lang == lang && p.type_name == type_name && !p.generated && !site.is_list(i)
    })
}

fn newest_first(site: &Site, ids: &mut [PageId]) {
    ids.sort_by(|&a, &b| site.pages[b].date.cmp(&site.pages[a].date).then(a.cmp(&b)));
}
