//! The people behind the pages (issue 23): an author's own page (`content/authors/<slug>.md`,
//! type `author`) stands at the address of their term of the `authors` taxonomy, so one page
//! holds both their profile and what they contributed. In a language without a translation of
//! their page, the term's page shows the default language's profile.

use super::taxonomies::AUTHORS;
use super::{PageId, Site, Term};
use crate::schema::slug::slugify;
use crate::schema::AUTHOR_TYPE;

impl Site {
    /// The author page at `url`, if the page there is one.
    pub fn author_page(&self, url: &str) -> Option<PageId> {
        self.by_url
            .get(url)
            .copied()
            .filter(|&id| self.pages[id].type_name == AUTHOR_TYPE)
    }

    /// The term `slug` of the `authors` taxonomy in language `lang`.
    pub fn author_term(&self, lang: &str, slug: &str) -> Option<&Term> {
        let tax = self
            .taxonomies
            .iter()
            .find(|t| t.name == AUTHORS && t.lang == lang)?;
        tax.terms
            .binary_search_by(|t| t.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &tax.terms[i])
    }

    /// The profile readers of `lang` see for the person whose term is `slug`: their page in
    /// `lang`, else in the default language.
    pub fn author_profile(&self, lang: &str, slug: &str) -> Option<PageId> {
        let address = |code: &str| {
            let prefix = self.config.language(code).map_or("", |l| l.prefix.as_str());
            format!("{prefix}/{AUTHORS}/{slug}/")
        };
        self.author_page(&address(lang))
            .or_else(|| self.author_page(&address(&self.config.default_language().code)))
    }

    /// What the person whose term is `slug` contributed, for readers of `lang`: the pages of
    /// `lang` naming them (newest first), then the default language's that have no translation
    /// in `lang` (issue 16: an untranslated page stays reachable, marked with its language).
    pub fn contributions(&self, lang: &str, slug: &str) -> Vec<PageId> {
        let pages = |code: &str| self.author_term(code, slug).map_or(&[][..], |t| &t.pages);
        let mut all = pages(lang).to_vec();
        let default = &self.config.default_language().code;
        if lang != default {
            all.extend(pages(default).iter().copied().filter(|&id| {
                !self.translations[id]
                    .iter()
                    .any(|&t| self.pages[t].lang == lang)
            }));
        }
        all
    }

    /// The slug of the term an author page stands for (the last segment of its address).
    pub fn author_slug(&self, id: PageId) -> &str {
        self.pages[id]
            .url
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
    }

    /// The author pages of the people page `id` names in `authors:`, in its order, for readers
    /// of its language (people without a page are left out).
    pub fn authors_of(&self, id: PageId) -> Vec<PageId> {
        let p = &self.pages[id];
        p.taxonomies
            .get(AUTHORS)
            .into_iter()
            .flatten()
            .filter_map(|name| self.author_profile(&p.lang, &slugify(name)))
            .collect()
    }
}
