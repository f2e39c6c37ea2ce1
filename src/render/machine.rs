//! Machine-readable outputs: `sitemap.xml`, `robots.txt`, Atom feeds, iCalendar files and
//! `api/pages.json`. They are written from the site graph directly, not through layouts, since
//! their formats are fixed by their standards.

use chrono::{NaiveDate, Utc};
use quick_xml::events::{BytesDecl, BytesText, Event};
use serde::Serialize;
use serde_json::json;

use super::context::ViewContext;
use super::output_path;
use crate::content::controls;
use crate::diagnostics::Diagnostic;
use crate::schema::date::parse_datetime;
use crate::site::{PageId, Site};

/// One machine-readable file.
#[derive(Clone, Debug)]
pub(super) enum MachineFile {
    Sitemap,
    Robots,
    Api,
    /// Atom feed of a language (`None`) or of a section page.
    Feed {
        lang: String,
        section: Option<PageId>,
    },
    /// One event's `.ics`.
    Event(PageId),
    /// All events of a language in one `.ics`.
    Calendar(String),
}

/// Every machine-readable file the site gets.
pub(super) fn files(site: &Site) -> Vec<MachineFile> {
    let mut out = vec![MachineFile::Sitemap, MachineFile::Robots, MachineFile::Api];
    for l in &site.config.languages {
        if site.homes.contains_key(&l.code) {
            out.push(MachineFile::Feed {
                lang: l.code.clone(),
                section: None,
            });
        }
        if has_calendar(site, &l.code) {
            out.push(MachineFile::Calendar(l.code.clone()));
        }
    }
    for (id, p) in site.pages.iter().enumerate() {
        if site.is_list(id) && !p.logical_path.is_empty() {
            out.push(MachineFile::Feed {
                lang: p.lang.clone(),
                section: Some(id),
            });
        }
        if is_event(p) {
            out.push(MachineFile::Event(id));
        }
    }
    out
}

/// True when language `lang` gets an `events.ics` of its own: it has an event (a calendar
/// without one is not valid iCalendar).
pub(crate) fn has_calendar(site: &Site, lang: &str) -> bool {
    site.pages.iter().any(|p| p.lang == lang && is_event(p))
}

/// The events of language `lang`, which its `events.ics` shows.
pub(super) fn calendar_events(site: &Site, lang: &str) -> Vec<PageId> {
    (0..site.pages.len())
        .filter(|&i| site.pages[i].lang == lang && is_event(&site.pages[i]))
        .collect()
}

fn is_event(p: &crate::content::Page) -> bool {
    !p.is_section
        && p.field("start")
            .and_then(|v| v.as_str())
            .is_some_and(|s| parse_datetime(s).is_ok())
}

/// Renders one file as (output path, bytes).
pub(super) fn render(
    views: &ViewContext,
    f: &MachineFile,
) -> Result<(String, Vec<u8>), Diagnostic> {
    let site = views.site;
    Ok(match f {
        MachineFile::Sitemap => ("sitemap.xml".into(), sitemap(site).map_err(xml_error)?),
        MachineFile::Robots => (
            "robots.txt".into(),
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                site.config.absolute_url("/sitemap.xml")
            )
            .into_bytes(),
        ),
        MachineFile::Api => ("api/pages.json".into(), api(site)),
        MachineFile::Feed { lang, section } => {
            let base = section.map_or_else(
                || format!("{}/", prefix(site, lang)),
                |s| site.pages[s].url.clone(),
            );
            (
                format!("{}atom.xml", base.trim_start_matches('/')),
                feed(site, lang, *section, &base).map_err(xml_error)?,
            )
        }
        MachineFile::Event(id) => {
            let p = &site.pages[*id];
            (
                format!(
                    "{}event.ics",
                    output_path(&p.url).trim_end_matches("index.html")
                ),
                calendar(site, &[*id]).into_bytes(),
            )
        }
        MachineFile::Calendar(lang) => (
            format!("{}/events.ics", prefix(site, lang))
                .trim_start_matches('/')
                .to_string(),
            calendar(site, &calendar_events(site, lang)).into_bytes(),
        ),
    })
    .map(|(path, bytes)| {
        let _ = views;
        (path, bytes)
    })
}

/// Writing XML into memory cannot fail; should quick-xml still say so, the build says why.
fn xml_error(e: std::io::Error) -> Diagnostic {
    Diagnostic::error("", format!("cannot write XML: {e}"))
}

fn prefix<'a>(site: &'a Site, lang: &str) -> &'a str {
    site.config.language(lang).map_or("", |l| l.prefix.as_str())
}

/// An XML document being written: quick-xml escapes text and attribute values.
type Xml = quick_xml::Writer<Vec<u8>>;

