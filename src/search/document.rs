//! What the index takes from a page: its fields for ranking, its text cut into parts for
//! excerpts, and its facets for filters.
//!
//! A page's text is cut into parts of at most [`PART_WORDS`] words, each a run of heading
//! sections (a long section is cut across parts). A posting names the part where its term is
//! best seen, so a result fetches one part (one small file) for its excerpt and finds in it the
//! heading to link to. Part 0 starts with the page's description.

use std::borrow::Cow;

use serde_json::Value;

use crate::content::Page;
use crate::markdown::{words, TextSection};
use crate::schema::FieldKind;
use crate::site::{PageId, Site};

/// Most words in a part: a result's part file is two to three kilobytes gzipped, and a page of
/// a thousand words makes one or two files. Every file costs the build a file-system entry
/// (tens of microseconds on ext4), so parts are as large as the bytes of a later search allow
/// (`bench/search.sh`: 500-word parts with 6 KB shards made 30% more files for about the same p95).
pub(crate) const PART_WORDS: usize = 800;

/// The fields of a page, in ranking order (title weighs most).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// The page title.
    Title = 0,
    /// Section headings.
    Headings = 1,
    /// The front-matter description.
    Description = 2,
    /// Tags and themes.
    Tags = 3,
    /// The body text.
    Body = 4,
}

/// Number of fields.
pub(crate) const FIELDS: usize = 5;

/// Text under one heading (or a piece of it), as a part holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Section<'a> {
    /// Id of the heading (`None` before the first heading and for the description).
    pub anchor: Option<Cow<'a, str>>,
    /// The heading's text.
    pub heading: Cow<'a, str>,
    /// Plain text, words separated by single spaces.
    pub text: Cow<'a, str>,
    /// This is the first piece of its section (its heading is counted once).
    pub first: bool,
}

/// Filter values of a page.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facets<'a> {
    /// Tags.
    pub tags: &'a [String],
    /// Themes.
    pub themes: &'a [String],
    /// Event start and end (ISO 8601), for upcoming/past.
    pub event: Option<(String, String)>,
}

/// One page as the index sees it, borrowing from the site. Its text is read only when the
/// index gets to it ([`Document::parts`]), a few thousand pages at a time, so the text of every
/// page is never unpacked at once.
#[derive(Clone, Debug)]
pub(crate) struct Document<'a> {
    /// The page.
    pub page: PageId,
    /// Root-relative URL.
    pub url: &'a str,
    /// Title.
    pub title: &'a str,
    /// Content type name.
    pub type_name: &'a str,
    /// Description.
    pub description: &'a str,
    /// Text of tags and themes, for the tags field.
    pub tags_text: String,
    /// Text of the fields of the page's type, read with the body.
    pub details: String,
    /// Words per field, for length normalisation.
    pub lengths: [u32; FIELDS],
    /// Filter values.
    pub facets: Facets<'a>,
}

/// A page's text: runs of sections of at most [`PART_WORDS`] words; part 0 starts with the
/// description.
pub(crate) type Parts<'a> = Vec<Vec<Section<'a>>>;

const NO_TAGS: &[String] = &[];

impl<'a> Document<'a> {
    /// The index's view of page `id`.
    pub(crate) fn from_page(site: &'a Site, id: PageId) -> Self {
        let p = &site.pages[id];
        let (heading_words, section_words) = site.rendered[id].sections.word_counts();
        // Every taxonomy (tags, themes, authors, the site's own) names what the page is about.
        let tags_text = p
            .taxonomies
            .values()
            .flatten()
            .map(|t| t.replace(['-', '_'], " "))
            .collect::<Vec<_>>()
            .join(" ");
        let details = details_text(site, p);
        let lengths = [
            words(&p.title),
            heading_words,
            words(&p.description),
            words(&tags_text),
            words(&details) + section_words,
        ];
        let event = (p.type_name == "event")
            .then(|| (field_text(p.field("start")), field_text(p.field("end"))));
        let taxonomy = |name: &str| p.taxonomies.get(name).map_or(NO_TAGS, Vec::as_slice);
        Self {
            page: id,
            url: &p.url,
            title: &p.title,
            // A list (the home page, a section's index) is no item of its section's type: a
            // reader filtering by "Story" wants stories, not the list of them.
            type_name: if site.is_list(id) {
                "page"
            } else {
                &p.type_name
            },
            description: &p.description,
            tags_text,
            details,
            lengths,
            facets: Facets {
                tags: taxonomy("tags"),
                themes: taxonomy("themes"),
                event,
            },
        }
    }

