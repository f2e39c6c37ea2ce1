//! Offline packs: every guide and course as an EPUB 3 file, one to carry or share, written
//! beside its front page (`/guides/x/x.epub`) and linked from it with its size.
//!
//! The package is written here, and zipped with the `zip` crate, rather than by a crate that
//! writes whole EPUBs (`epub-builder`): lore needs the same bytes for the same content, so every
//! time in it comes from the content's dates (the zip entries' times, `dcterms:modified`) and
//! the identifier from the guide's address, where such crates take the clock and a random UUID;
//! and the reading direction has to reach the spine (`page-progression-direction`), the package
//! and every document (`dir`, `xml:lang`) alike.
//!
//! The EPUB holds, in reading order, the front page then each chapter or lesson as an XHTML
//! document ([`xhtml`]: the page's HTML made well-formed and static), with what the site's pages
//! show around the text (a lesson's number, time, objectives and key points, readings, and the
//! attachments listed with their size and address on the site), a navigation document, a small
//! stylesheet, and the pictures: a resized one as its fall-back variant nearest below
//! [`crate::images::EPUB_WIDTH`] pixels (from the image cache, not the original), SVG made safe,
//! animations as they are. `mimetype` comes first, stored, as readers require.

pub(crate) mod xhtml;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::{Datelike, NaiveDate};
use serde_json::Value;

use crate::config::Direction;
use crate::diagnostics::Diagnostic;
use crate::render::context::ViewContext;
use crate::render::Templates;
use crate::site::{PageId, Site};
use xhtml::{escape_text, escaped, Resolver};

/// True for a page that gets an EPUB: the front page of a guide or course (a single-page guide
/// is its own front page), when `site.yaml` does not say `epub: false`.
pub(crate) fn has_epub(site: &Site, id: PageId) -> bool {
    let p = &site.pages[id];
    site.config.epub
        && p.type_name == "guide"
        && !site.is_list(id)
        && site.book_of(id).is_none_or(|b| b == id)
}

/// The pages of guide `guide`'s EPUB in reading order: its front page, then its chapters or
/// lessons (none for a single-page guide).
pub(crate) fn parts(site: &Site, guide: PageId) -> Vec<PageId> {
    if site.is_book(guide) {
        site.book_parts(guide)
    } else {
        vec![guide]
    }
}

/// Where the EPUB of the guide at `url` is: `/guides/x/` -> `/guides/x/x.epub`.
pub(crate) fn epub_url(url: &str) -> String {
    let slug = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or("guide");
    format!("{}/{slug}.epub", url.trim_end_matches('/'))
}

/// One file of the package.
struct Entry {
    /// Path inside the zip.
    path: String,
    bytes: Vec<u8>,
    /// Stored rather than deflated (pictures, already compressed; `mimetype`).
    stored: bool,
}

/// A picture taken into the EPUB.
struct Picture {
    /// Its name under `EPUB/images/`.
    name: String,
    media_type: &'static str,
    bytes: Vec<u8>,
}

/// What the parts of one EPUB share while they are converted: where links go, the pictures.
struct Book<'a> {
    site: &'a Site,
    /// Scheme and host of the site.
    origin: String,
    base_path: String,
    /// Each part's address, base path included, in reading order.
    parts: Vec<String>,
    /// The part being converted.
    current: usize,
    pictures: Vec<Picture>,
    /// Picture name by the address pages give it.
    by_src: BTreeMap<String, String>,
}

impl Book<'_> {
    /// `href` resolved against the current part's address.
    fn resolve(&self, href: &str) -> Option<url::Url> {
        let base = url::Url::parse(&format!("{}{}", self.origin, self.parts[self.current])).ok()?;
        base.join(href.trim()).ok()
    }

    fn same_site(&self, u: &url::Url) -> bool {
        u.origin().ascii_serialization() == self.origin
    }
}

