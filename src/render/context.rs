//! Views: the serialisable data layouts receive. Built from the site graph, they hold
//! ready-to-print values (URLs with the base path, dates as text) so layouts stay simple.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::config::{Config, Direction};
use crate::content::Page;
use crate::markdown::{Callout, CalloutKind, Heading};
use crate::schema::date::parse_datetime;
use crate::schema::slug::slugify;
use crate::site::{PageId, Site};

/// Shared facts for building views: the site, the base path, the build's "now".
pub(crate) struct ViewContext<'a> {
    /// The site graph.
    pub site: &'a Site,
    /// Path part of the base URL.
    pub base_path: String,
    /// The moment events are "upcoming" or "past" against.
    pub now: DateTime<Utc>,
    /// Dates and times as each language writes them.
    pub dates: super::dates::LocalDates,
    /// Each page's entry as layouts receive it, made on first use: a page shows in many lists
    /// (its section's pages, terms, related, backlinks), and a template value is cheap to share.
    entry_values: Vec<OnceLock<minijinja::Value>>,
}

/// A page's front matter as layouts see it (`entry.fields`, `page.entry.fields`): a map that
/// shares the page's fields and makes a template value of one only when a layout reads it.
/// Made of a copy, every page's entry held its front matter twice (5.5 KB a page, half a GB
/// at 100,000 pages); reads give the values the copy held.
#[derive(Debug)]
pub(crate) struct Fields(std::sync::Arc<crate::yaml::Mapping>);

impl Fields {
    /// `fields` as a template value.
    pub(crate) fn value(fields: &std::sync::Arc<crate::yaml::Mapping>) -> minijinja::Value {
        minijinja::Value::from_object(Self(fields.clone()))
    }
}

impl minijinja::value::Object for Fields {
    fn get_value(self: &std::sync::Arc<Self>, key: &minijinja::Value) -> Option<minijinja::Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &std::sync::Arc<Self>, key: &str) -> Option<minijinja::Value> {
        // Scalars made directly, as a copy made them (serde's path is slower and a card reads
        // a field or two of every entry it shows).
        Some(match self.0.get(key)? {
            Value::String(s) => minijinja::Value::from(s.as_str()),
            Value::Bool(b) => minijinja::Value::from(*b),
            Value::Null => minijinja::Value::from(()),
            v => minijinja::Value::from_serialize(v),
        })
    }

    fn enumerate(self: &std::sync::Arc<Self>) -> minijinja::value::Enumerator {
        // In the order of a template map's keys, which a copy had.
        let mut keys: Vec<minijinja::Value> = self
            .0
            .keys()
            .map(|k| minijinja::Value::from(k.as_str()))
            .collect();
        keys.sort();
        minijinja::value::Enumerator::Values(keys)
    }

    fn enumerator_len(self: &std::sync::Arc<Self>) -> Option<usize> {
        Some(self.0.len())
    }
}

/// A link to a page with what lists show of it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct EntryView {
    /// Title.
    pub title: String,
    /// URL, base path included.
    pub url: String,
    /// Description.
    pub description: String,
    /// Publication date, `2026-03-14`.
    pub date: Option<String>,
    /// The same date as the list's reader writes it (`14 mars 2026`), for the text of `<time>`.
    pub date_text: Option<String>,
    /// The direction of the language dates and times are written in, for `<time dir>`: a
    /// date keeps its order inside a line of the other direction.
    pub date_dir: Direction,
    /// Content type name.
    #[serde(rename = "type")]
    pub type_name: String,
    /// Language code.
    pub lang: String,
    /// Front-matter fields (purpose, difficulty, ... for cards), shared with the page.
    pub fields: minijinja::Value,
    /// Tags and themes as slugs (the same in every language), for filters on list pages.
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// Event times and place, for events.
    pub event: Option<EventView>,
    /// The address of the page's picture (its `image` field), for cards and share previews.
    pub image: Option<String>,
    /// The group sizes a technique suits, read from its `group_size` field.
    pub group: Option<GroupSize>,
    /// `featured: true` in its front matter.
    pub featured: bool,
    /// Set on an entry of a list in another language whose reader has no translation of the
    /// page: the page's language, which the list names beside it (issue 16).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_language: Option<String>,
}