/// A writer for a new document, after its declaration.
fn xml_document() -> std::io::Result<Xml> {
    let mut w = Xml::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

/// The document's bytes, ending with a line end.
fn xml_bytes(w: Xml) -> Vec<u8> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// `<name>text</name>`, without the characters XML forbids.
fn text_element(w: &mut Xml, name: &str, text: &str) -> std::io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&controls::strip(text)))?;
    Ok(())
}

/// `<name attr="value" .../>`, without the characters XML forbids.
fn empty_element(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
    let values: Vec<_> = attrs
        .iter()
        .map(|(k, v)| (*k, controls::strip(v)))
        .collect();
    w.create_element(name)
        .with_attributes(values.iter().map(|(k, v)| (*k, v.as_ref())))
        .write_empty()?;
    Ok(())
}

/// The attributes of an Atom `<link>`.
fn link<'a>(rel: &'a str, kind: &'a str, href: &'a str) -> [(&'static str, &'a str); 3] {
    [("rel", rel), ("type", kind), ("href", href)]
}

fn sitemap(site: &Site) -> std::io::Result<Vec<u8>> {
    let mut w = xml_document()?;
    w.create_element("urlset")
        .with_attributes([
            ("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"),
            ("xmlns:xhtml", "http://www.w3.org/1999/xhtml"),
        ])
        .write_inner_content(|w| {
            for (id, p) in site.pages.iter().enumerate() {
                w.create_element("url").write_inner_content(|w| {
                    text_element(w, "loc", &site.config.absolute_url(&p.url))?;
                    if let Some(d) = p.updated.or(p.date) {
                        text_element(w, "lastmod", &d.to_string())?;
                    }
                    if site.translations[id].len() > 1 {
                        for &t in &site.translations[id] {
                            let tp = &site.pages[t];
                            let href = site.config.absolute_url(&tp.url);
                            empty_element(
                                w,
                                "xhtml:link",
                                &[
                                    ("rel", "alternate"),
                                    ("hreflang", &tp.lang),
                                    ("href", &href),
                                ],
                            )?;
                        }
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(xml_bytes(w))
}

/// `api/pages.json`. Serialized as it is (not through a `serde_json::Value`, which at 10,000
/// pages cost more than writing the file), so its fields are in the order of their names, as a
/// `Value`'s keys would be.
#[derive(Serialize)]
struct ApiFile<'a> {
    base_url: &'a str,
    pages: Vec<ApiPage<'a>>,
}

/// One page of `api/pages.json`; fields in the order of their names (see [`ApiFile`]).
#[derive(Serialize)]
struct ApiPage<'a> {
    date: Option<String>,
    description: &'a str,
    lang: &'a str,
    permalink: String,
    source: String,
    taxonomies: &'a std::collections::BTreeMap<String, Vec<String>>,
    title: &'a str,
    translations: Vec<serde_json::Value>,
    #[serde(rename = "type")]
    type_name: &'a str,
    updated: Option<String>,
    url: &'a str,
}

fn api(site: &Site) -> Vec<u8> {
    let pages: Vec<ApiPage> = site
        .pages
        .iter()
        .enumerate()
        .map(|(id, p)| ApiPage {
            url: &p.url,
            permalink: site.config.absolute_url(&p.url),
            type_name: if site.is_list(id) {
                "section"
            } else {
                &p.type_name
            },
            lang: &p.lang,
            title: &p.title,
            description: &p.description,
            date: p.date.map(|d| d.to_string()),
            updated: p.updated.map(|d| d.to_string()),
            taxonomies: &p.taxonomies,
            translations: site.translations[id]
                .iter()
                .filter(|&&t| t != id)
                .map(|&t| json!({"lang": site.pages[t].lang, "url": site.pages[t].url}))
                .collect(),
            source: p.source.to_string_lossy().replace('\\', "/"),
        })
        .collect();
    let file = ApiFile {
        base_url: &site.config.base_url,
        pages,
    };
    let mut bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

const FEED_ENTRIES: usize = 20;

/// The pages a feed shows: the latest [`FEED_ENTRIES`] dated pages of language `lang` (under
/// `section`, when given), newest first. Its fingerprint covers these alone.
pub(super) fn feed_entries(site: &Site, lang: &str, section: Option<PageId>) -> Vec<PageId> {
    let in_scope = |id: PageId| match section {
        Some(s) => site.pages[id].url.starts_with(&site.pages[s].url) && id != s,
        None => true,
    };
    let mut ids: Vec<PageId> = (0..site.pages.len())
        .filter(|&i| {
            site.pages[i].lang == lang
                && !site.is_list(i)
                && site.pages[i].date.is_some()
                && in_scope(i)
        })
        .collect();
    ids.sort_by(|&a, &b| site.pages[b].date.cmp(&site.pages[a].date).then(a.cmp(&b)));
    ids.truncate(FEED_ENTRIES);
    ids
}

fn feed(site: &Site, lang: &str, section: Option<PageId>, base: &str) -> std::io::Result<Vec<u8>> {
    let abs = |u: &str| site.config.absolute_url(u);
    let ids = feed_entries(site, lang, section);
    let stamp = |d: Option<NaiveDate>| {
        d.map_or_else(
            || "1970-01-01T00:00:00Z".to_string(),
            |d| format!("{d}T00:00:00Z"),
        )
    };
    let updated = ids
        .iter()
        .filter_map(|&i| site.pages[i].updated.or(site.pages[i].date))
        .max();
    let title = match section {
        Some(s) => format!("{} – {}", site.pages[s].title, site.config.title),
        None => site.config.title.clone(),
    };
    let mut w = xml_document()?;
    w.create_element("feed")
        .with_attributes([("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", lang)])
        .write_inner_content(|w| {
            text_element(w, "title", &title)?;
            text_element(w, "id", &abs(base))?;
            let own = abs(&format!("{base}atom.xml"));
            empty_element(w, "link", &link("self", "application/atom+xml", &own))?;
            empty_element(w, "link", &link("alternate", "text/html", &abs(base)))?;
            text_element(w, "updated", &stamp(updated))?;
            text_element(w, "generator", "lore")?;
            for &id in &ids {
                let p = &site.pages[id];
                let authors = p
                    .taxonomies
                    .get("authors")
                    .cloned()
                    .unwrap_or_else(|| vec![site.config.title.clone()]);
                w.create_element("entry").write_inner_content(|w| {
                    text_element(w, "title", &p.title)?;
                    text_element(w, "id", &abs(&p.url))?;
                    empty_element(w, "link", &link("alternate", "text/html", &abs(&p.url)))?;
                    text_element(w, "published", &stamp(p.date))?;
                    text_element(w, "updated", &stamp(p.updated.or(p.date)))?;
                    for a in &authors {
                        w.create_element("author")
                            .write_inner_content(|w| text_element(w, "name", a))?;
                    }
                    if !p.description.is_empty() {
                        text_element(w, "summary", &p.description)?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(xml_bytes(w))
}

/// An iCalendar file (RFC 5545) of events: CRLF line ends, lines folded at 75 octets, times in
/// UTC, a UID that stays the same across builds (from the page's translation key and language).
fn calendar(site: &Site, ids: &[PageId]) -> String {
    let host = site
        .config
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or("lore")
        .split('/')
        .next()
        .unwrap_or("lore")
        .to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:-//lore//{}//EN", ics_text(&site.config.title)),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let utc = |s: &str| {
        parse_datetime(s)
            .ok()
            .map(|d| d.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string())
    };
    for &id in ids {
        let p = &site.pages[id];
        let field = |k: &str| p.field(k).and_then(|v| v.as_str());
        let Some(start) = field("start").and_then(utc) else {
            continue;
        };
        let loc = p.field("location").and_then(|v| v.as_object());
        let loc_text: Vec<&str> = ["name", "city", "country"]
            .iter()
            .filter_map(|k| {
                loc.and_then(|l| l.get(*k))
                    .and_then(|v| v.as_str())
                    .filter(|s| !s.is_empty())
            })
            .collect();
        let stamp = p.updated.or(p.date).map_or_else(
            || start.clone(),
            |d| format!("{}T000000Z", d.format("%Y%m%d")),
        );
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!(
            "UID:{}-{}@{}",
            crate::schema::slug::slugify(&p.translation_key),
            p.lang,
            host
        ));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART:{start}"));
        if let Some(end) = field("end").and_then(utc) {
            lines.push(format!("DTEND:{end}"));
        }
        lines.push(format!("SUMMARY:{}", ics_text(&p.title)));
        if !p.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", ics_text(&p.description)));
        }
        if !loc_text.is_empty() {
            lines.push(format!("LOCATION:{}", ics_text(&loc_text.join(", "))));
        }
        lines.push(format!("URL:{}", site.config.absolute_url(&p.url)));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// Escapes TEXT values (RFC 5545 3.3.11), leaving out control characters (a line end becomes
/// `\n`, the only one TEXT can carry).
fn ics_text(s: &str) -> String {
    controls::strip(&s.replace("\r\n", "\n").replace('\r', "\n"))
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a character, ending it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn escapes_ics_text() {
        assert_eq!(ics_text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
