//! Incremental rebuilds for `lore serve`: the same stages as `lore build`, redoing only what a
//! change touched, with a served folder that ends byte-identical to a clean build's output.
//!
//! - Fast path ([`IncrementalBuild::rebuild_changed`]): when the watcher says which files
//!   changed and they are only Markdown files of pages whose summary (everything lists and
//!   neighbours show: title, dates, tags, fields...) stays the same, only those files are read,
//!   parsed and rendered; the last site graph is patched in place (`Site::replace_body`: the
//!   page, its Markdown, the backlinks its links changed) and only the jobs that show those
//!   pages get a new fingerprint (`render::fingerprint::render_patched`). Anything else (a new,
//!   deleted or renamed file, a changed title, an error, a layout, an asset, `site.yaml`, the
//!   watcher losing track) takes the full path below.
//! - Content: `SourceCache` keeps each file's parsed page and rendered Markdown; only changed
//!   files are read, parsed and rendered again, and when the link index changes, the Markdown
//!   of the files whose links now resolve differently.
//! - Graph: rebuilt from the pages on the full path.
//! - Render: each job gets a fingerprint of its inputs (`render::fingerprint`); only jobs whose
//!   fingerprint is new are rendered. A change to `site.yaml` or the interface strings drops
//!   the whole cache; a change to a layout or an asset changes every job's fingerprint.
//! - Output: rendered files go into a staging folder; on success only the files whose bytes
//!   changed are moved into the served folder and files no longer produced are removed, or,
//!   when most files changed (a layout edit), the files that stay move into the staging folder,
//!   which is swapped in, and the old folder is removed in the background. A failed rebuild
//!   writes nothing there: the last good site stays served.
//! - Search: its statistics are global, so the index is rebuilt whole, but only when some
//!   page's content changed, and apart from the rebuild ([`SearchJob`]): `serve` builds it on
//!   another thread from a snapshot of the last good rebuild, after the reload message, and
//!   gives it up when a newer edit comes; search catches up once the edits pause.

mod search;
mod sources;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use chrono::Utc;

pub use search::SearchJob;
use sources::link_index_fingerprint;
pub(crate) use sources::SourceCache;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fingerprint::Fingerprint;
use crate::markdown::render_markdown;
use crate::output::{self, Staging};
use crate::pipeline::{self, BuildOptions, LoadedSite, Retention, Timings};
use crate::render::fingerprint::{render_changed, render_patched, RenderInputs, RenderMemo};
use crate::site::PathIndex;

/// A site rebuilt in place, change after change, into one served folder.
pub struct IncrementalBuild {
    options: BuildOptions,
    sources: SourceCache,
    memo: RenderMemo,
    /// Every file of the served folder but the search index's, with its fingerprint.
    served: HashMap<String, u64>,
    /// The search index's files in the served folder.
    search_files: HashMap<String, u64>,
    /// Fingerprint of the inputs of the search index served, and of the last good rebuild.
    search_served: Option<u64>,
    search_wanted: Option<u64>,
    /// The last rebuild's site, kept for the search index and to take its pages back; shared
    /// with a [`SearchJob`] while one runs (rebuilds wait for it to end or give up).
    last: Option<Arc<LoadedSite>>,
    /// What the fast path needs, when the last rebuild succeeded (the served folder is then
    /// the rendering of `last`).
    good: Option<Good>,
    /// Fewest changed files for which the served folder is swapped rather than updated.
    swap_min: usize,
}

/// What the last successful rebuild leaves for the fast path.
struct Good {
    templates: crate::render::Templates,
    /// The render fingerprints' global input (configuration, assets, page resources).
    global: u64,
    /// Its warnings.
    warnings: Vec<Diagnostic>,
    /// The files its assets stage wrote (the assets, their fingerprinted copies, the page
    /// resources).
    asset_files: HashSet<String>,
}

