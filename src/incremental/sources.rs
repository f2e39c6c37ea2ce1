//! What `lore serve` keeps of the content between rebuilds: each Markdown file's parsed page and
//! rendered Markdown, by path, with the fingerprint of the text they came from.
//!
//! A file is read again only when its size, modification time or inode changed, or when it was
//! modified so shortly before it was last read that a later write could carry the same time
//! (file times are coarse: git calls such entries "racily clean"). A file read again is parsed
//! again only when its text changed. Rendered Markdown also depends on the link index (every
//! page's path, URL, language and translation key, drafts and resources), but only through the
//! questions its rendering asked of it (which page is at this path, is that a draft, where is
//! this resource): each file keeps them with their answers ([`Lookups`]), and when the index
//! changes (a page added, removed, renamed, a slug changed) a file is rendered again only if
//! one of its questions has another answer now.
//!
//! Pages are lent to the site graph by value and taken back at the start of the next rebuild
//! ([`SourceCache::reclaim`]), so nothing is copied.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{self, ContentFiles, Page, SourceFile};
use crate::diagnostics::Diagnostic;
use crate::fingerprint::{of_bytes, Fingerprint};
use crate::markdown::{Highlighter, LinkResolver, RenderedMarkdown};
use crate::render::fingerprint::page_summary;
use crate::site::{PathIndex, Site};

use super::Declined;

/// A file modified less than this before it was read is read again next time, whatever its
/// size and time say: two writes within one tick of the file system's clock look alike.
const RACY: Duration = Duration::from_secs(2);

/// Size, modification time and inode of a file, as seen when it was listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        }
    }
}

/// One Markdown file as last read.
struct CachedFile {
    /// Its stamp, and when the listing that saw it started.
    stamp: Option<(Stamp, SystemTime)>,
    /// Fingerprint of its text.
    text: u64,
    /// The parsed page, unless lent to the site graph or the file has errors that leave no page.
    page: Option<Page>,
    /// Problems found parsing it.
    parse_diagnostics: Vec<Diagnostic>,
    /// What lists show of its page (`render::fingerprint::page_summary`), 0 without a page.
    summary: u64,
    /// Its rendered Markdown (unless lent), with the link index it was rendered against and
    /// what it asked of that index.
    rendered: Option<RenderedMarkdown>,
    link_index: u64,
    lookups: Lookups,
    /// Fingerprint of the rendered Markdown.
    rendered_hash: u64,
    /// Problems found rendering it.
    markdown_diagnostics: Vec<Diagnostic>,
    /// True when its page's Markdown source was dropped after rendering.
    body_dropped: bool,
}

impl CachedFile {
    fn empty() -> Self {
        Self {
            stamp: None,
            text: 0,
            page: None,
            parse_diagnostics: Vec::new(),
            summary: 0,
            rendered: None,
            link_index: 0,
            lookups: Lookups::default(),
            rendered_hash: 0,
            markdown_diagnostics: Vec::new(),
            body_dropped: false,
        }
    }
}

/// The content of the last rebuild, kept for the next one.
#[derive(Default)]
pub(crate) struct SourceCache {
    /// Fingerprint of the configuration the pages were parsed with; another drops everything.
    config: u64,
    files: HashMap<PathBuf, CachedFile>,
    /// Stamps seen by the listing in progress.
    /// In listing order, which is the order of paths (the walk is sorted by name).
    listed: Mutex<Vec<(PathBuf, Stamp)>>,
    listed_at: Option<SystemTime>,
    /// The site folder of the last listing.
    root: PathBuf,
    /// Syntax definitions, loaded once for the whole session.
    pub(crate) highlighter: Highlighter,
    /// The link index the last full rebuild rendered Markdown against: an edit that changes no
    /// page's summary leaves it as it is ([`SourceCache::read_body_edit`]).
    pub(crate) path_index: Option<PathIndex>,
    /// Markdown files parsed and rendered by the last rebuild (the rest came from the cache).
    pub(crate) parsed: usize,
    pub(crate) rendered: usize,
}

