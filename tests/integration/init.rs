//! `lore init`: a new site from the built-in example, which builds and checks at once, with a
//! CI workflow; a folder that is not empty is refused.

use std::process::Command;

fn lore(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lore"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run lore")
}

#[test]
fn init_writes_a_site_that_builds_and_checks_at_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = lore(tmp.path(), &["init", "kb"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let site = tmp.path().join("kb");
    for f in [
        "site.yaml",
        "content/_index.md",
        "content/techniques/problem-tree.ar.md",
        "content/toolkits/files/learning-log-template.csv",
        "layouts/base.html",
        "layouts/strings.yaml",
        "assets/css/site.css",
        ".gitignore",
        ".github/workflows/lore.yml",
    ] {
        assert!(site.join(f).is_file(), "{f} written");
    }
    let workflow =
        std::fs::read_to_string(site.join(".github/workflows/lore.yml")).expect("workflow");
    assert!(workflow.contains("lore check --format github"));
    assert!(workflow.contains("pull_request") && workflow.contains("branches: [main]"));
    assert!(workflow.contains("actions/deploy-pages"));
    let build = lore(&site, &["build"]);
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(site.join("public/index.html").is_file());
    let check = lore(&site, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("notes.txt"), "mine").expect("write");
    let out = lore(tmp.path(), &["init", "."]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not empty"));
    assert_eq!(
        std::fs::read_dir(tmp.path()).expect("dir").count(),
        1,
        "nothing written"
    );
}

#[test]
fn init_accepts_an_empty_existing_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = lore(tmp.path(), &["init", "."]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tmp.path().join("site.yaml").is_file());
}
