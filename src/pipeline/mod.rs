//! The build pipeline: the stages every command composes, and `build`, which runs them in
//! order (see the crate's documentation for what each stage makes).
//!
//! - [`load_config`]: `site.yaml`, the command line's overrides and the interface strings;
//! - [`load_site`]: content, Markdown and the site graph, into a [`LoadedSite`] (`lore serve`
//!   composes the same stages with its cache, in `crate::incremental`);
//! - [`prepare_render`]: the output folder checked and the layouts loaded, or the errors;
//! - [`render_output`]: images measured, pages, lists, feeds, the search index, assets, image
//!   variants and the service worker into a staging folder, holding the pages as the
//!   `RenderPlan` chosen from the site's size says (`memory`: the memory policy in one place);
//! - [`build`]: all of them, validation, and the staging folder swapped in;
//! - [`check::check_site`]: `lore check`, the same stages into a throwaway folder, then the
//!   checks of [`crate::check`].
//!
//! Nothing here knows about `serve`: it composes these functions through `crate::incremental`.

pub mod check;
mod memory;
mod timings;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::check::{validate, OutputFiles};
use crate::config::{self, Config};
use crate::content::{self, Page};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{render_markdown, Highlighter, RenderedMarkdown};
use crate::output::assets::Assets;
use crate::output::{self, Staging};
use crate::render::templates::Strings;
use crate::site::{self, PageSpills, PathIndex, Site};
use crate::{images, offline, render, search};

pub(crate) use memory::RenderPlan;
pub use memory::{release_freed_memory, Retention, SPILL_HTML_ABOVE};
pub use timings::{memory_kib, StageTiming, Timings};

/// What to build and how.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Site folder (holding `site.yaml`).
    pub root: PathBuf,
    /// Output folder; replaced whole on success (see `output::guard` for which folders may be).
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
    /// A build whose pages' Markdown is over this many bytes writes each page's HTML and search
    /// text to scratch files beside the output as it renders the page, and reads them back
    /// while indexing and rendering ([`SPILL_HTML_ABOVE`] unless a test lowers it).
    pub spill_html_above: usize,
    /// Write the service worker when `site.yaml` asks for it (the default). `lore serve` turns
    /// it off: a worker caching pages while an editor changes them would show stale pages.
    pub offline: bool,
}

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

/// The loaded and rendered site, before any output: what `build`, `check` and `serve` share.
pub struct LoadedSite {
    /// What is kept once no longer needed.
    pub retention: Retention,
    /// The site graph.
    pub site: Site,
    /// Its assets.
    pub assets: Arc<Assets>,
    /// Interface strings by language.
    pub strings: Arc<Strings>,
    /// Non-Markdown files under `content/`.
    pub resources: Vec<PathBuf>,
    /// Problems found so far (errors and warnings).
    pub diagnostics: Diagnostics,
    /// Each page's own content fingerprint, by page id, when loaded by `lore serve`'s cache
    /// (empty otherwise).
    pub page_content: Vec<u64>,
    /// Each page's summary fingerprint (what lists show of it), likewise.
    pub page_summary: Vec<u64>,
    /// See [`BuildOptions::spill_html_above`].
    pub spill_html_above: usize,
    /// The addresses rendered pages link to that are not pages, once [`render_output`] ran
    /// (checked by [`validate::validate_site`] against the files written).
    pub built_links: render::built_links::BuiltLinks,
}

impl LoadedSite {
    /// The site's layouts (its own over the built-in ones), checked.
    pub fn templates(&self) -> Result<render::Templates, Vec<Diagnostic>> {
        render::Templates::load(&self.site.config, self.assets.clone(), self.strings.clone())
    }
}

/// The configuration of a run: `site.yaml` with the command line's `--base-url`, and the
/// interface strings (a problem with those is reported, and the built-in ones are used).
pub fn load_config(options: &BuildOptions) -> Result<(Config, Strings, Diagnostics), Diagnostics> {
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
    let strings = render::templates::load_strings(&config).unwrap_or_else(|d| {
        diags.push(d);
        Default::default()
    });
    Ok((config, strings, diags))
}

/// The error for a `--base-url` that is not one, worded as site.yaml's `base_url` errors are.
pub fn base_url_error(why: &str) -> Diagnostic {
    Diagnostic::error("", format!("--base-url {why}")).help(config::BASE_URL_HELP)
}

/// The interface string `key` in language `lang`, as Markdown passes write it into a page
/// (`callout_tip`: `Tip`, `Conseil`; see [`crate::markdown::Labels`]).
pub(crate) fn label(strings: &Strings, key: &str, lang: &str) -> String {
    render::templates::lookup(strings, lang, key)
}