impl SourceCache {
    /// Drops everything when the configuration changed (its fingerprint is `config`).
    pub(crate) fn check_config(&mut self, config: u64) {
        if self.config != config {
            self.files.clear();
            self.config = config;
        }
    }

    /// Fingerprint of the configuration the cache holds pages for.
    pub(crate) fn config(&self) -> u64 {
        self.config
    }

    /// Takes back the pages and rendered Markdown lent to a site graph.
    pub(crate) fn reclaim(&mut self, site: Site) {
        for (page, rendered) in site.pages.into_iter().zip(site.rendered) {
            if page.generated {
                continue;
            }
            if let Some(f) = self.files.get_mut(&page.rel) {
                f.rendered = Some(rendered);
                f.page = Some(page);
            }
        }
    }

    /// Lists and reads the content, skipping the files held unchanged.
    pub(crate) fn load_sources(&mut self, root: &Path) -> (ContentFiles, Vec<Diagnostic>) {
        self.listed_at = Some(SystemTime::now());
        self.root = root.to_path_buf();
        if let Ok(mut l) = self.listed.lock() {
            l.clear();
        }
        let this = &*self;
        content::load::load_sources_except(root, &|rel, meta| this.unchanged(rel, meta))
    }

    fn unchanged(&self, rel: &Path, meta: &std::fs::Metadata) -> bool {
        let stamp = Stamp::of(meta);
        if let Ok(mut l) = self.listed.lock() {
            l.push((rel.to_path_buf(), stamp));
        }
        let Some(f) = self.files.get(rel) else {
            return false;
        };
        let settled = |(s, at): &(Stamp, SystemTime)| {
            s.modified
                .and_then(|m| at.duration_since(m).ok())
                .is_some_and(|age| age > RACY)
        };
        f.stamp
            .as_ref()
            .is_some_and(|st| st.0 == stamp && settled(st))
            && (f.page.is_some() || !f.parse_diagnostics.is_empty())
    }

    /// Parses the files read (again only those whose text changed) and gathers them with the
    /// unchanged ones into the site's pages, as `content::parse_pages` does.
    pub(crate) fn parse_pages(
        &mut self,
        config: &Config,
        files: &mut ContentFiles,
        drafts: bool,
    ) -> (Vec<Page>, Vec<String>, Vec<Diagnostic>) {
        let listed = self
            .listed
            .lock()
            .map(|mut l| std::mem::take(&mut *l))
            .unwrap_or_default();
        let at = self.listed_at.unwrap_or_else(SystemTime::now);
        let read = std::mem::take(&mut files.pages);
        let mut changed: Vec<(SourceFile, u64)> = Vec::new();
        for src in read {
            let text = of_bytes(src.text.as_bytes());
            let stamp = stamp_of(&listed, &src.rel).map(|s| (s, at));
            match self.files.get_mut(&src.rel) {
                Some(f)
                    if f.text == text && (f.page.is_some() || !f.parse_diagnostics.is_empty()) =>
                {
                    f.stamp = stamp;
                }
                _ => changed.push((src, text)),
            }
        }
        let parsed: Vec<_> = changed
            .into_par_iter()
            .map(|(src, text)| {
                let rel = src.rel.clone();
                let (page, diags) = content::page::parse_page(config, src);
                let summary = page.as_ref().map_or(0, page_summary);
                (rel, text, summary, (page, diags))
            })
            .collect();
        self.parsed = parsed.len();
        for (rel, text, summary, (page, diags)) in parsed {
            let stamp = stamp_of(&listed, &rel).map(|s| (s, at));
            self.files.insert(
                rel,
                CachedFile {
                    stamp,
                    text,
                    page,
                    parse_diagnostics: diags,
                    summary,
                    rendered: None,
                    link_index: 0,
                    lookups: Lookups::default(),
                    rendered_hash: 0,
                    markdown_diagnostics: Vec::new(),
                    body_dropped: false,
                },
            );
        }
        // In listing order, so the pages need no sorting (a sort of 10,000 paths compared
        // component by component is not free).
        let mut parsed = Vec::with_capacity(listed.len());
        for (rel, _) in &listed {
            if let Some(f) = self.files.get_mut(rel) {
                let page = match &f.page {
                    // A draft left out stays here; the others are lent to the graph.
                    Some(p) if p.draft && !drafts => f.page.clone(),
                    _ => f.page.take(),
                };
                parsed.push((page, f.parse_diagnostics.clone()));
            }
        }
        if parsed.len() < self.files.len() {
            // Files gone since the last rebuild.
            let present: std::collections::HashSet<&PathBuf> =
                listed.iter().map(|l| &l.0).collect();
            self.files.retain(|rel, _| present.contains(rel));
        }
        content::page::collect_pages(parsed, drafts)
    }

