//! lore: a static knowledge-site generator.
//!
//! The build is a pipeline of stages, each a function from data to data:
//!
//! 1. [`config`]: `site.yaml` → [`config::Config`]
//! 2. [`content`]: `content/**/*.md` → [`content::SourceFile`]s → checked [`content::Page`]s
//! 3. [`markdown`]: each page's body → [`markdown::RenderedMarkdown`] (HTML, headings, links,
//!    callouts, text for search), in parallel
//! 4. [`site`]: pages → [`site::Site`], the graph of sections, translations, taxonomies, links
//! 5. [`render`]: the graph through the layouts → HTML, feeds, calendars, sitemap, in parallel
//! 6. [`search`]: the graph → the sharded search index (run before rendering: it is the only
//!    reader of the pages' search text, which a build then frees)
//! 7. [`output`]: everything is written into a staging folder, swapped in whole at the end
//!
//! Every stage collects [`diagnostics::Diagnostic`]s and goes on, so one run reports every
//! problem; if any is an error nothing is swapped in and the previous output stays. The library
//! never prints: `cli` does.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod builtin;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod epub;
pub mod fingerprint;
pub mod images;
pub mod incremental;
pub mod markdown;
pub mod offline;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod yaml;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use config::Config;
use diagnostics::{Diagnostic, Diagnostics};
use markdown::{render_markdown, Highlighter, RenderedMarkdown};
use output::assets::Assets;
use output::Staging;
use site::{PathIndex, Site};

/// What to build and how.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Site folder (holding `site.yaml`).
    pub root: PathBuf,
    /// Output folder; replaced whole on success (see [`output::guard`] for which folders may be).
    pub out: PathBuf,
    /// Replace `out` even when it holds files lore did not write (`--force`).
    pub force: bool,
    /// Overrides `base_url` from `site.yaml` (for previews and staging hosts).
    pub base_url: Option<String>,
    /// What the environment says of where the site lives, for what `site.yaml` leaves out.
    pub context: config::SiteContext,
    /// Include pages with `draft: true`.
    pub drafts: bool,
    /// The moment events are upcoming or past against; the current time when `None`.
    pub now: Option<DateTime<Utc>>,
    /// A build whose pages' packed HTML is over this many bytes keeps it in a scratch file
    /// beside the output until rendering ([`SPILL_HTML_ABOVE`] unless a test lowers it).
    pub spill_html_above: usize,
    /// Write the service worker when `site.yaml` asks for it (the default). `lore serve` turns
    /// it off: a worker caching pages while an editor changes them would show stale pages.
    pub offline: bool,
}

/// Packed page HTML a build keeps in memory; above it, in a scratch file (about 25,000 pages
/// of the benchmark corpus): small sites never pay for the file, large ones stay in memory.
pub const SPILL_HTML_ABOVE: usize = 128 << 20;

impl BuildOptions {
    /// Options for the site in `root`, written to `root/public`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        Self {
            out: root.join("public"),
            force: false,
            root,
            base_url: None,
            context: Default::default(),
            drafts: false,
            now: None,
            spill_html_above: SPILL_HTML_ABOVE,
            offline: true,
        }
    }
}

/// One stage of a build as `--timings` shows it.
#[derive(Clone, Debug)]
pub struct StageTiming {
    /// The stage's name (`markdown`, `render`, ...).
    pub stage: &'static str,
    /// Its wall time.
    pub wall: Duration,
    /// Resident memory when it ended, in KiB (Linux only): what the stage left alive.
    pub rss_kib: Option<u64>,
    /// The stage that ran at the same time on the same cores, if any: the two walls overlap.
    pub beside: Option<&'static str>,
}

/// Wall time and memory of each stage of a build.
#[derive(Clone, Debug, Default)]
pub struct Timings(pub Vec<StageTiming>);

impl Timings {
    /// Records that `stage` took `wall`, with the memory resident now.
    pub fn record(&mut self, stage: &'static str, wall: Duration) {
        self.record_beside(stage, wall, None);
    }

