//! Markdown to HTML, one small pass per feature over pulldown-cmark's events.
//!
//! [`render_markdown`] parses once, then hands the event list to each pass in turn: heading ids
//! and the table of contents (`headings`), internal links (`links`), callouts from GitHub-style
//! alerts and fenced blocks (`callouts`), a course's self-check questions and speaker notes
//! (`selfcheck`), ```` ```dot ```` diagrams as SVG (`diagram`), task-list
//! boxes (`tasks`), scrolling boxes around tables (`tables`), syntax highlighting (`highlight`), and the plain text of each heading's
//! section for the search index (`text`). A pass only rewrites the events it
//! owns, so each feature can be read and tested alone.

mod alt;
mod callouts;
pub(crate) mod diagram;
mod fences;
mod headings;
pub(crate) mod highlight;
mod links;
mod packed;
mod selfcheck;
mod tables;
mod tasks;
mod text;

use std::ops::Range;

use pulldown_cmark::{html, Event, Options, Parser};

pub(crate) use callouts::{Callout, CalloutKind};
pub(crate) use headings::Heading;
pub use highlight::Highlighter;
pub(crate) use links::{Link, LinkResolver, LocalRef};
pub(crate) use packed::{PackedSections, PackedText, Spill, SpillWriter};
pub(crate) use text::{words, TextSection};

use crate::content::Page;
use crate::diagnostics::{Diagnostic, LineIndex};

/// What a page's Markdown becomes: its HTML and what templates and later stages need from it.
#[derive(Clone, Debug, Default)]
pub struct RenderedMarkdown {
    /// The body as HTML, packed until a page is rendered ([`RenderedMarkdown::html`]).
    pub html: PackedText,
    /// Headings in order, with their ids, for the table of contents.
    pub toc: Vec<Heading>,
    /// Callouts (tips, checklists, readings, ...) in order, for a guide's front page.
    pub callouts: Vec<Callout>,
    /// Links to other pages of the site, resolved.
    pub links: Vec<Link>,
    /// The other links and images to places of the site, as written, checked once the site
    /// is rendered.
    pub local_refs: Vec<LocalRef>,
    /// Ids of elements other than headings and callouts (raw HTML, footnotes), which links
    /// may point at too.
    pub other_ids: Vec<String>,
    /// Plain text of each heading's section, for search, packed ([`RenderedMarkdown::sections`]).
    pub sections: PackedSections,
    /// Number of words, for reading time.
    pub word_count: usize,
    /// Where the body breaks into slides (each top-level `##` heading and `---` rule), for a
    /// course lesson's slides view.
    pub slide_breaks: Vec<SlideBreak>,
    /// Number of self-check questions.
    pub selfchecks: usize,
}

/// A place where a lesson's slides view starts a new slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlideBreak {
    /// Byte offset in the body's HTML where the slide before it ends.
    pub at: usize,
    /// Byte offset where this slide's content starts (after the rule, for a `---`).
    pub content_at: usize,
    /// 1-based line in the source file.
    pub line: usize,
    /// A `---` rule (a slide continuing its section) rather than a `##` heading.
    pub rule: bool,
    /// Nothing stands between this break and the next (or the end of the page).
    pub empty: bool,
}

impl RenderedMarkdown {
    /// The body as HTML.
    pub fn html(&self) -> String {
        self.html.unpack()
    }

    /// The plain text of each heading's section.
    pub fn sections(&self) -> Vec<TextSection> {
        self.sections.unpack()
    }
}

/// An event with the byte range of the body it came from.
pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// Where a pass is in the page: for diagnostics with file:line:col.
pub(crate) struct Context<'a> {
    pub page: &'a Page,
    lines: LineIndex,
    labels: &'a Labels<'a>,
}

/// An interface string by key (`callout_tip`, `selfcheck_answers`) in a language: the text
/// Markdown passes write into a page (`Tip`, `Conseil`).
pub(crate) type Labels<'a> = dyn Fn(&str, &str) -> String + Sync + 'a;

impl Context<'_> {
    /// 1-based line and column in the source file of a byte offset in the body.
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        let (l, c) = self.lines.locate(&self.page.body, offset);
        (l + self.page.body_line - 1, c)
    }

    /// The default title of a callout of `kind` in the page's language.
    pub(crate) fn label(&self, kind: CalloutKind) -> String {
        self.text(&format!("callout_{}", kind.name()))
    }

    /// The interface string `key` in the page's language.
    pub(crate) fn text(&self, key: &str) -> String {
        (self.labels)(key, &self.page.lang)
    }

    /// An error at a byte offset of the body.
    pub(crate) fn error(&self, offset: usize, msg: impl Into<String>) -> Diagnostic {
        let (l, c) = self.locate(offset);
        Diagnostic::error(&self.page.source, msg).at(l, c)
    }
}