/// What a rebuild did.
#[derive(Debug)]
pub struct RebuildReport {
    /// Pages in the site.
    pub pages: usize,
    /// Markdown files parsed again (the others came from the cache).
    pub parsed: usize,
    /// Pages whose Markdown was rendered again.
    pub markdown_rendered: usize,
    /// Render jobs (pages, lists, feeds...) in the site.
    pub jobs: usize,
    /// Render jobs rendered again because their inputs changed.
    pub rendered: usize,
    /// The files those jobs wrote (paths in the output folder, sorted), changed or not.
    pub rendered_files: Vec<String>,
    /// Files moved into the served folder (new or changed bytes).
    pub written: usize,
    /// Files removed from the served folder (no longer produced).
    pub removed: usize,
    /// True when the search index is out of date until [`IncrementalBuild::update_search`].
    pub search_pending: bool,
    /// Warnings (the rebuild succeeded despite them).
    pub warnings: Vec<Diagnostic>,
    /// True when the fast path patched the last site (only page bodies changed).
    pub patched: bool,
    /// Why the fast path was not taken, when [`IncrementalBuild::rebuild_changed`] tried it.
    pub declined: Option<Declined>,
    /// Time per stage.
    pub timings: Timings,
}

/// Why the fast path of [`IncrementalBuild::rebuild_changed`] left a change to the full
/// rebuild.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declined {
    /// The last rebuild failed or there was none, or time has moved an event between upcoming
    /// and past since: there is no rendering to patch.
    NoGoodBuild,
    /// Something other than an edit of a page's Markdown file: a file added, removed or
    /// renamed, a layout, an asset, a page resource, `site.yaml`.
    NotABodyEdit,
    /// What lists and neighbours show of a page changed (its title, dates, tags, address...).
    SummaryChanged,
    /// The page has an error, now or before the edit: the full path reports them all.
    Errors,
    /// Rendering the edit changed which files the site has.
    OutputsChanged,
    /// A search index job still reads the last site, which the fast path would patch in place.
    SiteShared,
}

/// How the fast path ended: the served folder patched, or left to the full path.
enum FastPath {
    Patched(RebuildReport),
    Declined(Declined),
}

/// What rendering a loaded site into the served folder did (see `IncrementalBuild::render`).
struct Rendered {
    /// Files moved into the served folder.
    written: usize,
    /// Files removed from it.
    removed: usize,
    /// Render jobs rendered again.
    rendered: usize,
    /// The files they wrote, sorted.
    rendered_files: Vec<String>,
    /// Render jobs in all.
    jobs: usize,
    /// The rebuild's warnings, sorted.
    warnings: Vec<Diagnostic>,
}

impl IncrementalBuild {
    /// A build of `options.root` into `options.out`, which this build owns from now on: it
    /// should start empty (files it did not write are never removed).
    pub fn new(options: BuildOptions) -> Self {
        Self {
            options,
            sources: SourceCache::default(),
            memo: RenderMemo::default(),
            served: HashMap::new(),
            search_files: HashMap::new(),
            search_served: None,
            search_wanted: None,
            last: None,
            good: None,
            swap_min: SWAP_MIN,
        }
    }

    /// Swaps the served folder (see `output::Staging::swap_into_target`) when at least `n`
    /// files changed, instead of the default 512: tests use it to cover both ways on a small
    /// site.
    pub fn swap_when_changed(&mut self, n: usize) {
        self.swap_min = n;
    }

    /// The served folder.
    pub fn out(&self) -> &Path {
        &self.options.out
    }

    /// [`IncrementalBuild::rebuild`] when the only changes since the last rebuild are to the
    /// files `changed` (paths relative to the site folder, as a file watcher reports them):
    /// takes the fast path when these are edits of page bodies, else rebuilds as `rebuild`
    /// does. A watcher that may have missed events must call `rebuild` instead.
    pub fn rebuild_changed(
        &mut self,
        changed: &[PathBuf],
    ) -> Result<RebuildReport, Vec<Diagnostic>> {
        let mut timings = Timings::default();
        match self.fast_rebuild(changed, &mut timings)? {
            FastPath::Patched(report) => Ok(report),
            FastPath::Declined(why) => self.rebuild().map(|report| RebuildReport {
                declined: Some(why),
                ..report
            }),
        }
    }

