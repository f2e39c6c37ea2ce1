//! The built-in theme's promises that need no browser: share meta and icons on every page, the
//! home page's featured items, technique cards with pictures, diagrams drawn, and a print view
//! with unique ids, its lessons' attachments and readings.

use std::collections::BTreeSet;

use crate::support::{tree, SiteTest};

/// Every HTML page of the built example site (redirects left out), with its text.
fn pages(site: &SiteTest) -> Vec<(String, String)> {
    tree(&site.root.join("public"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("utf-8")))
        .filter(|(_, html)| !html.contains("http-equiv=\"refresh\""))
        .collect()
}

/// Every value that follows `prefix` up to the next `"` (`prefix` ending in `="`).
fn values_after<'a>(html: &'a str, prefix: &str) -> Vec<&'a str> {
    html.match_indices(prefix)
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').expect("closing quote")]
        })
        .collect()
}

/// The `content` of the `<meta>` whose `attr` is `name`, if any.
fn meta<'a>(html: &'a str, attr: &str, name: &str) -> Option<&'a str> {
    let key = format!("<meta {attr}=\"{name}\" content=\"");
    let start = html.find(&key)? + key.len();
    Some(&html[start..start + html[start..].find('"')?])
}

#[test]
fn every_page_has_a_description_share_meta_and_icons() {
    let site = SiteTest::example();
    site.build_ok();
    let pages = pages(&site);
    assert!(pages.len() > 100, "{} pages", pages.len());
    for (path, html) in &pages {
        for (attr, name) in [
            ("name", "description"),
            ("property", "og:title"),
            ("property", "og:description"),
            ("property", "og:image"),
            ("name", "twitter:card"),
        ] {
            let value = meta(html, attr, name).unwrap_or_else(|| panic!("{path}: no {name}"));
            assert!(!value.trim().is_empty(), "{path}: empty {name}");
        }
        let image = meta(html, "property", "og:image").unwrap_or_default();
        assert!(image.starts_with("https://example.org/"), "{path}: {image}");
        assert!(
            html.contains("<link rel=\"icon\" href=\"/favicon."),
            "{path}: no icon"
        );
        assert!(
            html.contains("<link rel=\"apple-touch-icon\""),
            "{path}: no touch icon"
        );
    }
    let card = site.read("techniques/problem-tree/index.html");
    assert_eq!(meta(&card, "property", "og:title"), Some("Problem Tree"));
    assert_eq!(
        meta(&card, "property", "og:url"),
        Some("https://example.org/techniques/problem-tree/")
    );
}

#[test]
fn a_site_s_own_icon_replaces_the_built_in_one() {
    let site = SiteTest::new();
    site.file("content/_index.md", "---\ntitle: Home\n---\nHello.\n")
        .file(
            "assets/favicon.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
    site.build_ok();
    let home = site.read("index.html");
    let href = values_after(&home, "<link rel=\"icon\" href=\"")[0];
    let served =
        std::fs::read_to_string(site.out(href.trim_start_matches('/'))).expect("icon file");
    assert_eq!(served, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
}

#[test]
fn the_home_page_leads_with_featured_pages_events_guides_and_techniques() {
    let site = SiteTest::example();
    site.build_ok();
    let main = site.main_of("index.html");
    let at = |needle: &str| main.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    // Featured pages (any type with `featured: true`), then events, guides, techniques, and
    // the home page's own text last.
    assert!(at("id=\"featured-h\"") < at("id=\"events-h\""));
    assert!(at("id=\"events-h\"") < at("id=\"guides-h\""));
    assert!(at("id=\"guides-h\"") < at("id=\"techniques-h\""));
    assert!(at("id=\"techniques-h\"") < at("Welcome to the"));
    let featured = &main[at("id=\"featured-h\"")..at("id=\"events-h\"")];
    assert!(featured.contains("/techniques/problem-tree/"), "{featured}");
    assert!(
        featured.contains("/guides/joint-learning-events/"),
        "{featured}"
    );
    let techniques = &main[at("id=\"techniques-h\"")..];
    assert!(techniques.contains("<img class=\"card-image\" src=\"/techniques/world-cafe.svg\""));
}

#[test]
fn every_example_technique_card_has_its_own_picture() {
    let site = SiteTest::example();
    site.build_ok();
    let grid = site.main_of("techniques/index.html");
    let images: BTreeSet<&str> = values_after(&grid, "class=\"card-image\" src=\"")
        .into_iter()
        .collect();
    assert_eq!(images.len(), 6, "{images:?}");
    for src in images {
        let svg = std::fs::read_to_string(site.out(src.trim_start_matches('/'))).expect("image");
        assert!(svg.starts_with("<svg"), "{src}");
    }
    let card = site.main_of("techniques/problem-tree/index.html");
    assert!(card.contains("alt=\"A tree whose roots"), "{card}");
}

#[test]
fn a_dot_block_is_drawn_as_inline_svg_in_the_theme_s_colours() {
    let site = SiteTest::example();
    site.build_ok();
    let card = site.main_of("techniques/problem-tree/index.html");
    assert!(!card.contains("digraph"), "the DOT source is shown");
    assert!(card.contains("<figure class=\"diagram\"><svg class=\"dg\""));
    let ar = site.main_of("ar/techniques/problem-tree/index.html");
    assert!(ar.contains("direction=\"rtl\""));
}

#[test]
fn the_print_view_has_unique_ids_and_every_lesson_s_attachments_and_readings() {
    let site = SiteTest::example();
    site.build_ok();
    for guide in [
        "guides/facilitating-online-learning",
        "guides/joint-learning-events",
    ] {
        let html = site.read(&format!("{guide}/print/index.html"));
        let ids = values_after(&html, " id=\"");
        let unique: BTreeSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{guide}: repeated ids");
        for target in values_after(&html, "href=\"#") {
            assert!(
                target.is_empty() || unique.contains(&target),
                "{guide}: #{target} goes nowhere"
            );
        }
    }
    let course = site.read("guides/facilitating-online-learning/print/index.html");
    assert!(course.matches("class=\"file-name\" href=\"https://example.org/guides/facilitating-online-learning/files/").count() >= 6);
    assert!(
        course.contains("<section class=\"readings\">"),
        "no readings"
    );
}
