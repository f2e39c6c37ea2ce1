//! The `lore` binary: exit codes, the summary line, `--root` and `--out`.

use crate::support::SiteTest;

#[test]
fn build_prints_one_summary_line_and_exits_0() {
    let site = SiteTest::example();
    let run = site.run(&["build"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let last = stderr.lines().last().unwrap_or("");
    assert!(
        last.starts_with("built ") && last.contains(" pages into ") && last.contains(" s"),
        "{stderr}"
    );
    assert!(site.out("index.html").is_file());
}

#[test]
fn build_with_root_and_out_builds_another_site_elsewhere() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    let cwd = tempfile::tempdir().expect("tmp");
    let out = cwd.path().join("dist");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_lore"))
        .args(["build", "--root"])
        .arg(&site.root)
        .arg("--out")
        .arg(&out)
        .current_dir(cwd.path())
        .output()
        .expect("run");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.join("a/index.html").is_file());
}

#[test]
fn a_failed_build_exits_1_with_file_line_and_help() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\ndate: soon\n---\n");
    let run = site.run(&["build"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("content/a.md:3:7: error: `date` must look like 2026-03-14; found `soon`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 | date: soon"),
        "shows the source line: {stderr}"
    );
    assert!(stderr.contains("help: "), "{stderr}");
}

#[test]
fn github_format_prints_workflow_annotations() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\ndate: soon\n---\n");
    let run = site.run(&["build", "--format", "github"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("::error file=content/a.md,line=3,col=7::`date` must look like"),
        "workflow commands on stdout: {stdout}"
    );
}

#[test]
fn refuses_to_replace_the_site_itself_with_the_output() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    let run = site.run(&["build", "--out", "."]);
    assert_eq!(run.status.code(), Some(2), "a usage error");
    assert!(
        site.root.join("content/a.md").exists(),
        "the site is intact"
    );
}

#[test]
fn timings_lists_every_stage_and_peak_memory() {
    let site = SiteTest::example();
    let run = site.run(&["build", "--timings"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    for stage in [
        "load",
        "parse",
        "markdown",
        "site graph",
        "render",
        "search index",
        "write",
        "peak memory",
    ] {
        assert!(stderr.contains(stage), "{stage} missing: {stderr}");
    }
    // A site this small indexes while it renders, and says so.
    assert!(
        stderr.contains("(beside render)") && stderr.contains("(beside search index)"),
        "{stderr}"
    );
}
