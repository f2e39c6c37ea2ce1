//! The site graph: pages with their rendered Markdown and every relation between them.
//!
//! Pages are kept in one vector sorted by source path (a [`PageId`] is an index into it), and
//! every relation (sections, translations, taxonomy terms, backlinks, related pages) is a list of
//! ids in a fixed order, so the output never depends on hash order or thread count.

mod authors;
pub(crate) mod course;
mod links;
mod related;
mod store;
mod taxonomies;

use std::collections::{BTreeMap, HashMap};

pub(crate) use links::resolve_url;
pub use links::PathIndex;
pub(crate) use store::{PageSpills, PageStore};
pub(crate) use taxonomies::{term_address, Taxonomy, Term, AUTHORS};

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::markdown::RenderedMarkdown;

/// Index of a page in [`Site::pages`].
pub type PageId = usize;

/// The pages directly under a section page.
#[derive(Clone, Debug, Default)]
pub struct Section {
    /// Pages of the section, in the section's order (date, weight or title).
    pub pages: Vec<PageId>,
    /// Sections nested in it (multi-page guides, sub-folders), by weight then title.
    pub subsections: Vec<PageId>,
    /// Pages and nested sections together, in the section's order: what its list shows.
    pub entries: Vec<PageId>,
}

/// Everything known about the site once every page is parsed and rendered.
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// Every page, sorted by source path then language.
    pub pages: Vec<Page>,
    /// Each page's rendered Markdown, by id.
    pub rendered: Vec<RenderedMarkdown>,
    /// Page by URL.
    pub by_url: HashMap<String, PageId>,
    /// The section page each page belongs to (`None` for home pages).
    pub parent: Vec<Option<PageId>>,
    /// Section pages and what they hold.
    pub sections: BTreeMap<PageId, Section>,
    /// Each page's translations, itself included, in the site's language order.
    pub translations: Vec<Vec<PageId>>,
    /// Taxonomies, per language.
    pub taxonomies: Vec<Taxonomy>,
    /// Pages that link to each page.
    pub backlinks: Vec<Vec<PageId>>,
    /// Pages sharing tags and themes with each page, best first.
    pub related: Vec<Vec<PageId>>,
    /// Home page per language code.
    pub homes: BTreeMap<String, PageId>,
    /// The content images resized for `srcset` (measured before rendering, by
    /// `pipeline::measure_images`).
    pub images: crate::images::ImageSet,
    /// Where the pages' body HTML is kept until rendering: memory or a scratch file.
    pub html: PageStore,
}

impl Site {
    /// Page `id`'s body as HTML, wherever [`Site::html`] keeps it.
    pub fn page_html(&self, id: PageId) -> String {
        self.html.html(&self.rendered, &self.pages, id)
    }

    /// Drops every page's search text, once the search index is written (a build does not
    /// need it again; `check` and `serve` keep it).
    pub fn release_search_text(&mut self) {
        for r in &mut self.rendered {
            r.sections = Default::default();
        }
        self.html.release_text();
    }

    /// Page `id`'s search text, wherever [`Site::html`] keeps it.
    pub(crate) fn search_sections(&self, id: PageId) -> Vec<crate::markdown::TextSection> {
        self.html.sections(&self.rendered, &self.pages, id)
    }

    /// True for a list page: the home page or a top-level section's `_index.md`.
    pub fn is_list(&self, id: PageId) -> bool {
        let p = &self.pages[id];
        p.is_section && p.depth() <= 1
    }

    /// True for the front page of a multi-page guide or course (a nested section of a type).
    pub fn is_book(&self, id: PageId) -> bool {
        let p = &self.pages[id];
        p.is_section && p.depth() >= 2
    }

    /// What the list of section `id` shows: its own entries, then, in another language than
    /// the default, the default language's entries of the same section that have no
    /// translation in its language (issue 16: untranslated pages stay reachable).
    pub fn list_entries(&self, id: PageId) -> Vec<PageId> {
        let own = self
            .sections
            .get(&id)
            .map_or(&[][..], |s| s.entries.as_slice());
        let p = &self.pages[id];
        let default = &self.config.default_language().code;
        let mut all = own.to_vec();
        if &p.lang == default {
            return all;
        }
        let counterpart = self.sections.keys().copied().find(|&s| {
            let q = &self.pages[s];
            &q.lang == default && q.logical_path == p.logical_path
        });
        if let Some(c) = counterpart {
            all.extend(self.sections[&c].entries.iter().copied().filter(|&e| {
                !self.translations[e]
                    .iter()
                    .any(|&t| self.pages[t].lang == p.lang)
            }));
        }
        all
    }

