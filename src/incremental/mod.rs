//! Incremental rebuilds for `lore serve`: the same stages as `lore build`, redoing only what a
//! change touched, with a served folder that ends byte-identical to a clean build's output.
//!
//! - Content: [`SourceCache`] keeps each file's parsed page and rendered Markdown; only changed
//!   files are read, parsed and rendered again (all Markdown when the link index changes).
//! - Graph: rebuilt every time from the pages (it is cheap next to rendering).
//! - Render: each job gets a fingerprint of its inputs (`render::fingerprint`); only jobs whose
//!   fingerprint is new are rendered. A change to `site.yaml` or the interface strings drops
//!   the whole cache; a change to a layout or an asset changes every job's fingerprint.
//! - Output: rendered files go into a staging folder; on success only the files whose bytes
//!   changed are moved into the served folder and files no longer produced are removed. A
//!   failed rebuild writes nothing there: the last good site stays served.
//! - Search: its statistics are global, so the index is rebuilt whole, but only when some
//!   page's content changed, and by [`IncrementalBuild::update_search`], which `serve` runs
//!   after the reload message: search catches up a moment after the page reloads.

mod sources;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use chrono::Utc;

pub(crate) use sources::link_index_fingerprint;
pub use sources::SourceCache;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fingerprint::Fingerprint;
use crate::output::{self, Staging};
use crate::render::fingerprint::{render_changed, RenderInputs, RenderMemo};
use crate::{BuildOptions, LoadedSite, Timings};

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
    /// The last rebuild's site, kept for the search index and to take its pages back.
    last: Option<LoadedSite>,
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
    /// Files moved into the served folder (new or changed bytes).
    pub written: usize,
    /// Files removed from the served folder (no longer produced).
    pub removed: usize,
    /// True when the search index is out of date until [`IncrementalBuild::update_search`].
    pub search_pending: bool,
    /// Warnings (the rebuild succeeded despite them).
    pub warnings: Vec<Diagnostic>,
    /// Time per stage.
    pub timings: Timings,
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
        }
    }

    /// The served folder.
    pub fn out(&self) -> &Path {
        &self.options.out
    }

    /// Brings the served folder up to date with the sources, except the search index. On any
    /// error nothing is written and every problem is returned, sorted by file and line.
    pub fn rebuild(&mut self) -> Result<RebuildReport, Vec<Diagnostic>> {
        let mut timings = Timings::default();
        let start = std::time::Instant::now();
        if let Some(old) = self.last.take() {
            timings.time("reclaim", &|_| {}, || self.sources.reclaim(old.site));
        }
        let loaded = crate::load_site_with(
            &self.options,
            crate::Retention::Everything,
            &mut timings,
            &|_| {},
            Some(&mut self.sources),
        )
        .map_err(Diagnostics::sorted)?;
        let staged: std::time::Duration = timings.0.iter().map(|t| t.wall).sum();
        timings.0.push(crate::StageTiming {
            stage: "other loading",
            wall: start.elapsed().saturating_sub(staged),
            rss_kib: None,
        });
        let result = self.render(loaded, &mut timings);
        result.map(|(written, removed, rendered, jobs, warnings)| {
            let pages = self.last.as_ref().map_or(0, |l| l.site.pages.len());
            RebuildReport {
                pages,
                parsed: self.sources.parsed,
                markdown_rendered: self.sources.rendered,
                jobs,
                rendered,
                written,
                removed,
                search_pending: self.search_pending(),
                warnings,
                timings,
            }
        })
    }

    /// True when the search index served is out of date.
    pub fn search_pending(&self) -> bool {
        self.search_wanted.is_some() && self.search_wanted != self.search_served
    }

    /// Renders what changed and moves it into the served folder; keeps `loaded` either way.
    #[allow(clippy::type_complexity)]
    fn render(
        &mut self,
        mut loaded: LoadedSite,
        timings: &mut Timings,
    ) -> Result<(usize, usize, usize, usize, Vec<Diagnostic>), Vec<Diagnostic>> {
        let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
        let out = self.options.out.clone();
        if let Err(why) = output::check_output_dir(&self.options.root, &out) {
            diagnostics.push(Diagnostic::error("", why).help("choose another output folder"));
        }
        let templates = match timings.time("layouts", &|_| {}, || loaded.templates()) {
            Ok(t) => Some(t),
            Err(d) => {
                diagnostics.extend(d);
                None
            }
        };
        let (Some(templates), false) = (templates, diagnostics.has_errors()) else {
            self.last = Some(loaded);
            return Err(diagnostics.sorted());
        };
        let staging = Staging::create_hashing(&out).map_err(|e| {
            vec![Diagnostic::error(
                &out,
                format!("cannot create the staging folder: {e}"),
            )]
        })?;
        let now = self.options.now.unwrap_or_else(Utc::now);
        let global = Fingerprint::new("inputs")
            .num(self.sources.config())
            .num(loaded.assets.fingerprint())
            .num(resources_fingerprint(&self.options.root, &loaded.resources))
            .finish();
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
        timings.time("assets", &|_| {}, || {
            diagnostics.extend(loaded.assets.write_referenced(&staging, &referenced));
            diagnostics.extend(output::assets::write_resources(
                &self.options.root,
                &loaded.resources,
                &staging,
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
                diagnostics.push(same_file(path));
            } else {
                files.insert(path.clone(), self.served.get(path).copied().unwrap_or(0));
            }
        }
        if diagnostics.has_errors() {
            self.last = Some(loaded);
            return Err(diagnostics.sorted());
        }
        let moved = timings.time("write", &|_| {}, || {
            let moved = staging.move_changed_into_target(&self.served);
            let gone: Vec<&str> = self
                .served
                .keys()
                .filter(|p| !files.contains_key(*p))
                .map(String::as_str)
                .collect();
            let removed = gone.len();
            moved.and_then(|m| output::remove_outputs(&out, gone).map(|()| (m, removed)))
        });
        let (moved, removed) = moved.map_err(|e| {
            vec![Diagnostic::error(
                &out,
                format!("cannot update the served folder: {e}"),
            )]
        })?;
        self.served = files;
        self.memo = changes.memo;
        self.search_wanted = Some(
            Fingerprint::new("search")
                .num(self.sources.config())
                .num(loaded.assets.fingerprint())
                .nums(loaded.page_content.iter().copied())
                .finish(),
        );
        self.last = Some(loaded);
        Ok((
            moved,
            removed,
            changes.rendered,
            changes.jobs,
            diagnostics.sorted(),
        ))
    }

    /// Rebuilds the search index when the last good rebuild changed its inputs, and replaces
    /// the served one. Returns the number of files written (0 when it was up to date).
    pub fn update_search(&mut self) -> Result<usize, Vec<Diagnostic>> {
        let Some(loaded) = self.last.as_ref() else {
            return Ok(0);
        };
        if !self.search_pending() {
            return Ok(0);
        }
        let out = &self.options.out;
        let staging = Staging::create_hashing(out).map_err(|e| {
            vec![Diagnostic::error(
                out,
                format!("cannot create the staging folder: {e}"),
            )]
        })?;
        if loaded.site.config.search.enabled {
            let diags = crate::search::write_search_index(&loaded.site, &staging);
            if diags.iter().any(Diagnostic::is_error) {
                return Err(diags);
            }
        }
        let written = staging.written_files();
        let result = staging
            .move_changed_into_target(&self.search_files)
            .and_then(|m| {
                let gone = self
                    .search_files
                    .keys()
                    .filter(|p| !written.contains_key(*p))
                    .map(String::as_str);
                output::remove_outputs(out, gone).map(|()| m)
            });
        let moved = result.map_err(|e| {
            vec![Diagnostic::error(
                out,
                format!("cannot update the search index: {e}"),
            )]
        })?;
        self.search_files = written;
        self.search_served = self.search_wanted;
        Ok(moved)
    }
}

/// The same error `Staging` gives when two outputs claim one file.
fn same_file(rel: &str) -> Diagnostic {
    Diagnostic::error("", format!("two outputs want the same file `{rel}`"))
        .help("a page, alias or taxonomy term has the same address as another; rename one")
}

/// The fingerprint of the configuration: `site.yaml` as written, the options that change the
/// output, and the interface strings. When it changes, `lore serve` starts from nothing.
pub(crate) fn config_fingerprint(
    options: &BuildOptions,
    strings: &crate::render::templates::Strings,
) -> u64 {
    let yaml = std::fs::read(options.root.join(crate::config::CONFIG_FILE)).unwrap_or_default();
    Fingerprint::new("config")
        .bytes(&yaml)
        .text(options.base_url.as_deref().unwrap_or(""))
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
