//! Links between pages: resolving Markdown paths to URLs before rendering, and backlinks after.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::content::page::rel_key;
use crate::content::Page;
use crate::markdown::{LinkResolver, RenderedMarkdown};

/// Every page by its content-relative path, for resolving `[x](../y.md)` links.
pub struct PathIndex {
    by_rel: HashMap<String, usize>,
    by_key_lang: HashMap<(String, String), usize>,
    urls: Vec<String>,
    keys: Vec<String>,
    drafts: HashSet<String>,
    resources: HashMap<String, String>,
    base_path: String,
}

impl PathIndex {
    /// Indexes `pages` and the `resources` (non-Markdown files) under `content/`; `drafts` are
    /// the paths of drafts left out of this build.
    pub fn new(
        pages: &[Page],
        drafts: Vec<String>,
        resources: &[std::path::PathBuf],
        base_path: &str,
    ) -> Self {
        let mut by_rel = HashMap::with_capacity(pages.len());
        let mut by_key_lang = HashMap::with_capacity(pages.len());
        for (i, p) in pages.iter().enumerate() {
            by_rel.insert(rel_key(&p.rel), i);
            by_key_lang.insert((p.translation_key.clone(), p.lang.clone()), i);
        }
        let urls = pages.iter().map(|p| p.url.clone()).collect();
        let keys = pages.iter().map(|p| p.translation_key.clone()).collect();
        let resources = resources
            .iter()
            .filter_map(|r| Some((rel_key(r), crate::content::load::resource_url(r)?)))
            .collect();
        Self {
            by_rel,
            by_key_lang,
            urls,
            keys,
            drafts: drafts.into_iter().collect(),
            resources,
            base_path: base_path.to_string(),
        }
    }
}

impl LinkResolver for PathIndex {
    fn is_draft(&self, target: &str) -> bool {
        self.drafts.contains(target) || self.drafts.contains(&format!("{target}/_index.md"))
    }

    fn resolve(&self, target: &str, lang: &str) -> Option<String> {
        let id = self.by_rel.get(target).or_else(|| {
            self.by_rel
                .get(&format!("{}/_index.md", target.trim_end_matches('/')))
        })?;
        Some(self.translated(*id, lang))
    }

    fn resource(&self, target: &str) -> Option<String> {
        self.resources.get(target).cloned()
    }

    fn base_path(&self) -> &str {
        &self.base_path
    }
}

impl PathIndex {
    /// The URL of page `id` in `lang` when it has that translation, else its own.
    fn translated(&self, id: usize, lang: &str) -> String {
        // A link written in a French page to `x.md` goes to `x.fr.md` when it exists.
        self.by_key_lang
            .get(&(self.keys[id].clone(), lang.to_string()))
            .map_or_else(|| self.urls[id].clone(), |&t| self.urls[t].clone())
    }
}

/// For each page, the pages that link to it, in page order.
pub(super) fn backlinks(
    pages: &[Page],
    rendered: &[RenderedMarkdown],
    by_url: &HashMap<String, usize>,
) -> Vec<Vec<usize>> {
    let mut sets: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); pages.len()];
    for (from, r) in rendered.iter().enumerate() {
        for to in link_targets(from, r, by_url) {
            sets[to].insert(from);
        }
    }
    sets.into_iter().map(|s| s.into_iter().collect()).collect()
}

/// The pages page `from` (rendered as `r`) links to, itself excepted: where [`backlinks`]
/// files it.
pub(super) fn link_targets(
    from: usize,
    r: &RenderedMarkdown,
    by_url: &HashMap<String, usize>,
) -> BTreeSet<usize> {
    r.links
        .iter()
        .filter_map(|link| by_url.get(&link.url).copied())
        .filter(|&to| to != from)
        .collect()
}

/// `rel` resolved against the folder of the root-relative URL `base`; `None` above the root.
pub(crate) fn resolve_url(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    if !base.ends_with('/') {
        parts.pop();
    }
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut url = format!("/{}", parts.join("/"));
    if rel.ends_with('/') && url.len() > 1 {
        url.push('/');
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_urls_against_the_page_address() {
        assert_eq!(
            resolve_url("/guides/a/", "../b/").as_deref(),
            Some("/guides/b/")
        );
        assert_eq!(
            resolve_url("/guides/a/", "x.png").as_deref(),
            Some("/guides/a/x.png")
        );
        assert_eq!(resolve_url("/a/", "../../x"), None);
    }
}