    /// The ordered parts of a multi-page guide: its front page then its chapters.
    pub fn book_parts(&self, book: PageId) -> Vec<PageId> {
        let mut parts = vec![book];
        if let Some(s) = self.sections.get(&book) {
            parts.extend(&s.pages);
        }
        parts
    }

    /// The book (multi-page guide) a page belongs to, if any.
    pub fn book_of(&self, id: PageId) -> Option<PageId> {
        if self.is_book(id) {
            return Some(id);
        }
        self.parent[id].filter(|&p| self.is_book(p))
    }

    /// Replaces page `id` and its rendered Markdown by a new version of the same file whose
    /// summary (`render::fingerprint::page_summary`: everything but the body) is unchanged, so
    /// sections, translations, taxonomies and related pages stay as they are; only backlinks
    /// can change. Returns the pages whose backlinks changed. `lore serve`'s fast path for an
    /// edit of a page's body.
    pub fn replace_body(
        &mut self,
        id: PageId,
        page: Page,
        rendered: RenderedMarkdown,
    ) -> Vec<PageId> {
        let before = links::link_targets(id, &self.rendered[id], &self.by_url);
        let after = links::link_targets(id, &rendered, &self.by_url);
        self.pages[id] = page;
        self.rendered[id] = rendered;
        let mut changed = Vec::new();
        for &t in before.difference(&after) {
            self.backlinks[t].retain(|&from| from != id);
            changed.push(t);
        }
        for &t in after.difference(&before) {
            let list = &mut self.backlinks[t];
            if let Err(at) = list.binary_search(&id) {
                list.insert(at, id);
            }
            changed.push(t);
        }
        changed.sort_unstable();
        changed
    }

    /// The chain of section pages from the home page down to the page's parent.
    pub fn ancestors(&self, id: PageId) -> Vec<PageId> {
        let mut chain = Vec::new();
        let mut cur = self.parent[id];
        while let Some(p) = cur {
            chain.push(p);
            cur = self.parent[p];
        }
        chain.reverse();
        chain
    }
}

/// The error for two pages at one address. Two file names can print the same yet differ (`é`
/// as one character, or as `e` and an accent, which macOS writes): then the message spells both
/// out, since "same address as content/café.md" alone names what looks like the file itself.
fn same_address(page: &Page, other: &Page) -> Diagnostic {
    use unicode_normalization::UnicodeNormalization;
    let (a, b) = (
        page.source.to_string_lossy(),
        other.source.to_string_lossy(),
    );
    let mut message = format!("this page has the same address {} as {b}", page.url);
    let mut help = "give one of them a different file name or `slug`".to_string();
    if a != b && a.nfc().eq(b.nfc()) {
        message.push_str(&format!(
            ": the two file names look alike but are written with different characters ({} here, {} there)",
            spell_out(&a),
            spell_out(&b)
        ));
        help = "keep one of the two files and delete the other (a copy made on another system often writes accents this way)".into();
    }
    Diagnostic::error(&page.source, message)
        .at(page.field_positions.get("slug").map_or(1, |x| x.0), 1)
        .help(help)
}

/// A file name with every character outside ASCII written as its code point:
/// `cafe\u{301}.md`.
fn spell_out(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    let spelled: String = file
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("<U+{:04X}>", c as u32)
            }
        })
        .collect();
    format!("`{spelled}`")
}

/// Builds the graph. Problems between pages (two pages at one URL) are returned as diagnostics.
pub fn build_site_graph(
    config: Config,
    pages: Vec<Page>,
    rendered: Vec<RenderedMarkdown>,
) -> (Site, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (pages, rendered) = with_generated_sections(&config, pages, rendered);
    let mut by_url: HashMap<String, PageId> = HashMap::with_capacity(pages.len());
    for (id, p) in pages.iter().enumerate() {
        if let Some(&other) = by_url.get(&p.url) {
            diags.push(same_address(p, &pages[other]));
        } else {
            by_url.insert(p.url.clone(), id);
        }
    }
    for p in &pages {
        for alias in &p.aliases {
            if let Some(&other) = by_url.get(alias) {
                diags.push(
                    p.error_at(
                        "aliases",
                        format!(
                            "alias {alias} would hide the page {}",
                            pages[other].source.display()
                        ),
                    )
                    .help("remove the alias, or move that page first"),
                );
            }
        }
    }
    let parent = parents(&pages);
    let sections = sections(&pages, &parent);
    let translations = translations(&config, &pages, &mut diags);
    let homes = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_section && p.logical_path.is_empty())
        .map(|(i, p)| (p.lang.clone(), i))
        .collect();
    let backlinks = links::backlinks(&pages, &rendered, &by_url);
    let taxonomies = taxonomies::collect(&config, &pages);
    let related = related::related_pages(&pages, 5);
    let site = Site {
        config,
        pages,
        rendered,
        by_url,
        parent,
        sections,
        translations,
        taxonomies,
        backlinks,
        related,
        homes,
        images: Default::default(),
        html: Default::default(),
    };
    (site, diags)
}