    /// Brings the served folder up to date with the sources, except the search index. On any
    /// error nothing is written and every problem is returned, sorted by file and line.
    pub fn rebuild(&mut self) -> Result<RebuildReport, Vec<Diagnostic>> {
        self.good = None;
        let mut timings = Timings::default();
        let start = std::time::Instant::now();
        if let Some(old) = self.last.take().and_then(|l| Arc::try_unwrap(l).ok()) {
            timings.time("reclaim", &|_| {}, || self.sources.reclaim(old.site));
        }
        let loaded = self.load_site(&mut timings).map_err(Diagnostics::sorted)?;
        let staged: std::time::Duration = timings.0.iter().map(|t| t.wall).sum();
        timings.record("other loading", start.elapsed().saturating_sub(staged));
        let r = self.render(loaded, &mut timings)?;
        Ok(RebuildReport {
            pages: self.last.as_ref().map_or(0, |l| l.site.pages.len()),
            parsed: self.sources.parsed,
            markdown_rendered: self.sources.rendered,
            jobs: r.jobs,
            rendered: r.rendered,
            rendered_files: r.rendered_files,
            written: r.written,
            removed: r.removed,
            search_pending: self.search_pending(),
            warnings: r.warnings,
            patched: false,
            declined: None,
            timings,
        })
    }

    /// The stages up to the site graph, as [`crate::pipeline::load_site`] runs them, through
    /// the cache: only the files that changed are read, parsed and rendered again, and
    /// everything is kept for the next rebuild.
    fn load_site(&mut self, timings: &mut Timings) -> Result<LoadedSite, Diagnostics> {
        let options = &self.options;
        let sources = &mut self.sources;
        let quiet = &|_: &str| {};
        let (config, strings, mut diags) = pipeline::load_config(options)?;
        sources.check_config(config_fingerprint(options, &strings));
        let (mut files, d) = timings.time("load", quiet, || sources.load_sources(&options.root));
        diags.extend(d);
        let (mut pages, drafts, d) = timings.time("parse", quiet, || {
            sources.parse_pages(&config, &mut files, options.drafts)
        });
        diags.extend(d);
        let rendered = timings.time("markdown", quiet, || {
            let base_path = crate::render::templates::base_path(&config.base_url);
            let link_key = link_index_fingerprint(&pages, &drafts, &files.resources, &base_path);
            let index = PathIndex::new(&pages, drafts, &files.resources, &base_path);
            // The cache's highlighter keeps its syntaxes loaded from one rebuild to the next.
            let highlighter = std::mem::take(&mut sources.highlighter);
            let labels = |key: &str, lang: &str| pipeline::label(&strings, key, lang);
            let render = |p: &Page, index: &dyn crate::markdown::LinkResolver| {
                render_markdown(p, index, &highlighter, &labels)
            };
            // Kept pages keep their Markdown: a page is rendered again when a link of its
            // resolves differently.
            let (rendered, d) =
                sources.render_markdown(&config, &mut pages, &index, link_key, &render);
            sources.highlighter = highlighter;
            sources.path_index = Some(index);
            diags.extend(d);
            rendered
        });
        let content = pipeline::Content {
            config,
            strings,
            pages,
            rendered,
            resources: files.resources,
        };
        let mut loaded = pipeline::assemble_site(
            options,
            content,
            Retention::Everything,
            timings,
            quiet,
            diags,
        );
        (loaded.page_content, loaded.page_summary) = sources.page_keys(&loaded.site);
        Ok(loaded)
    }

