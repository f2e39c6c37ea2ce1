//! The knowledge site around the pages: taxonomies, calendars, feeds, sitemap, the JSON API,
//! redirects, related pages and page weight, parsed back with real parsers.

use std::io::Write;

use crate::support::SiteTest;

fn example() -> SiteTest {
    let site = SiteTest::example();
    site.build_ok();
    site
}

#[test]
fn term_pages_list_their_pages_and_indexes_count_them() {
    let site = example();
    let index = site.main_of("tags/index.html");
    assert!(index.contains("href=\"/tags/facilitation/\""), "{index}");
    let term = site.main_of("tags/facilitation/index.html");
    let listed = term.matches("<li class=\"entry").count();
    assert!(listed > 0);
    let count = format!(
        "<a href=\"/tags/facilitation/\">facilitation <span class=\"count\">{listed}</span></a>"
    );
    assert!(
        index.contains(&count),
        "count on the index matches the term page: {count}"
    );
    assert!(
        site.out("fr/tags/index.html").is_file(),
        "taxonomies per language"
    );
    assert!(
        site.main_of("authors/wanjiku-mwangi/index.html")
            .contains("<li class=\"entry"),
        "author pages"
    );
}

#[test]
fn event_calendars_parse_as_icalendar_with_stable_uids() {
    let site = example();
    let text = site.read("events.ics");
    let unfolded = icalendar::parser::unfold(&text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("events.ics parses");
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert!(events.len() >= 5, "{} events", events.len());
    for e in &events {
        for prop in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
            assert!(
                e.properties.iter().any(|p| p.name == prop),
                "{prop} missing"
            );
        }
        let start = e
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .expect("start")
            .val
            .to_string();
        assert!(start.ends_with('Z'), "times in UTC: {start}");
    }
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line}");
    }
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CRLF line ends only"
    );
    let again = SiteTest::example();
    again.build_ok();
    assert_eq!(
        again.read("events.ics"),
        text,
        "UIDs and stamps stable across builds"
    );
    let one = site.read("events/west-africa-writeshop-2027/event.ics");
    assert!(one.contains("DTSTART:20270"), "{one}");
}

#[test]
fn atom_feeds_parse_with_absolute_links() {
    let site = example();
    for feed in ["atom.xml", "events/atom.xml", "fr/atom.xml"] {
        let parsed = feed_rs::parser::parse(site.read(feed).as_bytes())
            .unwrap_or_else(|e| panic!("{feed}: {e}"));
        assert!(!parsed.entries.is_empty(), "{feed} has entries");
        for entry in &parsed.entries {
            assert!(
                entry
                    .links
                    .iter()
                    .all(|l| l.href.starts_with("https://example.org/")),
                "{feed}: absolute links"
            );
            assert!(
                entry.updated.is_some()
                    && entry.title.as_ref().is_some_and(|t| !t.content.is_empty())
            );
        }
    }
}

#[test]
fn sitemap_lists_every_page_with_hreflang_alternates() {
    let site = example();
    let xml = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap parses");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://example.org/fr/techniques/problem-tree/"));
    for loc in &locs {
        let path = loc.trim_start_matches("https://example.org/");
        assert!(
            site.out(&format!("{path}index.html")).is_file(),
            "{loc} is a built page"
        );
    }
    let alternates = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "link" && n.attribute("hreflang") == Some("ar"))
        .filter_map(|n| n.attribute("href"))
        .collect::<Vec<_>>();
    assert!(alternates.contains(&"https://example.org/ar/techniques/problem-tree/"));
}

#[test]
fn pages_json_describes_every_page_built() {
    let site = example();
    let api: serde_json::Value = serde_json::from_str(&site.read("api/pages.json")).expect("json");
    let pages = api["pages"].as_array().expect("pages");
    assert!(pages.len() >= 40);
    for p in pages {
        let url = p["url"].as_str().expect("url");
        assert!(
            site.out(&format!("{}index.html", url.trim_start_matches('/')))
                .is_file(),
            "{url} built"
        );
        for key in [
            "type",
            "lang",
            "title",
            "description",
            "taxonomies",
            "translations",
            "permalink",
        ] {
            assert!(p.get(key).is_some(), "{url} lacks {key}");
        }
    }
    let tree = pages
        .iter()
        .find(|p| p["url"] == "/techniques/problem-tree/")
        .expect("problem tree");
    assert_eq!(tree["type"], "technique");
    let langs: Vec<&str> = tree["translations"]
        .as_array()
        .expect("tr")
        .iter()
        .filter_map(|t| t["lang"].as_str())
        .collect();
    assert_eq!(langs, ["fr", "es", "ar"]);
}