/// The Markdown stage without a cache: every page's body rendered in parallel against the
/// link index, each page's source freed as `retention` says, and its HTML and search text
/// written to `spills` as soon as it is rendered when given.
pub(crate) fn render_all_markdown(
    pages: &mut [Page],
    index: &PathIndex,
    strings: &Strings,
    retention: Retention,
    spills: Option<&PageSpills>,
) -> (Vec<RenderedMarkdown>, Vec<Diagnostic>) {
    let highlighter = Highlighter::default();
    let labels = |key: &str, lang: &str| label(strings, key, lang);
    let out: Vec<(RenderedMarkdown, Vec<Diagnostic>)> = pages
        .par_iter_mut()
        .enumerate()
        .map(|(id, p)| {
            let (mut rendered, mut d) = render_markdown(p, index, &highlighter, &labels);
            retention.after_markdown(p);
            if let Some(Err(e)) = spills.map(|s| s.put(id, &mut rendered)) {
                d.push(scratch_error(&p.source, &e));
            }
            (rendered, d)
        })
        .collect();
    let (rendered, d): (Vec<_>, Vec<Vec<_>>) = out.into_iter().unzip();
    (rendered, d.into_iter().flatten().collect())
}

/// The error of a scratch file that could not be written (or read back).
fn scratch_error(path: &std::path::Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        path,
        format!("cannot write the scratch file for page HTML: {e}"),
    )
}

/// The scratch files a build's Markdown stage writes each page's HTML and search text to, when
/// it keeps only what later stages read and its Markdown is over
/// [`BuildOptions::spill_html_above`] bytes; `None` (everything held in memory, as on a small
/// site) when they cannot be made.
fn markdown_spills(
    options: &BuildOptions,
    retention: Retention,
    pages: &[Page],
) -> Option<PageSpills> {
    let markdown: usize = pages.iter().map(|p| p.body.len()).sum();
    if retention != Retention::Minimum || markdown <= options.spill_html_above {
        return None;
    }
    let (html, text) = (
        output::beside_target(&options.out, "html"),
        output::beside_target(&options.out, "text"),
    );
    PageSpills::create(&html, &text).ok()
}

/// What the content and Markdown stages made, for [`assemble_site`].
pub(crate) struct Content {
    /// The configuration.
    pub config: Config,
    /// The interface strings.
    pub strings: Strings,
    /// Every page.
    pub pages: Vec<Page>,
    /// Each page's rendered Markdown.
    pub rendered: Vec<RenderedMarkdown>,
    /// Non-Markdown files under `content/`.
    pub resources: Vec<PathBuf>,
}

/// The site graph and the assets: the last stages of loading a site.
pub(crate) fn assemble_site(
    options: &BuildOptions,
    content: Content,
    retention: Retention,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
    mut diags: Diagnostics,
) -> LoadedSite {
    let Content {
        config,
        strings,
        pages,
        rendered,
        resources,
    } = content;
    let (mut site, d) = timings.time("site graph", progress, || {
        site::build_site_graph(config, pages, rendered)
    });
    diags.extend(d);
    retention.after_graph(&mut site);
    let (mut assets, d) = Assets::collect(&options.root);
    diags.extend(d);
    assets.insert(
        "css/syntax.css".into(),
        syntax_stylesheet().as_bytes().to_vec(),
    );
    LoadedSite {
        retention,
        site,
        assets: Arc::new(assets),
        strings: Arc::new(strings),
        resources,
        diagnostics: diags,
        page_content: Vec::new(),
        page_summary: Vec::new(),
        spill_html_above: options.spill_html_above,
        built_links: Default::default(),
    }
}

/// Runs the stages up to the site graph: config, content, Markdown, graph.
pub fn load_site(
    options: &BuildOptions,
    retention: Retention,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
) -> Result<LoadedSite, Diagnostics> {
    let (config, strings, mut diags) = load_config(options)?;
    let (mut files, d) = timings.time("load", progress, || content::load_sources(&options.root));
    diags.extend(d);
    let (mut pages, drafts, d) = timings.time("parse", progress, || {
        content::parse_pages(&config, std::mem::take(&mut files.pages), options.drafts)
    });
    diags.extend(d);
    let (rendered, store) = timings.time("markdown", progress, || {
        let base_path = render::templates::base_path(&config.base_url);
        let index = PathIndex::new(&pages, drafts, &files.resources, &base_path);
        let spills = markdown_spills(options, retention, &pages);
        let (rendered, d) =
            render_all_markdown(&mut pages, &index, &strings, retention, spills.as_ref());
        diags.extend(d);
        let store = spills.map(PageSpills::finish).transpose();
        (rendered, store)
    });
    let store = match store {
        Ok(store) => store,
        Err(e) => {
            diags.push(scratch_error(&options.out, &e));
            None
        }
    };
    let content = Content {
        config,
        strings,
        pages,
        rendered,
        resources: files.resources,
    };
    let mut loaded = assemble_site(options, content, retention, timings, progress, diags);
    if let Some(store) = store {
        loaded.site.html = store;
    }
    Ok(loaded)
}

/// The stylesheet for highlighted code, made once per process (loading syntect's themes takes
/// milliseconds `lore serve` would pay on every rebuild).
fn syntax_stylesheet() -> &'static str {
    static CSS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CSS.get_or_init(Highlighter::stylesheet)
}

