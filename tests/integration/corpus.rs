//! Real content nobody here wrote: the 18F guides (public domain), kept in
//! `tests/fixtures/corpus/` (its README names the source commit). Foreign template tags are
//! warnings; editors' real mistakes are errors naming file and line.

use crate::support::{copy_dir, repo, SiteTest};

fn corpus_site() -> SiteTest {
    let src = repo().join("tests/fixtures/corpus/18f-guides/content");
    let site = SiteTest::new();
    site.file(
        "site.yaml",
        "title: 18F guides\nbase_url: https://guides.example.org\n",
    );
    copy_dir(&src, &site.root.join("content"));
    site
}

#[test]
fn the_18f_guides_build_with_warnings_that_name_file_and_line() {
    let site = corpus_site();
    let report = site.build_ok();
    assert!(report.pages > 200, "{} pages", report.pages);
    assert!(!report.warnings.is_empty());
    for w in &report.warnings {
        assert!(
            w.path.starts_with("content") && w.line > 0,
            "warning without place: {w}"
        );
    }
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.message.contains("template tags")),
        "foreign tags are flagged"
    );
    let html = site.read("content-guide/our-style/names/index.html");
    assert!(html.contains("<h2 id=\"personal-names\">Personal names</h2>"));
}

#[test]
fn real_mistakes_in_the_18f_guides_are_errors_with_file_and_line() {
    let site = corpus_site();
    let names = site.root.join("content/content-guide/our-style/names.md");
    let text = std::fs::read_to_string(&names).expect("names.md");
    std::fs::write(
        &names,
        text.replacen("title: Names\n", "date: 31/12/2024\n", 1)
            + "\nSee [voice](voice-and-tone.md) and [gone](gone.md).\n",
    )
    .expect("write");
    let errs = site.build_err();
    let path = std::path::Path::new("content/content-guide/our-style/names.md");
    let msgs: Vec<String> = errs
        .iter()
        .filter(|d| d.path == path)
        .map(|d| format!("{}: {}", d.line, d.message))
        .collect();
    assert!(
        msgs.iter().any(|m| m == "1: `title` is missing"),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m == "2: `date` must look like 2026-03-14; found `31/12/2024`"),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("there is no page content/content-guide/our-style/gone.md")),
        "{msgs:?}"
    );
    assert_eq!(
        errs.iter().filter(|d| d.is_error()).count(),
        3,
        "only the injected mistakes: {errs:#?}"
    );
}
