//! The search index: built from the site graph into `search/` of the output.

use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use crate::site::Site;

/// Writes the search index and engine for every language of the site.
pub fn write_search_index(_site: &Site, _staging: &Staging) -> Vec<Diagnostic> {
    Vec::new()
}
