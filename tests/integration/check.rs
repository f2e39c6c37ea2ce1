//! `lore check`: one small site per check under `tests/fixtures/check/<name>/`, run through the
//! real binary in all three formats. Each snapshot holds the human, github and json output, so
//! a change of file, line, column or wording shows in review (`cargo insta review`).

use std::path::Path;
use std::process::Command;

use crate::support::{copy_dir, repo};

/// What `lore check` printed and returned for a fixture, in each format.
struct Run {
    code: i32,
    human: String,
    github: String,
    json: String,
}

/// Copies fixture `name` to a temporary folder and checks it in each format.
fn check_fixture(name: &str, extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path().join(name);
    copy_dir(&repo().join("tests/fixtures/check").join(name), &root);
    // Machine formats go to stdout, alone; people's text (the summary) to stderr.
    let run = |format: &str| {
        let mut args = vec!["check", "--format", format];
        args.extend_from_slice(extra);
        let out = lore(&root, &args);
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
        let code = out.status.code().unwrap_or(-1);
        if format == "human" {
            assert!(stdout.is_empty(), "human output on stderr only: {stdout}");
            return (code, stderr);
        }
        assert_eq!(
            stderr.lines().count(),
            1,
            "only the summary on stderr: {stderr}"
        );
        (code, stdout)
    };
    let (code, human) = run("human");
    let (code_gh, github) = run("github");
    let (code_json, json) = run("json");
    assert_eq!(
        (code, code),
        (code_gh, code_json),
        "same exit code in every format"
    );
    Run {
        code,
        human,
        github,
        json,
    }
}

fn lore(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lore"))
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .output()
        .expect("run lore")
}

/// Asserts the exit code and snapshots the three formats together.
fn assert_check(name: &str, code: i32) -> Run {
    let run = check_fixture(name, &[]);
    assert_eq!(run.code, code, "exit code of {name}:\n{}", run.human);
    for line in run.json.lines().filter(|l| l.starts_with('{')) {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        for field in ["severity", "path", "line", "col", "message"] {
            assert!(v.get(field).is_some(), "{field} missing in {line}");
        }
    }
    insta::assert_snapshot!(
        format!("check_{}", name.replace('-', "_")),
        format!(
            "exit {}\n--- human\n{}--- github\n{}--- json\n{}",
            run.code, run.human, run.github, run.json
        )
    );
    run
}

#[test]
fn reports_anchors_that_do_not_exist_in_the_target_page() {
    let run = assert_check("anchors", 1);
    assert!(run.human.contains(
        "content/guides/planning.md:6:5: error: link to `#timing`: content/guides/agenda.md has no heading or callout with this id"
    ), "{}", run.human);
    assert!(run
        .human
        .contains("planning.md:6:40: error: link to `#after-the-event`: this page"));
    assert!(
        !run.human.contains("agenda.md:"),
        "heading and callout anchors resolve"
    );
}

#[test]
fn reports_missing_files_and_images_under_content() {
    let run = assert_check("files", 1);
    assert!(run.github.contains(
        "::error file=content/guides/planning.md,line=4,col=10::link to `files/agenda-template.csv`: there is no file content/guides/files/agenda-template.csv"
    ), "{}", run.github);
    assert!(run
        .github
        .contains("line=6,col=1::image `img/flipchart.png`: there is no file"));
    assert!(
        !run.github.contains("notes.txt"),
        "an existing file is fine"
    );
}

#[test]
fn reports_root_relative_links_to_nothing_the_build_writes() {
    let run = assert_check("urls", 1);
    assert!(run.human.contains("planning.md:4:65: error: link to `/guides/old-planning/`: no page or file of the site has this address"), "{}", run.human);
    assert_eq!(
        run.human.matches(": error:").count(),
        1,
        "/guides/ and /css/site.css exist"
    );
}

#[test]
fn reports_two_pages_at_one_address_and_aliases_hiding_or_shared() {
    let run = assert_check("duplicates", 1);
    assert!(
        run.human.contains("same address /guides/planning/"),
        "{}",
        run.human
    );
    assert!(
        run.human
            .contains("alias /guides/ would hide the page content/guides/_index.md"),
        "{}",
        run.human
    );
    assert!(
        run.human
            .contains("alias /plan/ is also an alias of content/guides/agenda.md"),
        "{}",
        run.human
    );
}

