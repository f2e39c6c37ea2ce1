//! `lore check`: every validation of the build, without writing the site, plus the checks an
//! editor or reviewer needs before merging (the checks themselves are in [`crate::check`]).
//!
//! [`check_site`] loads the site with the build's own stages ([`super::load_site`]), renders it
//! with the build's own [`super::render_output`] into a throwaway folder, and runs
//! [`crate::check::validate::validate_site`], the one function that decides the errors a build
//! refuses to publish on: every error `check` reports, `build` and `serve` report too (issue
//! 19). It then adds the warnings only `check` gives (`check::site_checks`, layouts
//! copied from a built-in that has changed since, the budget), and, when asked, failing
//! external links.

use chrono::Utc;
use rayon::prelude::*;

use super::{BuildOptions, LoadedSite, Retention, Timings};
use crate::check::references::{collect_references, PageReferences};
use crate::check::{budget, external, OutputFiles};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Staging;

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
    pub(crate) fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Checks the site: the build's validation, then every extra check.
pub fn check_site(options: &CheckOptions, progress: &dyn Fn(&str)) -> CheckReport {
    let mut timings = Timings::default();
    let mut loaded = match super::load_site(
        &options.build,
        Retention::Everything,
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
    diags.extend(crate::check::site_checks(
        &loaded.site,
        &loaded.resources,
        &loaded.strings,
        &refs,
        output.as_ref(),
    ));
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
    let templates = super::prepare_render(loaded, None, diags)?;
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
    diags.extend(super::render_output(
        loaded, &templates, &staging, now, timings, progress,
    ));
    staging.commit().ok()?;
    diags.extend(budget::check_budget(
        &loaded.site,
        &budget::page_weights(&target, &loaded.site.config.base_url),
    ));
    Some(OutputFiles::read(&target).with_links(std::mem::take(&mut loaded.built_links)))
}