    /// Each page's rendered Markdown: the cached one when its text is unchanged and the link
    /// index `index` (fingerprint `link_index`) answers what its rendering asked as before, else
    /// `render`'s, in parallel.
    ///
    /// Each page's Markdown source is dropped once rendered (only the Markdown renderer reads
    /// it; at 10,000 pages it is tens of MB) and read again from its file in the rare case it
    /// must be rendered again with the file unchanged (when the link index changed).
    pub(crate) fn render_markdown(
        &mut self,
        config: &Config,
        pages: &mut [Page],
        index: &PathIndex,
        link_index: u64,
        render: &RenderAgainst<'_>,
    ) -> (Vec<RenderedMarkdown>, Vec<Diagnostic>) {
        // The kept renderings that still hold against a changed index (in parallel: a few hash
        // lookups per link, for every page).
        let holds: std::collections::HashSet<PathBuf> = self
            .files
            .par_iter()
            .filter(|(_, f)| f.rendered.is_some() && f.link_index != link_index)
            .filter(|(_, f)| f.lookups.hold(index))
            .map(|(rel, _)| rel.clone())
            .collect();
        let mut kept: Vec<Option<RenderedMarkdown>> = pages
            .iter()
            .map(|p| {
                let f = self.files.get_mut(&p.rel)?;
                if f.link_index == link_index || holds.contains(&p.rel) {
                    f.link_index = link_index;
                    f.rendered.take()
                } else {
                    None
                }
            })
            .collect();
        let stale: Vec<usize> = kept
            .iter()
            .enumerate()
            .filter(|(_, k)| k.is_none())
            .map(|(i, _)| i)
            .collect();
        let content = self.root.join(content::CONTENT_DIR);
        let bodies: Vec<(usize, String)> = stale
            .par_iter()
            .filter(|&&i| {
                self.files
                    .get(&pages[i].rel)
                    .is_some_and(|f| f.body_dropped)
            })
            .filter_map(|&i| {
                let rel = pages[i].rel.clone();
                let len = std::fs::metadata(content.join(&rel)).ok()?.len();
                let src = content::load::read_source(&content, rel, len).ok()?;
                let (page, _) = content::page::parse_page(config, src);
                Some((i, page?.body))
            })
            .collect();
        for (i, body) in bodies {
            pages[i].body = body;
        }
        let fresh: Vec<(usize, (RenderedMarkdown, Vec<Diagnostic>), Lookups)> = stale
            .into_par_iter()
            .map(|i| {
                let recorder = Recorder::new(index);
                let out = render(&pages[i], &recorder);
                (i, out, recorder.lookups())
            })
            .collect();
        for p in pages.iter_mut() {
            if let Some(f) = self.files.get_mut(&p.rel) {
                p.body = String::new();
                f.body_dropped = true;
            }
        }
        self.rendered = fresh.len();
        for (i, (r, d), lookups) in fresh {
            if let Some(f) = self.files.get_mut(&pages[i].rel) {
                f.rendered_hash = rendered_fingerprint(&r);
                f.link_index = link_index;
                f.lookups = lookups;
                f.markdown_diagnostics = d;
            }
            kept[i] = Some(r);
        }
        let mut diags = Vec::new();
        let rendered = pages
            .iter()
            .zip(kept)
            .map(|(p, r)| {
                if let Some(f) = self.files.get(&p.rel) {
                    diags.extend(f.markdown_diagnostics.iter().cloned());
                }
                r.unwrap_or_default()
            })
            .collect();
        (rendered, diags)
    }

