//! Tools can read lore (issue 19, points 5 and 7): `--format json` writes one JSON object per
//! line to stdout and nothing else, people's text goes to stderr, and the exit code says what
//! happened: 0 done, 1 the site has problems, 2 the command line is wrong (`--base-url` is
//! checked as site.yaml's `base_url` is).

use crate::support::SiteTest;

/// A site with one error (a bad date) and one warning (a misspelt field).
fn broken() -> SiteTest {
    let site = SiteTest::new();
    site.file("content/_index.md", "---\ntitle: Home\n---\n[a](a.md)\n")
        .file(
            "content/a.md",
            "---\ntitle: A\ndate: soon\ntgas: [x]\n---\n",
        );
    site
}

/// Every line of stdout as a JSON object with the fields of a diagnostic.
fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    let text = String::from_utf8_lossy(stdout);
    text.lines()
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"));
            for key in ["severity", "path", "line", "col", "message"] {
                assert!(v.get(key).is_some(), "`{key}` in {l}");
            }
            v
        })
        .collect()
}

fn severities(lines: &[serde_json::Value]) -> Vec<&str> {
    lines
        .iter()
        .filter_map(|v| v["severity"].as_str())
        .collect()
}

#[test]
fn check_json_is_on_stdout_one_object_per_line_and_the_summary_on_stderr() {
    let site = broken();
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.status.code(), Some(1));
    let lines = json_lines(&run.stdout);
    assert!(severities(&lines).contains(&"error") && severities(&lines).contains(&"warning"));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("checked 2 pages: 1 error"), "{stderr}");
    assert!(
        !stderr.contains("{\""),
        "no JSON among the human text: {stderr}"
    );
}

#[test]
fn build_json_holds_nothing_but_json_whether_it_fails_or_succeeds() {
    let site = broken();
    let failed = site.run(&["build", "--format", "json"]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(severities(&json_lines(&failed.stdout)).contains(&"error"));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("build failed"));

    site.file("content/a.md", "---\ntitle: A\ntgas: [x]\n---\n");
    let built = site.run(&["build", "--format", "json"]);
    assert_eq!(built.status.code(), Some(0));
    assert_eq!(severities(&json_lines(&built.stdout)), ["warning"]);
    assert!(String::from_utf8_lossy(&built.stderr).contains("built 2 pages"));
}

#[test]
fn exit_codes_are_0_done_1_problems_2_usage() {
    let site = broken();
    let code = |args: &[&str]| site.run(args).status.code();
    assert_eq!(code(&["check"]), Some(1), "an error in the site");
    assert_eq!(code(&["build"]), Some(1));
    site.file("content/a.md", "---\ntitle: A\ntgas: [x]\n---\n");
    assert_eq!(code(&["build"]), Some(0), "warnings only");
    assert_eq!(code(&["check"]), Some(0));
    assert_eq!(
        code(&["check", "--strict"]),
        Some(1),
        "warnings fail --strict"
    );
    for usage in [
        &["build", "--no-such-flag"][..],
        &["check", "--format", "xml"],
        &["build", "--now", "someday"],
        &["build", "--base-url", "notaurl"],
        &["build", "--out", "site.yaml"],
        &["frobnicate"],
    ] {
        assert_eq!(code(usage), Some(2), "{usage:?}");
    }
}

#[test]
fn a_bad_base_url_flag_is_refused_like_a_bad_base_url_key() {
    let site = broken();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    for bad in [
        "notaurl",
        "example.org",
        "ftp://example.org",
        "https://",
        "https://x.org/?a=1",
    ] {
        let run = site.run(&["build", "--base-url", bad, "--format", "json"]);
        assert_eq!(run.status.code(), Some(2), "{bad}");
        let lines = json_lines(&run.stdout);
        let message = lines[0]["message"].as_str().unwrap_or("");
        assert!(message.starts_with("--base-url "), "{bad}: {message}");
        assert!(!site.out("index.html").exists(), "{bad}: nothing built");
    }
    site.file("site.yaml", "title: T\nbase_url: notaurl\n");
    let run = site.run(&["build"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("site.yaml:2:11: error: `base_url` must be an absolute http(s) URL"),
        "{stderr}"
    );
    site.file("site.yaml", "title: T\nbase_url: https://x.org\n");
    let run = site.run(&["build", "--base-url", "https://Preview.example.org/docs/"]);
    assert_eq!(run.status.code(), Some(0));
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://preview.example.org/docs/a/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn the_library_checks_the_base_url_it_is_given() {
    let site = broken();
    let mut options = site.options();
    options.base_url = Some("notaurl".into());
    let errors = lore::build(&options, &|_| {}).expect_err("refused");
    assert!(
        errors[0].message.starts_with("--base-url must be"),
        "{errors:#?}"
    );
}