/// The smallest and largest group a technique suits: `group_size: "6–20"` (or `Selection panels
/// of 5–12 people`) gives 6 and 20; `12+` gives 12 and no largest; a single number is both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct GroupSize {
    /// Fewest people.
    pub min: u32,
    /// Most people, if there is a limit.
    pub max: Option<u32>,
}

impl GroupSize {
    /// Reads the first one or two numbers of a `group_size` text (any script's decimal digits).
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let mut numbers = Vec::new();
        let mut current: Option<u32> = None;
        let mut after_first = String::new();
        for c in text.chars() {
            match c.to_digit(10).or_else(|| arabic_digit(c)) {
                Some(d) => {
                    current = Some(current.unwrap_or(0).saturating_mul(10).saturating_add(d))
                }
                None => {
                    if let Some(n) = current.take() {
                        numbers.push(n);
                    }
                    if numbers.len() == 1 {
                        after_first.push(c);
                    }
                }
            }
        }
        numbers.extend(current);
        let min = *numbers.first()?;
        let max = match numbers.get(1) {
            Some(&m) => Some(m.max(min)),
            None if after_first.trim_start().starts_with('+') => None,
            None => Some(min),
        };
        Some(Self { min, max })
    }
}

/// The value of an Arabic-Indic or Eastern Arabic-Indic digit (`٦`, `۶`).
fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '\u{660}'..='\u{669}' => Some(c as u32 - 0x660),
        '\u{6F0}'..='\u{6F9}' => Some(c as u32 - 0x6F0),
        _ => None,
    }
}

/// An event's time and place, ready to show.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct EventView {
    /// Start in the event's own time zone, as the reader's language writes it
    /// (`16 mars 2027 à 09:00`).
    pub start: String,
    /// End, same form, or its time of day alone when it ends the day it starts.
    pub end: Option<String>,
    /// RFC 3339 start, for `<time datetime>`.
    pub start_iso: String,
    /// RFC 3339 end.
    pub end_iso: Option<String>,
    /// The offset, `UTC+03:00`.
    pub timezone: String,
    /// The IANA name of its time zone (`Africa/Nairobi`), when the page gives one.
    pub zone: Option<String>,
    /// The start's day of the month, month (1-12), year and time of day (`09:00`) in the
    /// event's own time zone, for date badges.
    pub day: u32,
    /// See [`EventView::day`].
    pub month: u32,
    /// See [`EventView::day`].
    pub year: i32,
    /// See [`EventView::day`].
    pub time: String,
    /// True if the event has not ended at build time.
    pub upcoming: bool,
    /// Place name.
    pub location: Option<String>,
    /// City and country, joined.
    pub place: Option<String>,
    /// Link to join online.
    pub online_url: Option<String>,
    /// URL of its `.ics` file.
    pub ics_url: String,
}

/// One language in the switcher.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct TranslationView {
    /// Code.
    pub lang: String,
    /// The language's own name.
    pub name: String,
    /// The translated page's URL.
    pub url: String,
    /// Its absolute URL, for `hreflang` alternates.
    pub permalink: String,
    /// True for the page being shown.
    pub current: bool,
}

/// A taxonomy's terms on a page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct TermLinks {
    /// Taxonomy name.
    pub name: String,
    /// Its terms with their URLs.
    pub terms: Vec<Link>,
}

/// A plain link.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Link {
    /// Text.
    pub title: String,
    /// URL.
    pub url: String,
    /// The language of the page it leads to when that is not the reader's: the reader's
    /// language has no such page, so the link goes to the default language's (issue 16).
    /// Layouts mark it with `hreflang`, `lang` and the language's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// A part of a multi-page guide.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BookPart {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// True for the page being shown.
    pub current: bool,
}

/// A callout collected on a guide's front page, linking to where it stands.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CollectedCallout {
    /// Title written after the marker, or the chapter's title.
    pub title: String,
    /// The callout's HTML.
    pub html: String,
    /// Link to it in its chapter.
    pub url: String,
    /// The chapter it stands in.
    pub chapter: String,
}

