//! Offline packs (issue 18, and issue 23's course EPUB): every guide and course as an EPUB 3
//! file, checked as a reading system opens one — `mimetype` first and stored, the container
//! naming the package, a manifest listing every file, the spine in the guide's reading order, a
//! navigation document, every document well-formed XML in the guide's language and direction —
//! and the link to it on the guide's front page with its size.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use crate::support::{built_example as example, copy_dir, repo, SiteTest};

const COURSE: &str = "guides/facilitating-online-learning";

/// An EPUB opened: its files in zip order with their bytes.
struct Epub {
    files: Vec<(String, Vec<u8>)>,
    /// The first entry's name and whether it was stored uncompressed.
    first: (String, bool),
}

impl Epub {
    fn open(path: &Path) -> Self {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
        let mut files = Vec::new();
        let mut first = None;
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).expect("entry");
            if first.is_none() {
                first = Some((
                    f.name().expect("entry name").to_string(),
                    f.compression() == zip::CompressionMethod::Stored,
                ));
            }
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("read entry");
            files.push((f.name().expect("entry name").to_string(), b));
        }
        Self {
            files,
            first: first.expect("an entry"),
        }
    }

    fn text(&self, name: &str) -> String {
        let (_, b) = self
            .files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} not in the EPUB"));
        String::from_utf8(b.clone()).expect("UTF-8")
    }

    fn bytes(&self, name: &str) -> &[u8] {
        &self.files.iter().find(|(n, _)| n == name).expect(name).1
    }
}

/// What [`check_structure`] found.
struct Structure {
    /// The spine's documents (zip paths) in order.
    spine: Vec<String>,
    /// The `<h1>` of each spine document.
    titles: Vec<String>,
    /// Manifest entries: zip path and media type.
    manifest: Vec<(String, String)>,
}

/// An XML document, its `<!DOCTYPE html>` allowed (XHTML documents of an EPUB have one).
fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, options)
}

fn element<'a>(doc: &'a roxmltree::Document, name: &str) -> roxmltree::Node<'a, 'a> {
    doc.descendants()
        .find(|n| n.tag_name().name() == name)
        .unwrap_or_else(|| panic!("no <{name}>"))
}

/// Checks what every reading system relies on, in language `lang` and direction `dir`.
fn check_structure(epub: &Epub, lang: &str, dir: &str) -> Structure {
    assert_eq!(
        epub.first,
        ("mimetype".to_string(), true),
        "mimetype comes first, stored"
    );
    assert_eq!(epub.text("mimetype"), "application/epub+zip");
    let container = epub.text("META-INF/container.xml");
    let container = parse_xml(&container).expect("container.xml is XML");
    let opf_path = element(&container, "rootfile")
        .attribute("full-path")
        .expect("full-path")
        .to_string();
    let opf_text = epub.text(&opf_path);
    let opf = parse_xml(&opf_text).expect("the package document is XML");
    let opf_dir = opf_path.rsplit_once('/').map_or("", |(d, _)| d);
    let full = |href: &str| {
        if opf_dir.is_empty() {
            href.to_string()
        } else {
            format!("{opf_dir}/{href}")
        }
    };
    assert_eq!(element(&opf, "package").attribute("version"), Some("3.0"));
    assert_eq!(element(&opf, "language").text(), Some(lang), "dc:language");
    assert!(element(&opf, "title").text().is_some_and(|t| !t.is_empty()));
    assert!(opf
        .descendants()
        .any(|n| n.attribute("property") == Some("dcterms:modified")));
    let items: Vec<roxmltree::Node> = opf
        .descendants()
        .filter(|n| n.tag_name().name() == "item")
        .collect();
    let manifest: Vec<(String, String)> = items
        .iter()
        .map(|i| {
            (
                full(i.attribute("href").expect("href")),
                i.attribute("media-type").expect("media-type").to_string(),
            )
        })
        .collect();
    let listed: BTreeSet<&str> = manifest.iter().map(|(p, _)| p.as_str()).collect();
    let in_zip: BTreeSet<&str> = epub
        .files
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !["mimetype", "META-INF/container.xml", opf_path.as_str()].contains(n))
        .collect();
    assert_eq!(listed, in_zip, "the manifest lists every file of the EPUB");
    let nav = items
        .iter()
        .find(|i| i.attribute("properties") == Some("nav"))
        .expect("a navigation document");
    let nav_text = epub.text(&full(nav.attribute("href").expect("href")));
    let nav_doc = parse_xml(&nav_text).expect("nav is XML");
    assert!(nav_doc.descendants().any(|n| n.tag_name().name() == "nav"
        && n.attributes()
            .any(|a| a.name() == "type" && a.value() == "toc")));
    let spine_el = element(&opf, "spine");
    assert_eq!(
        spine_el.attribute("page-progression-direction"),
        Some(dir),
        "the spine's direction"
    );
    let spine: Vec<String> = spine_el
        .children()
        .filter(|n| n.tag_name().name() == "itemref")
        .map(|r| {
            let id = r.attribute("idref").expect("idref");
            let item = items
                .iter()
                .find(|i| i.attribute("id") == Some(id))
                .expect("itemref names an item");
            full(item.attribute("href").expect("href"))
        })
        .collect();
    for (path, media) in &manifest {
        if media != "application/xhtml+xml" {
            continue;
        }
        let text = epub.text(path);
        let doc = parse_xml(&text).unwrap_or_else(|e| panic!("{path} is not well-formed XML: {e}"));
        let html = doc.root_element();
        assert_eq!(
            html.tag_name().namespace(),
            Some("http://www.w3.org/1999/xhtml")
        );
        assert_eq!(
            html.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang),
            "{path}: xml:lang"
        );
        assert_eq!(html.attribute("dir"), Some(dir), "{path}: dir");
    }
    let titles = spine
        .iter()
        .map(|p| {
            let text = epub.text(p);
            let doc = parse_xml(&text).expect("XML");
            let h1 = element(&doc, "h1");
            h1.descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect::<String>()
        })
        .collect();
    Structure {
        spine,
        titles,
        manifest,
    }
}

