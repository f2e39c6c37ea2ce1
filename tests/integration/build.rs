//! `lore build` on the example site and on small sites: what readers get.

use crate::support::SiteTest;

#[test]
fn builds_the_example_site_into_pretty_urls() {
    let site = SiteTest::example();
    let report = site.build_ok();
    assert!(report.pages >= 40, "pages built: {}", report.pages);
    for page in [
        "index.html",
        "guides/index.html",
        "guides/joint-learning-events/index.html",
        "guides/joint-learning-events/planning/index.html",
        "toolkits/facilitation-starter-kit/index.html",
        "techniques/problem-tree/index.html",
        "events/west-africa-writeshop-2027/index.html",
        "404.html",
        "fr/techniques/problem-tree/index.html",
        "ar/techniques/problem-tree/index.html",
    ] {
        assert!(site.out(page).is_file(), "missing public/{page}");
    }
    let html = site.read("techniques/problem-tree/index.html");
    assert!(html.contains("<title>Problem Tree · Knowledge Sharing Commons</title>"));
    assert!(html.contains("<h1>Problem Tree</h1>"));
}

#[test]
fn renders_alerts_as_callouts_and_collects_them_on_the_guide_front_page() {
    let site = SiteTest::example();
    site.build_ok();
    let chapter = site.main_of("guides/joint-learning-events/planning/index.html");
    assert!(
        chapter.contains("<aside class=\"callout callout-tip\" id=\"tip-1\""),
        "{chapter}"
    );
    let front = site.main_of("guides/joint-learning-events/index.html");
    assert!(
        front.contains("Checklists <span class=\"count\">"),
        "the front page lists checklists by kind"
    );
    assert!(
        front.contains("href=\"/guides/joint-learning-events/planning/#tip-1\""),
        "collected tips link to where they stand"
    );
}

#[test]
fn guide_chapters_have_a_guide_wide_contents_and_previous_next_in_weight_order() {
    let site = SiteTest::example();
    site.build_ok();
    let main = site.main_of("guides/joint-learning-events/facilitation/index.html");
    let order: Vec<usize> = [
        "planning/",
        "agenda-design/",
        "facilitation/\"",
        "capturing-knowledge/",
        "follow-up/",
    ]
    .iter()
    .filter_map(|p| main.find(&format!("/guides/joint-learning-events/{p}")))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "chapters in weight order: {order:?}"
    );
    assert!(
        main.contains("rel=\"prev\" href=\"/guides/joint-learning-events/agenda-design/\""),
        "{main}"
    );
    assert!(
        main.contains("rel=\"next\" href=\"/guides/joint-learning-events/capturing-knowledge/\"")
    );
    assert!(
        site.out("guides/joint-learning-events/print/index.html")
            .is_file(),
        "printable one-page view"
    );
}

#[test]
fn highlights_code_with_css_classes_and_writes_one_stylesheet() {
    let site = SiteTest::new();
    site.file(
        "content/a.md",
        "---\ntitle: A\n---\n```python\nprint('hi')\n```\n\n```no-such-language\n<b>x</b>\n```\n",
    );
    site.build_ok();
    let main = site.main_of("a/index.html");
    assert!(main.contains("<span class=\"hl-"), "{main}");
    assert!(!main.contains("style="), "no inline styles: {main}");
    assert!(
        main.contains("language-no-such-language\">&lt;b&gt;x&lt;/b&gt;"),
        "unknown language is plain text: {main}"
    );
    assert!(site.read("css/syntax.css").contains(".hl-"));
    assert!(
        site.read("a/index.html").contains("/css/syntax."),
        "page with code links the stylesheet"
    );
}

#[test]
fn resolves_links_to_markdown_files_relative_and_from_the_content_root() {
    let site = SiteTest::new();
    site.file(
        "content/guides/a.md",
        "---\ntitle: A\n---\n[b](../toolkits/b.md#tools) and [c](@/c.md)\n",
    )
    .file(
        "content/toolkits/b.md",
        "---\ntitle: B\ntools: [{name: x, url: 'https://x.org'}]\n---\n## Tools\n",
    )
    .file("content/c.md", "---\ntitle: C\n---\nC\n");
    site.build_ok();
    let main = site.main_of("guides/a/index.html");
    assert!(main.contains("href=\"/toolkits/b/#tools\""), "{main}");
    assert!(main.contains("href=\"/c/\""), "{main}");
    assert!(
        site.main_of("c/index.html")
            .contains("Pages that link here"),
        "backlinks are listed"
    );
}