    /// [`Timings::record`] for a stage that ran at the same time as stage `beside`.
    fn record_beside(&mut self, stage: &'static str, wall: Duration, beside: Option<&'static str>) {
        self.0.push(StageTiming {
            stage,
            wall,
            rss_kib: memory_kib("VmRSS:"),
            beside,
        });
    }

    fn time<T>(
        &mut self,
        stage: &'static str,
        progress: &dyn Fn(&str),
        f: impl FnOnce() -> T,
    ) -> T {
        progress(stage);
        let start = Instant::now();
        let out = f();
        self.record(stage, start.elapsed());
        out
    }

    /// Runs two stages at the same time on the thread pool, each timed from the common start
    /// to its own end.
    fn time_beside<A: Send, B: Send>(
        &mut self,
        (first, second): (&'static str, &'static str),
        progress: &dyn Fn(&str),
        a: impl FnOnce() -> A + Send,
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        progress(&format!("{first} + {second}"));
        let start = Instant::now();
        let ((a, wa), (b, wb)) = rayon::join(|| (a(), start.elapsed()), || (b(), start.elapsed()));
        self.record_beside(first, wa, Some(second));
        self.record_beside(second, wb, Some(first));
        (a, b)
    }
}

/// A memory figure of this process from `/proc/self/status` (`VmRSS:` now, `VmHWM:` peak), in
/// KiB; `None` where there is no `/proc`.
pub fn memory_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// A successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// Pages built (Markdown files, generated section lists included).
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Warnings (the build succeeded despite them).
    pub warnings: Vec<Diagnostic>,
    /// Time per stage.
    pub timings: Timings,
}

/// What a run keeps of each page once the stage that needed it is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retention {
    /// Everything: `check` reads the Markdown sources and the rendered HTML after rendering.
    Everything,
    /// Only what later stages read (`build`): each page's Markdown source is freed once its HTML
    /// exists, its front-matter positions once the site graph is checked, its search text once
    /// the index is written, its HTML once the pages are rendered (and, on a large site, kept
    /// in a scratch file until then). At 100,000 pages that is over a GB.
    Minimum,
}

/// The loaded and rendered site, before any output: what `build`, `check` and `serve` share.
pub struct LoadedSite {
    /// What is kept once no longer needed.
    pub retention: Retention,
    /// The site graph.
    pub site: Site,
    /// Its assets.
    pub assets: Arc<Assets>,
    /// Interface strings by language.
    pub strings: Arc<render::templates::Strings>,
    /// Non-Markdown files under `content/`.
    pub resources: Vec<PathBuf>,
    /// Problems found so far (errors and warnings).
    pub diagnostics: Diagnostics,
    /// Each page's own content fingerprint, by page id, when loaded through a
    /// [`incremental::SourceCache`] (empty otherwise).
    pub page_content: Vec<u64>,
    /// Each page's summary fingerprint (what lists show of it), likewise.
    pub page_summary: Vec<u64>,
    /// See [`BuildOptions::spill_html_above`].
    pub spill_html_above: usize,
    /// The addresses rendered pages link to that are not pages, once [`render_output`] ran
    /// (checked by [`check::validate::validate_site`] against the files written).
    pub built_links: render::built_links::BuiltLinks,
}

/// Runs the stages up to the site graph: config, content, Markdown, graph.
pub fn load_site(
    options: &BuildOptions,
    retention: Retention,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
) -> Result<LoadedSite, Diagnostics> {
    load_site_with(options, retention, timings, progress, None)
}

