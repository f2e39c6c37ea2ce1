//! `build`, `serve` and `check` agree (issue 19, point 3): on the same broken sites, the errors
//! `lore check` reports are exactly those `lore build` refuses to publish on and `lore serve`'s
//! rebuild refuses to serve. `check` adds warnings only.

use std::collections::BTreeSet;
use std::path::Path;

use lore::incremental::IncrementalBuild;

use crate::support::{copy_dir, repo, SiteTest, NOW};

/// An error as a tool sees it: file, line, column, message.
type Error = (String, u64, u64, String);

/// The errors among the JSON lines of a run's stdout.
fn errors_of(stdout: &[u8]) -> BTreeSet<Error> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .filter(|v| v["severity"] == "error")
        .map(|v| {
            (
                v["path"].as_str().unwrap_or("").to_string(),
                v["line"].as_u64().unwrap_or(0),
                v["col"].as_u64().unwrap_or(0),
                v["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Runs check, build and a serve rebuild on the site in `root`; asserts they agree and returns
/// check's errors.
fn assert_agree(name: &str, root: &Path) -> BTreeSet<Error> {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_lore"))
            .args(args)
            .current_dir(root)
            .output()
            .expect("run lore")
    };
    let check = run(&["check", "--format", "json"]);
    let build = run(&["build", "--format", "json", "--now", NOW]);
    let (checked, built) = (errors_of(&check.stdout), errors_of(&build.stdout));
    assert_eq!(
        checked, built,
        "{name}: check and build see the same errors"
    );
    let code = if checked.is_empty() { 0 } else { 1 };
    assert_eq!(check.status.code(), Some(code), "{name}: check's exit code");
    assert_eq!(build.status.code(), Some(code), "{name}: build's exit code");
    assert_eq!(
        root.join("public/index.html").exists(),
        checked.is_empty(),
        "{name}: build publishes exactly when check passes"
    );

    let served = tempfile::tempdir().expect("tmp");
    let mut options = lore::BuildOptions::new(root);
    options.out = served.path().join("site");
    options.now = Some(NOW.parse().expect("now"));
    let rebuilt = IncrementalBuild::new(options).rebuild();
    let served_errors: BTreeSet<Error> = match rebuilt {
        Ok(_) => BTreeSet::new(),
        Err(d) => d
            .iter()
            .filter(|d| d.is_error())
            .map(|d| {
                (
                    d.path.to_string_lossy().into_owned(),
                    d.line as u64,
                    d.col as u64,
                    d.message.clone(),
                )
            })
            .collect(),
    };
    assert_eq!(
        checked, served_errors,
        "{name}: serve refuses what check rejects"
    );
    checked
}

#[test]
fn build_serve_and_check_agree_on_every_check_fixture() {
    let fixtures = repo().join("tests/fixtures/check");
    let mut names: Vec<String> = std::fs::read_dir(&fixtures)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut failing = 0;
    for name in &names {
        let dir = tempfile::tempdir().expect("tmp");
        let root = dir.path().join(name);
        copy_dir(&fixtures.join(name), &root);
        failing += usize::from(!assert_agree(name, &root).is_empty());
    }
    assert!(
        failing >= 6,
        "most fixtures have errors ({failing} of {})",
        names.len()
    );
}

#[test]
fn the_three_the_issue_found_are_refused_by_all_three_commands() {
    let site = SiteTest::new();
    site.file(
        "content/_index.md",
        "---\ntitle: Home\n---\n[e](events/e.md) [t](toolkits/t.md) [o](outside.md)\n",
    )
    .file(
        "content/events/e.md",
        "---\ntitle: E\nstart: 2027-03-16T09:00:00+03:00\nend: 2027-03-15T17:00:00+03:00\n---\n",
    )
    .file(
        "content/toolkits/t.md",
        "---\ntitle: T\ntools:\n  - name: Guide\n    file: files/missing.pdf\n---\n",
    )
    .file(
        "content/outside.md",
        "---\ntitle: O\n---\n![Map](../../map.png)\n",
    );
    let errors = assert_agree("three", &site.root);
    let messages: Vec<&str> = errors.iter().map(|e| e.3.as_str()).collect();
    for words in [
        "the event ends (2027-03-15T17:00:00+03:00) before it starts",
        "tool `Guide`: its file `files/missing.pdf` does not exist",
        "image `../../map.png` points outside the content folder",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(words)),
            "{words}: {messages:#?}"
        );
    }
}

#[test]
fn a_site_that_does_not_load_gets_the_same_errors_from_build_and_check() {
    let site = SiteTest::new();
    site.file(
        "content/_index.md",
        "---\ntitle: Home\n---\n[t](toolkits/t.md)\n",
    )
    .file("content/broken.md", "---\ndate: 2026-02-30\n---\n")
    .file(
        "content/toolkits/t.md",
        "---\ntitle: T\ntools:\n  - name: Guide\n    file: nope.pdf\n---\n[x](#nowhere)\n",
    );
    let errors = assert_agree("not loading", &site.root);
    assert!(
        errors.len() >= 4,
        "title, date, tool file, anchor: {errors:#?}"
    );
}

#[test]
fn an_email_autolink_is_no_link_to_a_file() {
    let site = SiteTest::new();
    site.file(
        "content/_index.md",
        "---\ntitle: Home\n---\nWrite to <team@example.org>.\n",
    );
    assert!(assert_agree("email", &site.root).is_empty());
    assert!(site
        .read("index.html")
        .contains("href=\"mailto:team@example.org\""));
}
