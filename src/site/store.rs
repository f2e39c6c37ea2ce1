//! Where each page's body HTML waits between the Markdown stage and rendering, and its search
//! text until the index is built: in memory, in the page's [`RenderedMarkdown`], or, for a
//! large build, in scratch files beside the output (the plan is chosen once, by
//! `crate::pipeline`'s memory policy).

use std::path::Path;
use std::sync::Mutex;

use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::markdown::{RenderedMarkdown, Spill, SpillWriter, TextSection};

use super::PageId;

/// The pages' body HTML and search text: in memory until [`PageStore::spill`] moves the HTML to
/// a scratch file, or in scratch files from the start ([`PageSpills`]).
#[derive(Default)]
pub struct PageStore {
    /// The scratch file of the HTML.
    spill: Option<Spill>,
    /// The scratch file of the search text.
    text: Option<Spill>,
    /// What failed reading either back.
    failures: Mutex<Vec<String>>,
}

/// The scratch files a large build's Markdown stage writes each page's HTML and search text
/// to as it renders the page: held until the Markdown stage ends, they were 10 KB a page
/// (a GB at 100,000 pages) at the end of it.
pub(crate) struct PageSpills {
    html: SpillWriter,
    text: SpillWriter,
}

impl PageSpills {
    /// New scratch files at `html` and `text`.
    pub(crate) fn create(html: &Path, text: &Path) -> std::io::Result<Self> {
        Ok(Self {
            html: SpillWriter::create(html)?,
            text: SpillWriter::create(text)?,
        })
    }

    /// Moves page `id`'s HTML and search text out of `rendered` into the files.
    pub(crate) fn put(&self, id: PageId, rendered: &mut RenderedMarkdown) -> std::io::Result<()> {
        self.html.put(id, &std::mem::take(&mut rendered.html))?;
        self.text.put(id, &rendered.sections.take_text())
    }

    /// The store reading them back.
    pub(crate) fn finish(self) -> std::io::Result<PageStore> {
        Ok(PageStore {
            spill: Some(self.html.finish()?),
            text: Some(self.text.finish()?),
            failures: Mutex::default(),
        })
    }
}

impl PageStore {
    /// The packed HTML held in memory, in bytes.
    pub fn packed_len(&self, rendered: &[RenderedMarkdown]) -> usize {
        rendered.iter().map(|r| r.html.packed_len()).sum()
    }

    /// True once the HTML is in a scratch file.
    pub fn is_spilled(&self) -> bool {
        self.spill.is_some()
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
        self.spill = Some(spill);
        Ok(())
    }

    /// Page `id`'s body as HTML, wherever it is kept; a page whose HTML cannot be read back
    /// gets none, and the failure is kept for [`PageStore::failures`].
    pub fn html(&self, rendered: &[RenderedMarkdown], pages: &[Page], id: PageId) -> String {
        let Some(spill) = &self.spill else {
            return rendered[id].html();
        };
        spill.unpack(id).unwrap_or_else(|e| {
            self.failed(&format!("the HTML of {}", pages[id].source.display()), e);
            String::new()
        })
    }

    /// Page `id`'s search text, wherever it is kept (none, and a failure kept, when it cannot
    /// be read back).
    pub(crate) fn sections(
        &self,
        rendered: &[RenderedMarkdown],
        pages: &[Page],
        id: PageId,
    ) -> Vec<TextSection> {
        let Some(text) = &self.text else {
            return rendered[id].sections();
        };
        match text.packed(id) {
            Ok(t) => rendered[id].sections.with_text(t).unpack(),
            Err(e) => {
                let what = format!("the search text of {}", pages[id].source.display());
                self.failed(&what, e);
                Vec::new()
            }
        }
    }

    /// Keeps the failure to read `what` back, for [`PageStore::failures`].
    fn failed(&self, what: &str, e: std::io::Error) {
        if let Ok(mut f) = self.failures.lock() {
            f.push(format!("cannot read back {what}: {e}"));
        }
    }

    /// What failed reading HTML or search text back from the scratch files: errors, since
    /// pages rendered or indexed meanwhile lack their text.
    pub fn failures(&self) -> Vec<Diagnostic> {
        self.failures
            .lock()
            .map(|f| f.clone())
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

    /// Closes the search text's scratch file, once the index is built.
    pub fn release_text(&mut self) {
        self.text = None;
    }
}