/// The `<h1>` of a built page.
fn h1_of(site: &SiteTest, rel: &str) -> String {
    let html = site.main_of(rel);
    let start = html.find("<h1>").expect("<h1>") + 4;
    let end = html[start..].find("</h1>").expect("</h1>") + start;
    html[start..end].replace("&amp;", "&").replace("&#39;", "'")
}

/// The "Download as EPUB (N KB)" link of a built front page: its address and text.
fn epub_link(site: &SiteTest, rel: &str) -> (String, String) {
    let html = site.read(rel);
    let at = html.find("class=\"epub-link\"").expect("an EPUB link");
    let a = &html[at..];
    let href_at = a.find("href=\"").expect("href") + 6;
    let href = &a[href_at..href_at + a[href_at..].find('"').expect("quote")];
    let end = a.find("</a>").expect("</a>");
    let text = &a[a[..end].rfind('>').expect(">") + 1..end];
    (href.to_string(), text.to_string())
}

#[test]
fn the_example_course_downloads_as_an_epub_of_its_twelve_lessons_in_order() {
    let site = example();
    let (href, text) = epub_link(site, &format!("{COURSE}/index.html"));
    assert_eq!(href, format!("/{COURSE}/facilitating-online-learning.epub"));
    let path = site.out(href.trim_start_matches('/'));
    let size = std::fs::metadata(&path)
        .expect("the linked EPUB exists")
        .len();
    assert_eq!(
        text,
        format!("Download as EPUB ({} KB)", size.div_ceil(1000))
    );
    let epub = Epub::open(&path);
    let s = check_structure(&epub, "en", "ltr");
    // The front page, then the lessons in the order the site numbers them.
    let mut lessons: Vec<String> = std::fs::read_dir(site.out(COURSE))
        .expect("course folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("lesson-"))
        .collect();
    lessons.sort();
    let mut expected = vec![h1_of(site, &format!("{COURSE}/index.html"))];
    expected.extend(
        lessons
            .iter()
            .map(|l| h1_of(site, &format!("{COURSE}/{l}/index.html"))),
    );
    assert_eq!(s.titles.len(), 13);
    assert_eq!(s.titles, expected, "spine order is the course's order");
    // A lesson as a learner's manual has it: its number, objectives, the callouts, the
    // self-check made static (answers and feedback shown, nothing to click), key points, and
    // its attachments with their size and address on the site.
    let lesson = epub.text(&s.spine[3]);
    assert!(lesson.contains("Lesson 3 of 12"), "{lesson}");
    assert!(lesson.contains("<h2>Learning objectives</h2>"));
    assert!(lesson.contains("<h2>Key points</h2>"));
    assert!(lesson.contains("class=\"callout callout-checklist\""));
    assert!(lesson.contains("class=\"selfcheck\""));
    assert!(lesson.contains("<strong>Right:</strong>"));
    for interactive in ["<input", "<button", "<script", "<details", " hidden"] {
        assert!(!lesson.contains(interactive), "{interactive} in {lesson}");
    }
    assert!(
        lesson.contains(&format!(
            "href=\"https://example.org/{COURSE}/files/lesson-03-learner-notes.txt\">"
        )),
        "{lesson}"
    );
    assert!(lesson.contains("(txt, 2 KB)"), "{lesson}");
    // Links between lessons stay inside the EPUB.
    assert!(lesson.contains("<a href=\"part-05.xhtml\">"), "{lesson}");
}

#[test]
fn a_guide_with_a_picture_carries_it_at_one_width_not_its_variants() {
    let site = example();
    let guide = "guides/joint-learning-events";
    let (href, _) = epub_link(site, &format!("{guide}/index.html"));
    let epub = Epub::open(&site.out(href.trim_start_matches('/')));
    let s = check_structure(&epub, "en", "ltr");
    let pictures: Vec<&(String, String)> = s
        .manifest
        .iter()
        .filter(|(_, m)| m.starts_with("image/"))
        .collect();
    assert_eq!(pictures.len(), 1, "{pictures:?}");
    let (path, media) = pictures[0];
    assert_eq!(media, "image/png");
    let img = image::load_from_memory(epub.bytes(path)).expect("a PNG");
    assert!(img.width() <= 960, "{} px wide", img.width());
    let name = path.rsplit('/').next().expect("name");
    assert!(
        s.spine.iter().any(|p| epub
            .text(p)
            .contains(&format!("<img src=\"../images/{name}\" alt=\""))),
        "a chapter shows the picture"
    );
}

/// `tests/fixtures/sites/arabic-guide`: a guide in English and in Arabic (two chapters and an
/// SVG picture), with `extra_config` added to its site.yaml.
fn arabic_site(extra_config: &str) -> SiteTest {
    let t = SiteTest::new();
    let fixture = repo().join("tests/fixtures/sites/arabic-guide");
    copy_dir(&fixture, &t.root);
    let config = std::fs::read_to_string(fixture.join("site.yaml")).expect("site.yaml");
    t.file("site.yaml", &format!("{config}{extra_config}"));
    t
}

#[test]
fn an_arabic_guide_downloads_as_a_right_to_left_epub() {
    let t = arabic_site("");
    t.build_ok();
    let (href, text) = epub_link(&t, "ar/guides/water/index.html");
    assert_eq!(href, "/ar/guides/water/water.epub");
    let path = t.out("ar/guides/water/water.epub");
    let size = std::fs::metadata(&path).expect("EPUB").len();
    assert_eq!(
        text,
        format!("تنزيل بصيغة EPUB ({} KB)", size.div_ceil(1000))
    );
    let epub = Epub::open(&path);
    let s = check_structure(&epub, "ar", "rtl");
    assert_eq!(s.titles, ["إدارة المياه", "الآبار", "التخزين"]);
    let storage = epub.text(&s.spine[2]);
    assert!(
        storage.contains("<a href=\"part-02.xhtml\">الآبار</a>"),
        "{storage}"
    );
    // Its diagram, inline SVG, which the manifest declares.
    assert!(
        storage.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{storage}"
    );
    assert!(epub.text("EPUB/package.opf").contains(
        "href=\"text/part-03.xhtml\" media-type=\"application/xhtml+xml\" properties=\"svg\""
    ));
    assert!(epub.text(&s.spine[0]).contains("<br/>"));
    // Its own language's EPUB for the English original, left to right.
    let en = Epub::open(&t.out("guides/water/water.epub"));
    check_structure(&en, "en", "ltr");
}

#[test]
fn the_same_content_gives_the_same_epub_dated_from_the_content() {
    let t = arabic_site("");
    t.build_ok();
    let first = std::fs::read(t.out("ar/guides/water/water.epub")).expect("EPUB");
    std::fs::remove_dir_all(t.out("")).expect("clean");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    t.build_ok();
    let second = std::fs::read(t.out("ar/guides/water/water.epub")).expect("EPUB");
    assert!(first == second, "two builds wrote different EPUBs");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(first)).expect("zip");
    for i in 0..zip.len() {
        let f = zip.by_index(i).expect("entry");
        let time = f.last_modified().expect("a time");
        // The latest date of the guide's pages (`updated:` of its front page).
        assert_eq!(
            (
                time.year(),
                time.month(),
                time.day(),
                time.hour(),
                time.minute()
            ),
            (2026, 4, 2, 0, 0),
            "{}",
            f.name().expect("entry name")
        );
    }
}

