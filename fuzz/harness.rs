//! What the fuzz target runs, shared by `fuzz_targets/site.rs` (libFuzzer) and lore's
//! regression tests (which replay `tests/fixtures/fuzz/*` with `cargo test`).
//!
//! An input is split at NUL bytes: the first part is `site.yaml` (an empty part, or one that
//! does not load, falls back to a fixed two-language configuration), each further part is a
//! Markdown file with front matter, placed at a path chosen by its index so the content types
//! and a translation are exercised. The pages go through parsing, Markdown rendering, the site
//! graph and `check`'s own scans, all in memory; [`run_full`] also renders and checks the whole
//! site on disk (slower, for replaying a corpus). Any panic is a bug; errors are expected.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lore::config::Config;
use lore::content::SourceFile;
use lore::markdown::{render_markdown, Highlighter};
use lore::site::{build_site_graph, PathIndex};

/// Where each page part goes, by index (cycled).
const PATHS: [&str; 8] = [
    "_index.md",
    "guides/_index.md",
    "guides/a.md",
    "techniques/t.md",
    "techniques/t.fr.md",
    "events/e.md",
    "toolkits/k.md",
    "guides/g/_index.md",
];

/// The configuration used when the input's own `site.yaml` part is empty or does not load.
const FALLBACK_SITE: &str = "title: Fuzz\nbase_url: https://fuzz.example.org/kb\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n  - {code: ar, name: العربية, direction: rtl}\ntaxonomies: [region]\n";

fn split(data: &[u8]) -> (&[u8], Vec<&[u8]>) {
    let mut parts = data.split(|b| *b == 0);
    let site = parts.next().unwrap_or_default();
    (site, parts.take(32).collect())
}

fn fallback_config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join("site.yaml"), FALLBACK_SITE).expect("write");
        Config::load(dir.path()).expect("fallback config loads")
    })
}

/// Loads the input's `site.yaml` from a temporary folder (Config only reads from disk).
fn config_from(site: &[u8]) -> Config {
    if site.is_empty() {
        return fallback_config().clone();
    }
    let Ok(dir) = tempfile::tempdir() else {
        return fallback_config().clone();
    };
    if std::fs::write(dir.path().join("site.yaml"), site).is_err() {
        return fallback_config().clone();
    }
    Config::load(dir.path()).unwrap_or_else(|_| fallback_config().clone())
}

/// Runs the in-memory stages on one input.
pub fn run(data: &[u8]) {
    let (site, pages) = split(data);
    let config = config_from(site);
    let sources: Vec<SourceFile> = pages
        .iter()
        .enumerate()
        .filter_map(|(i, bytes)| {
            let text = String::from_utf8(bytes.to_vec()).ok()?;
            Some(SourceFile {
                rel: PathBuf::from(
                    PATHS[i % PATHS.len()].replace(".md", &format!("{}.md", suffix(i))),
                ),
                text: lore::content::front_matter::normalize_text(text),
            })
        })
        .collect();
    let (pages, drafts, _) = lore::content::parse_pages(&config, sources, false);
    let base_path = lore::render::templates::base_path(&config.base_url);
    let index = PathIndex::new(&pages, drafts, &[], &base_path);
    let highlighter = highlighter();
    let labels = |key: &str, _: &str| key.to_string();
    let rendered = pages
        .iter()
        .map(|p| render_markdown(p, &index, highlighter, &labels).0)
        .collect();
    let (site, _) = build_site_graph(config, pages, rendered);
    for p in &site.pages {
        let refs = lore::check::references::collect_references(p);
        lore::check::raw_html::check_raw_html(p, &refs.html);
    }
    lore::check::validate::validate_site(&site, &[], None);
    lore::check::pages::check_orphans(&site);
    lore::check::pages::check_translations(&site);
}

/// A different file for each cycle through [`PATHS`] (`a.md`, `a-1.md`, ...).
fn suffix(i: usize) -> String {
    match i / PATHS.len() {
        0 => String::new(),
        n => format!("-{n}"),
    }
}

fn highlighter() -> &'static Highlighter {
    static H: OnceLock<Highlighter> = OnceLock::new();
    H.get_or_init(Highlighter::new)
}

/// Writes the input as a site in `root` (site.yaml and content files).
pub fn write_site(data: &[u8], root: &Path) {
    let (site, pages) = split(data);
    let yaml: &[u8] = if site.is_empty() {
        FALLBACK_SITE.as_bytes()
    } else {
        site
    };
    std::fs::write(root.join("site.yaml"), yaml).expect("write site.yaml");
    for (i, bytes) in pages.iter().enumerate() {
        let rel = PATHS[i % PATHS.len()].replace(".md", &format!("{}.md", suffix(i)));
        let path = root.join("content").join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write page");
    }
}

/// Writes the input as a site on disk and runs `lore check` on it (every stage, rendering
/// included). Returns the diagnostics.
pub fn run_full(data: &[u8]) -> Vec<lore::diagnostics::Diagnostic> {
    let dir = tempfile::tempdir().expect("tmp");
    write_site(data, dir.path());
    let mut build = lore::BuildOptions::new(dir.path());
    build.now = Some("2026-11-27T12:00:00Z".parse().expect("now"));
    let options = lore::pipeline::check::CheckOptions {
        build,
        external: None,
    };
    lore::pipeline::check::check_site(&options, &|_| {}).diagnostics
}
