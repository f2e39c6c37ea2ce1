//! Taxonomies (tags, themes, authors and the site's own) and their terms, per language.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::Page;
use crate::schema::slug::slugify;

use super::PageId;

/// One taxonomy in one language, with its terms.
#[derive(Clone, Debug)]
pub struct Taxonomy {
    /// Name (`tags`), also its URL segment.
    pub name: String,
    /// Language code.
    pub lang: String,
    /// URL of its index page, `/fr/tags/`.
    pub url: String,
    /// Terms sorted by slug.
    pub terms: Vec<Term>,
}

/// A term of a taxonomy and the pages that carry it.
#[derive(Clone, Debug)]
pub struct Term {
    /// As first written (`Knowledge management`).
    pub name: String,
    /// URL segment (`knowledge-management`).
    pub slug: String,
    /// URL of its page, `/tags/knowledge-management/`.
    pub url: String,
    /// Pages, newest first.
    pub pages: Vec<PageId>,
}

/// A term's slug and the address of its page in the language of URL prefix `prefix`
/// (`knowledge-management`, `/fr/tags/knowledge-management/`); `None` for a name that makes no
/// slug (`!!!`), which gets no page and so no link.
pub fn term_address(prefix: &str, taxonomy: &str, name: &str) -> Option<(String, String)> {
    let slug = slugify(name);
    let url = format!("{prefix}/{taxonomy}/{slug}/");
    (!slug.is_empty()).then_some((slug, url))
}

/// The address of a term's page: see `term_address`.
pub fn term_url(prefix: &str, taxonomy: &str, name: &str) -> Option<String> {
    term_address(prefix, taxonomy, name).map(|(_, url)| url)
}

/// Collects every term of every taxonomy in every language. List pages (home and top-level
/// sections) are not filed under terms.
pub fn collect(config: &Config, pages: &[Page]) -> Vec<Taxonomy> {
    let mut out = Vec::new();
    for lang in &config.languages {
        for name in &config.taxonomies {
            let mut terms: BTreeMap<String, Term> = BTreeMap::new();
            for (id, p) in pages.iter().enumerate() {
                if p.lang != lang.code || (p.is_section && p.depth() <= 1) {
                    continue;
                }
                for t in p.taxonomies.get(name).into_iter().flatten() {
                    let Some((slug, url)) = term_address(&lang.prefix, name, t) else {
                        continue;
                    };
                    let term = terms.entry(slug.clone()).or_insert_with(|| Term {
                        name: t.clone(),
                        url,
                        slug,
                        pages: Vec::new(),
                    });
                    term.pages.push(id);
                }
            }
            if terms.is_empty() {
                continue;
            }
            let mut terms: Vec<Term> = terms.into_values().collect();
            for t in &mut terms {
                t.pages
                    .sort_by(|&a, &b| pages[b].date.cmp(&pages[a].date).then(a.cmp(&b)));
            }
            out.push(Taxonomy {
                name: name.clone(),
                lang: lang.code.clone(),
                url: format!("{}/{name}/", lang.prefix),
                terms,
            });
        }
    }
    out
}
