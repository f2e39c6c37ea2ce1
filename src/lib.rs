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
//! 6. `search`: the graph → the sharded search index (run before rendering: it is the only
//!    reader of the pages' search text, which a build then frees)
//! 7. `output`: everything is written into a staging folder, swapped in whole at the end
//!
//! The stages as functions, and `build`, which runs them in order, are in [`pipeline`]; `check`
//! and `serve` (through [`incremental`]) compose the same functions. What a run keeps in memory
//! after each stage is decided in one place (`pipeline::memory`).
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
pub(crate) mod fingerprint;
pub(crate) mod images;
pub mod incremental;
pub mod markdown;
pub(crate) mod offline;
pub(crate) mod output;
pub mod pipeline;
pub mod render;
pub mod schema;
pub(crate) mod search;
pub mod serve;
pub mod site;
pub(crate) mod yaml;

pub use pipeline::{
    base_url_error, build, load_site, memory_kib, release_freed_memory, render_output,
    BuildOptions, BuildReport, LoadedSite, Retention, StageTiming, Timings, SPILL_HTML_ABOVE,
};
