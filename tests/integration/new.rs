//! `lore new`: the page it writes has every field of its type and parses; the required fields
//! only the editor can fill (a technique's purpose, a toolkit's tools) are the build's only
//! complaint until filled; file names are unique; nothing is overwritten; a translation shares
//! the page's key.

use crate::support::SiteTest;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Replaces the line of `file` that starts with `key` by `line`, as an editor filling a field.
fn fill(site: &SiteTest, file: &str, key: &str, line: &str) {
    let text = std::fs::read_to_string(site.root.join(file)).expect("read");
    let filled: Vec<&str> = text
        .lines()
        .map(|l| if l.starts_with(key) { line } else { l })
        .collect();
    site.file(file, &(filled.join("\n") + "\n"));
}

#[test]
fn writes_a_page_of_each_type_that_parses_and_builds_once_its_required_words_are_written() {
    let site = SiteTest::example();
    for (ty, title, path) in [
        (
            "guide",
            "Learning from failure",
            "content/guides/learning-from-failure.md",
        ),
        (
            "toolkit",
            "Écoute active",
            "content/toolkits/ecoute-active.md",
        ),
        (
            "technique",
            "Fishbone diagram",
            "content/techniques/fishbone-diagram.md",
        ),
        (
            "event",
            "Writeshop: Dakar 2027",
            "content/events/writeshop-dakar-2027.md",
        ),
        ("page", "Contact us", "content/contact-us.md"),
    ] {
        let out = site.run(&["new", ty, title]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(stdout(&out), path);
        let text = std::fs::read_to_string(site.root.join(path)).expect("written");
        assert!(text.contains("title:") && text.contains(title), "{text}");
    }
    let event = std::fs::read_to_string(site.root.join("content/events/writeshop-dakar-2027.md"))
        .expect("event");
    for field in [
        "start:",
        "# end:",
        "# location:",
        "organisers:",
        "# registration_url:",
        "description:",
        "# slug:",
    ] {
        assert!(event.contains(field), "{field} in:\n{event}");
    }
    assert!(
        event.contains("(required)"),
        "required fields are marked:\n{event}"
    );
    let mut empty: Vec<(String, usize, String)> = site
        .build_err()
        .into_iter()
        .map(|d| (d.path.display().to_string(), d.line, d.message))
        .collect();
    empty.sort();
    assert_eq!(
        empty,
        [
            (
                "content/techniques/fishbone-diagram.md".to_string(),
                4,
                "`purpose` is empty".to_string()
            ),
            (
                "content/toolkits/ecoute-active.md".to_string(),
                4,
                "`tools` is empty".to_string()
            ),
        ],
        "only the required fields left for the editor"
    );
    fill(
        &site,
        "content/techniques/fishbone-diagram.md",
        "purpose:",
        "purpose: \"Find the causes of a problem\"",
    );
    fill(
        &site,
        "content/toolkits/ecoute-active.md",
        "tools:",
        "tools: [{name: Guide, url: \"https://tools.example.net/guide\"}]",
    );
    site.build_ok();
    let check = site.run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn makes_the_file_name_unique_and_never_overwrites() {
    let site = SiteTest::example();
    let first = site.run(&["new", "technique", "World café"]);
    assert_eq!(
        stdout(&first),
        "content/techniques/world-cafe-2.md",
        "world-cafe.md exists"
    );
    let second = site.run(&["new", "technique", "World café"]);
    assert_eq!(stdout(&second), "content/techniques/world-cafe-3.md");
    let again = site.run(&[
        "new",
        "--translate",
        "content/techniques/problem-tree.md",
        "--lang",
        "fr",
    ]);
    assert_eq!(again.status.code(), Some(1), "problem-tree.fr.md exists");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn writes_into_another_section_with_the_type_and_in_another_language() {
    let site = SiteTest::example();
    let out = site.run(&[
        "new",
        "technique",
        "Café conversations",
        "--section",
        "guides/communities-of-practice",
        "--lang",
        "fr",
    ]);
    let path = stdout(&out);
    assert_eq!(
        path,
        "content/guides/communities-of-practice/cafe-conversations.fr.md"
    );
    let text = std::fs::read_to_string(site.root.join(&path)).expect("written");
    assert!(
        text.contains("\ntype:") && text.contains("technique"),
        "{text}"
    );
    assert!(
        text.contains("purpose:"),
        "the technique's own fields: {text}"
    );
    fill(&site, &path, "purpose:", "purpose: Talk in small groups");
    site.build_ok();
    assert!(site
        .out("fr/guides/communities-of-practice/cafe-conversations/index.html")
        .is_file());
}

#[test]
fn starts_a_translation_that_shares_the_page_key() {
    let site = SiteTest::example();
    let out = site.run(&[
        "new",
        "technique",
        "--translate",
        "content/techniques/world-cafe.md",
        "--lang",
        "ar",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout(&out), "content/techniques/world-cafe.ar.md");
    site.build_ok();
    let en = site.read("techniques/world-cafe/index.html");
    assert!(
        en.contains("/ar/techniques/world-cafe/"),
        "the English page links to its new translation"
    );
    assert!(site
        .read("ar/techniques/world-cafe/index.html")
        .contains("dir=\"rtl\""));
}

#[test]
fn refuses_an_unknown_type_language_or_section_outside_content() {
    let site = SiteTest::example();
    for args in [
        &["new", "recipe", "Soup"][..],
        &["new", "page", "Hi", "--lang", "xx"],
        &["new", "page", "Hi", "--section", "../outside"],
    ] {
        let out = site.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    }
    assert!(!site.root.parent().expect("parent").join("outside").exists());
}
