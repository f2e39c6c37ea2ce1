//! The search index of an incremental build, brought up to date apart from the rebuilds.
//!
//! Its statistics are global, so any page's edit changes most of its files, and at 10,000
//! pages it takes seconds to build: too long for an editor who saves every second to wait
//! for. [`IncrementalBuild::search_job`] takes a snapshot of the last good rebuild (its site,
//! shared, not copied); [`SearchJob::run`] builds the index from it into a staging folder of
//! its own, on any thread, and gives up within milliseconds when told to (a newer edit made it
//! stale); [`IncrementalBuild::install_search`] moves a finished index into the served folder.
//! A rebuild needs the site to itself again: the caller ends or stops the job first (a rebuild
//! with a job still running takes the slow path, which loads every page again).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::{no_longer_produced, IncrementalBuild};
use crate::diagnostics::Diagnostic;
use crate::output::{self, Staging};
use crate::LoadedSite;

/// The search index to build for one good rebuild: a snapshot of its site.
pub struct SearchJob {
    loaded: Arc<LoadedSite>,
    out: PathBuf,
    key: Option<u64>,
}

/// A search index built by [`SearchJob::run`], waiting in its staging folder to be moved into
/// the served folder by [`IncrementalBuild::install_search`].
pub struct StagedSearch {
    staging: Staging,
    key: Option<u64>,
}

impl IncrementalBuild {
    /// A job that brings the search index up to date with the last good rebuild; `None` when
    /// it is up to date.
    pub fn search_job(&self) -> Option<SearchJob> {
        if !self.search_pending() {
            return None;
        }
        Some(SearchJob {
            loaded: self.last.clone()?,
            out: self.options.out.clone(),
            key: self.search_wanted,
        })
    }

    /// Replaces the served search index by `staged`. Returns the number of files moved.
    pub fn install_search(&mut self, staged: StagedSearch) -> Result<usize, Vec<Diagnostic>> {
        let out = &self.options.out;
        let staging = staged.staging;
        let written = staging.written_files();
        let result = staging
            .move_changed_into_target(&self.search_files)
            .and_then(|m| {
                // A new index is a new version folder: the old one goes whole, in the
                // background, so that the next rebuild does not wait for it.
                let gone = no_longer_produced(&self.search_files, &written);
                let staying: Vec<&str> = written
                    .keys()
                    .chain(self.served.keys())
                    .map(String::as_str)
                    .collect();
                output::remove_outputs_later(out, &gone, &staying).map(|()| m)
            });
        let moved = result.map_err(|e| {
            vec![Diagnostic::error(
                out,
                format!("cannot update the search index: {e}"),
            )]
        })?;
        self.search_files = written;
        self.search_served = staged.key;
        Ok(moved)
    }

    /// Rebuilds the search index when the last good rebuild changed its inputs, and replaces
    /// the served one, on this thread. Returns the number of files written (0 when it was up
    /// to date).
    pub fn update_search(&mut self) -> Result<usize, Vec<Diagnostic>> {
        let Some(job) = self.search_job() else {
            return Ok(0);
        };
        match job.run(&AtomicBool::new(false)) {
            Some(staged) => self.install_search(staged?),
            None => Ok(0),
        }
    }
}

impl SearchJob {
    /// Builds the index into a staging folder beside the served one. `None` when `stop` was
    /// set before it was done: the half-written folder is removed.
    pub fn run(self, stop: &AtomicBool) -> Option<Result<StagedSearch, Vec<Diagnostic>>> {
        let staging = match Staging::create_hashing_named(&self.out, "search") {
            Ok(s) => s,
            Err(e) => {
                return Some(Err(vec![Diagnostic::error(
                    &self.out,
                    format!("cannot create the staging folder: {e}"),
                )]))
            }
        };
        let site = &self.loaded.site;
        let diags = if site.config.search.enabled {
            crate::search::write_search_index_unless(site, &staging, stop)
        } else {
            Some(Vec::new())
        };
        let diags = match diags {
            Some(d) if !stop.load(Ordering::Relaxed) => d,
            _ => {
                staging.discard_in_background();
                return None;
            }
        };
        if diags.iter().any(Diagnostic::is_error) {
            return Some(Err(diags));
        }
        Some(Ok(StagedSearch {
            staging,
            key: self.key,
        }))
    }
}