    /// The page's text cut into parts.
    pub(crate) fn parts(&self, site: &'a Site) -> Parts<'a> {
        let sections = site.search_sections(self.page);
        pack(self.pieces(sections), PART_WORDS)
    }

    /// The page's text in reading order, each piece with its word count (heading included):
    /// the description, the type's fields, then the heading sections cut to at most
    /// [`PART_WORDS`] words.
    fn pieces(&self, sections: Vec<TextSection>) -> Vec<(Section<'a>, u32)> {
        let head = Section {
            anchor: None,
            heading: Cow::Borrowed(""),
            text: Cow::Borrowed(self.description),
            first: true,
        };
        let mut pieces = vec![(head, self.lengths[Field::Description as usize])];
        if !self.details.is_empty() {
            let section = Section {
                anchor: None,
                heading: Cow::Borrowed(""),
                text: Cow::Owned(self.details.clone()),
                first: true,
            };
            pieces.push((section, words(&self.details)));
        }
        for s in sections {
            let (h, n) = (s.heading_words(), s.text_words());
            let TextSection {
                anchor,
                heading,
                text,
            } = s;
            let cut = split_text(&text, n as usize, PART_WORDS);
            if cut.len() == 1 {
                // The whole section fits in a part: move its strings, copy nothing.
                let section = Section {
                    anchor: anchor.map(Cow::Owned),
                    heading: Cow::Owned(heading),
                    text: Cow::Owned(text),
                    first: true,
                };
                pieces.push((section, n + h));
                continue;
            }
            for (i, (piece, n)) in cut.into_iter().enumerate() {
                let section = Section {
                    anchor: anchor.clone().map(Cow::Owned),
                    heading: Cow::Owned(heading.clone()),
                    text: Cow::Owned(piece.to_string()),
                    first: i == 0,
                };
                pieces.push((section, n as u32 + h));
            }
        }
        pieces
    }
}

/// The text of the fields of the page's type (a technique's purpose and steps, a toolkit's
/// tools, an event's place...), which readers see on the page and search for. Addresses,
/// dates and numbers are left out.
fn details_text(site: &Site, p: &Page) -> String {
    let mut out = String::new();
    let Some(t) = site.config.types.get(&p.type_name) else {
        return out;
    };
    for (name, spec) in &t.fields {
        if matches!(
            spec.kind,
            FieldKind::Text | FieldKind::List | FieldKind::Map | FieldKind::Records
        ) {
            if let Some(v) = p.field(name) {
                collect_strings(v, &mut out);
            }
        }
    }
    out
}

fn collect_strings(v: &Value, out: &mut String) {
    match v {
        Value::String(s) if !s.contains("://") && !s.starts_with("mailto:") => {
            for w in s.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(map) => {
            for (k, v) in map {
                if !matches!(
                    k.as_str(),
                    "url" | "file" | "online_url" | "registration_url" | "format"
                ) {
                    collect_strings(v, out);
                }
            }
        }
        _ => {}
    }
}

fn field_text(v: Option<&serde_json::Value>) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Cuts single-spaced text of `words` words into pieces of at most `max` words, of nearly
/// equal length, with their word counts.
fn split_text(text: &str, words: usize, max: usize) -> Vec<(&str, usize)> {
    if words <= max {
        return vec![(text, words)];
    }
    let parts = words.div_ceil(max);
    let per = words.div_ceil(parts);
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut count) = (0, 0);
    for (i, b) in text.bytes().enumerate() {
        if b == b' ' {
            count += 1;
            if count == per {
                out.push((&text[start..i], per));
                start = i + 1;
                count = 0;
            }
        }
    }
    out.push((&text[start..], words - per * out.len()));
    out
}

/// Packs sections (with their word counts) in order into parts of at most `max` words; a
/// section never straddles two parts.
fn pack(pieces: Vec<(Section<'_>, u32)>, max: usize) -> Vec<Vec<Section<'_>>> {
    let mut parts: Vec<Vec<Section>> = Vec::new();
    let mut current: Vec<Section> = Vec::new();
    let mut words = 0;
    for (s, n) in pieces {
        let n = n as usize;
        if !current.is_empty() && words + n > max {
            parts.push(std::mem::take(&mut current));
            words = 0;
        }
        words += n;
        current.push(s);
    }
    parts.push(current);
    parts
}

/// Pages that go into the search index of language `lang`: every page written in it, the home
/// and section pages included (a reader looks for "events" or the site's name too), but not the
/// lists lore makes up for a language without an `_index` of its own; in the site's order.
pub(crate) fn indexed_pages(site: &Site, lang: &str) -> Vec<PageId> {
    (0..site.pages.len())
        .filter(|&id| {
            let p = &site.pages[id];
            p.lang == lang && !p.generated
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_long_text_evenly() {
        let text = vec!["w"; 250].join(" ");
        let pieces = split_text(&text, 250, 120);
        let sizes: Vec<(usize, usize)> = pieces
            .iter()
            .map(|(t, n)| (t.split(' ').count(), *n))
            .collect();
        assert_eq!(sizes, [(84, 84), (84, 84), (82, 82)]);
        assert_eq!(split_text("a b", 2, 120), [("a b", 2)]);
    }

    #[test]
    fn packs_sections_into_parts_without_splitting_them() {
        let s = |text: &'static str| {
            (
                Section {
                    anchor: None,
                    heading: "h".into(),
                    text: Cow::Borrowed(text),
                    first: true,
                },
                text.split(' ').count() as u32 + 1,
            )
        };
        // Each section counts its words and its heading's.
        let parts = pack(vec![s("a b c"), s("d e"), s("f g h i"), s("j")], 8);
        let texts: Vec<Vec<&str>> = parts
            .iter()
            .map(|p| p.iter().map(|s| s.text.as_ref()).collect())
            .collect();
        assert_eq!(texts, [vec!["a b c", "d e"], vec!["f g h i", "j"]]);
    }
}