/// Callouts of one kind, for a guide's front page.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CalloutGroup {
    /// Kind name (`checklist`).
    pub kind: &'static str,
    /// The callouts, in reading order.
    pub items: Vec<CollectedCallout>,
}

/// A multi-page guide around one of its pages.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BookView {
    /// The guide's title.
    pub title: String,
    /// Its front page URL.
    pub url: String,
    /// Front page then chapters.
    pub parts: Vec<BookPart>,
    /// Previous part.
    pub prev: Option<Link>,
    /// Next part.
    pub next: Option<Link>,
    /// Callouts of all parts by kind (filled on the front page only).
    pub collected: Vec<CalloutGroup>,
    /// Reading time of the whole guide, minutes.
    pub reading_time: usize,
}

/// A downloadable or linked tool of a toolkit.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ToolView {
    /// Name.
    pub name: String,
    /// Where to get it.
    pub url: Option<String>,
    /// File format (`csv`, `pdf`, `web`).
    pub format: Option<String>,
    /// What it is for.
    pub description: Option<String>,
    /// Size in bytes, for a file in the repository.
    pub size: Option<u64>,
    /// Size for people, `12 KB`.
    pub size_text: Option<String>,
}

/// Everything a page layout receives as `page`.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct PageView {
    /// The page as an entry (title, url, description, date, type, fields, event...).
    #[serde(flatten)]
    pub entry: EntryView,
    /// Absolute URL.
    pub permalink: String,
    /// Last update date.
    pub updated: Option<String>,
    /// The same date as the page's language writes it.
    pub updated_text: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: Direction,
    /// Body HTML.
    pub content: String,
    /// Headings, for the table of contents.
    pub toc: Vec<Heading>,
    /// Callouts of this page.
    pub callouts: Vec<Callout>,
    /// Minutes to read.
    pub reading_time: usize,
    /// Words.
    pub word_count: usize,
    /// Terms by taxonomy, with links.
    pub terms: Vec<TermLinks>,
    /// The absolute address of the picture a share preview shows: the page's `image` when it
    /// is a bitmap (link previews do not show SVG), else none and the layout's default.
    pub share_image: Option<String>,
    /// The page in every language it exists in.
    pub translations: Vec<TranslationView>,
    /// Link to edit its source in the repository.
    pub edit_url: Option<String>,
    /// Source file, relative to the site root.
    pub source: String,
    /// Home and sections above the page.
    pub breadcrumbs: Vec<Link>,
    /// Pages sharing tags and themes (entries).
    pub related: Vec<minijinja::Value>,
    /// Pages linking here (entries).
    pub backlinks: Vec<minijinja::Value>,
    /// The multi-page guide it belongs to.
    pub book: Option<BookView>,
    /// A toolkit's tools.
    pub tools: Vec<ToolView>,
    /// A lesson's attachments (learners' notes, slides), with format and size.
    pub attachments: Vec<ToolView>,
    /// An `_index.md`.
    pub is_section: bool,
    /// The course it belongs to, with its lesson number (a course's pages only).
    pub course: Option<super::course::CourseView>,
    /// The site's languages this page has no translation in: a notice in each, shown when a
    /// reader of that language arrives from a list of theirs (`#not-in-ar`, issue 16).
    pub missing_languages: Vec<MissingLanguage>,
    /// The profiles of the people it names in `authors:` who have a page of their own.
    pub authors: Vec<super::authors::AuthorView>,
    /// An author's page: their profile.
    pub profile: Option<super::authors::AuthorView>,
    /// An author's page: what they contributed, by type, in the page's language.
    pub contributions: Vec<super::authors::ContributionGroup>,
    /// The guide's EPUB, on the front page of a guide or course (set by the page's render job,
    /// which knows its size).
    pub epub: Option<ToolView>,
}

/// A language a page is not available in.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct MissingLanguage {
    /// Code.
    pub code: String,
    /// Its direction.
    pub dir: Direction,
}

