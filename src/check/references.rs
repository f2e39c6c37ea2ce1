//! What `check` reads from a page's Markdown for its own warnings: every link and image as
//! written (with the alt text of images), for alt text and external links, and raw HTML, each
//! with its file line and column.
//!
//! The build keeps only what its own checks need (`RenderedMarkdown::links` and `local_refs`);
//! this parses the body again with the same options, which is cheap next to rendering and keeps
//! the build lean.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::Page;
use crate::diagnostics::LineIndex;

/// A link or image as written in the Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The destination as written (`../x.md#a`, `img/tree.png`, `https://...`).
    pub dest: String,
    /// An image (`![alt](src)`) rather than a link.
    pub image: bool,
    /// The alt text of an image (empty for links).
    pub alt: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
}

/// A piece of raw HTML in the Markdown, with where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawHtml {
    /// The HTML as written.
    pub text: String,
    /// Byte offset of `text` in the page body.
    pub offset: usize,
}

/// Links, images and raw HTML of one page.
#[derive(Clone, Debug, Default)]
pub struct PageReferences {
    /// Links and images in document order.
    pub references: Vec<Reference>,
    /// Raw HTML blocks and inline tags in document order.
    pub html: Vec<RawHtml>,
}

/// Parses a page's body and collects its links, images and raw HTML.
pub fn collect_references(page: &Page) -> PageReferences {
    let lines = LineIndex::new(&page.body);
    let locate = |offset: usize| {
        let (l, c) = lines.locate(&page.body, offset);
        (l + page.body_line - 1, c)
    };
    let mut out = PageReferences::default();
    // Index into `out.references` of the image whose alt text is being read.
    let mut open_image: Option<usize> = None;
    let events = Parser::new_ext(&page.body, crate::markdown::options()).into_offset_iter();
    for (event, range) in events {
        match event {
            Event::Start(Tag::Link { ref dest_url, .. })
            | Event::Start(Tag::Image { ref dest_url, .. }) => {
                let image = matches!(event, Event::Start(Tag::Image { .. }));
                let (line, col) = locate(range.start);
                out.references.push(Reference {
                    dest: dest_url.to_string(),
                    image,
                    alt: String::new(),
                    line,
                    col,
                });
                if image {
                    open_image = Some(out.references.len() - 1);
                }
            }
            Event::End(TagEnd::Image) => open_image = None,
            Event::Text(t) | Event::Code(t) => {
                if let Some(i) = open_image {
                    out.references[i].alt.push_str(&t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => push_html(&mut out.html, &page.body, range),
            _ => {}
        }
    }
    out
}

/// Records raw HTML from the body itself (not the event text), so offsets stay exact; pieces of
/// one block that follow each other are joined, so a tag split over lines is seen whole.
fn push_html(html: &mut Vec<RawHtml>, body: &str, range: Range<usize>) {
    let Some(text) = body.get(range.clone()) else {
        return;
    };
    if let Some(last) = html.last_mut() {
        if last.offset + last.text.len() == range.start {
            last.text.push_str(text);
            return;
        }
    }
    html.push(RawHtml {
        text: text.to_string(),
        offset: range.start,
    });
}

/// Where a byte offset of `page`'s body is in its file, 1-based.
pub(crate) fn locate_in_body(page: &Page, offset: usize) -> (usize, usize) {
    let (l, c) = LineIndex::new(&page.body).locate(&page.body, offset);
    (l + page.body_line - 1, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> Page {
        let config = super::super::test_config();
        let src = crate::content::SourceFile {
            rel: "a.md".into(),
            text: format!("---\ntitle: A\n---\n{body}"),
        };
        crate::content::page::parse_page(&config, src)
            .0
            .expect("page")
    }

    #[test]
    fn collects_links_images_and_alt_text_with_positions() {
        let p = page("See [x](b.md#top).\n\n![A *tree*](img/t.png) ![](e.png)\n");
        let refs = collect_references(&p).references;
        assert_eq!(refs.len(), 3);
        assert_eq!(
            (refs[0].dest.as_str(), refs[0].line, refs[0].col),
            ("b.md#top", 4, 5)
        );
        assert_eq!((refs[1].alt.as_str(), refs[1].image), ("A tree", true));
        assert_eq!(
            (refs[2].alt.as_str(), refs[2].line, refs[2].col),
            ("", 6, 24)
        );
    }

    #[test]
    fn collects_raw_html_blocks_and_inline_tags() {
        let p = page("<div\n  onclick=\"x()\">\n</div>\n\nText <b>bold</b>\n");
        let html = collect_references(&p).html;
        assert!(html[0].text.contains("onclick"), "{html:?}");
        assert!(html.iter().any(|h| h.text == "<b>"), "{html:?}");
    }
}
