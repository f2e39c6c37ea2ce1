//! Memory policy: what a run keeps of each page once the stage that needed it is over
//! ([`Retention`]), and how rendering holds the pages' HTML, chosen once from the site's size
//! ([`RenderPlan`]). Where the HTML is kept is [`crate::site::PageStore`]'s business.

use crate::content::Page;
use crate::site::Site;

/// What a run keeps of each page once the stage that needed it is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retention {
    /// Everything: `check` reads the Markdown sources and the rendered HTML after rendering.
    Everything,
    /// Only what later stages read (`build`): each page's Markdown source is freed once its HTML
    /// exists, its front-matter positions once the site graph is checked, its search text once
    /// the index is written, its HTML once the pages are rendered (and, on a large site, kept
    /// in a scratch file until then). At 100,000 pages that is over a GB.
    Minimum,
}

impl Retention {
    /// After the Markdown stage: the page's source, unless kept.
    pub(crate) fn after_markdown(self, page: &mut Page) {
        if self == Self::Minimum {
            page.body = String::new();
        }
    }

    /// After the site graph: front-matter positions point diagnostics at a line, and every
    /// check that uses them has run by now (`check` keeps them for its own).
    pub(crate) fn after_graph(self, site: &mut Site) {
        if self == Self::Minimum {
            for p in &mut site.pages {
                p.field_positions = Default::default();
            }
        }
    }

    /// After the search index: the pages' search text, of which it is the only reader.
    pub(crate) fn after_index(self, site: &mut Site) {
        if self == Self::Minimum {
            site.release_search_text();
        }
    }

    /// After the search index, before rendering in turn: the search text, and the memory it
    /// held given back, so that rendering's structures reuse it.
    pub(crate) fn before_render_in_turn(self, site: &mut Site) {
        if self == Self::Minimum {
            site.release_search_text();
            release_freed_memory();
        }
    }

    /// After rendering: the pages' HTML.
    pub(crate) fn after_render(self, site: &mut Site) {
        if self == Self::Minimum {
            site.html.release(&mut site.rendered);
        }
    }
}

/// How a run renders the site and builds its search index, chosen once from the site's size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RenderPlan {
    /// The pages' HTML stays in memory, and the index is built beside rendering: the two share
    /// the cores, each filling the other's serial stretches (merging postings, naming the
    /// index's version; writing the sitemap and feeds), which took the index's share of a
    /// 10,000-page build from +29% to +17% (bench/README.md, sixth profile).
    Beside,
    /// A large build (its Markdown or packed HTML over the spill threshold) keeps the HTML in
    /// a scratch file (written there by the Markdown stage, or moved there now) and builds the
    /// index, then renders, so its memory holds one stage's structures at a time.
    InTurn,
}

impl RenderPlan {
    /// The plan for `site`: in turn when it keeps only what later stages read and its HTML is
    /// in a scratch file already (written there by the Markdown stage) or its packed HTML is
    /// over `spill_above` bytes ([`SPILL_HTML_ABOVE`] unless a test lowers it).
    pub(crate) fn choose(site: &Site, retention: Retention, spill_above: usize) -> Self {
        let spilled = site.html.is_spilled();
        if retention == Retention::Minimum
            && (spilled || site.html.packed_len(&site.rendered) > spill_above)
        {
            Self::InTurn
        } else {
            Self::Beside
        }
    }
}

/// Markdown (or packed page HTML) a build keeps the pages' HTML in memory for; above it, in a
/// scratch file (about 21,000 pages of the benchmark corpus): small sites never pay for the
/// file, large ones never hold all their HTML.
pub const SPILL_HTML_ABOVE: usize = 128 << 20;

/// Gives heap memory freed by a stage back to the system. glibc keeps freed memory in its
/// per-thread arenas, where one thread's frees seldom serve another's allocations: `serve`
/// would grow a few MB with every search index rebuilt, and a large build would carry the
/// Markdown sources it freed into every later stage.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free pages of the heap back to the kernel; glibc makes it
    // safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