    /// Each page's own content fingerprint (path, language, URL, source text, rendered
    /// Markdown) and its summary, by page id: what the render and search fingerprints start
    /// from.
    pub(crate) fn page_keys(&self, site: &Site) -> (Vec<u64>, Vec<u64>) {
        site.pages
            .iter()
            .map(|p| {
                let f = self.files.get(&p.rel);
                let summary = match f {
                    Some(f) if !p.generated => f.summary,
                    _ => page_summary(p),
                };
                (self.page_content(p), summary)
            })
            .unzip()
    }

    /// One page's own content fingerprint, as [`SourceCache::page_keys`] gives it.
    pub(crate) fn page_content(&self, p: &Page) -> u64 {
        let f = self.files.get(&p.rel);
        Fingerprint::new("page content")
            .text(&p.source.to_string_lossy())
            .text(&p.lang)
            .text(&p.url)
            .num(u64::from(p.generated))
            .num(f.map_or(0, |f| f.text))
            .num(if p.generated {
                0
            } else {
                f.map_or(0, |f| f.rendered_hash)
            })
            .finish()
    }

    /// True when `rel` (under `content/`) is a Markdown file whose page is in the last site
    /// graph, or anything the cache holds at or under `rel` when it is a folder.
    pub(crate) fn holds(&self, rel: &Path) -> bool {
        self.files.contains_key(rel) || self.files.keys().any(|k| k.starts_with(rel))
    }

    /// Reads the Markdown file `rel` (under `content/`) again after the watcher saw it change,
    /// for the fast path of [`super::IncrementalBuild`]: `Ok(None)` when its text is the same,
    /// `Ok(Some(edit))` when only its body changed (its page parses without errors, lists
    /// would show it as before and its Markdown renders without errors against the same link
    /// index), else why a full rebuild is needed (a new file, a draft, an error, a changed
    /// title...). Nothing is changed until [`SourceCache::take_body_edit`].
    pub(crate) fn read_body_edit(
        &mut self,
        root: &Path,
        rel: &Path,
        config: &Config,
        render: &RenderWith<'_>,
    ) -> Result<Option<BodyEdit>, Declined> {
        let f = self.files.get(rel).ok_or(Declined::NotABodyEdit)?;
        let lent = f.page.is_none()
            && f.rendered.is_none()
            && !f.parse_diagnostics.iter().any(Diagnostic::is_error)
            && !f.markdown_diagnostics.iter().any(Diagnostic::is_error);
        if !lent {
            return Err(Declined::Errors);
        }
        let content = root.join(content::CONTENT_DIR);
        let at = SystemTime::now();
        // A file that cannot be read is the full path's to report, at its place in the walk.
        let meta = std::fs::symlink_metadata(content.join(rel)).map_err(|_| Declined::Errors)?;
        if !meta.file_type().is_file() {
            return Err(Declined::NotABodyEdit);
        }
        let stamp = Stamp::of(&meta);
        let src = content::load::read_source(&content, rel.to_path_buf(), meta.len())
            .map_err(|_| Declined::Errors)?;
        let text = of_bytes(src.text.as_bytes());
        if text == f.text {
            if let Some(f) = self.files.get_mut(rel) {
                f.stamp = Some((stamp, at));
            }
            return Ok(None);
        }
        let (page, parse_diagnostics) = content::page::parse_page(config, src);
        if parse_diagnostics.iter().any(Diagnostic::is_error) {
            return Err(Declined::Errors);
        }
        // No page without errors: it became a draft, which lists no longer show.
        let page = page.ok_or(Declined::SummaryChanged)?;
        if page_summary(&page) != f.summary {
            return Err(Declined::SummaryChanged);
        }
        let index = self.path_index.as_ref().ok_or(Declined::NoGoodBuild)?;
        let recorder = Recorder::new(index);
        let (rendered, markdown_diagnostics) = render(&page, &recorder, &self.highlighter);
        let lookups = recorder.lookups();
        let mut page = page;
        page.body = String::new();
        if markdown_diagnostics.iter().any(Diagnostic::is_error) {
            return Err(Declined::Errors);
        }
        Ok(Some(BodyEdit {
            rel: rel.to_path_buf(),
            page,
            rendered,
            stamp: (stamp, at),
            text,
            lookups,
            parse_diagnostics,
            markdown_diagnostics,
        }))
    }