impl Resolver for Book<'_> {
    fn link(&mut self, href: &str) -> Option<String> {
        if href.starts_with('#') {
            return Some(href.to_string());
        }
        let u = self.resolve(href)?;
        if u.scheme() == "javascript" {
            return None;
        }
        if self.same_site(&u) {
            if let Some(n) = self.parts.iter().position(|p| p == u.path()) {
                return Some(match u.fragment() {
                    Some(f) => format!("{}#{f}", part_file(n)),
                    None => part_file(n),
                });
            }
        }
        Some(u.to_string())
    }

    fn image(&mut self, src: &str) -> Option<String> {
        let u = self.resolve(src)?;
        if !self.same_site(&u) {
            return None;
        }
        let path = percent_encoding::percent_decode_str(u.path())
            .decode_utf8()
            .ok()?
            .into_owned();
        let path = path.strip_prefix(&self.base_path).unwrap_or(&path);
        if let Some(name) = self.by_src.get(path) {
            return Some(format!("../images/{name}"));
        }
        let root = &self.site.config.root;
        // A picture that cannot be read is the image stage's error to report; here its alt
        // text stands in for it.
        let (bytes, ext) = self.site.images.for_epub(root, path)?.ok()?;
        let media_type = media_type(ext)?;
        let stem = path
            .rsplit('/')
            .next()
            .and_then(|f| f.rsplit_once('.').map(|(s, _)| s))
            .unwrap_or("picture");
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let mut name = format!("{stem}.{ext}");
        let mut n = 1;
        while self.pictures.iter().any(|p| p.name == name) {
            n += 1;
            name = format!("{stem}-{n}.{ext}");
        }
        self.by_src.insert(path.to_string(), name.clone());
        self.pictures.push(Picture {
            name: name.clone(),
            media_type,
            bytes,
        });
        Some(format!("../images/{name}"))
    }
}

fn media_type(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// The file of part `n` (0-based) under `EPUB/text/`.
fn part_file(n: usize) -> String {
    format!("part-{:02}.xhtml", n + 1)
}

/// A converted part.
struct Part {
    title: String,
    xhtml: String,
    svg: bool,
    /// Its second-level headings kept in the document: (id, title).
    headings: Vec<(String, String)>,
}

/// Builds the EPUB of guide `guide` (see [`has_epub`]); an error names the guide's source.
pub(crate) fn build(
    views: &ViewContext,
    templates: &Templates,
    guide: PageId,
) -> Result<Vec<u8>, Diagnostic> {
    let site = views.site;
    let page = &site.pages[guide];
    let lang = page.lang.as_str();
    let dir = site.config.language(lang).map_or(Direction::Ltr, |l| l.dir);
    let dir = match dir {
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    };
    let ids = parts(site, guide);
    let t = |key: &str| templates.text(lang, key);
    let mut book = Book {
        site,
        origin: crate::render::print::origin(&site.config.base_url),
        base_path: views.base_path.clone(),
        parts: ids.iter().map(|&i| views.url(&site.pages[i].url)).collect(),
        current: 0,
        pictures: Vec::new(),
        by_src: BTreeMap::new(),
    };
    let mut parts = Vec::with_capacity(ids.len());
    for (n, &id) in ids.iter().enumerate() {
        book.current = n;
        parts.push(part(views, &t, &mut book, id, n == 0));
    }
    let modified = ids
        .iter()
        .filter_map(|&i| site.pages[i].updated.or(site.pages[i].date))
        .max()
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(1980, 1, 1).unwrap_or_default());
    let head = |title: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{l}\" xml:lang=\"{l}\" dir=\"{dir}\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{{css}}\"/>\n</head>\n",
            escaped(title),
            l = escaped(lang),
        )
    };
    let mut entries = vec![
        Entry {
            path: "mimetype".into(),
            bytes: b"application/epub+zip".to_vec(),
            stored: true,
        },
        Entry {
            path: "META-INF/container.xml".into(),
            bytes: CONTAINER.as_bytes().to_vec(),
            stored: false,
        },
        Entry {
            path: "EPUB/package.opf".into(),
            bytes: package(site, guide, &parts, &book.pictures, dir, modified).into_bytes(),
            stored: false,
        },
        Entry {
            path: "EPUB/nav.xhtml".into(),
            bytes: nav(&head(&t("contents")), &t("contents"), &parts).into_bytes(),
            stored: false,
        },
        Entry {
            path: "EPUB/style.css".into(),
            bytes: STYLE.as_bytes().to_vec(),
            stored: false,
        },
    ];
    for (n, p) in parts.iter().enumerate() {
        let doc = format!(
            "{}<body>\n<section epub:type=\"{}\">\n{}</section>\n</body>\n</html>\n",
            head(&p.title).replace("{css}", "../style.css"),
            if n == 0 { "frontmatter" } else { "chapter" },
            p.xhtml
        );
        entries.push(Entry {
            path: format!("EPUB/text/{}", part_file(n)),
            bytes: doc.into_bytes(),
            stored: false,
        });
    }
    for pic in book.pictures {
        entries.push(Entry {
            path: format!("EPUB/images/{}", pic.name),
            bytes: pic.bytes,
            stored: true,
        });
    }
    zip(entries, modified).map_err(|e| {
        Diagnostic::error(&page.source, format!("cannot write this guide's EPUB: {e}"))
    })
}