    /// The fast path: declined when the changes are not edits of page bodies only (or the
    /// last rebuild failed), with nothing changed that the full path would not redo; an error
    /// when the served folder cannot be updated.
    fn fast_rebuild(
        &mut self,
        changed: &[PathBuf],
        timings: &mut Timings,
    ) -> Result<FastPath, Vec<Diagnostic>> {
        let start = Instant::now();
        let now = self.options.now.unwrap_or_else(Utc::now);
        // The site is patched in place: not while a search job reads it.
        if self.last.is_some() && self.last.as_mut().and_then(Arc::get_mut).is_none() {
            return Ok(FastPath::Declined(Declined::SiteShared));
        }
        let (Some(loaded), Some(_)) = (self.last.as_ref(), self.good.as_ref()) else {
            return Ok(FastPath::Declined(Declined::NoGoodBuild));
        };
        if !self.memo.patchable(now) {
            return Ok(FastPath::Declined(Declined::NoGoodBuild));
        }
        let root = self.options.root.clone();
        let files = match changed_pages(changed, &root, &loaded.resources, &self.sources) {
            Ok(files) => files,
            Err(why) => return Ok(FastPath::Declined(why)),
        };
        let strings = loaded.strings.clone();
        let labels = |key: &str, lang: &str| pipeline::label(&strings, key, lang);
        let render = |p: &Page,
                      index: &dyn crate::markdown::LinkResolver,
                      highlighter: &crate::markdown::Highlighter| {
            render_markdown(p, index, highlighter, &labels)
        };
        let read_start = Instant::now();
        let mut edits = Vec::new();
        for rel in &files {
            let config = &loaded.site.config;
            let edit = match self.sources.read_body_edit(&root, rel, config, &render) {
                Ok(Some(edit)) => edit,
                Ok(None) => continue,
                Err(why) => return Ok(FastPath::Declined(why)),
            };
            // The page keeps its address, and no other page had it.
            let id = loaded.site.by_url.get(&edit.page().url).copied();
            let Some(id) = id.filter(|&id| {
                let old = &loaded.site.pages[id];
                !old.generated && old.rel == *rel
            }) else {
                return Ok(FastPath::Declined(Declined::SummaryChanged));
            };
            edits.push((id, edit));
        }
        timings.record("read changed", read_start.elapsed());
        // From here on the last site is patched: on any failure the full path starts from the
        // patched site and the cache, which agree.
        let (Some(loaded), Some(good)) =
            (self.last.as_mut().and_then(Arc::get_mut), self.good.take())
        else {
            return Ok(FastPath::Declined(Declined::SiteShared));
        };
        let mut content = Vec::new();
        let mut backlinks = BTreeSet::new();
        let mut warnings = Diagnostics::new();
        let mut replaced = HashSet::new();
        self.sources.set_counts(edits.len());
        for (id, edit) in edits {
            let taken = self.sources.take_body_edit(edit);
            replaced.extend(taken.before.iter().map(|d| d.path.clone()));
            warnings.extend(taken.now);
            backlinks.extend(loaded.site.replace_body(id, taken.page, taken.rendered));
            loaded.page_content[id] = self.sources.page_content(&loaded.site.pages[id]);
            content.push(id);
        }
        warnings.extend(
            good.warnings
                .iter()
                .filter(|d| !replaced.contains(&d.path))
                .cloned(),
        );
        let out = self.options.out.clone();
        let staging = create_staging(&out)?;
        let backlinks: Vec<usize> = backlinks.into_iter().collect();
        let patch = timings.time("render", &|_| {}, || {
            let inputs = RenderInputs {
                global: good.global,
                page_content: &loaded.page_content,
                page_summary: &loaded.page_summary,
            };
            render_patched(
                &loaded.site,
                &good.templates,
                &staging,
                now,
                &inputs,
                &self.memo,
                &content,
                &backlinks,
            )
        });
        // `None`: the memo cannot be patched, which was checked above.
        let Some(patch) = patch else {
            return Ok(FastPath::Declined(Declined::NoGoodBuild));
        };
        if patch.paths_changed {
            return Ok(FastPath::Declined(Declined::OutputsChanged));
        }
        if patch.diagnostics.iter().any(Diagnostic::is_error) {
            // Let the full path render and report it.
            return Ok(FastPath::Declined(Declined::Errors));
        }
        // The edited pages, the pages they now link to or no longer do, and the pages linking
        // to them (an anchor they name may be gone) are checked as a build checks them (their
        // files and addresses did not change); an error takes the full path too.
        let outputs = crate::check::OutputFiles::from_paths(
            self.served.keys().chain(self.search_files.keys()).cloned(),
        );
        let linking = content.iter().flat_map(|&id| &loaded.site.backlinks[id]);
        let touched: Vec<usize> = content
            .iter()
            .chain(&backlinks)
            .chain(linking)
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let checked = crate::check::validate::validate_pages(
            &loaded.site,
            &touched,
            &loaded.resources,
            Some(&outputs),
        );
        if !checked.is_empty() {
            return Ok(FastPath::Declined(Declined::Errors));
        }
        warnings.extend(patch.diagnostics.iter().cloned());
        let rendered_files: HashSet<String> = staging.written_files().into_keys().collect();
        let mut asset_files = good.asset_files.clone();
        if patch.assets_changed {
            // As the full path's assets stage: the assets, the copies referenced, and the page
            // resources (the files that stage wrote are all replaced together).
            let referenced = self.memo.referenced_after(&patch);
            let d = write_assets(loaded, &root, &staging, &referenced);
            if d.iter().any(Diagnostic::is_error) {
                return Ok(FastPath::Declined(Declined::Errors));
            }
            warnings.extend(d);
            asset_files = staging
                .written_files()
                .into_keys()
                .filter(|p| !rendered_files.contains(p))
                .collect();
        }
        let written = staging.written_files();
        let gone: Vec<String> = good
            .asset_files
            .iter()
            .filter(|p| !asset_files.contains(*p))
            .cloned()
            .collect();
        let moved = timings.time("write", &|_| {}, || {
            staging
                .move_changed_into_target(&self.served)
                .and_then(|m| {
                    output::remove_outputs(&out, gone.iter().map(String::as_str)).map(|()| m)
                })
        });
        let moved = moved.map_err(|e| update_error(&out, &e))?;
        for g in &gone {
            self.served.remove(g);
        }
        self.served.extend(written);
        let (rendered, jobs) = (patch.rendered, patch.jobs);
        self.memo.apply(patch);
        self.search_wanted = Some(search_key(self.sources.config(), loaded));
        let warnings = warnings.sorted();
        let pages = loaded.site.pages.len();
        self.good = Some(Good {
            warnings: warnings.clone(),
            asset_files,
            ..good
        });
        timings.record("fast path in all", start.elapsed());
        Ok(FastPath::Patched(RebuildReport {
            pages,
            parsed: self.sources.parsed,
            markdown_rendered: self.sources.rendered,
            jobs,
            rendered,
            rendered_files: sorted(rendered_files),
            written: moved,
            removed: gone.len(),
            search_pending: self.search_pending(),
            warnings,
            patched: true,
            declined: None,
            timings: std::mem::take(timings),
        }))
    }