/// [`load_site`], reusing what `cache` holds from the last run (`lore serve`): only the files
/// that changed are read, parsed and rendered again. The stages are the same either way.
pub fn load_site_with(
    options: &BuildOptions,
    retention: Retention,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
    mut cache: Option<&mut incremental::SourceCache>,
) -> Result<LoadedSite, Diagnostics> {
    let mut config = Config::load(&options.root).map_err(Diagnostics::from_iter)?;
    config
        .fill_in(&options.context)
        .map_err(|d| Diagnostics::from_iter([d]))?;
    if let Some(url) = &options.base_url {
        config.base_url = config::check_base_url(url)
            .map_err(|why| Diagnostics::from_iter([base_url_error(&why)]))?;
        config.base_url_unset = false;
    }
    config.offline &= options.offline;
    let mut diags = Diagnostics::new();
    let strings = match render::templates::load_strings(&config) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            Default::default()
        }
    };
    if let Some(c) = cache.as_deref_mut() {
        c.check_config(incremental::config_fingerprint(options, &strings));
    }
    let (mut files, d) = timings.time("load", progress, || match cache.as_deref_mut() {
        Some(c) => c.load_sources(&options.root),
        None => content::load_sources(&options.root),
    });
    diags.extend(d);
    let (mut pages, drafts, d) = timings.time("parse", progress, || match cache.as_deref_mut() {
        Some(c) => c.parse_pages(&config, &mut files, options.drafts),
        None => content::parse_pages(&config, std::mem::take(&mut files.pages), options.drafts),
    });
    diags.extend(d);
    let base_path = render::templates::base_path(&config.base_url);
    let labels = |key: &str, lang: &str| render::templates::lookup(&strings, lang, key);
    let rendered: Vec<RenderedMarkdown> = timings.time("markdown", progress, || {
        let link_key = cache.as_ref().map(|_| {
            incremental::link_index_fingerprint(&pages, &drafts, &files.resources, &base_path)
        });
        let index = PathIndex::new(&pages, drafts, &files.resources, &base_path);
        // The cache's highlighter keeps its syntaxes loaded from one rebuild to the next.
        let highlighter = cache
            .as_deref_mut()
            .map(|c| std::mem::take(&mut c.highlighter))
            .unwrap_or_default();
        let render = |p: &content::Page| render_markdown(p, &index, &highlighter, &labels);
        let (rendered, d) = match (cache.as_deref_mut(), link_key) {
            // Kept pages keep their Markdown: a page is rendered again when a link changes.
            (Some(c), Some(key)) => c.render_markdown(&config, &mut pages, key, &render),
            _ => {
                let out: Vec<(RenderedMarkdown, Vec<Diagnostic>)> = pages
                    .par_iter_mut()
                    .map(|p| {
                        let out = render(p);
                        if retention == Retention::Minimum {
                            p.body = String::new();
                        }
                        out
                    })
                    .collect();
                let (r, d): (Vec<_>, Vec<Vec<_>>) = out.into_iter().unzip();
                (r, d.into_iter().flatten().collect())
            }
        };
        if let Some(c) = cache.as_deref_mut() {
            c.highlighter = highlighter;
            c.path_index = Some(index);
        }
        diags.extend(d);
        rendered
    });
    let (mut site, d) = timings.time("site graph", progress, || {
        site::build_site_graph(config, pages, rendered)
    });
    diags.extend(d);
    if retention == Retention::Minimum {
        // Front-matter positions point diagnostics at a line; every check that uses them has
        // run by now (`check` keeps them for its own).
        for p in &mut site.pages {
            p.field_positions = Default::default();
        }
    }
    let (mut assets, d) = Assets::collect(&options.root);
    diags.extend(d);
    assets.insert(
        "css/syntax.css".into(),
        syntax_stylesheet().as_bytes().to_vec(),
    );
    let (page_content, page_summary) = cache.map_or_else(Default::default, |c| c.page_keys(&site));
    Ok(LoadedSite {
        retention,
        site,
        assets: Arc::new(assets),
        strings: Arc::new(strings),
        resources: files.resources,
        diagnostics: diags,
        page_content,
        page_summary,
        spill_html_above: options.spill_html_above,
        built_links: Default::default(),
    })
}

/// The error for a `--base-url` that is not one, worded as site.yaml's `base_url` errors are.
pub fn base_url_error(why: &str) -> Diagnostic {
    Diagnostic::error("", format!("--base-url {why}")).help(config::BASE_URL_HELP)
}