    /// Records `edit` as read and parsed (the page and its Markdown go to the site graph) and
    /// returns them with the problems they had before and have now.
    pub(crate) fn take_body_edit(&mut self, edit: BodyEdit) -> TakenEdit {
        let mut none = CachedFile::empty();
        let f = self.files.get_mut(&edit.rel).unwrap_or(&mut none);
        let before: Vec<Diagnostic> = f
            .parse_diagnostics
            .iter()
            .chain(&f.markdown_diagnostics)
            .cloned()
            .collect();
        f.stamp = Some(edit.stamp);
        f.text = edit.text;
        f.lookups = edit.lookups;
        f.rendered_hash = rendered_fingerprint(&edit.rendered);
        f.parse_diagnostics = edit.parse_diagnostics;
        f.markdown_diagnostics = edit.markdown_diagnostics;
        f.body_dropped = true;
        let now = f
            .parse_diagnostics
            .iter()
            .chain(&f.markdown_diagnostics)
            .cloned()
            .collect();
        TakenEdit {
            page: edit.page,
            rendered: edit.rendered,
            before,
            now,
        }
    }

    /// Counts for the rebuild report when only `n` files were read, parsed and rendered.
    pub(crate) fn set_counts(&mut self, n: usize) {
        self.parsed = n;
        self.rendered = n;
    }
}

/// Renders one page's Markdown against a link index.
pub(crate) type RenderAgainst<'a> =
    dyn Fn(&Page, &dyn LinkResolver) -> (RenderedMarkdown, Vec<Diagnostic>) + Sync + 'a;

/// Renders one page's Markdown against a link index with a highlighter.
pub(crate) type RenderWith<'a> =
    dyn Fn(&Page, &dyn LinkResolver, &Highlighter) -> (RenderedMarkdown, Vec<Diagnostic>) + 'a;

/// A Markdown file whose body alone changed, read, parsed and rendered again.
pub(crate) struct BodyEdit {
    rel: PathBuf,
    page: Page,
    rendered: RenderedMarkdown,
    stamp: (Stamp, SystemTime),
    text: u64,
    lookups: Lookups,
    parse_diagnostics: Vec<Diagnostic>,
    markdown_diagnostics: Vec<Diagnostic>,
}

impl BodyEdit {
    /// The edited page.
    pub(crate) fn page(&self) -> &Page {
        &self.page
    }
}

/// A [`BodyEdit`] taken into the cache: the page and Markdown for the site graph, and the
/// file's problems (warnings) before and after.
pub(crate) struct TakenEdit {
    pub page: Page,
    pub rendered: RenderedMarkdown,
    pub before: Vec<Diagnostic>,
    pub now: Vec<Diagnostic>,
}

/// What rendering one page's Markdown asked of the link index, with the answers, in order: the
/// rendering depends on the index through these alone, so an index that answers them all the
/// same renders the page the same.
#[derive(Default)]
struct Lookups(Vec<Lookup>);

