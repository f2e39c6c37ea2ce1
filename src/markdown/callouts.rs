//! Callouts: tips, checklists, key considerations, readings, tools, notes and warnings.
//!
//! Written as GitHub-style alerts (`> [!TIP] Optional title` as a blockquote's first line) or as
//! a fenced block whose info string is the kind (```` ```checklist Before the event ````), whose
//! content is Markdown. Both become `<aside class="callout callout-KIND" id="KIND-N">`, and each
//! is collected so a guide's front page can list all of its checklists, tips or readings.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};
use serde::Serialize;

use super::fences::FenceInfo;
use super::{escape_attr as escape, highlight, links, Context, Highlighter, LinkResolver, Spanned};
use crate::diagnostics::Diagnostic;

/// The kinds of callout lore knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CalloutKind {
    /// A side remark.
    Note,
    /// Practical advice.
    Tip,
    /// Something not to miss.
    Important,
    /// A risk.
    Warning,
    /// Something that can go badly wrong.
    Caution,
    /// Items to tick off.
    Checklist,
    /// A tool or template to use.
    Tool,
    /// A key consideration.
    Key,
    /// Further reading.
    Reading,
}

impl CalloutKind {
    /// All kinds, in the order a guide's front page lists them.
    pub const ALL: [CalloutKind; 9] = [
        CalloutKind::Checklist,
        CalloutKind::Tip,
        CalloutKind::Key,
        CalloutKind::Tool,
        CalloutKind::Reading,
        CalloutKind::Important,
        CalloutKind::Warning,
        CalloutKind::Caution,
        CalloutKind::Note,
    ];

    /// Reads a kind as written in `[!KIND]` or a fence's info string, case-insensitively.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "note" => Self::Note,
            "tip" | "tips" => Self::Tip,
            "important" => Self::Important,
            "warning" => Self::Warning,
            "caution" => Self::Caution,
            "checklist" | "checklists" => Self::Checklist,
            "tool" | "tools" => Self::Tool,
            "key" | "key-consideration" | "consideration" | "key-considerations" => Self::Key,
            "reading" | "readings" => Self::Reading,
            _ => return None,
        })
    }

    /// Lowercase name, as in CSS classes, ids and string-table keys (`callout_tip`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Tip => "tip",
            Self::Important => "important",
            Self::Warning => "warning",
            Self::Caution => "caution",
            Self::Checklist => "checklist",
            Self::Tool => "tool",
            Self::Key => "key",
            Self::Reading => "reading",
        }
    }
}

/// One callout of a page.
#[derive(Clone, Debug, Serialize)]
pub struct Callout {
    /// Its kind.
    pub kind: CalloutKind,
    /// The title written after the marker, if any.
    pub title: Option<String>,
    /// Its content as HTML.
    pub html: String,
    /// Its id in the page (`checklist-2`), for links from a guide's front page.
    pub id: String,
}

/// Turns alerts and callout fences into `<aside>` elements and collects them.
pub(super) fn render_callouts<'a>(
    events: Vec<Spanned<'a>>,
    ctx: &Context,
    resolver: &dyn LinkResolver,
    highlighter: &Highlighter,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Spanned<'a>>, Vec<Callout>) {
    let mut out = Vec::with_capacity(events.len());
    let mut callouts = Vec::new();
    let mut iter = events.into_iter().peekable();
    let mut pending: Vec<Spanned> = Vec::new();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                // Gather the whole blockquote, nested ones included.
                pending.clear();
                pending.push((event, range));
                let mut depth = 1;
                for (e, r) in iter.by_ref() {
                    match &e {
                        Event::Start(Tag::BlockQuote(_)) => depth += 1,
                        Event::End(TagEnd::BlockQuote(_)) => depth -= 1,
                        _ => {}
                    }
                    pending.push((e, r));
                    if depth == 0 {
                        break;
                    }
                }
                match alert(&mut pending) {
                    Some((kind, title)) => {
                        let inner: Vec<Spanned> = pending.drain(1..pending.len() - 1).collect();
                        push_callout(
                            &mut out,
                            &mut callouts,
                            kind,
                            (title, ctx.label(kind)),
                            inner,
                        );
                    }
                    None => out.append(&mut pending),
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info)))
                if CalloutKind::parse(FenceInfo::parse(info).lang).is_some() =>
            {
                let fence = FenceInfo::parse(info);
                let kind = CalloutKind::parse(fence.lang).unwrap_or(CalloutKind::Note);
                let title = fence.title.map(str::to_string);
                let mut text = String::new();
                let mut base = range.end;
                for (e, r) in iter.by_ref() {
                    match e {
                        Event::Text(t) => {
                            if text.is_empty() {
                                base = r.start;
                            }
                            text.push_str(&t);
                        }
                        Event::End(TagEnd::CodeBlock) => break,
                        _ => {}
                    }
                }
                let inner = render_fenced(&text, base, ctx, resolver, highlighter, diags);
                push_callout(
                    &mut out,
                    &mut callouts,
                    kind,
                    (title, ctx.label(kind)),
                    inner,
                );
            }
            other => out.push((other, range)),
        }
    }
    (out, callouts)
}