/// What every run that renders does first: the output folder checked (for a run that
/// publishes into `out`: `build` and `serve`) and the layouts loaded. `None` when a problem so
/// far is an error; a run that publishes then adds what `check` reports on a site that does
/// not load, so that both list the same errors.
pub fn prepare_render(
    loaded: &LoadedSite,
    publish: Option<&BuildOptions>,
    diagnostics: &mut Diagnostics,
) -> Option<render::Templates> {
    if let Some(o) = publish {
        if let Err(d) = output::check_output_dir(&o.root, &o.out, o.force) {
            diagnostics.push(d);
        }
    }
    let templates = loaded.templates().map_err(|d| diagnostics.extend(d)).ok();
    if !diagnostics.has_errors() {
        return templates;
    }
    if publish.is_some() {
        diagnostics.extend(validate::validate_site(
            &loaded.site,
            &loaded.resources,
            None,
        ));
    }
    None
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
        diagnostics.push(unset_base_url_warning());
    }
    let Some(templates) = prepare_render(&loaded, Some(options), &mut diagnostics) else {
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
    let written = OutputFiles::from_paths(staging.written_files().into_keys())
        .with_links(std::mem::take(&mut loaded.built_links));
    diagnostics.extend(timings.time("validate", progress, || {
        validate::validate_site(&loaded.site, &loaded.resources, Some(&written))
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

/// The warning of a build without `base_url` (only a build publishes: `check` and `serve`
/// need no address).
fn unset_base_url_warning() -> Diagnostic {
    Diagnostic::warning(
        config::CONFIG_FILE,
        format!(
            "no `base_url`: feeds, the sitemap and share links point at {}",
            config::UNSET_BASE_URL
        ),
    )
    .help("add `base_url: https://...` to site.yaml, or pass --base-url (on GitHub, the workflow lore init wrote gives it)")
}

/// Renders a loaded site into `staging`: pages, lists, feeds, the search index, assets, page
/// resources, image variants and the service worker. `build` then swaps the staging folder in;
/// `check` renders into a throwaway one.
pub fn render_output(
    loaded: &mut LoadedSite,
    templates: &render::Templates,
    staging: &Staging,
    now: DateTime<Utc>,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
) -> Vec<Diagnostic> {
    let mut diagnostics = measure_images(loaded, timings, progress);
    let retention = loaded.retention;
    let plan = RenderPlan::choose(&loaded.site, retention, loaded.spill_html_above);
    if plan == RenderPlan::InTurn && !loaded.site.html.is_spilled() {
        let spill = staging.scratch_path("html");
        let site = &mut loaded.site;
        let spilled = timings.time("spill html", progress, || {
            let spilled = site.html.spill(&mut site.rendered, &spill);
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
    let search = site.config.search.enabled;
    let (render, links) = if search && plan == RenderPlan::Beside {
        let (index, render) = timings.time_beside(
            ("search index", "render"),
            progress,
            || search::write_search_index(site, staging),
            || render::render_site(site, templates, staging, now),
        );
        diagnostics.extend(index);
        retention.after_index(&mut loaded.site);
        render
    } else {
        if search {
            let d = timings.time("search index", progress, || {
                search::write_search_index(site, staging)
            });
            diagnostics.extend(d);
        }
        retention.before_render_in_turn(&mut loaded.site);
        timings.time("render", progress, || {
            render::render_site(&loaded.site, templates, staging, now)
        })
    };
    diagnostics.extend(render);
    diagnostics.extend(loaded.site.html.failures());
    retention.after_render(&mut loaded.site);
    let site = &loaded.site;
    timings.time("write", progress, || {
        diagnostics.extend(loaded.assets.write(staging));
        diagnostics.extend(output::assets::write_resources(
            &site.config.root,
            &loaded.resources,
            staging,
        ));
    });
    diagnostics.extend(timings.time("images", progress, || write_image_variants(site, staging)));
    if site.config.offline {
        diagnostics.extend(timings.time("offline", progress, || {
            offline::write_offline(site, &loaded.assets, staging)
        }));
    }
    loaded.built_links = links;
    diagnostics
}

/// Measures the site's content images, for pages to name their resized variants (`srcset`);
/// run before rendering by every run that renders (`build`, `check`, `serve`).
pub(crate) fn measure_images(
    loaded: &mut LoadedSite,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
) -> Vec<Diagnostic> {
    let (images, d) = timings.time("measure images", progress, || {
        images::ImageSet::measure(&loaded.site.config.root, &loaded.resources)
    });
    loaded.site.images = images;
    d
}

/// Writes the resized variants of the images [`measure_images`] found (made once, then
/// copied from the cache under the site folder).
pub(crate) fn write_image_variants(site: &Site, staging: &Staging) -> Vec<Diagnostic> {
    let root = &site.config.root;
    site.images
        .write_variants(root, &root.join(images::CACHE_DIR), staging)
}
