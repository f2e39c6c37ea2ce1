//! The plain text of each heading's section, for the search index: what a reader reads, without
//! code blocks or markup.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Spanned;

/// The text under one heading (or before the first heading).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSection {
    /// Heading id, `None` for the text before the first heading.
    pub anchor: Option<String>,
    /// The heading's text (empty before the first heading).
    pub heading: String,
    /// The section's text, words separated by single spaces.
    pub text: String,
}

impl TextSection {
    /// Words of the heading.
    pub fn heading_words(&self) -> u32 {
        words(&self.heading)
    }

    /// Words of the text: it has words separated by single spaces and no space at either end,
    /// so one more than its spaces.
    pub fn text_words(&self) -> u32 {
        if self.text.is_empty() {
            0
        } else {
            self.text.bytes().filter(|&b| b == b' ').count() as u32 + 1
        }
    }
}

/// Words of `s` (runs of characters between ASCII white space), as search counts them for
/// length normalisation.
pub(crate) fn words(s: &str) -> u32 {
    s.split_ascii_whitespace().count() as u32
}

/// Splits the page into heading sections of plain text; code blocks are left out.
pub(super) fn collect_sections(events: &[Spanned]) -> Vec<TextSection> {
    let mut sections = vec![TextSection::default()];
    let mut in_heading = false;
    let mut in_code = false;
    for (event, _) in events {
        let current = sections.last_mut().expect("sections starts non-empty");
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                in_heading = true;
                sections.push(TextSection {
                    anchor: id.as_ref().map(|s| s.to_string()),
                    ..Default::default()
                });
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) | Event::Code(t) if !in_code => {
                let target = if in_heading {
                    &mut current.heading
                } else {
                    &mut current.text
                };
                target.push_str(t);
            }
            Event::SoftBreak | Event::HardBreak if !in_heading => current.text.push(' '),
            Event::End(end) if !in_heading && is_block(end) => current.text.push(' '),
            _ => {}
        }
    }
    for s in &mut sections {
        s.text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        s.heading = s.heading.trim().to_string();
    }
    sections.retain(|s| s.anchor.is_some() || !s.text.is_empty());
    sections
}

/// Block ends separate words; inline ends (emphasis, links) do not.
fn is_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
    )
}