/// Gives heap memory freed by a stage back to the system. glibc keeps freed memory in its
/// per-thread arenas, where one thread's frees seldom serve another's allocations: `serve`
/// would grow a few MB with every search index rebuilt, and a large build would carry the
/// Markdown sources it freed into every later stage.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free pages of the heap back to the kernel; glibc makes it
    // safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The stylesheet for highlighted code, made once per process (loading syntect's themes takes
/// milliseconds `lore serve` would pay on every rebuild).
fn syntax_stylesheet() -> &'static str {
    static CSS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CSS.get_or_init(Highlighter::stylesheet)
}

/// Builds the site: every stage, then the output swapped in whole. On any error nothing is
/// written and every problem of the run is returned, sorted by file and line.
pub fn build(
    options: &BuildOptions,
    progress: &dyn Fn(&str),
) -> Result<BuildReport, Vec<Diagnostic>> {
    let mut timings = Timings::default();
    let mut loaded = load_site(options, Retention::Minimum, &mut timings, progress)
        .map_err(Diagnostics::sorted)?;
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    if loaded.site.config.base_url_unset {
        // Only a build publishes: `check` and `serve` need no address.
        diagnostics.push(
            Diagnostic::warning(
                config::CONFIG_FILE,
                format!(
                    "no `base_url`: feeds, the sitemap and share links point at {}",
                    config::UNSET_BASE_URL
                ),
            )
            .help("add `base_url: https://...` to site.yaml, or pass --base-url (on GitHub, the workflow lore init wrote gives it)"),
        );
    }
    if let Err(d) = output::check_output_dir(&options.root, &options.out, options.force) {
        diagnostics.push(d);
    }
    let templates = match loaded.templates() {
        Ok(t) => Some(t),
        Err(d) => {
            diagnostics.extend(d);
            None
        }
    };
    if diagnostics.has_errors() {
        // What `check` reports on a site that does not load, so that both list the same errors.
        diagnostics.extend(check::validate::validate_site(
            &loaded.site,
            &loaded.resources,
            None,
        ));
        return Err(diagnostics.sorted());
    }
    let Some(templates) = templates else {
        return Err(diagnostics.sorted());
    };
    let staging = Staging::create(&options.out).map_err(|e| {
        vec![Diagnostic::error(
            &options.out,
            format!("cannot create the output folder: {e}"),
        )]
    })?;
    let now = options.now.unwrap_or_else(Utc::now);
    diagnostics.extend(render_output(
        &mut loaded,
        &templates,
        &staging,
        now,
        &mut timings,
        progress,
    ));
    let written = check::OutputFiles::from_paths(staging.written_files().into_keys())
        .with_links(std::mem::take(&mut loaded.built_links));
    diagnostics.extend(timings.time("validate", progress, || {
        check::validate::validate_site(&loaded.site, &loaded.resources, Some(&written))
    }));
    if diagnostics.has_errors() {
        return Err(diagnostics.sorted());
    }
    let (files, bytes) = (staging.file_count(), staging.byte_count());
    staging.commit().map_err(|e| {
        vec![Diagnostic::error(
            &options.out,
            format!("cannot move the new site into place: {e}"),
        )]
    })?;
    let pages = loaded.site.pages.len();
    // Freeing a site takes one core about half a second at 10,000 pages, and the build is done:
    // a command-line build exits meanwhile, a longer-lived caller frees it on the side.
    std::thread::spawn(move || drop((loaded, templates)));
    Ok(BuildReport {
        pages,
        files,
        bytes,
        warnings: diagnostics.sorted(),
        timings,
    })
}

impl LoadedSite {
    /// The site's layouts (its own over the built-in ones), checked.
    pub fn templates(&self) -> Result<render::Templates, Vec<Diagnostic>> {
        render::Templates::load(&self.site.config, self.assets.clone(), self.strings.clone())
    }
}