#[test]
fn warns_about_orphan_pages_and_exits_0_without_strict() {
    let run = assert_check("orphans", 0);
    assert!(
        run.human
            .contains("content/about.md:1:1: warning: orphan page"),
        "{}",
        run.human
    );
    assert!(
        !run.human.contains("planning.md"),
        "a page in a section list is no orphan"
    );
    let strict = check_fixture("orphans", &["--strict"]);
    assert_eq!(strict.code, 1, "--strict fails on warnings");
}

#[test]
fn warns_about_a_translation_its_siblings_have() {
    let run = assert_check("translations", 0);
    assert!(run.json.contains(r#"{"severity":"warning","path":"content/guides/follow-up.md","line":1,"col":1,"message":"no Français (fr) translation, though 2 of its 2 sibling pages have one""#), "{}", run.json);
}

#[test]
fn refuses_images_without_alt_text() {
    // An error since issue 18: `build` refuses it too (tests/integration/images.rs).
    let run = assert_check("alt-text", 1);
    assert!(
        run.human
            .contains("planning.md:6:1: error: image `room.png` has no alt text"),
        "{}",
        run.human
    );
    assert!(!run.human.contains("circle.png"));
}

#[test]
fn reports_an_event_that_ends_before_it_starts() {
    let run = assert_check("events", 1);
    assert!(run.github.contains("::error file=content/events/writeshop.md,line=4,col=6::the event ends (2027-03-15T17:00:00+03:00) before it starts (2027-03-16T09:00:00+03:00)"), "{}", run.github);
}

#[test]
fn reports_a_tool_whose_file_is_missing() {
    let run = assert_check("tools", 1);
    assert!(run.human.contains("content/toolkits/audit.md:8:11: error: tool `Interview guide`: its file `files/interview-guide.txt` does not exist (looked for content/toolkits/files/interview-guide.txt)"), "{}", run.human);
    assert!(!run.human.contains("Inventory"));
}

#[test]
fn reports_a_page_image_that_is_missing() {
    let run = assert_check("tools", 1);
    assert!(run.human.contains("content/toolkits/audit.md:9:8: error: image `img/audit.png` does not exist (looked for content/toolkits/img/audit.png)"), "{}", run.human);
}

#[test]
fn warns_about_scripts_and_event_attributes_in_raw_html() {
    let run = assert_check("raw-html", 0);
    for (place, what) in [
        ("planning.md:7:11", "raw HTML attribute `onclick=`"),
        ("planning.md:10:1", "raw HTML `<script>`"),
        ("planning.md:12:33", "raw HTML attribute `onerror=`"),
    ] {
        assert!(
            run.human.contains(&format!("{place}: warning: {what}")),
            "{place} {what}:\n{}",
            run.human
        );
    }
}

#[test]
fn a_clean_site_passes_with_no_output_but_the_summary() {
    let run = assert_check("clean", 0);
    assert_eq!(run.human.trim(), "checked 4 pages: 0 errors, 0 warnings");
}

#[test]
fn the_example_site_passes_check() {
    let out = lore(&repo(), &["check", "--format", "github"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_reports_build_errors_too_and_writes_nothing() {
    let site = crate::support::SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\ndate: soon\n---\n");
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/a.md:3:7: error: `date` must look like 2026-03-14; found `soon`"),
        "{stderr}"
    );
    assert!(!site.root.join("public").exists(), "check writes no output");
}

#[test]
fn check_reports_a_template_error_found_while_rendering() {
    let site = crate::support::SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n").file(
        "layouts/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title + 1 }}\n{% endblock %}\n",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("layouts/page.html:3"), "{stderr}");
}

#[test]
fn names_pages_over_the_budget_set_in_site_yaml() {
    let run = assert_check("budget", 0);
    assert!(
        run.human
            .contains("content/guides/long.md: warning: page guides/long/index.html weighs"),
        "{}",
        run.human
    );
    assert!(
        run.human.contains("over the budget of 12 KB"),
        "{}",
        run.human
    );
    assert!(
        !run.human.contains("content/_index.md:"),
        "the home page is within the budget"
    );
    let strict = check_fixture("budget", &["--strict"]);
    assert_eq!(strict.code, 1, "--strict fails on it");
}