    /// True when the search index served is out of date.
    pub fn search_pending(&self) -> bool {
        self.search_wanted.is_some() && self.search_wanted != self.search_served
    }

    /// Renders what changed and moves it into the served folder; keeps `loaded` either way.
    fn render(
        &mut self,
        mut loaded: LoadedSite,
        timings: &mut Timings,
    ) -> Result<Rendered, Vec<Diagnostic>> {
        let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
        let out = self.options.out.clone();
        let templates = timings.time("layouts", &|_| {}, || {
            pipeline::prepare_render(&loaded, Some(&self.options), &mut diagnostics)
        });
        let Some(templates) = templates else {
            self.last = Some(Arc::new(loaded));
            return Err(diagnostics.sorted());
        };
        let staging = create_staging(&out)?;
        let now = self.options.now.unwrap_or_else(Utc::now);
        let global = Fingerprint::new("inputs")
            .num(self.sources.config())
            .num(loaded.assets.fingerprint())
            .num(resources_fingerprint(&self.options.root, &loaded.resources))
            .finish();
        // Pages name their pictures' resized variants, as a build's do.
        diagnostics.extend(pipeline::measure_images(&mut loaded, timings, &|_| {}));
        let changes = timings.time("render", &|_| {}, || {
            let inputs = RenderInputs {
                global,
                page_content: &loaded.page_content,
                page_summary: &loaded.page_summary,
            };
            render_changed(&loaded.site, &templates, &staging, now, &inputs, &self.memo)
        });
        diagnostics.extend(changes.diagnostics);
        let referenced: BTreeSet<String> = changes
            .memo
            .outputs()
            .flat_map(|o| o.assets.iter().cloned())
            .collect();
        let rendered_files: HashSet<String> = staging.written_files().into_keys().collect();
        timings.time("assets", &|_| {}, || {
            diagnostics.extend(write_assets(
                &loaded,
                &self.options.root,
                &staging,
                &referenced,
            ));
        });
        // Every file of the new site: those written now, and those of the jobs not rendered
        // again, which keep their served bytes. `Staging` refused two writes to one file; a
        // kept file claimed again is the same mistake.
        let written = staging.written_files();
        let mut files = written.clone();
        let mut kept = HashSet::new();
        for path in &changes.kept {
            if written.contains_key(path) || !kept.insert(path) {
                diagnostics.push(output::same_file(path));
            } else {
                files.insert(path.clone(), self.served.get(path).copied().unwrap_or(0));
            }
        }
        let outputs = crate::check::OutputFiles::from_paths(
            files.keys().chain(self.search_files.keys()).cloned(),
        );
        diagnostics.extend(crate::check::validate::validate_site(
            &loaded.site,
            &loaded.resources,
            Some(&outputs),
        ));
        if diagnostics.has_errors() {
            self.last = Some(Arc::new(loaded));
            return Err(diagnostics.sorted());
        }
        let moved = timings.time("write", &|_| {}, || {
            let gone = no_longer_produced(&self.served, &files);
            let removed = gone.len();
            let changed = written
                .iter()
                .filter(|(p, h)| self.served.get(*p) != Some(h))
                .count();
            // Replacing a file costs freeing the old one, which some disks make slow (about a
            // millisecond each here): after a layout edit, moving the files that stay into the
            // staging folder (whole folders where nothing changed) and swapping it in is cheaper,
            // and the old folder is removed in the background.
            if changed >= self.swap_min && !self.served.is_empty() {
                let carry: Vec<&str> = kept
                    .iter()
                    .map(|p| p.as_str())
                    .chain(self.search_files.keys().map(String::as_str))
                    .collect();
                let units = staging.swap_units(&carry, &gone);
                if units.len() * 4 < changed {
                    return staging.swap_into_target(&units).map(|old| {
                        output::remove_in_background(old);
                        (changed, removed)
                    });
                }
            }
            let moved = staging.move_changed_into_target(&self.served);
            moved.and_then(|m| output::remove_outputs(&out, gone).map(|()| (m, removed)))
        });
        let (written_now, removed) = moved.map_err(|e| update_error(&out, &e))?;
        let asset_files = written
            .keys()
            .filter(|p| !rendered_files.contains(*p))
            .cloned()
            .collect();
        self.served = files;
        self.memo = changes.memo;
        self.search_wanted = Some(search_key(self.sources.config(), &loaded));
        self.last = Some(Arc::new(loaded));
        let warnings = diagnostics.sorted();
        self.good = Some(Good {
            templates,
            global,
            warnings: warnings.clone(),
            asset_files,
        });
        Ok(Rendered {
            written: written_now,
            removed,
            rendered: changes.rendered,
            rendered_files: sorted(rendered_files),
            jobs: changes.jobs,
            warnings,
        })
    }
}

