//! Taxonomies (tags, themes, authors and the site's own) and their terms, per language.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::Page;
use crate::schema::slug::slugify;
use crate::schema::AUTHOR_TYPE;

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
    /// Its name for readers of the taxonomy's language: from `terms:` in `site.yaml`
    /// (`Gestion des connaissances`), else as first written (`knowledge-management`).
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
pub(crate) fn term_address(prefix: &str, taxonomy: &str, name: &str) -> Option<(String, String)> {
    let slug = slugify(name);
    let url = format!("{prefix}/{taxonomy}/{slug}/");
    (!slug.is_empty()).then_some((slug, url))
}

/// The taxonomy whose terms are people; a page of type `author` at a term's address is the
/// term's page (issue 23).
pub(crate) const AUTHORS: &str = "authors";

/// Makes every author page of language `lang` a term of the `authors` taxonomy, named as the page
/// names the person, with or without contributions: the taxonomy's index lists each person with a
/// page, and their page is the term's.
fn add_author_pages(pages: &[Page], lang: &str, prefix: &str, terms: &mut BTreeMap<String, Term>) {
    for p in pages {
        if p.type_name != AUTHOR_TYPE || p.lang != lang || p.generated || p.is_section {
            continue;
        }
        let Some(slug) = p
            .url
            .strip_prefix(&format!("{prefix}/{AUTHORS}/"))
            .and_then(|s| s.strip_suffix('/'))
            .filter(|s| !s.is_empty() && !s.contains('/'))
        else {
            continue;
        };
        let term = terms.entry(slug.to_string()).or_insert_with(|| Term {
            name: p.title.clone(),
            slug: slug.to_string(),
            url: p.url.clone(),
            pages: Vec::new(),
        });
        term.name = p.title.clone();
    }
}

/// Collects every term of every taxonomy in every language. List pages (home and top-level
/// sections) are not filed under terms.
pub(super) fn collect(config: &Config, pages: &[Page]) -> Vec<Taxonomy> {
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
                        name: config
                            .term_name(name, &slug, &lang.code)
                            .unwrap_or(t)
                            .to_string(),
                        url,
                        slug,
                        pages: Vec::new(),
                    });
                    term.pages.push(id);
                }
            }
            if name == AUTHORS {
                add_author_pages(pages, &lang.code, &lang.prefix, &mut terms);
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
