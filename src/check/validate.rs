//! What makes a site wrong to publish, decided in one place (issue 19): `lore build` and
//! `lore serve` refuse to publish on these errors, and `lore check` reports them as its own,
//! so an editor never sees green locally and red in CI, or the reverse.
//!
//! The errors of loading (front matter, Markdown links to pages, layouts) are the stages' own and
//! shared by construction; these are the ones that need the whole rendered site: anchors in
//! other pages, links and images to files and addresses the site has, event dates, tool files,
//! page images (`image:`), aliases claimed twice, a course's lesson numbers and empty slides. Everything `check` adds beyond them is a warning.

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;

use super::{fields, links, pages, OutputFiles};
use crate::diagnostics::Diagnostic;
use crate::site::{PageId, Site};

/// Every error of the site that loading alone cannot see. `output` lists the files the build
/// wrote; without it (loading failed, so nothing was rendered) the addresses it would have
/// answered are not checked.
pub fn validate_site(
    site: &Site,
    resources: &[PathBuf],
    output: Option<&OutputFiles>,
) -> Vec<Diagnostic> {
    let all: Vec<PageId> = (0..site.pages.len()).collect();
    let mut out = validate_pages(site, &all, resources, output);
    out.extend(pages::check_aliases(site));
    if let Some(output) = output {
        // A page whose own links or fields are wrong is named at their line: its layout is
        // not blamed for the same address.
        let blamed: HashSet<&std::path::Path> = out.iter().map(|d| d.path.as_path()).collect();
        let layouts = super::built_links::check_built_links(site, output, &blamed);
        out.extend(layouts);
    }
    out
}

/// [`validate_site`]'s checks of some pages only (the pages an edit touched, for `lore serve`'s
/// fast path), in parallel.
pub(crate) fn validate_pages(
    site: &Site,
    ids: &[PageId],
    resources: &[PathBuf],
    output: Option<&OutputFiles>,
) -> Vec<Diagnostic> {
    let resources: HashSet<String> = resources
        .iter()
        .map(|r| crate::content::page::rel_key(r))
        .collect();
    ids.par_iter()
        .flat_map_iter(|&id| validate_page(site, id, &resources, output))
        .collect()
}

fn validate_page(
    site: &Site,
    id: PageId,
    resources: &HashSet<String>,
    output: Option<&OutputFiles>,
) -> Vec<Diagnostic> {
    let page = &site.pages[id];
    if page.generated {
        return Vec::new();
    }
    let mut ids = links::IdCache::default();
    let mut out = links::check_anchors(site, &mut ids, id);
    out.extend(links::check_local_refs(
        site, &mut ids, id, resources, output,
    ));
    out.extend(fields::check_event_dates(&site.config.root, page));
    out.extend(fields::check_tool_files(&site.config.root, page));
    out.extend(fields::check_image_field(&site.config.root, page));
    out.extend(crate::site::course::check_lesson(site, id));
    debug_assert!(
        out.iter().all(Diagnostic::is_error),
        "validation finds errors only"
    );
    out
}