/// Adds the section pages a language lacks: when `content/techniques/_index.md` exists and
/// French techniques exist but `_index.fr.md` does not, French readers still get a list.
fn with_generated_sections(
    config: &Config,
    pages: Vec<Page>,
    rendered: Vec<RenderedMarkdown>,
) -> (Vec<Page>, Vec<RenderedMarkdown>) {
    let default = &config.default_language().code;
    let existing: std::collections::HashSet<(String, String)> = pages
        .iter()
        .filter(|p| p.is_section)
        .map(|p| (p.lang.clone(), p.logical_path.clone()))
        .collect();
    let defaults: HashMap<&str, &Page> = pages
        .iter()
        .filter(|p| p.is_section && &p.lang == default)
        .map(|p| (p.logical_path.as_str(), p))
        .collect();
    let mut wanted: BTreeMap<(String, String), Page> = BTreeMap::new();
    for p in &pages {
        let mut path = p.parent_path().to_string();
        if p.is_section && p.logical_path.is_empty() {
            continue;
        }
        loop {
            let key = (p.lang.clone(), path.clone());
            // A folder without a section page of the default language gets none, but the
            // walk goes on up to the home page, which every site has (its layouts link to it).
            let missing = !existing.contains(&key) && !wanted.contains_key(&key);
            let made = match defaults.get(path.as_str()) {
                _ if !missing => None,
                Some(d) => Some((*d).clone()),
                None if path.is_empty() => Some(home_stub(config)),
                None => None,
            };
            if let Some(mut g) = made {
                let lang = config.language(&p.lang).map_or("", |l| l.prefix.as_str());
                g.url = format!(
                    "{lang}{}",
                    g.url
                        .strip_prefix(&defaults_prefix(config))
                        .unwrap_or(&g.url)
                );
                g.lang = p.lang.clone();
                g.body.clear();
                g.generated = true;
                wanted.insert(key, g);
            }
            match path.rfind('/') {
                Some(i) => path.truncate(i),
                None if !path.is_empty() => path.clear(),
                None => break,
            }
        }
    }
    // Every layout links to the home page: a site has one even before its first page.
    let home = (default.clone(), String::new());
    if !existing.contains(&home) && !wanted.contains_key(&home) {
        let mut g = home_stub(config);
        g.url = format!("{}/", config.default_language().prefix);
        g.generated = true;
        wanted.insert(home, g);
    }
    let mut all: Vec<(Page, RenderedMarkdown)> = pages.into_iter().zip(rendered).collect();
    all.extend(
        wanted
            .into_values()
            .map(|p| (p, RenderedMarkdown::default())),
    );
    all.sort_by(|a, b| {
        (&a.0.source, &a.0.lang, a.0.generated).cmp(&(&b.0.source, &b.0.lang, b.0.generated))
    });
    all.into_iter().unzip()
}

fn defaults_prefix(config: &Config) -> String {
    config.default_language().prefix.clone()
}

fn home_stub(config: &Config) -> Page {
    Page {
        source: std::path::PathBuf::from("content/_index.md"),
        rel: std::path::PathBuf::from("_index.md"),
        logical_path: String::new(),
        is_section: true,
        lang: config.default_language().code.clone(),
        type_name: "page".into(),
        title: config.title.clone(),
        description: config.description.clone(),
        date: None,
        updated: None,
        draft: false,
        weight: None,
        aliases: Vec::new(),
        sort_by: None,
        translation_key: String::new(),
        taxonomies: BTreeMap::new(),
        fields: Default::default(),
        url: "/".into(),
        body: String::new(),
        body_line: 1,
        field_positions: BTreeMap::new(),
        generated: true,
    }
}