#[test]
fn shows_each_type_s_fields() {
    let site = SiteTest::example();
    site.build_ok();
    let card = site.main_of("techniques/problem-tree/index.html");
    for needle in [
        "<p class=\"lead\">Help a group agree on a core problem",
        "Time required",
        "Group size",
        "Difficulty",
        "Materials",
        "<ol class=\"steps\">",
    ] {
        assert!(card.contains(needle), "technique card shows {needle}");
    }
    let kit = site.main_of("toolkits/facilitation-starter-kit/index.html");
    assert!(
        kit.contains("href=\"/toolkits/files/session-plan-template.csv\""),
        "{kit}"
    );
    assert!(
        kit.contains(" B</span>") || kit.contains(" KB</span>"),
        "file size shown: {kit}"
    );
    assert!(
        site.out("toolkits/files/session-plan-template.csv")
            .is_file(),
        "tool file copied"
    );
    let event = site.main_of("events/west-africa-writeshop-2027/index.html");
    assert!(
        event.contains("UTC+00:00"),
        "event time zone shown: {event}"
    );
    assert!(event.contains("event.ics"), "add to calendar link");
    let grid = site.main_of("techniques/index.html");
    assert!(
        grid.contains("class=\"card\""),
        "technique section is a grid of cards"
    );
}

#[test]
fn arabic_pages_are_right_to_left_with_a_switcher_to_their_own_translations() {
    let site = SiteTest::example();
    site.build_ok();
    let html = site.read("ar/techniques/problem-tree/index.html");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    for href in [
        "/techniques/problem-tree/",
        "/fr/techniques/problem-tree/",
        "/es/techniques/problem-tree/",
    ] {
        assert!(
            html.contains(&format!("<a href=\"{href}\" hreflang=")),
            "switcher links to {href}"
        );
    }
    assert!(
        html.contains("hreflang=\"fr\" href=\"https://example.org/fr/techniques/problem-tree/\"")
    );
}

#[test]
fn paginates_section_lists() {
    let site = SiteTest::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nper_page: 2\n",
    );
    site.file("content/notes/_index.md", "---\ntitle: Notes\n---\n");
    for i in 1..=5 {
        site.file(
            &format!("content/notes/n{i}.md"),
            &format!("---\ntitle: Note {i}\ndate: 2026-01-0{i}\n---\nx\n"),
        );
    }
    site.build_ok();
    let first = site.main_of("notes/index.html");
    assert!(
        first.find("Note 5").unwrap() < first.find("Note 4").unwrap(),
        "newest first"
    );
    assert!(first.contains("href=\"/notes/page/2/\""));
    assert!(site.main_of("notes/page/3/index.html").contains("Note 1"));
}

#[test]
fn a_site_layout_overrides_the_built_in_one_of_the_same_name() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\nbody\n")
        .file("layouts/page.html", "{% extends \"base.html\" %}{% block main %}<p class=\"mine\">{{ page.title }}</p>{% endblock %}");
    site.build_ok();
    let html = site.read("a/index.html");
    assert!(html.contains("<p class=\"mine\">A</p>"));
    assert!(
        html.contains("class=\"site-header\""),
        "the built-in base.html is still used"
    );
}

#[test]
fn skips_drafts_unless_asked() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\ndraft: true\n---\n");
    site.build_ok();
    assert!(!site.out("a/index.html").exists());
    let mut o = site.options();
    o.drafts = true;
    lore::build(&o, &|_| {}).expect("build with drafts");
    assert!(site.out("a/index.html").exists());
}

#[test]
fn escapes_front_matter_text_in_templates() {
    let site = SiteTest::new();
    site.file(
        "content/a.md",
        "---\ntitle: \"<script>alert(1)</script>\"\n---\n",
    );
    site.build_ok();
    let html = site.read("a/index.html");
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn writes_feeds_sitemap_robots_and_calendars() {
    let site = SiteTest::example();
    site.build_ok();
    assert!(site
        .read("atom.xml")
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    assert!(site
        .read("sitemap.xml")
        .contains("<loc>https://example.org/techniques/problem-tree/</loc>"));
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://example.org/sitemap.xml"));
    let ics = site.read("events/west-africa-writeshop-2027/event.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART:2027"));
    assert!(site
        .read("api/pages.json")
        .contains("\"url\": \"/techniques/problem-tree/\""));
}

#[test]
fn upcoming_and_past_events_follow_now() {
    let site = SiteTest::example();
    site.build_ok();
    let list = site.main_of("events/index.html");
    let past = list.find("<h2>Past events</h2>").expect("past heading");
    let writeshop = list
        .find("/events/west-africa-writeshop-2027/")
        .expect("2027 event listed");
    let fair = list
        .find("/events/east-africa-knowledge-share-fair-2024/")
        .expect("2024 event listed");
    assert!(writeshop < past && fair > past, "2027 upcoming, 2024 past");
}