#[test]
fn epub_false_writes_no_epub_and_no_link() {
    let t = arabic_site("epub: false\n");
    t.build_ok();
    assert!(!t.out("ar/guides/water/water.epub").exists());
    assert!(!t.read("ar/guides/water/index.html").contains("epub-link"));
}

#[test]
fn serve_remakes_the_epub_of_a_guide_whose_chapter_changed_as_a_build_would() {
    use lore::incremental::IncrementalBuild;
    let t = arabic_site("");
    let outs = tempfile::tempdir().expect("temp dir");
    let mut options = t.options();
    options.out = outs.path().join("served");
    options.offline = false;
    let mut serve = IncrementalBuild::new(options.clone());
    serve.rebuild().expect("first build");
    let chapter = "content/guides/water/wells.ar.md";
    let text = std::fs::read_to_string(t.root.join(chapter)).expect("read");
    t.file(chapter, &format!("{text}\nجملة جديدة عن المضخات.\n"));
    let report = serve
        .rebuild_changed(&[std::path::PathBuf::from(chapter)])
        .expect("rebuild");
    assert!(report.patched, "a chapter's body edit takes the fast path");
    let served = Epub::open(&outs.path().join("served/ar/guides/water/water.epub"));
    assert!(served
        .text("EPUB/text/part-02.xhtml")
        .contains("جملة جديدة عن المضخات"));
    let mut clean = options;
    clean.out = outs.path().join("clean");
    lore::build(&clean, &|_| {}).expect("clean build");
    for f in ["ar/guides/water/water.epub", "ar/guides/water/index.html"] {
        assert!(
            std::fs::read(outs.path().join("served").join(f)).ok()
                == std::fs::read(outs.path().join("clean").join(f)).ok(),
            "{f}: served and built differ"
        );
    }
}