/// The Markdown extensions lore enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a page's body. Problems (a link to a missing page) come back as diagnostics beside a
/// usable result, so the build can report every problem of a run.
pub fn render_markdown(
    page: &Page,
    resolver: &dyn LinkResolver,
    highlighter: &Highlighter,
    labels: &Labels,
) -> (RenderedMarkdown, Vec<Diagnostic>) {
    let ctx = Context {
        page,
        lines: LineIndex::new(&page.body),
        labels,
    };
    let mut diags = Vec::new();
    let events: Vec<Spanned> = Parser::new_ext(&page.body, options())
        .into_offset_iter()
        .collect();
    fences::check_fences(&events, &ctx, &mut diags);
    alt::check_alt_text(&events, &ctx, &mut diags);
    let (events, toc) = headings::assign_ids(events);
    let (events, links, local_refs) = links::resolve_links(events, &ctx, resolver, &mut diags);
    let (events, callouts) =
        callouts::render_callouts(events, &ctx, resolver, highlighter, &mut diags);
    let (events, selfchecks) = selfcheck::render_selfchecks(events, &ctx, &mut diags);
    let events = diagram::render_diagrams(events, &ctx, &mut diags);
    let events = tasks::render_tasks(events);
    let events = tables::wrap_tables(events);
    let events = highlight::highlight_code(events, highlighter);
    let sections = text::collect_sections(&events);
    let word_count = sections
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    let (html, slide_breaks) = to_html_with_slide_breaks(events, &ctx);
    let other_ids = element_ids(&html)
        .into_iter()
        .filter(|id| !toc.iter().any(|h| h.id == *id) && !callouts.iter().any(|c| c.id == *id))
        .collect();
    let html = PackedText::pack(&html);
    (
        RenderedMarkdown {
            html,
            toc,
            callouts,
            links,
            local_refs,
            other_ids,
            sections: PackedSections::pack(&sections),
            word_count,
            slide_breaks,
            selfchecks,
        },
        diags,
    )
}

/// Values of the `id="..."` attributes in HTML.
pub(crate) fn element_ids(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices("id=") {
        let before = html[..i].chars().last();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = &html[i + 3..];
        let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = rest[1..].find(q) {
            out.push(rest[1..1 + end].to_string());
        }
    }
    out
}

/// Writes events as HTML, noting where each top-level `##` heading and `---` rule starts.
fn to_html_with_slide_breaks(events: Vec<Spanned>, ctx: &Context) -> (String, Vec<SlideBreak>) {
    use pulldown_cmark::{HeadingLevel, Tag};
    use std::cell::RefCell;

    /// The HTML written so far, readable while the writer holds it.
    struct Shared<'a>(&'a RefCell<String>);
    impl std::fmt::Write for Shared<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.borrow_mut().push_str(s);
            Ok(())
        }
    }
    let out = RefCell::new(String::new());
    let breaks: RefCell<Vec<SlideBreak>> = RefCell::new(Vec::new());
    let mut depth = 0usize;
    // The writer asks for an event only once it has written the ones before, so the HTML's
    // length then is where that event's HTML starts.
    let mut after_rule = false;
    let iter = events.into_iter().map(|(e, range)| {
        if std::mem::take(&mut after_rule) {
            if let Some(b) = breaks.borrow_mut().last_mut() {
                b.content_at = out.borrow().len();
            }
        }
        let rule = matches!(e, Event::Rule);
        after_rule = rule && depth == 0;
        let h2 = matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            })
        );
        if depth == 0 && (rule || h2) {
            let at = out.borrow().len();
            breaks.borrow_mut().push(SlideBreak {
                at,
                content_at: at,
                line: ctx.locate(range.start).0,
                rule,
                empty: false,
            });
        }
        match &e {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        e
    });
    // Writing to a String cannot fail.
    let _ = html::write_html_fmt(Shared(&out), iter);
    let html = out.into_inner();
    let mut breaks = breaks.into_inner();
    if after_rule {
        if let Some(b) = breaks.last_mut() {
            b.content_at = html.len();
        }
    }
    let ends: Vec<usize> = breaks
        .iter()
        .skip(1)
        .map(|b| b.at)
        .chain([html.len()])
        .collect();
    for (b, end) in breaks.iter_mut().zip(ends) {
        b.empty = html
            .get(b.content_at..end)
            .is_none_or(|s| s.trim().is_empty());
    }
    (html, breaks)
}

/// Writes events as HTML.
pub(crate) fn to_html(events: Vec<Spanned>) -> String {
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter().map(|(e, _)| e));
    out
}

#[cfg(test)]
mod tests;

/// Escapes text for HTML content and attribute values (quoted with `"` or `'`), leaving out
/// the characters no output carries ([`crate::content::controls`]).
pub(crate) fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_attr_pieces(s, |piece| out.push_str(piece));
    out
}

/// [`escape_attr`] as the pieces of its result, in order: runs of `s` that need nothing are
/// passed as they are (no copy), each escape on its own. Every layout value goes through
/// this, so it looks at bytes: only `& < > " '` and a forbidden character
/// ([`crate::content::controls::forbidden_len_at`]) stop a run.
pub(crate) fn escape_attr_pieces<'a>(s: &'a str, mut emit: impl FnMut(&'a str)) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (skip, replacement) = match b {
            b'&' => (1, Some("&amp;")),
            b'<' => (1, Some("&lt;")),
            b'>' => (1, Some("&gt;")),
            b'"' => (1, Some("&quot;")),
            b'\'' => (1, Some("&#39;")),
            _ => (crate::content::controls::forbidden_len_at(bytes, i), None),
        };
        if skip == 0 {
            i += 1;
            continue;
        }
        if start < i {
            emit(&s[start..i]);
        }
        if let Some(r) = replacement {
            emit(r);
        }
        i += skip;
        start = i;
    }
    if start < bytes.len() {
        emit(&s[start..]);
    }
}
