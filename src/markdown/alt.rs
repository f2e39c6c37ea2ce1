//! Images without alt text: a reader who cannot see the picture (a screen reader, a page whose
//! images did not load on a slow connection) gets nothing in its place, so `build` refuses it as
//! `check` does (issue 18), at the image's line.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Context, Spanned};
use crate::diagnostics::Diagnostic;

/// An error for each image (`![](x.png)`) whose alt text is empty.
pub(super) fn check_alt_text(events: &[Spanned], ctx: &Context, diags: &mut Vec<Diagnostic>) {
    // The open image: its destination, where it starts, and whether text was seen.
    let mut open: Option<(&str, usize, bool)> = None;
    for (event, range) in events {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                open = Some((dest_url, range.start, false))
            }
            Event::Text(t) | Event::Code(t) if !t.trim().is_empty() => {
                if let Some(o) = open.as_mut() {
                    o.2 = true;
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((dest, start, false)) = open.take() {
                    diags.push(
                        ctx.error(start, format!("image `{dest}` has no alt text"))
                            .help("describe the image between the brackets, e.g. ![A problem tree drawn on a flipchart](tree.png), for readers who cannot see it"),
                    );
                }
            }
            _ => {}
        }
    }
}