/// Renders a loaded site into `staging`: pages, lists, feeds, the search index, assets and page
/// resources. `build` then swaps the staging folder in; `check` renders into a throwaway one.
pub fn render_output(
    loaded: &mut LoadedSite,
    templates: &render::Templates,
    staging: &Staging,
    now: DateTime<Utc>,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
) -> Vec<Diagnostic> {
    // The index is the only reader of the pages' search text, which a build frees once it
    // is built. A large site's HTML waits in a scratch file meanwhile, and its index is built
    // before rendering, which then makes its own large structures.
    let mut diagnostics = Vec::new();
    let (images, d) = timings.time("measure images", progress, || {
        images::ImageSet::measure(&loaded.site.config.root, &loaded.resources)
    });
    loaded.site.images = images;
    diagnostics.extend(d);
    let built_links;
    if loaded.retention == Retention::Minimum {
        let spill = staging.scratch_path("html");
        let site = &mut loaded.site;
        let above = loaded.spill_html_above;
        let spilled = timings.time("spill html", progress, || {
            let spilled = site.spill_html(&spill, above);
            release_freed_memory();
            spilled
        });
        if let Err(e) = spilled {
            diagnostics.push(Diagnostic::error(
                &spill,
                format!("cannot write the scratch file for page HTML: {e}"),
            ));
            return diagnostics;
        }
    }
    let site = &loaded.site;
    if site.config.search.enabled && !site.html_spilled() {
        // A site whose HTML stayed in memory is small enough to hold the index's structures
        // beside rendering's: the two share the cores, each filling the other's serial
        // stretches (merging postings, naming the index's version; writing the sitemap and
        // feeds), which took the index's share of a 10,000-page build from +29% to +17%
        // (bench/README.md, sixth profile). A larger site runs them one after the other, so
        // that its memory holds one stage's structures at a time.
        let (index, (render, links)) = timings.time_beside(
            ("search index", "render"),
            progress,
            || search::write_search_index(site, staging),
            || render::render_site(site, templates, staging, now),
        );
        diagnostics.extend(index);
        diagnostics.extend(render);
        built_links = links;
        if loaded.retention == Retention::Minimum {
            loaded.site.release_search_text();
        }
    } else {
        if site.config.search.enabled {
            let d = timings.time("search index", progress, || {
                search::write_search_index(site, staging)
            });
            diagnostics.extend(d);
        }
        if loaded.retention == Retention::Minimum {
            loaded.site.release_search_text();
            release_freed_memory();
        }
        let (render, links) = timings.time("render", progress, || {
            render::render_site(&loaded.site, templates, staging, now)
        });
        diagnostics.extend(render);
        built_links = links;
    }
    diagnostics.extend(loaded.site.html_failures());
    if loaded.retention == Retention::Minimum {
        loaded.site.release_html();
    }
    let site = &loaded.site;
    timings.time("write", progress, || {
        diagnostics.extend(loaded.assets.write(staging));
        diagnostics.extend(output::assets::write_resources(
            &site.config.root,
            &loaded.resources,
            staging,
        ));
    });
    diagnostics.extend(timings.time("images", progress, || {
        let root = &site.config.root;
        site.images
            .write_variants(root, &root.join(images::CACHE_DIR), staging)
    }));
    if site.config.offline {
        diagnostics.extend(timings.time("offline", progress, || {
            write_offline(site, &loaded.assets, staging)
        }));
    }
    loaded.built_links = built_links;
    diagnostics
}

/// The service worker and its lists ([`offline`]), once every other file is written.
fn write_offline(site: &Site, assets: &Assets, staging: &Staging) -> Vec<Diagnostic> {
    let Some(worker) = assets.get(offline::WORKER_SOURCE) else {
        return vec![Diagnostic::error(
            format!("assets/{}", offline::WORKER_SOURCE),
            "the service worker's source is missing",
        )];
    };
    let base = render::templates::base_path(&site.config.base_url);
    // Images are read when a page shows them, not with the shell.
    let shell: Vec<String> = assets
        .referenced_urls()
        .into_iter()
        .filter(|u| !u.starts_with("/img/"))
        .map(|u| format!("{base}{u}"))
        .collect();
    offline::write_offline_files(site, worker, &shell, staging)
}
