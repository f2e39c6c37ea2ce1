//! `lore check`: every validation of the build, without writing the site, plus the checks an
//! editor or reviewer needs before merging.
//!
//! [`check_site`] loads the site with the build's own stages ([`crate::load_site`]), renders it
//! with the build's own [`crate::render_output`] into a throwaway folder, and runs
//! [`validate::validate_site`], the one function that decides the errors a build refuses to
//! publish on (anchors, files and addresses, event dates, tool files, shared aliases): every
//! error `check` reports, `build` and `serve` report too (issue 19). It then adds warnings
//! only: images without alt text (`links`), orphans, missing translations and authors without
//! a page (`pages`), scripts in raw HTML (`raw_html`), layouts' references to what no page has
//! (`layouts`), layouts copied from a built-in that has changed since
//! ([`crate::render::overrides`]), the weight of every built page against the site's budget
//! (`budget`), and, when asked, failing external links (`external`). Errors fail the run;
//! warnings fail it only with `--strict`.

pub mod budget;
pub mod external;
pub mod fields;
pub mod layouts;
pub mod links;
pub mod pages;
pub mod raw_html;
pub mod references;
pub mod validate;

use std::collections::BTreeSet;
use std::path::Path;

use chrono::Utc;
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Staging;
use crate::render::built_links::BuiltLinks;
use crate::{BuildOptions, LoadedSite, Timings};
use references::{collect_references, PageReferences};

/// What to check.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// The site and how it would be built (`out` is ignored: nothing is written there).
    pub build: BuildOptions,
    /// Also check external links, with these settings.
    pub external: Option<external::ExternalOptions>,
}

/// The outcome of a check.
#[derive(Debug)]
pub struct CheckReport {
    /// Pages checked (0 when the site could not be loaded at all).
    pub pages: usize,
    /// Every problem, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// External links checked, and how many came from the cache, when `--external` was given.
    pub external: Option<external::ExternalSummary>,
}

impl CheckReport {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Checks the site: the build's validation, then every extra check.
pub fn check_site(options: &CheckOptions, progress: &dyn Fn(&str)) -> CheckReport {
    let mut timings = Timings::default();
    let mut loaded = match crate::load_site(
        &options.build,
        crate::Retention::Everything,
        &mut timings,
        progress,
    ) {
        Ok(l) => l,
        Err(d) => {
            return CheckReport {
                pages: 0,
                diagnostics: d.sorted(),
                external: None,
            }
        }
    };
    let mut diags = loaded.diagnostics.clone();
    let output = if diags.has_errors() {
        None
    } else {
        render_to_throwaway(&mut loaded, options, &mut timings, progress, &mut diags)
    };
    progress("checks");
    let refs: Vec<PageReferences> = loaded
        .site
        .pages
        .par_iter()
        .map(|p| {
            if p.generated {
                PageReferences::default()
            } else {
                collect_references(p)
            }
        })
        .collect();
    diags.extend(site_checks(&loaded, &refs, output.as_ref()));
    diags.extend(crate::render::overrides::stale_overrides(
        &options.build.root,
    ));
    let external = options.external.as_ref().map(|ext| {
        progress("external links");
        let (summary, d) = external::check_external_links(&loaded.site, &refs, ext);
        diags.extend(d);
        summary
    });
    CheckReport {
        pages: loaded.site.pages.iter().filter(|p| !p.generated).count(),
        diagnostics: diags.sorted(),
        external,
    }
}

/// Renders the whole site into a temporary folder, as `build` would, and returns the list of
/// files written; rendering problems go into `diags`.
fn render_to_throwaway(
    loaded: &mut LoadedSite,
    options: &CheckOptions,
    timings: &mut Timings,
    progress: &dyn Fn(&str),
    diags: &mut Diagnostics,
) -> Option<OutputFiles> {
    let templates = match loaded.templates() {
        Ok(t) => t,
        Err(d) => {
            diags.extend(d);
            return None;
        }
    };
    let made = tempfile::tempdir().and_then(|tmp| {
        let target = tmp.path().join("public");
        Staging::create(&target).map(|staging| (tmp, target, staging))
    });
    let (_tmp, target, staging) = match made {
        Ok(m) => m,
        Err(e) => {
            diags.push(Diagnostic::error(
                "",
                format!("cannot create a temporary folder to render into: {e}"),
            ));
            return None;
        }
    };
    let now = options.build.now.unwrap_or_else(Utc::now);
    diags.extend(crate::render_output(
        loaded, &templates, &staging, now, timings, progress,
    ));
    staging.commit().ok()?;
    diags.extend(budget::check_budget(
        &loaded.site,
        &budget::page_weights(&target, &loaded.site.config.base_url),
    ));
    Some(OutputFiles::read(&target).with_links(std::mem::take(&mut loaded.built_links)))
}

/// Runs every check over the graph that needs no network: the errors every run finds
/// ([`validate::validate_site`]), then the warnings only `check` gives.
fn site_checks(
    loaded: &LoadedSite,
    refs: &[PageReferences],
    output: Option<&OutputFiles>,
) -> Vec<Diagnostic> {
    let site = &loaded.site;
    let mut out = validate::validate_site(site, &loaded.resources, output);
    out.par_extend((0..site.pages.len()).into_par_iter().flat_map_iter(|id| {
        let page = &site.pages[id];
        raw_html::check_raw_html(page, &refs[id].html)
    }));
    out.extend(pages::check_orphans(site));
    out.extend(pages::check_translations(site));
    out.extend(pages::check_authors_without_page(site));
    out.extend(layouts::check_layout_fields(site));
    out.extend(check_strings(site, &loaded.strings));
    out
}

/// The interface strings each site language lacks, against the default language's table (or
/// English's): one warning per language and key, since the reader would see the fallback's
/// words in another language (issue 16).
fn check_strings(
    site: &crate::site::Site,
    strings: &crate::render::templates::Strings,
) -> Vec<Diagnostic> {
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
    pub fn from_paths(paths: impl IntoIterator<Item = String>) -> Self {
        Self(paths.into_iter().collect(), BuiltLinks::default())
    }

    /// The same files, whose pages link to `links` ([`crate::render::render_site`]).
    pub fn with_links(self, links: BuiltLinks) -> Self {
        Self(self.0, links)
    }

    /// The addresses the pages link to that are not pages.
    pub fn links(&self) -> &BuiltLinks {
        &self.1
    }

    /// Lists the files under `dir`.
    pub fn read(dir: &Path) -> Self {
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
    pub fn has_url(&self, url: &str, base_url: &str) -> bool {
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
