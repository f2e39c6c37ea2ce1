//! `lore diff OLD NEW` on two real builds of the example site: the pages a change added, changed
//! and removed, other files, weights; a stylesheet edit is one changed file, not every page.

use std::path::Path;

use crate::support::SiteTest;

fn build_into(site: &SiteTest, out: &Path) {
    let mut o = site.options();
    o.out = out.to_path_buf();
    if let Err(d) = lore::build(&o, &|_| {}) {
        panic!("build failed: {d:?}");
    }
}

fn diff_json(site: &SiteTest, old: &Path, new: &Path) -> Vec<serde_json::Value> {
    let out = site.run(&[
        "diff",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn changes(lines: &[serde_json::Value], kind: &str, status: &str) -> Vec<String> {
    lines
        .iter()
        .filter(|l| l["kind"] == kind && l["status"] == status)
        .map(|l| l["url"].as_str().expect("url").to_string())
        .collect()
}

#[test]
fn diff_names_the_pages_a_change_added_changed_and_removed() {
    let site = SiteTest::example();
    let tmp = tempfile::tempdir().expect("tmp");
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    site.file(
        "content/techniques/old-card.md",
        "---\ntitle: Old card\npurpose: Soon gone.\n---\nBody.\n",
    );
    build_into(&site, &old);
    let page = site.root.join("content/techniques/timeline.md");
    let text = std::fs::read_to_string(&page).expect("timeline");
    std::fs::write(&page, text + "\nOne more paragraph about timelines.\n").expect("write");
    std::fs::remove_file(site.root.join("content/techniques/old-card.md")).expect("rm");
    site.file(
        "content/techniques/fishbowl.md",
        "---\ntitle: Fishbowl\npurpose: Let a few talk while the rest listen.\n---\nBody.\n",
    );
    build_into(&site, &new);
    let lines = diff_json(&site, &old, &new);
    assert!(changes(&lines, "page", "added").contains(&"/techniques/fishbowl/".to_string()));
    assert!(changes(&lines, "page", "removed").contains(&"/techniques/old-card/".to_string()));
    let changed = changes(&lines, "page", "changed");
    assert!(
        changed.contains(&"/techniques/timeline/".to_string()),
        "{changed:?}"
    );
    assert!(
        changed.contains(&"/techniques/".to_string()),
        "the list shows the new card"
    );
    let added = lines
        .iter()
        .find(|l| l["url"] == "/techniques/fishbowl/")
        .expect("added");
    assert!(added["new"]["gzip"].as_u64().expect("gzip") > 500);
    assert!(added["old"].is_null());
    let totals = lines.last().expect("totals");
    assert_eq!(totals["kind"], "totals");
    assert_eq!(
        totals["new"]["pages"].as_u64(),
        totals["old"]["pages"].as_u64(),
        "one page in, one out"
    );

    let md = site.run(&[
        "diff",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "markdown",
    ]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("#### Pages added (1)"), "{md}");
    assert!(
        md.contains("<code>/techniques/fishbowl/</code> | added |"),
        "{md}"
    );
    assert!(
        md.contains("page weight (what readers download, gzipped HTML)"),
        "{md}"
    );
}

#[test]
fn a_stylesheet_edit_is_one_changed_file_not_every_page_changed() {
    let site = SiteTest::example();
    let tmp = tempfile::tempdir().expect("tmp");
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    build_into(&site, &old);
    let css = lore::builtin::ASSETS
        .get_file("css/site.css")
        .expect("built-in stylesheet");
    let edited = String::from_utf8_lossy(css.contents()).into_owned() + "\nmain { margin: 0; }\n";
    site.file("assets/css/site.css", &edited);
    build_into(&site, &new);
    let lines = diff_json(&site, &old, &new);
    assert!(
        changes(&lines, "page", "changed").is_empty(),
        "{:?}",
        changes(&lines, "page", "changed")
    );
    // The service worker lists the shell's fingerprinted files, so it names the new stylesheet.
    assert_eq!(
        changes(&lines, "file", "changed"),
        ["/css/site.css", "/sw.js"]
    );
    // Every page names the new stylesheet, so the worker's lists of page hashes are new files
    // too (`offline/pages-N.HASH.json`); apart from them, one file comes and one goes.
    let not_list = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .filter(|f| !f.starts_with("/offline/pages-"))
            .collect()
    };
    assert_eq!(
        not_list(changes(&lines, "file", "added")).len(),
        1,
        "the new fingerprinted copy"
    );
    assert_eq!(
        not_list(changes(&lines, "file", "removed")).len(),
        1,
        "the old one"
    );
}

#[test]
fn diff_of_a_missing_new_site_is_an_error_and_of_a_missing_old_one_all_added() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\n");
    site.build_ok();
    let out = site.run(&["diff", "nothing", "public"]);
    assert!(out.status.success());
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains("added    page  /a/"), "{human}");
    let out = site.run(&["diff", "public", "nothing"]);
    assert_eq!(out.status.code(), Some(1));
}