/// One question [`LinkResolver`] answers, and its answer.
enum Lookup {
    Resolve {
        target: String,
        lang: String,
        url: Option<String>,
    },
    Resource {
        target: String,
        url: Option<String>,
    },
    Draft {
        target: String,
        draft: bool,
    },
    BasePath(String),
}

impl Lookups {
    /// True when `index` gives every answer as recorded.
    fn hold(&self, index: &PathIndex) -> bool {
        self.0.iter().all(|l| match l {
            Lookup::Resolve { target, lang, url } => index.resolve(target, lang) == *url,
            Lookup::Resource { target, url } => index.resource(target) == *url,
            Lookup::Draft { target, draft } => index.is_draft(target) == *draft,
            Lookup::BasePath(b) => index.base_path() == b,
        })
    }
}

/// A [`PathIndex`] that writes down what it is asked ([`Lookups`]).
struct Recorder<'a> {
    index: &'a PathIndex,
    log: Mutex<Vec<Lookup>>,
}

impl<'a> Recorder<'a> {
    fn new(index: &'a PathIndex) -> Self {
        Self {
            index,
            log: Mutex::new(Vec::new()),
        }
    }

    fn record(&self, l: Lookup) {
        if let Ok(mut log) = self.log.lock() {
            log.push(l);
        }
    }

    fn lookups(self) -> Lookups {
        Lookups(self.log.into_inner().unwrap_or_default())
    }
}

impl LinkResolver for Recorder<'_> {
    fn resolve(&self, target: &str, lang: &str) -> Option<String> {
        let url = self.index.resolve(target, lang);
        self.record(Lookup::Resolve {
            target: target.to_string(),
            lang: lang.to_string(),
            url: url.clone(),
        });
        url
    }

    fn resource(&self, target: &str) -> Option<String> {
        let url = self.index.resource(target);
        self.record(Lookup::Resource {
            target: target.to_string(),
            url: url.clone(),
        });
        url
    }

    fn base_path(&self) -> &str {
        let b = self.index.base_path();
        self.record(Lookup::BasePath(b.to_string()));
        b
    }

    fn is_draft(&self, target: &str) -> bool {
        let draft = self.index.is_draft(target);
        self.record(Lookup::Draft {
            target: target.to_string(),
            draft,
        });
        draft
    }
}

/// The stamp the listing saw for `rel` (the listing is sorted by path).
fn stamp_of(listed: &[(PathBuf, Stamp)], rel: &Path) -> Option<Stamp> {
    listed
        .binary_search_by(|(p, _)| p.as_path().cmp(rel))
        .ok()
        .map(|i| listed[i].1)
}

/// The fingerprint of the link index Markdown is rendered against: every page's path, URL,
/// language and translation key, the drafts left out, the resources and the base path.
pub(crate) fn link_index_fingerprint(
    pages: &[Page],
    drafts: &[String],
    resources: &[PathBuf],
    base_path: &str,
) -> u64 {
    let f = pages.iter().fold(Fingerprint::new("links"), |f, p| {
        f.text(&p.rel.to_string_lossy())
            .text(&p.url)
            .text(&p.lang)
            .text(&p.translation_key)
    });
    let f = drafts.iter().fold(f.text("drafts"), |f, d| f.text(d));
    let f = resources
        .iter()
        .fold(f.text("resources"), |f, r| f.text(&r.to_string_lossy()));
    f.text(base_path).finish()
}

/// Everything of rendered Markdown that a page, a list or the search index can show. The HTML
/// and search text are hashed packed: the same function of their text, without unpacking them.
fn rendered_fingerprint(r: &RenderedMarkdown) -> u64 {
    let f = Fingerprint::new("rendered")
        .bytes(r.html.packed_bytes())
        .json(&r.toc)
        .json(&r.callouts)
        .num(r.word_count as u64);
    let f = r.links.iter().fold(f, |f, l| {
        f.text(&l.url).text(l.anchor.as_deref().unwrap_or(""))
    });
    f.bytes(r.sections.packed().packed_bytes()).finish()
}
