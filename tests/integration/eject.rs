//! `lore eject layout NAME`: a copy of one built-in layout that renders exactly as the built-in
//! does, records which built-in it came from, and makes `lore check` warn once lore's own layout
//! has moved on.

use crate::support::SiteTest;

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn eject_lists_the_built_in_layouts() {
    let site = SiteTest::new();
    let names = stdout(&site.run(&["eject", "layout"]));
    for name in ["base.html", "page.html", "strings.yaml"] {
        assert!(names.lines().any(|l| l == name), "{name} in {names}");
    }
}

#[test]
fn an_ejected_layout_renders_the_site_byte_for_byte_as_the_built_in() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\nSome text.\n");
    site.build_ok();
    let before = site.read("a/index.html");
    let shown = stdout(&site.run(&["eject", "layout", "base.html"]));
    assert!(shown.trim_end().ends_with("base.html"), "{shown}");
    let copy = std::fs::read_to_string(site.root.join("layouts/base.html")).expect("copy");
    assert!(copy.starts_with("{# lore-builtin: base.html@"), "{copy}");
    site.build_ok();
    assert_eq!(site.read("a/index.html"), before);
    let again = site.run(&["eject", "layout", "base.html"]);
    assert_eq!(again.status.code(), Some(1), "never overwrites");
    let unknown = site.run(&["eject", "layout", "nope.html"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr)
        .contains("there is no built-in layout `nope.html`"));
}

#[test]
fn check_warns_when_a_copied_layout_is_older_than_the_built_in() {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: A\n---\nSome text.\n");
    stdout(&site.run(&["eject", "layout", "page.html"]));
    let fresh = site.run(&["check"]);
    assert!(
        !String::from_utf8_lossy(&fresh.stderr).contains("layouts/page.html"),
        "a fresh copy is not stale: {fresh:?}"
    );
    let path = site.root.join("layouts/page.html");
    let copy = std::fs::read_to_string(&path).expect("copy");
    let hash = copy
        .split("page.html@")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .expect("recorded hash")
        .to_string();
    std::fs::write(&path, copy.replacen(&hash, "0123456789", 1)).expect("write");
    let stale = site.run(&["check"]);
    assert_eq!(stale.status.code(), Some(0), "a warning, not an error");
    let stderr = String::from_utf8_lossy(&stale.stderr);
    assert!(
        stderr.contains("layouts/page.html:1:1: warning: this copy of the built-in page.html is older than lore's own (0123456789, now "),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("write page.html@{hash} on line 1")),
        "{stderr}"
    );
    assert_eq!(site.run(&["check", "--strict"]).status.code(), Some(1));
    std::fs::write(&path, &copy).expect("write");
    let quiet = site.run(&["check"]);
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("layouts/page.html"));
    let printed = stdout(&site.run(&["eject", "layout", "page.html", "--print"]));
    assert!(printed.starts_with(&format!("{{# lore-builtin: page.html@{hash}")));
}
