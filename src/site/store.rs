//! Where each page's body HTML waits between the Markdown stage and rendering: in memory, in
//! the page's [`RenderedMarkdown`], or, for a large build, in a scratch file beside the output
//! (the plan is chosen once, by `crate::pipeline`'s memory policy).

use std::path::Path;
use std::sync::Mutex;

use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::markdown::{RenderedMarkdown, Spill};

use super::PageId;

/// The pages' body HTML: in memory until [`PageStore::spill`] moves it to a scratch file.
#[derive(Default)]
pub struct PageStore {
    /// The scratch file, and what failed reading it back.
    spill: Option<(Spill, Mutex<Vec<String>>)>,
}

impl PageStore {
    /// The packed HTML held in memory, in bytes.
    pub fn packed_len(&self, rendered: &[RenderedMarkdown]) -> usize {
        rendered.iter().map(|r| r.html.packed_len()).sum()
    }

    /// Moves every page's HTML into a scratch file at `path` until rendering reads it back
    /// ([`PageStore::html`]): a large site's build then never holds its HTML beside the search
    /// index or rendering's own data.
    pub fn spill(&mut self, rendered: &mut [RenderedMarkdown], path: &Path) -> std::io::Result<()> {
        if self.spill.is_some() {
            return Ok(());
        }
        let spill = Spill::write(path, rendered.iter().map(|r| &r.html))?;
        self.release(rendered);
        self.spill = Some((spill, Mutex::new(Vec::new())));
        Ok(())
    }

    /// Page `id`'s body as HTML, wherever it is kept; a page whose HTML cannot be read back
    /// gets none, and the failure is kept for [`PageStore::failures`].
    pub fn html(&self, rendered: &[RenderedMarkdown], pages: &[Page], id: PageId) -> String {
        let Some((spill, failures)) = &self.spill else {
            return rendered[id].html();
        };
        spill.unpack(id).unwrap_or_else(|e| {
            if let Ok(mut f) = failures.lock() {
                f.push(format!(
                    "cannot read back the HTML of {}: {e}",
                    pages[id].source.display()
                ));
            }
            String::new()
        })
    }

    /// What failed reading HTML back from the scratch file: errors, since pages rendered
    /// meanwhile lack their body.
    pub fn failures(&self) -> Vec<Diagnostic> {
        self.spill
            .as_ref()
            .and_then(|(_, f)| f.lock().ok().map(|f| f.clone()))
            .unwrap_or_default()
            .into_iter()
            .map(|m| Diagnostic::error("", m))
            .collect()
    }

    /// Frees every page's HTML held in memory (a build does not need it once the pages are
    /// rendered; `check` and `serve` keep it).
    pub fn release(&self, rendered: &mut [RenderedMarkdown]) {
        for r in rendered {
            r.html = Default::default();
        }
    }
}