/// The paths of a set, sorted.
fn sorted(paths: HashSet<String>) -> Vec<String> {
    let mut paths: Vec<String> = paths.into_iter().collect();
    paths.sort();
    paths
}

/// The Markdown files (under `content/`) among `changed` to read again, or why the change is
/// not only edits of existing pages' files. Names the content walk skips are left out, and so
/// are files that came and went unseen.
fn changed_pages(
    changed: &[PathBuf],
    root: &Path,
    resources: &[PathBuf],
    sources: &SourceCache,
) -> Result<BTreeSet<PathBuf>, Declined> {
    let mut files = BTreeSet::new();
    for rel in changed {
        let c = rel
            .strip_prefix(crate::content::CONTENT_DIR)
            .map_err(|_| Declined::NotABodyEdit)?;
        if c.as_os_str().is_empty() {
            return Err(Declined::NotABodyEdit);
        }
        if crate::content::load::is_skipped_path(c) {
            continue;
        }
        match std::fs::symlink_metadata(root.join(rel)) {
            Ok(m) if m.file_type().is_file() && c.extension().is_some_and(|e| e == "md") => {
                files.insert(c.to_path_buf());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let resource = resources.iter().any(|r| r.starts_with(c));
                if resource || sources.holds(c) {
                    return Err(Declined::NotABodyEdit);
                }
            }
            _ => return Err(Declined::NotABodyEdit),
        }
    }
    Ok(files)
}