/// Reads `[!KIND] title` at the start of a blockquote and removes it from the events.
fn alert(events: &mut Vec<Spanned>) -> Option<(CalloutKind, Option<String>)> {
    if !matches!(events.get(1), Some((Event::Start(Tag::Paragraph), _))) {
        return None;
    }
    let mut first_line = String::new();
    let mut end = 2;
    while let Some((Event::Text(t), _)) = events.get(end) {
        first_line.push_str(t);
        end += 1;
    }
    let rest = first_line.trim_start().strip_prefix("[!")?;
    let (kind, title) = rest.split_once(']')?;
    let kind = CalloutKind::parse(kind.trim())?;
    let title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
    // Drop the marker line and the line break after it; drop the paragraph if nothing is left.
    let mut drop_to = end;
    if matches!(
        events.get(end),
        Some((Event::SoftBreak | Event::HardBreak, _))
    ) {
        drop_to += 1;
    }
    events.drain(2..drop_to);
    if matches!(events.get(2), Some((Event::End(TagEnd::Paragraph), _))) {
        events.drain(1..3);
    }
    Some((kind, title))
}

fn push_callout<'a>(
    out: &mut Vec<Spanned<'a>>,
    callouts: &mut Vec<Callout>,
    kind: CalloutKind,
    (title, label): (Option<String>, String),
    inner: Vec<Spanned<'a>>,
) {
    let n = callouts.iter().filter(|c| c.kind == kind).count() + 1;
    let id = format!("{}-{n}", kind.name());
    let html = super::to_html(inner.clone());
    // The kind is always written in words (colour and icon alone would not tell a tip from a
    // checklist), then the editor's own title if there is one.
    let title_html = match &title {
        Some(t) => format!(
            "<p class=\"callout-title\"><span class=\"callout-kind\">{}</span> {}</p>",
            escape(&label),
            escape(t)
        ),
        None => format!(
            "<p class=\"callout-title\"><span class=\"callout-kind\">{}</span></p>",
            escape(&label)
        ),
    };
    let open = format!(
        "<aside class=\"callout callout-{k}\" id=\"{id}\" data-callout=\"{k}\">{title_html}\n",
        k = kind.name()
    );
    out.push((Event::Html(CowStr::from(open)), 0..0));
    out.extend(inner);
    out.push((Event::Html(CowStr::from("</aside>\n")), 0..0));
    callouts.push(Callout {
        kind,
        title,
        html,
        id,
    });
}

/// Renders the Markdown inside a callout fence; `base` is its offset in the page body, so
/// problems in it are reported at the right line.
fn render_fenced(
    text: &str,
    base: usize,
    ctx: &Context,
    resolver: &dyn LinkResolver,
    highlighter: &Highlighter,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Spanned<'static>> {
    let events: Vec<Spanned> = Parser::new_ext(text, super::options())
        .into_offset_iter()
        .map(|(e, r)| (e.into_static(), r.start + base..r.end + base))
        .collect();
    let (events, _, _) = links::resolve_links(events, ctx, resolver, diags);
    let events = super::tasks::render_tasks(events);
    highlight::highlight_code(events, highlighter)
}