impl<'a> ViewContext<'a> {
    /// Views of `site` with URLs under `base_path`, events upcoming or past against `now`.
    pub(crate) fn new(site: &'a Site, base_path: String, now: DateTime<Utc>) -> Self {
        Self {
            site,
            base_path,
            now,
            dates: super::dates::LocalDates::new(
                site.config.languages.iter().map(|l| l.code.as_str()),
            ),
            entry_values: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The list entry for a page as a template value, made once per build.
    pub(crate) fn entry_value(&self, id: PageId) -> minijinja::Value {
        self.entry_values[id]
            .get_or_init(|| minijinja::Value::from_serialize(self.entry(id)))
            .clone()
    }

    /// URL with the base path.
    pub(crate) fn url(&self, url: &str) -> String {
        format!("{}{}", self.base_path, url)
    }

    /// A link for readers of `lang` to the address `path` as the default language writes it
    /// (`/guides/`): their language's page when the site has it, else the default language's
    /// page, marked with its language (issue 16: no menu leads to an address never built).
    /// An address that is no page (`/search/`, a file) is given in the reader's language.
    pub(crate) fn localized(&self, lang: &str, title: String, path: &str) -> Link {
        let config = self.config();
        let prefix = |code: &str| config.language(code).map_or("", |l| l.prefix.as_str());
        let default = &config.default_language().code;
        let own = format!("{}{path}", prefix(lang));
        let theirs = format!("{}{path}", prefix(default));
        let fallback = !self.site.by_url.contains_key(&own)
            && self.site.by_url.contains_key(&theirs)
            && lang != default;
        Link {
            title,
            url: if fallback {
                format!("{}#not-in-{lang}", self.url(&theirs))
            } else {
                self.url(&own)
            },
            lang: fallback.then(|| default.clone()),
        }
    }

    /// A link to the page of term `name` of `taxonomy` for readers of `lang` (whose URL prefix
    /// is `prefix`), named as they read it; `None` for a name that makes no address.
    pub(crate) fn term_link(
        &self,
        taxonomy: &str,
        name: &str,
        lang: &str,
        prefix: &str,
    ) -> Option<Link> {
        let (slug, url) = crate::site::term_address(prefix, taxonomy, name)?;
        Some(Link {
            title: self
                .term_name(taxonomy, &slug, lang)
                .unwrap_or(name)
                .to_string(),
            url: self.url(&url),
            lang: None,
        })
    }

    /// See [`Config::term_name`].
    fn term_name(&self, taxonomy: &str, slug: &str, lang: &str) -> Option<&str> {
        self.config().term_name(taxonomy, slug, lang)
    }

    fn config(&self) -> &Config {
        &self.site.config
    }

    /// The entry for a page in a list of `lang` that is not the page's: marked with the
    /// page's language, linking to the notice the page shows readers of `lang`.
    pub(crate) fn entry_in(&self, id: PageId, lang: &str) -> minijinja::Value {
        if self.site.pages[id].lang == lang {
            return self.entry_value(id);
        }
        minijinja::Value::from_serialize(self.entry_for(id, lang))
    }

    /// [`ViewContext::entry_in`] as a view.
    pub(crate) fn entry_for(&self, id: PageId, lang: &str) -> EntryView {
        let p = &self.site.pages[id];
        let mut e = self.entry_as(id, lang);
        if p.lang != lang {
            e.url = format!("{}#not-in-{lang}", e.url);
            e.in_language = Some(p.lang.clone());
        }
        e
    }

    /// The list entry for a page.
    pub(crate) fn entry(&self, id: PageId) -> EntryView {
        self.entry_as(id, &self.site.pages[id].lang)
    }

    /// The list entry for a page, its dates written for readers of `lang`.
    fn entry_as(&self, id: PageId, lang: &str) -> EntryView {
        let p = &self.site.pages[id];
        let taxonomies = ["tags", "themes"]
            .iter()
            .filter_map(|t| {
                let slugs = p.taxonomies.get(*t)?.iter().map(|n| slugify(n)).collect();
                Some((t.to_string(), slugs))
            })
            .collect();
        EntryView {
            title: p.title.clone(),
            url: self.url(&p.url),
            description: p.description.clone(),
            date: p.date.map(|d| d.to_string()),
            date_text: p.date.map(|d| self.dates.date(lang, d)),
            date_dir: self
                .config()
                .language(lang)
                .map_or(Direction::Ltr, |l| l.dir),
            type_name: p.type_name.clone(),
            lang: p.lang.clone(),
            fields: Fields::value(&p.fields),
            taxonomies,
            event: self.event(p, lang),
            image: p
                .field("image")
                .and_then(Value::as_str)
                .filter(|f| !f.trim().is_empty())
                .and_then(|f| self.tool_file(p, f))
                .map(|(url, _)| url),
            group: p
                .field("group_size")
                .and_then(Value::as_str)
                .and_then(GroupSize::parse),
            featured: p.field("featured").and_then(Value::as_bool) == Some(true),
            in_language: None,
        }
    }

    fn event(&self, p: &Page, lang: &str) -> Option<EventView> {
        let start = parse_datetime(p.field("start")?.as_str()?).ok()?;
        let end = p
            .field("end")
            .and_then(Value::as_str)
            .and_then(|s| parse_datetime(s).ok());
        let location = p.field("location").and_then(Value::as_object);
        let loc = |k: &str| {
            location
                .and_then(|l| l.get(k))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let place = [loc("city"), loc("country")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let upcoming = end.unwrap_or(start).with_timezone(&Utc) >= self.now;
        debug_assert_eq!(Some(upcoming), upcoming_until(p).map(|t| t >= self.now));
        Some(EventView {
            start: self.dates.date_time(lang, &start),
            end: end.map(|e| {
                if e.date_naive() == start.date_naive() {
                    self.dates.time(lang, &e)
                } else {
                    self.dates.date_time(lang, &e)
                }
            }),
            start_iso: start.to_rfc3339(),
            end_iso: end.map(|e| e.to_rfc3339()),
            timezone: format!("UTC{}", start.format("%:z")),
            zone: p
                .field("timezone")
                .and_then(Value::as_str)
                .map(|z| z.trim().to_string())
                .filter(|z| !z.is_empty()),
            day: start.day(),
            month: start.month(),
            year: start.year(),
            time: self.dates.time(lang, &start),
            upcoming,
            location: loc("name"),
            place: Some(place).filter(|s| !s.is_empty()),
            online_url: loc("online_url"),
            ics_url: self.url(&format!("{}event.ics", p.url)),
        })
    }

    /// The full view of a page for its layout.
    pub(crate) fn page(&self, id: PageId) -> PageView {
        let site = self.site;
        let p = &site.pages[id];
        let r = &site.rendered[id];
        let lang = self.config().language(&p.lang);
        let terms = site
            .config
            .taxonomies
            .iter()
            .filter_map(|t| {
                let names = p.taxonomies.get(t)?;
                let prefix = lang.map_or("", |l| l.prefix.as_str());
                Some(TermLinks {
                    name: t.clone(),
                    terms: names
                        .iter()
                        .filter_map(|n| self.term_link(t, n, &p.lang, prefix))
                        .collect(),
                })
            })
            .collect();
        let translations = site.translations[id]
            .iter()
            .map(|&t| {
                let tp = &site.pages[t];
                TranslationView {
                    lang: tp.lang.clone(),
                    name: self
                        .config()
                        .language(&tp.lang)
                        .map_or_else(|| tp.lang.clone(), |l| l.name.clone()),
                    url: self.url(&tp.url),
                    permalink: self.config().absolute_url(&tp.url),
                    current: t == id,
                }
            })
            .collect();
        let edit_url = self
            .config()
            .repository
            .as_ref()
            .filter(|_| !p.generated)
            .map(|r| r.edit_url(&p.source.to_string_lossy().replace('\\', "/")));
        let breadcrumbs = site
            .ancestors(id)
            .into_iter()
            .map(|a| Link {
                title: site.pages[a].title.clone(),
                url: self.url(&site.pages[a].url),
                lang: None,
            })
            .collect();
        let entry = self.entry(id);
        let share_image = entry
            .image
            .as_deref()
            .filter(|u| {
                let u = u.to_ascii_lowercase();
                [".png", ".jpg", ".jpeg", ".webp", ".gif"]
                    .iter()
                    .any(|ext| u.ends_with(ext))
            })
            .map(|u| format!("{}{u}", super::print::origin(&self.config().base_url)));
        let is_author = p.type_name == crate::schema::AUTHOR_TYPE;
        PageView {
            authors: self.authors_of(id),
            profile: is_author.then(|| self.author(id, &p.lang)),
            contributions: if is_author {
                self.contributions(&p.lang, site.author_slug(id))
            } else {
                Vec::new()
            },
            entry,
            share_image,
            permalink: self.config().absolute_url(&p.url),
            updated: p.updated.map(|d| d.to_string()),
            updated_text: p.updated.map(|d| self.dates.date(&p.lang, d)),
            dir: lang.map_or(Direction::Ltr, |l| l.dir),
            content: site.page_html(id),
            toc: r.toc.clone(),
            callouts: r.callouts.clone(),
            reading_time: reading_time(r.word_count),
            word_count: r.word_count,
            terms,
            translations,
            edit_url,
            source: p.source.to_string_lossy().replace('\\', "/"),
            breadcrumbs,
            related: site.related[id]
                .iter()
                .map(|&i| self.entry_value(i))
                .collect(),
            backlinks: site.backlinks[id]
                .iter()
                .map(|&i| self.entry_value(i))
                .collect(),
            book: site.book_of(id).map(|b| self.book(b, id)),
            tools: self.files(p, "tools"),
            attachments: self.files(p, "attachments"),
            is_section: p.is_section,
            course: super::course::course_view(self, id),
            epub: None,
            missing_languages: if p.generated {
                Vec::new()
            } else {
                self.config()
                    .languages
                    .iter()
                    .filter(|l| {
                        !site.translations[id]
                            .iter()
                            .any(|&t| site.pages[t].lang == l.code)
                    })
                    .map(|l| MissingLanguage {
                        code: l.code.clone(),
                        dir: l.dir,
                    })
                    .collect()
            },
        }
    }

    fn book(&self, book: PageId, current: PageId) -> BookView {
        let site = self.site;
        let parts_ids = site.book_parts(book);
        let pos = parts_ids.iter().position(|&i| i == current);
        let link = |i: PageId| Link {
            title: site.pages[i].title.clone(),
            url: self.url(&site.pages[i].url),
            lang: None,
        };
        let mut collected = Vec::new();
        if current == book {
            for kind in CalloutKind::ALL {
                let items: Vec<CollectedCallout> = parts_ids
                    .iter()
                    .flat_map(|&pid| {
                        site.rendered[pid]
                            .callouts
                            .iter()
                            .filter(|c| c.kind == kind)
                            .map(move |c| (pid, c))
                    })
                    .map(|(pid, c)| CollectedCallout {
                        title: c
                            .title
                            .clone()
                            .unwrap_or_else(|| site.pages[pid].title.clone()),
                        html: c.html.clone(),
                        url: format!("{}#{}", self.url(&site.pages[pid].url), c.id),
                        chapter: site.pages[pid].title.clone(),
                    })
                    .collect();
                if !items.is_empty() {
                    collected.push(CalloutGroup {
                        kind: kind.name(),
                        items,
                    });
                }
            }
        }
        BookView {
            title: site.pages[book].title.clone(),
            url: self.url(&site.pages[book].url),
            parts: parts_ids
                .iter()
                .map(|&i| BookPart {
                    current: i == current,
                    ..book_part(link(i))
                })
                .collect(),
            prev: pos
                .and_then(|p| p.checked_sub(1))
                .map(|p| link(parts_ids[p])),
            next: pos.and_then(|p| parts_ids.get(p + 1)).map(|&i| link(i)),
            collected,
            reading_time: reading_time(
                parts_ids.iter().map(|&i| site.rendered[i].word_count).sum(),
            ),
        }
    }

    /// The entries of a records field (`tools`, `attachments`): files in the repository get
    /// their published URL and size.
    fn files(&self, p: &Page, field: &str) -> Vec<ToolView> {
        let Some(Value::Array(items)) = p.field(field) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(Value::as_object)
            .map(|t| {
                let s = |k: &str| t.get(k).and_then(Value::as_str).map(str::to_string);
                let file = s("file").and_then(|f| self.tool_file(p, &f));
                ToolView {
                    name: s("name").or_else(|| s("title")).unwrap_or_default(),
                    url: file
                        .as_ref()
                        .map(|(u, _)| u.clone())
                        .or_else(|| s("url"))
                        .or_else(|| {
                            s("file").map(|f| if f.starts_with('/') { self.url(&f) } else { f })
                        }),
                    format: s("format"),
                    description: s("description"),
                    size: file.as_ref().map(|(_, n)| *n),
                    size_text: file.as_ref().map(|(_, n)| human_size(*n)),
                }
            })
            .collect()
    }

    /// URL and size of a tool's `file`, a path relative to the page's Markdown file.
    pub(crate) fn tool_file(&self, p: &Page, file: &str) -> Option<(String, u64)> {
        let rel = tool_file_path(p, file)?;
        let meta = std::fs::metadata(
            self.config()
                .root
                .join(crate::content::CONTENT_DIR)
                .join(&rel),
        )
        .ok()?;
        let url = crate::content::load::resource_url(&rel)?;
        Some((self.url(&url), meta.len()))
    }
}

/// The content-relative path a toolkit's `file:` names (relative to the page, or from the
/// content root when it starts with `/` or `@/`); `None` if it leaves `content/`.
pub(crate) fn tool_file_path(p: &Page, file: &str) -> Option<std::path::PathBuf> {
    let mut parts: Vec<&str> = Vec::new();
    let rest = if let Some(r) = file.strip_prefix("@/").or_else(|| file.strip_prefix('/')) {
        r
    } else {
        parts.extend(
            p.rel
                .parent()
                .into_iter()
                .flat_map(|d| d.iter())
                .filter_map(|s| s.to_str()),
        );
        file
    };
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.iter().collect())
}

fn book_part(l: Link) -> BookPart {
    BookPart {
        title: l.title,
        url: l.url,
        current: false,
    }
}

/// Minutes to read `words` at 200 words a minute, at least 1.
pub(crate) fn reading_time(words: usize) -> usize {
    words.div_ceil(200).max(1)
}

/// `12 KB`, `1.4 MB`.
pub(crate) fn human_size(n: u64) -> String {
    match n {
        0..=999 => format!("{n} B"),
        1_000..=999_999 => format!("{} KB", n.div_ceil(1000)),
        _ => format!("{:.1} MB", n as f64 / 1e6),
    }
}

/// Until when an event page is shown as upcoming (its end, or its start when it has none):
/// `None` for a page that is not an event. The same rule as [`EventView::upcoming`].
pub(crate) fn upcoming_until(p: &Page) -> Option<DateTime<Utc>> {
    let start = parse_datetime(p.field("start")?.as_str()?).ok()?;
    let end = p
        .field("end")
        .and_then(Value::as_str)
        .and_then(|s| parse_datetime(s).ok());
    Some(end.unwrap_or(start).with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::GroupSize;

    fn range(text: &str) -> Option<(u32, Option<u32>)> {
        GroupSize::parse(text).map(|g| (g.min, g.max))
    }

    #[test]
    fn reads_a_group_size_from_how_editors_write_it() {
        assert_eq!(range("6–20"), Some((6, Some(20))));
        assert_eq!(
            range("Selection panels of 5–12 people"),
            Some((5, Some(12)))
        );
        assert_eq!(range("من 6 إلى 20 شخصًا"), Some((6, Some(20))));
        assert_eq!(range("٦ إلى ٢٠"), Some((6, Some(20))));
        assert_eq!(range("12+"), Some((12, None)));
        assert_eq!(range("8"), Some((8, Some(8))));
        assert_eq!(range("20-6"), Some((20, Some(20))));
        assert_eq!(range("any size"), None);
    }
}
