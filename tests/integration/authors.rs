//! The people behind the pages (issue 23): an author's page (`content/authors/<slug>.md`) is
//! their `authors` term's page too: their profile on top, then everything they contributed in
//! the reader's language, by type; a name without a page is a located `check` warning;
//! `lore new author` writes a page with every field.

use lore::pipeline::check::{check_site, CheckOptions};

use crate::support::SiteTest;

/// The HTML of the group of contributions of type `ty` on an author page's `<main>`.
fn group<'a>(main: &'a str, ty: &str) -> &'a str {
    let start = main
        .find(&format!("data-type=\"{ty}\""))
        .unwrap_or_else(|| panic!("no {ty} contributions in {main}"));
    let rest = &main[start..];
    &rest[..rest.find("</section>").expect("group ends")]
}

#[test]
fn an_author_page_shows_the_profile_then_contributions_of_every_type() {
    let site = SiteTest::example();
    site.build_ok();
    let main = site.main_of("authors/aissatou-ndiaye/index.html");
    let profile = &main[..main.find("id=\"contributions-h\"").expect("contributions")];
    assert!(profile.contains("<h1>Aïssatou Ndiaye</h1>"), "{profile}");
    assert!(profile.contains("Learning and capitalisation officer"));
    assert!(
        profile.contains(
            "<span class=\"author-organisation\">Sahel Seed Producers&#39; Federation</span>"
        ),
        "{profile}"
    );
    assert!(profile.contains("class=\"lead author-bio\">Aïssatou coordinates learning"));
    assert!(profile.contains(
        "<a href=\"https://seed-federation.example.net/\">Sahel Seed Producers&#39; Federation</a>"
    ));
    // The picture goes through the image pipeline: resized variants, and a text alternative.
    assert!(
        profile.contains("alt=\"Illustrated portrait of Aïssatou Ndiaye\""),
        "{profile}"
    );
    assert!(
        profile.contains("srcset=\"/authors/aissatou-ndiaye-480w.webp"),
        "{profile}"
    );
    assert!(site.out("authors/aissatou-ndiaye-480w.webp").is_file());
    // Their page's own text, then their contributions, labelled by type.
    assert!(main.contains("joined the federation in 2014"));
    for (ty, label, page) in [
        ("story", "Story", "/stories/seed-fairs-sahel/"),
        ("guide", "Guide", "/guides/facilitating-online-learning/"),
        (
            "toolkit",
            "Toolkit",
            "/toolkits/monitoring-and-learning-templates/",
        ),
        ("event", "Event", "/events/west-africa-writeshop-2027/"),
    ] {
        let g = group(&main, ty);
        assert!(
            g.contains(&format!(">{label} <span class=\"count\">")),
            "{g}"
        );
        assert!(g.contains(&format!("href=\"{page}\"")), "{page} in {g}");
    }
    // A lesson of a course she is an author of is left to the course.
    assert!(!group(&main, "guide").contains("lesson-01-why-online"));
    // The term's page is this page: nothing else writes the address.
    let html = site.read("authors/aissatou-ndiaye/index.html");
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"fr\""));
    // Every person with a page is in the index of authors, the story shows its author's profile.
    let index = site.main_of("authors/index.html");
    assert!(index.contains("href=\"/authors/layla-haddad/\""), "{index}");
    let story = site.main_of("stories/seed-fairs-sahel/index.html");
    let about = &story[story
        .find("id=\"about-authors-h\"")
        .expect("about the authors")..];
    assert!(about.contains("<a href=\"/authors/aissatou-ndiaye/\">Aïssatou Ndiaye</a>"));
    assert!(about.contains("Sahel Seed Producers&#39; Federation"));
}

#[test]
fn a_translated_author_page_lists_contributions_in_its_language() {
    let site = SiteTest::example();
    site.build_ok();
    let main = site.main_of("fr/authors/aissatou-ndiaye/index.html");
    assert!(
        main.contains("Chargée d’apprentissage") || main.contains("Chargée d&#39;apprentissage"),
        "{main}"
    );
    // The French event is listed in French; an untranslated story in English, marked.
    let event = group(&main, "event");
    assert!(
        event.contains("href=\"/fr/events/west-africa-writeshop-2027/\""),
        "{event}"
    );
    let story = group(&main, "story");
    assert!(
        story.contains("href=\"/stories/seed-fairs-sahel/#not-in-fr\" hreflang=\"en\""),
        "{story}"
    );
    assert!(story.contains("(en anglais)"), "{story}");
    assert!(main.contains(">Récit <span class=\"count\">"), "{main}");
}

#[test]
fn an_author_page_without_contributions_still_builds() {
    let site = SiteTest::new();
    site.file("content/_index.md", "---\ntitle: Home\n---\n")
        .file(
        "content/authors/ana-lima.md",
        "---\nname: Ana Lima\norganisation: Rede Rural\nbio: Ana writes about seed banks.\n---\n",
    );
    site.build_ok();
    let main = site.main_of("authors/ana-lima/index.html");
    assert!(main.contains("<h1>Ana Lima</h1>"), "{main}");
    assert!(main.contains("Nothing published yet."), "{main}");
    assert!(site
        .main_of("authors/index.html")
        .contains("href=\"/authors/ana-lima/\""));
}

#[test]
fn an_author_named_without_a_page_of_their_own_is_a_located_warning() {
    let site = SiteTest::new();
    site.file("content/_index.md", "---\ntitle: Home\n---\n")
        .file("content/authors/ana-lima.md", "---\nname: Ana Lima\n---\n")
        .file(
            "content/notes.md",
            "---\ntitle: Notes\nauthors:\n  - Ana Lima\n  - Bo Chen\n---\nText.\n",
        )
        .file(
            "content/more.md",
            "---\ntitle: More\nauthors: [Ana Lima, Bo Chen]\n---\nSee [notes](notes.md).\n",
        );
    let report = check_site(
        &CheckOptions {
            build: site.options(),
            external: None,
        },
        &|_| {},
    );
    let warnings: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no page of their own"))
        .map(|d| format!("{}:{}:{}: {}", d.path.display(), d.line, d.col, d.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "content/more.md:3:21: author `Bo Chen` has no page of their own: their name leads to a list with no profile",
            "content/notes.md:5:5: author `Bo Chen` has no page of their own: their name leads to a list with no profile",
        ]
    );
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    // The human output names the fix.
    let out = site.run(&["check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lore new author \"Bo Chen\""), "{err}");
    assert!(out.status.success(), "a warning does not fail the check");
}

#[test]
fn lore_new_author_writes_a_page_with_every_field_that_builds() {
    let site = SiteTest::example();
    let out = site.run(&["new", "author", "Ana Lima"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "content/authors/ana-lima.md"
    );
    let text =
        std::fs::read_to_string(site.root.join("content/authors/ana-lima.md")).expect("written");
    for field in [
        "name:",
        "\"Ana Lima\"",
        "role:",
        "organisation:",
        "bio:",
        "image:",
        "image_alt:",
        "links:",
        "# title:",
    ] {
        assert!(text.contains(field), "{field} in\n{text}");
    }
    site.build_ok();
    assert!(site
        .main_of("authors/ana-lima/index.html")
        .contains("<h1>Ana Lima</h1>"));
}