#[test]
fn aliases_become_redirect_pages() {
    let site = SiteTest::new();
    site.file(
        "content/new.md",
        "---\ntitle: New\naliases: [/old/place/]\n---\n",
    );
    site.build_ok();
    let html = site.read("old/place/index.html");
    assert!(
        html.contains("http-equiv=\"refresh\" content=\"0; url=/new/\""),
        "{html}"
    );
}

/// Issue 21: a term whose name makes no slug gets no page, and so no link (pages linked it as
/// `/tags//`).
#[test]
fn a_term_without_a_slug_gets_no_link() {
    let site = SiteTest::new();
    site.file(
        "content/a.md",
        "---\ntitle: A\ntags: [maps, \"!!!\"]\nthemes: [\"???\"]\n---\n",
    );
    site.build_ok();
    let main = site.main_of("a/index.html");
    assert!(main.contains("href=\"/tags/maps/\""), "{main}");
    assert!(
        !main.contains("/tags//") && !main.contains("/themes//"),
        "{main}"
    );
}

#[test]
fn related_pages_share_tags_and_themes() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\ntags: [maps, gender]\n---\n")
        .file("content/b.md", "---\ntitle: B\ntags: [maps, gender]\n---\n")
        .file("content/c.md", "---\ntitle: C\ntags: [budget]\n---\n");
    site.build_ok();
    let main = site.main_of("a/index.html");
    let related = &main[main.find("class=\"related\"").expect("related section")..];
    assert!(
        related.contains("href=\"/b/\"") && !related.contains("href=\"/c/\""),
        "{related}"
    );
}

#[test]
fn a_typical_page_weighs_under_20_kb_gzipped_with_its_css_and_no_outside_request() {
    let site = example();
    for page in [
        "techniques/problem-tree/index.html",
        "guides/joint-learning-events/planning/index.html",
        "events/index.html",
    ] {
        let html = site.read(page);
        let css_href = html
            .split("rel=\"stylesheet\" href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("stylesheet");
        let css = site.read(css_href.trim_start_matches('/'));
        let gz = |s: &str| {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(s.as_bytes()).expect("gzip");
            e.finish().expect("gzip").len()
        };
        let total = gz(&html) + gz(&css);
        assert!(total < 20_000, "{page}: {total} bytes gzipped");
        for attr in ["src=\"http", "href=\"//", "@import", "url(http"] {
            assert!(
                !html.contains(attr) && !css.contains(attr),
                "{page} requests something outside the site ({attr})"
            );
        }
        assert!(
            html.contains("rel=\"stylesheet\" href=\"/"),
            "stylesheets are the site's own"
        );
    }
}

#[test]
fn lessons_list_their_attachments_with_format_and_size() {
    let site = SiteTest::new();
    site.file(
        "content/guides/course/_index.md",
        "---\ntitle: Course\n---\nLessons.\n",
    )
    .file(
        "content/guides/course/lesson-1.md",
        "---\ntitle: Lesson 1\nweight: 1\nattachments:\n  - {name: Learner notes, file: files/notes.txt, format: txt}\n  - {name: Slides, url: 'https://x.org/s.pdf', format: pdf}\n---\nBody\n",
    )
    .file("content/guides/course/files/notes.txt", &"note ".repeat(300));
    site.build_ok();
    let main = site.main_of("guides/course/lesson-1/index.html");
    assert!(
        main.contains("class=\"file-name\" href=\"/guides/course/files/notes.txt\" download>Learner notes</a>"),
        "{main}"
    );
    assert!(
        main.contains(
            "<span class=\"file-format\">TXT</span> <span class=\"file-size\">2 KB</span>"
        ),
        "name, format and size apart: {main}"
    );
    assert!(site.out("guides/course/files/notes.txt").is_file());
}
