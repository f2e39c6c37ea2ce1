//! `--out` never destroys what lore did not write (issue 19, point 1): a folder is replaced only
//! when it is new, empty, marked by an earlier build, or the output of a lore from before the
//! marker; anything else is a usage error (exit 2) saying what is there and how to go on.

use std::path::Path;

use crate::support::{tree, SiteTest};

fn site() -> SiteTest {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\nHello\n");
    site
}

/// Runs `lore build --out OUT` (and `extra` flags); returns the exit code and stderr.
fn build_into(site: &SiteTest, out: &str, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["build", "--out", out];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

fn assert_refused(site: &SiteTest, out: &str, extra: &[&str], says: &[&str]) {
    let before = tree(&site.root);
    let (code, stderr) = build_into(site, out, extra);
    assert_eq!(code, Some(2), "--out {out} {extra:?}: {stderr}");
    for words in says {
        assert!(stderr.contains(words), "--out {out}: `{words}` in {stderr}");
    }
    assert_eq!(tree(&site.root), before, "--out {out}: nothing changed");
}

#[test]
fn a_file_given_as_out_is_refused_and_kept() {
    let site = site();
    assert_refused(&site, "site.yaml", &[], &["a file, not a folder"]);
    assert_refused(&site, "site.yaml", &["--force"], &["a file, not a folder"]);
}

#[test]
fn a_repository_or_another_site_is_refused_even_with_force() {
    let site = site();
    site.file(".git/HEAD", "ref: refs/heads/main\n")
        .file("other/site.yaml", "title: Other\n")
        .file("clone/.git/HEAD", "ref: refs/heads/main\n")
        .file("clone/README.md", "mine\n");
    for force in [&[][..], &["--force"][..]] {
        assert_refused(&site, ".git", force, &["Git repository's own folder"]);
        assert_refused(&site, "other", force, &["`site.yaml`", "will not replace"]);
        assert_refused(&site, "clone", force, &["`.git`"]);
    }
}

#[test]
fn the_site_its_sources_and_the_folders_holding_it_are_refused() {
    let site = site();
    assert_refused(&site, ".", &["--force"], &["the site's own folder"]);
    assert_refused(&site, "..", &["--force"], &["holds the site"]);
    assert_refused(&site, "content", &["--force"], &["content/"]);
}

#[test]
fn a_folder_of_other_files_needs_force_and_then_becomes_lore_s() {
    let site = site();
    site.file("dist/notes.txt", "my notes\n");
    assert_refused(
        &site,
        "dist",
        &[],
        &["notes.txt", "lore did not write", "--force"],
    );
    let (code, stderr) = build_into(&site, "dist", &["--force"]);
    assert_eq!(code, Some(0), "{stderr}");
    let dist = site.root.join("dist");
    assert!(!dist.join("notes.txt").exists() && dist.join("a/index.html").is_file());
    assert!(dist.join(".lore-build").is_file(), "marked as lore's");
    let (code, stderr) = build_into(&site, "dist", &[]);
    assert_eq!(code, Some(0), "a marked folder is replaced: {stderr}");
}

#[test]
fn new_empty_and_earlier_outputs_are_replaced_without_a_question() {
    let site = site();
    std::fs::create_dir_all(site.root.join("empty")).expect("mkdir");
    for out in ["new/deeper", "empty", "public", "public"] {
        let (code, stderr) = build_into(&site, out, &[]);
        assert_eq!(code, Some(0), "--out {out}: {stderr}");
        assert!(site.root.join(out).join("a/index.html").is_file());
    }
}

#[test]
fn an_output_written_before_the_marker_existed_is_still_replaced() {
    let site = site();
    site.build_ok();
    let public = site.root.join("public");
    std::fs::remove_file(public.join(".lore-build")).expect("unmark");
    assert!(public.join("sitemap.xml").is_file() && public.join("api/pages.json").is_file());
    let (code, stderr) = build_into(&site, "public", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(public.join(".lore-build").is_file());
}

#[test]
fn the_library_refuses_too_and_names_the_folder() {
    let site = site();
    site.file("keep/mine.txt", "mine\n");
    let mut options = site.options();
    options.out = site.root.join("keep");
    let errors = lore::build(&options, &|_| {}).expect_err("refused");
    assert!(
        errors
            .iter()
            .any(|d| d.message.contains("keep") && d.message.contains("mine.txt")),
        "{errors:#?}"
    );
    assert!(Path::new(&site.root.join("keep/mine.txt")).is_file());
}
