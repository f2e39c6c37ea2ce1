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

/// The broken link of the guides as published: an anchor spelt as the heading's id is not (the
/// heading "Continuous Integration/Continuous Deployment" has the id GitHub gives it too).
/// `lore check` always found it; since issue 19 `lore build` refuses it too.
const REAL_MISTAKES: [(&str, usize, &str, &str, &str); 1] = [(
    "content/engineering/tools/project-setup.md",
    70,
    "link to `#continuous-integration-continuous-deployment`",
    "(#continuous-integration-continuous-deployment)",
    "(#continuous-integrationcontinuous-deployment)",
)];

/// Dead links of the guides as published that the check of built pages finds (issue 16): raw
/// HTML addresses holding Eleventy template code (`href="{{ '/x/' | url }}"`), which lore
/// publishes as written, and one relative link to a page spelt differently.
const DEAD_LINKS: usize = 17;

/// Fixes [`REAL_MISTAKES`] and the [`DEAD_LINKS`] as an editor would: the anchor and the page's
/// name corrected, the template links unlinked (lore runs no Eleventy template).
fn fix_real_mistakes(site: &SiteTest) {
    for (file, _, _, wrong, right) in REAL_MISTAKES {
        let path = site.root.join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, text.replace(wrong, right)).expect("write");
    }
    let checklist = site.root.join("content/accessibility/checklist.md");
    let text = std::fs::read_to_string(&checklist).expect("read");
    std::fs::write(
        &checklist,
        text.replace("../page-titles/", "../pagetitles/"),
    )
    .expect("write");
    for entry in walkdir::WalkDir::new(site.root.join("content")) {
        let path = entry.expect("walk").into_path();
        if path.extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(&path).expect("read");
            if text.contains("href=\"{{") {
                std::fs::write(&path, text.replace("href=\"{{", "data-template=\"{{"))
                    .expect("write");
            }
        }
    }
}

#[test]
fn the_18f_guides_fail_only_on_their_broken_anchor_then_build_with_warnings() {
    let site = corpus_site();
    let errors: Vec<_> = site
        .build_err()
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    let (dead, errors): (Vec<_>, Vec<_>) = errors
        .into_iter()
        .partition(|d| d.message.contains("nothing built answers this address"));
    assert_eq!(dead.len(), DEAD_LINKS, "{dead:#?}");
    for d in &dead {
        assert!(
            d.path.starts_with("content")
                && (d.message.contains("{{") || d.message.contains("/page-titles/")),
            "{d}"
        );
    }
    assert_eq!(errors.len(), REAL_MISTAKES.len(), "{errors:#?}");
    for (d, (file, line, words, _, _)) in errors.iter().zip(REAL_MISTAKES) {
        assert_eq!((d.path.to_str(), d.line), (Some(file), line), "{d}");
        assert!(d.message.contains(words), "{d}");
    }
    fix_real_mistakes(&site);
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
    fix_real_mistakes(&site);
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
