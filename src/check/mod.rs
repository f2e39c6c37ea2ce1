//! The checks of a site's graph and output: [`validate::validate_site`], the one function
//! that decides the errors a build refuses to publish on (anchors, files and addresses, event
//! dates, tool files, shared aliases, links built pages make), which `build`, `serve` and
//! `check` all run (issue 19); and the warnings only `lore check` gives
//! (`crate::pipeline::check` runs them): orphans, missing translations and authors without a
//! page (`pages`), translations older than their source (`translations`, which also makes the
//! status report of `lore check --translations`), scripts in raw HTML (`raw_html`), layouts'
//! references to what no page has (`layouts`), interface strings a language lacks, the weight
//! of every built page against the site's budget
//! (`budget`), and, when asked, failing external links (`external`). Errors fail the run;
//! warnings fail it only with `--strict`.

pub(crate) mod budget;
pub(crate) mod built_links;
pub(crate) mod external;
pub(crate) mod fields;
pub(crate) mod layouts;
pub(crate) mod links;
pub mod pages;
pub mod raw_html;
pub mod references;
pub(crate) mod translations;
pub mod validate;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::render::built_links::BuiltLinks;
use crate::render::templates::Strings;
use crate::site::Site;
use references::PageReferences;

/// Runs every check over the graph that needs no network: the errors every run finds
/// ([`validate::validate_site`]), then the warnings only `check` gives.
pub(crate) fn site_checks(
    site: &Site,
    resources: &[PathBuf],
    strings: &Strings,
    refs: &[PageReferences],
    output: Option<&OutputFiles>,
) -> Vec<Diagnostic> {
    let mut out = validate::validate_site(site, resources, output);
    out.par_extend((0..site.pages.len()).into_par_iter().flat_map_iter(|id| {
        let page = &site.pages[id];
        raw_html::check_raw_html(page, &refs[id].html)
    }));
    out.extend(pages::check_orphans(site));
    out.extend(pages::check_translations(site));
    out.extend(translations::check_outdated_translations(site));
    out.extend(pages::check_authors_without_page(site));
    out.extend(layouts::check_layout_fields(site));
    out.extend(check_strings(site, strings));
    out
}

/// The interface strings each site language lacks, against the default language's table (or
/// English's): one warning per language and key, since the reader would see the fallback's
/// words in another language (issue 16).
fn check_strings(site: &Site, strings: &Strings) -> Vec<Diagnostic> {
    let default = &site.config.default_language().code;
    let Some(reference) = strings.get(default).or_else(|| strings.get("en")) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for lang in &site.config.languages {
        let table = strings.get(&lang.code);
        for key in reference.keys() {
            if table.is_some_and(|t| t.contains_key(key)) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    crate::config::CONFIG_FILE,
                    format!("interface string `{key}` has no {} ({}) text", lang.name, lang.code),
                )
                .help(format!(
                    "add it under `strings: {{{}: {{{key}: ...}}}}` in site.yaml, or to layouts/strings.yaml",
                    lang.code
                )),
            );
        }
    }
    out
}

/// The files a build writes, as paths relative to the output folder (`guides/x/index.html`),
/// and the addresses its pages link to that are not pages (when rendering gave them).
#[derive(Clone, Debug, Default)]
pub struct OutputFiles(BTreeSet<String>, BuiltLinks);

impl OutputFiles {
    /// The files of these relative paths (as a staging folder lists what it wrote).
    pub(crate) fn from_paths(paths: impl IntoIterator<Item = String>) -> Self {
        Self(paths.into_iter().collect(), BuiltLinks::default())
    }

    /// The same files, whose pages link to `links` ([`crate::render::render_site`]).
    pub(crate) fn with_links(self, links: BuiltLinks) -> Self {
        Self(self.0, links)
    }

    /// The addresses the pages link to that are not pages.
    pub(crate) fn links(&self) -> &BuiltLinks {
        &self.1
    }

    /// Lists the files under `dir`.
    pub(crate) fn read(dir: &Path) -> Self {
        Self::from_paths(
            walkdir::WalkDir::new(dir)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .filter_map(|e| {
                    e.path()
                        .strip_prefix(dir)
                        .ok()
                        .map(crate::content::page::rel_key)
                }),
        )
    }

    /// True if a root-relative URL (`/guides/`, `/css/site.css`, with or without the path of
    /// `base_url`) names a written file or a folder with an `index.html`.
    pub(crate) fn has_url(&self, url: &str, base_url: &str) -> bool {
        let base_path = crate::render::templates::base_path(base_url);
        let url = match url.strip_prefix(base_path.as_str()) {
            Some(rest) if !base_path.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
                rest
            }
            _ => url,
        };
        let path = percent_encoding::percent_decode_str(url.trim_start_matches('/'))
            .decode_utf8_lossy()
            .into_owned();
        if path.is_empty() || path.ends_with('/') {
            return self.0.contains(&format!("{path}index.html"));
        }
        self.0.contains(&path) || self.0.contains(&format!("{path}/index.html"))
    }
}

/// A configuration for unit tests (a minimal `site.yaml` with two languages).
#[cfg(test)]
pub(crate) fn test_config() -> crate::config::Config {
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: T\nbase_url: https://t.org\nlanguages:\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n",
    )
    .expect("write");
    crate::config::Config::load(dir.path()).expect("config")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_among_written_files() {
        let files = OutputFiles::from_paths(
            ["index.html", "guides/index.html", "css/site.css"].map(String::from),
        );
        assert!(files.has_url("/", ""));
        assert!(files.has_url("/guides/", ""));
        assert!(files.has_url("/guides", ""));
        assert!(files.has_url("/kb/css/site.css", "https://x.org/kb"));
        assert!(!files.has_url("/nope/", ""));
    }
}