/// A staging folder beside the served one, whose writes are fingerprinted.
/// The assets stage of a rebuild, on either path: the assets pages reference, the pages'
/// resources and the pictures' resized variants. The files it writes are replaced together, so
/// a stage that left one kind out would remove the served ones as no longer produced.
fn write_assets(
    loaded: &LoadedSite,
    root: &Path,
    staging: &Staging,
    referenced: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut d = loaded.assets.write_referenced(staging, referenced);
    d.extend(output::assets::write_resources(
        root,
        &loaded.resources,
        staging,
    ));
    d.extend(pipeline::write_image_variants(&loaded.site, staging));
    d
}

fn create_staging(out: &Path) -> Result<Staging, Vec<Diagnostic>> {
    Staging::create_hashing(out).map_err(|e| {
        vec![Diagnostic::error(
            out,
            format!("cannot create the staging folder: {e}"),
        )]
    })
}

/// The error for a served folder that could not be brought up to date.
fn update_error(out: &Path, e: &std::io::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::error(
        out,
        format!("cannot update the served folder: {e}"),
    )]
}

/// Fewest changed files for which the served folder is replaced by swapping (see `render`).
const SWAP_MIN: usize = 512;

/// The files of `served` that `now` (every file a rebuild produced) no longer has.
fn no_longer_produced<'a>(
    served: &'a HashMap<String, u64>,
    now: &HashMap<String, u64>,
) -> Vec<&'a str> {
    served
        .keys()
        .filter(|p| !now.contains_key(*p))
        .map(String::as_str)
        .collect()
}

/// The fingerprint of what the search index is made of.
fn search_key(config: u64, loaded: &LoadedSite) -> u64 {
    Fingerprint::new("search")
        .num(config)
        .num(loaded.assets.fingerprint())
        .nums(loaded.page_content.iter().copied())
        .finish()
}

/// The fingerprint of the configuration: `site.yaml` as written, the options that change the
/// output, and the interface strings. When it changes, `lore serve` starts from nothing.
fn config_fingerprint(options: &BuildOptions, strings: &crate::render::templates::Strings) -> u64 {
    let yaml = std::fs::read(options.root.join(crate::config::CONFIG_FILE)).unwrap_or_default();
    Fingerprint::new("config")
        .bytes(&yaml)
        .text(options.base_url.as_deref().unwrap_or(""))
        .text(options.context.base_url.as_deref().unwrap_or(""))
        .json(&options.context.repository)
        .num(u64::from(options.drafts))
        .json(strings)
        .finish()
}

/// Page resources by path and size: toolkit pages show the size of the files they offer.
fn resources_fingerprint(root: &Path, resources: &[std::path::PathBuf]) -> u64 {
    let content = root.join(crate::content::CONTENT_DIR);
    resources
        .iter()
        .fold(Fingerprint::new("resources"), |f, r| {
            let len = std::fs::metadata(content.join(r)).map_or(u64::MAX, |m| m.len());
            f.text(&r.to_string_lossy()).num(len)
        })
        .finish()
}