/// Each page's section: the nearest ancestor folder with a section page in the same language.
fn parents(pages: &[Page]) -> Vec<Option<PageId>> {
    let sections: HashMap<(&str, &str), PageId> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_section)
        .map(|(i, p)| ((p.lang.as_str(), p.logical_path.as_str()), i))
        .collect();
    pages
        .iter()
        .map(|p| {
            if p.is_section && p.logical_path.is_empty() {
                return None;
            }
            let mut path = p.parent_path();
            loop {
                if let Some(&s) = sections.get(&(p.lang.as_str(), path)) {
                    return Some(s);
                }
                if path.is_empty() {
                    return None;
                }
                path = path.rfind('/').map_or("", |i| &path[..i]);
            }
        })
        .collect()
}

fn sections(pages: &[Page], parent: &[Option<PageId>]) -> BTreeMap<PageId, Section> {
    let mut out: BTreeMap<PageId, Section> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_section)
        .map(|(i, _)| (i, Section::default()))
        .collect();
    for (id, p) in pages.iter().enumerate() {
        if let Some(s) = parent[id].and_then(|s| out.get_mut(&s)) {
            if p.is_section {
                s.subsections.push(id)
            } else {
                s.pages.push(id)
            }
        }
    }
    for (&sid, s) in out.iter_mut() {
        let section = &pages[sid];
        let book = section.depth() >= 2;
        let order = section.sort_by.clone().unwrap_or_else(|| {
            if book {
                "weight".into()
            } else if section.type_name == "event" {
                "start".into()
            } else {
                "date".into()
            }
        });
        let start = |p: &Page| {
            p.field("start")
                .and_then(|v| v.as_str())
                .and_then(|s| crate::schema::date::parse_datetime(s).ok())
        };
        let modules: Vec<String> = section
            .fields
            .get("modules")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|m| m.as_str())
                    .map(|m| m.trim_end_matches(".md").to_string())
                    .collect()
            })
            .unwrap_or_default();
        let by_weight = |a: &Page, b: &Page| {
            (a.weight.unwrap_or(i64::MAX), &a.title, &a.url).cmp(&(
                b.weight.unwrap_or(i64::MAX),
                &b.title,
                &b.url,
            ))
        };
        let compare = |a: &PageId, b: &PageId| {
            let (a, b) = (&pages[*a], &pages[*b]);
            if !modules.is_empty() {
                let pos = |p: &Page| {
                    modules
                        .iter()
                        .position(|m| p.logical_path.ends_with(&format!("/{m}")))
                        .unwrap_or(usize::MAX)
                };
                return pos(a).cmp(&pos(b)).then_with(|| by_weight(a, b));
            }
            match order.as_str() {
                "weight" => by_weight(a, b),
                "title" => (&a.title, &a.url).cmp(&(&b.title, &b.url)),
                // Events: latest start first, as a list of past events reads.
                "start" => start(b).cmp(&start(a)).then_with(|| by_weight(a, b)),
                _ => b.date.cmp(&a.date).then_with(|| by_weight(a, b)),
            }
        };
        s.pages.sort_by(compare);
        s.subsections
            .sort_by(|&a, &b| by_weight(&pages[a], &pages[b]));
        s.entries = s.pages.iter().chain(&s.subsections).copied().collect();
        s.entries.sort_by(compare);
    }
    out
}

fn translations(config: &Config, pages: &[Page], diags: &mut Vec<Diagnostic>) -> Vec<Vec<PageId>> {
    let mut groups: HashMap<&str, Vec<PageId>> = HashMap::new();
    for (id, p) in pages.iter().enumerate() {
        groups
            .entry(p.translation_key.as_str())
            .or_default()
            .push(id);
    }
    let rank = |code: &str| {
        config
            .languages
            .iter()
            .position(|l| l.code == code)
            .unwrap_or(usize::MAX)
    };
    for g in groups.values_mut() {
        g.sort_by_key(|&id| (rank(&pages[id].lang), id));
        for pair in g.windows(2) {
            let (a, b) = (&pages[pair[0]], &pages[pair[1]]);
            if a.lang == b.lang && !a.generated && !b.generated {
                diags.push(
                    b.error_at(
                        "translation_key",
                        format!(
                            "this page and {} are both the {} translation of `{}`: links and hreflang would name only one of them",
                            a.source.display(),
                            b.lang,
                            b.translation_key
                        ),
                    )
                    .help("give one of them its own `translation_key` (or remove a copied one)"),
                );
            }
        }
        g.dedup_by_key(|id| pages[*id].lang.clone());
    }
    pages
        .iter()
        .map(|p| groups[p.translation_key.as_str()].clone())
        .collect()
}
