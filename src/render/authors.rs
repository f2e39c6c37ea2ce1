//! Views of the people behind the pages (issue 23): a profile from an author page's fields, and
//! what a person contributed, grouped by type, for the page at their `authors` term's address.

use minijinja::Value;
use serde::Serialize;

use super::context::{Link, ViewContext};
use crate::site::{PageId, AUTHORS};

/// A person's profile, from their author page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct AuthorView {
    /// Their name.
    pub name: String,
    /// Their page, base path included.
    pub url: String,
    /// `role`.
    pub role: Option<String>,
    /// `organisation`.
    pub organisation: Option<String>,
    /// `bio`: a short biography.
    pub bio: Option<String>,
    /// The address of their picture (`image`), which the image pipeline gives a `srcset`.
    pub image: Option<String>,
    /// What the picture shows (`image_alt`, else their name).
    pub image_alt: String,
    /// The index of every person, in the reader's language.
    pub index_url: String,
    /// Their pages elsewhere (`links`).
    pub links: Vec<Link>,
    /// The profile's language when it is not the reader's (their page is not translated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// A person's contributions of one type.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ContributionGroup {
    /// The type's name (`story`), which layouts name in the reader's language.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The pages, as list entries.
    pub entries: Vec<Value>,
}

/// The order contributions are grouped in; types a site adds follow, by name.
const TYPE_ORDER: [&str; 6] = ["story", "guide", "toolkit", "technique", "event", "page"];

impl ViewContext<'_> {
    /// The profile of author page `id` for readers of `lang`.
    pub(crate) fn author(&self, id: PageId, lang: &str) -> AuthorView {
        let p = &self.site.pages[id];
        let text = |k: &str| {
            p.field(k)
                .and_then(serde_json::Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let links = p
            .field("links")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|l| {
                let s = |k: &str| l.get(k).and_then(serde_json::Value::as_str);
                Some(Link {
                    title: s("title").or_else(|| s("name"))?.to_string(),
                    url: s("url")?.to_string(),
                    lang: None,
                })
            })
            .collect();
        let prefix = self
            .site
            .config
            .language(lang)
            .map_or("", |l| l.prefix.as_str());
        // Readers of `lang` who have their term's page (every person a page of theirs names)
        // go there: it shows the profile and their contributions in their language.
        let slug = self.site.author_slug(id);
        let url = match self.site.author_term(lang, slug) {
            Some(term) => self.url(&term.url),
            None => self.entry_for(id, lang).url,
        };
        AuthorView {
            url,
            index_url: self.url(&format!("{prefix}/{AUTHORS}/")),
            image: self.entry(id).image,
            image_alt: text("image_alt").unwrap_or_else(|| p.title.clone()),
            name: p.title.clone(),
            role: text("role"),
            organisation: text("organisation"),
            bio: text("bio"),
            links,
            lang: (p.lang != lang).then(|| p.lang.clone()),
        }
    }

    /// The profiles of the people page `id` names in `authors:` who have a page.
    pub(crate) fn authors_of(&self, id: PageId) -> Vec<AuthorView> {
        let lang = &self.site.pages[id].lang;
        self.site
            .authors_of(id)
            .into_iter()
            .map(|a| self.author(a, lang))
            .collect()
    }

    /// What the person whose term is `slug` contributed, for readers of `lang`, by type. A
    /// chapter of a guide they are also an author of is left to the guide.
    pub(crate) fn contributions(&self, lang: &str, slug: &str) -> Vec<ContributionGroup> {
        let site = self.site;
        let ids = site.contributions(lang, slug);
        let shown: Vec<PageId> = ids
            .iter()
            .copied()
            .filter(|&id| {
                site.book_of(id)
                    .is_none_or(|book| book == id || !ids.contains(&book))
            })
            .collect();
        let rank = |t: &str| {
            TYPE_ORDER
                .iter()
                .position(|o| *o == t)
                .unwrap_or(TYPE_ORDER.len())
        };
        let mut types: Vec<&str> = shown
            .iter()
            .map(|&id| site.pages[id].type_name.as_str())
            .collect();
        types.sort_by_key(|t| (rank(t), *t));
        types.dedup();
        types
            .into_iter()
            .map(|t| ContributionGroup {
                type_name: t.to_string(),
                entries: shown
                    .iter()
                    .filter(|&&id| site.pages[id].type_name == t)
                    .map(|&id| self.entry_in(id, lang))
                    .collect(),
            })
            .collect()
    }
}