/// Part `id` as XHTML: its title and what its page shows around the text.
fn part(
    views: &ViewContext,
    t: &dyn Fn(&str) -> String,
    book: &mut Book,
    id: PageId,
    front: bool,
) -> Part {
    let site = views.site;
    let p = &site.pages[id];
    let view = views.page(id);
    let mut x = String::new();
    let mut ids = BTreeSet::new();
    x.push_str(&format!("<h1>{}</h1>\n", escaped(&p.title)));
    if let Some(course) = view.course.as_ref().filter(|c| c.number.is_some()) {
        let mut line = t("lesson_of")
            .replace("{n}", &course.number.unwrap_or(0).to_string())
            .replace("{total}", &course.total.to_string());
        if let Some(d) = p
            .field("duration")
            .and_then(crate::content::schema::scalar_text)
        {
            line.push_str(&format!(" · {d}"));
        }
        x.push_str(&format!("<p class=\"meta\">{}</p>\n", escaped(&line)));
    }
    if front {
        if !p.description.is_empty() {
            x.push_str(&format!(
                "<p class=\"lead\">{}</p>\n",
                escaped(&p.description)
            ));
        }
        let mut meta = site.config.title.clone();
        if let Some(d) = p.updated.or(p.date) {
            meta.push_str(&format!(" · {d}"));
        }
        x.push_str(&format!("<p class=\"meta\">{}</p>\n", escaped(&meta)));
        x.push_str(&format!(
            "<p class=\"meta\">{} <a href=\"{u}\">{u}</a></p>\n",
            escaped(&t("epub_online")),
            u = escaped(&view.permalink)
        ));
    }
    let list = |x: &mut String, class: &str, title: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        x.push_str(&format!(
            "<section class=\"{class}\">\n<h2>{}</h2>\n<ul>\n",
            escaped(title)
        ));
        for i in items {
            x.push_str(&format!("<li>{i}</li>\n"));
        }
        x.push_str("</ul>\n</section>\n");
    };
    let texts = |key: &str| -> Vec<String> {
        match p.field(key) {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(crate::content::schema::scalar_text)
                .map(|s| escaped(&s))
                .collect(),
            _ => Vec::new(),
        }
    };
    list(&mut x, "objectives", &t("objectives"), &texts("objectives"));
    let converted = xhtml::convert(&view.content, book, &mut ids);
    x.push_str(&converted.xhtml);
    x.push('\n');
    list(&mut x, "key-points", &t("key_points"), &texts("key_points"));
    let readings: Vec<String> = match p.field("readings") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_object)
            .map(|r| {
                let s = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or_default();
                let title = if s("title").is_empty() {
                    s("name")
                } else {
                    s("title")
                };
                match book.link(s("url")).filter(|_| !s("url").is_empty()) {
                    Some(u) => format!("<a href=\"{}\">{}</a>", escaped(&u), escaped(title)),
                    None => escaped(title),
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    list(&mut x, "readings", &t("callouts_reading"), &readings);
    let attachments: Vec<String> = view
        .attachments
        .iter()
        .map(|a| {
            let mut item = match a.url.as_deref().and_then(|u| book.link(u)) {
                Some(u) => format!("<a href=\"{}\">{}</a>", escaped(&u), escaped(&a.name)),
                None => escaped(&a.name),
            };
            let about: Vec<&str> = [a.format.as_deref(), a.size_text.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !about.is_empty() {
                item.push_str(&format!(" ({})", escaped(&about.join(", "))));
            }
            if let Some(d) = a.description.as_deref().filter(|d| !d.is_empty()) {
                item.push_str(" — ");
                escape_text(&mut item, d);
            }
            item
        })
        .collect();
    list(&mut x, "attachments", &t("attachments"), &attachments);
    Part {
        title: p.title.clone(),
        xhtml: x,
        svg: converted.svg,
        headings: view
            .toc
            .iter()
            .filter(|h| h.level == 2 && ids.contains(&h.id))
            .map(|h| (h.id.clone(), h.title.clone()))
            .collect(),
    }
}

/// The navigation document: each part, with its second-level headings.
fn nav(head: &str, title: &str, parts: &[Part]) -> String {
    let mut x = head.replace("{css}", "style.css");
    x.push_str(&format!(
        "<body>\n<nav epub:type=\"toc\" id=\"toc\">\n<h1>{}</h1>\n<ol>\n",
        escaped(title)
    ));
    for (n, p) in parts.iter().enumerate() {
        let file = format!("text/{}", part_file(n));
        x.push_str(&format!("<li><a href=\"{file}\">{}</a>", escaped(&p.title)));
        if !p.headings.is_empty() {
            x.push_str("\n<ol>\n");
            for (id, title) in &p.headings {
                x.push_str(&format!(
                    "<li><a href=\"{file}#{}\">{}</a></li>\n",
                    escaped(id),
                    escaped(title)
                ));
            }
            x.push_str("</ol>\n");
        }
        x.push_str("</li>\n");
    }
    x.push_str("</ol>\n</nav>\n</body>\n</html>\n");
    x
}

/// The package document: metadata, manifest (every file but `mimetype`, the container and the
/// package itself) and spine in reading order.
fn package(
    site: &Site,
    guide: PageId,
    parts: &[Part],
    pictures: &[Picture],
    dir: &str,
    modified: NaiveDate,
) -> String {
    let p = &site.pages[guide];
    let lang = escaped(&p.lang);
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"{lang}\" dir=\"{dir}\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:identifier id=\"uid\">{}</dc:identifier>\n<dc:title>{}</dc:title>\n<dc:language>{lang}</dc:language>\n",
        escaped(&site.config.absolute_url(&p.url)),
        escaped(&p.title),
    );
    if !p.description.is_empty() {
        x.push_str(&format!(
            "<dc:description>{}</dc:description>\n",
            escaped(&p.description)
        ));
    }
    for author in p.taxonomies.get("authors").into_iter().flatten() {
        x.push_str(&format!("<dc:creator>{}</dc:creator>\n", escaped(author)));
    }
    x.push_str(&format!(
        "<dc:publisher>{}</dc:publisher>\n",
        escaped(&site.config.title)
    ));
    if let Some(d) = p.date {
        x.push_str(&format!("<dc:date>{d}</dc:date>\n"));
    }
    x.push_str(&format!(
        "<dc:source>{}</dc:source>\n<meta property=\"dcterms:modified\">{}T00:00:00Z</meta>\n</metadata>\n<manifest>\n",
        escaped(&site.config.absolute_url(&p.url)),
        modified.format("%Y-%m-%d")
    ));
    x.push_str("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n");
    for (n, part) in parts.iter().enumerate() {
        x.push_str(&format!(
            "<item id=\"part-{:02}\" href=\"text/{}\" media-type=\"application/xhtml+xml\"{}/>\n",
            n + 1,
            part_file(n),
            if part.svg { " properties=\"svg\"" } else { "" }
        ));
    }
    for (n, pic) in pictures.iter().enumerate() {
        x.push_str(&format!(
            "<item id=\"image-{}\" href=\"images/{}\" media-type=\"{}\"/>\n",
            n + 1,
            escaped(&pic.name),
            pic.media_type
        ));
    }
    x.push_str(&format!(
        "</manifest>\n<spine page-progression-direction=\"{dir}\">\n"
    ));
    for n in 0..parts.len() {
        x.push_str(&format!("<itemref idref=\"part-{:02}\"/>\n", n + 1));
    }
    x.push_str("</spine>\n</package>\n");
    x
}

/// Zips the entries in order, each with the time `date` (midnight), so that the same content
/// gives the same bytes.
fn zip(entries: Vec<Entry>, date: NaiveDate) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime};
    let year = date.year().clamp(1980, 2107) as u16;
    let time = DateTime::from_date_and_time(year, date.month() as u8, date.day() as u8, 0, 0, 0)
        .unwrap_or_default();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for e in entries {
        let options = SimpleFileOptions::default()
            .last_modified_time(time)
            .unix_permissions(0o644)
            .compression_method(if e.stored {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            });
        w.start_file(e.path, options)?;
        w.write_all(&e.bytes)?;
    }
    Ok(w.finish()?.into_inner())
}

/// `META-INF/container.xml`: where the package document is.
const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"1.0\">\n<rootfiles>\n<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n</rootfiles>\n</container>\n";

/// The EPUB's stylesheet: little, since reading systems bring their own type and margins.
const STYLE: &str = "\
h1 { font-size: 1.6em; margin: 0 0 .5em; }
.lead { font-size: 1.1em; }
.meta { color: #555; font-size: .9em; }
.callout, .selfcheck, .objectives, .key-points { border: 1px solid #999; border-inline-start-width: 4px; padding: .25em .75em; margin: 1em 0; }
.callout-title, .legend, .summary { font-weight: bold; }
.callout-kind { text-transform: uppercase; font-size: .85em; letter-spacing: .04em; margin-inline-end: .4em; }
.task::before { content: \"\\2610\\00a0\"; }
.selfcheck .right strong { color: #176b2c; }
.selfcheck .wrong strong { color: #8a1c1c; }
pre { white-space: pre-wrap; font-size: .85em; }
img, svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: .2em .4em; }
.image-alt { font-style: italic; }
";
