//! Tables: each is wrapped in a `<div class="table-scroll" tabindex="0">`, so a table wider than
//! a phone scrolls inside its box instead of widening the page, and a keyboard reader can focus
//! the box to scroll it (axe's `scrollable-region-focusable`).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Spanned;

/// Wraps every table in a focusable scrolling box.
pub(super) fn wrap_tables(events: Vec<Spanned>) -> Vec<Spanned> {
    let mut out = Vec::with_capacity(events.len());
    for (e, r) in events {
        match e {
            Event::Start(Tag::Table(_)) => {
                out.push((
                    Event::Html(CowStr::from("<div class=\"table-scroll\" tabindex=\"0\">")),
                    0..0,
                ));
                out.push((e, r));
            }
            Event::End(TagEnd::Table) => {
                out.push((e, r));
                out.push((Event::Html(CowStr::from("</div>\n")), 0..0));
            }
            other => out.push((other, r)),
        }
    }
    out
}
