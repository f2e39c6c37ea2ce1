//! Messages say what is wrong and how to fix it (issue 19, point 4), each asserted on the line
//! an editor sees from the real binary or on the diagnostic the library returns.

use crate::support::{only_for, SiteTest};

fn site() -> SiteTest {
    let site = SiteTest::new();
    site.file("content/_index.md", "---\ntitle: Home\n---\n");
    site
}

fn stderr_of(site: &SiteTest, args: &[&str]) -> String {
    String::from_utf8_lossy(&site.run(args).stderr).into_owned()
}

#[test]
fn an_impossible_date_says_why_it_does_not_exist() {
    let site = site();
    site.file("content/d.md", "---\ntitle: D\ndate: 2026-02-30\n---\n")
        .file(
            "content/events/e.md",
            "---\ntitle: E\nstart: 2027-04-31T09:00:00+03:00\n---\n",
        );
    let errs = site.build_err();
    let d = only_for(&errs, "content/d.md");
    assert_eq!(
        d.message,
        "`date` is not a real date: `2026-02-30` (February 2026 has 28 days)"
    );
    assert_eq!((d.line, d.col), (3, 7));
    let e = only_for(&errs, "content/events/e.md");
    assert!(e.message.contains("April 2027 has 30 days"), "{e}");
}

#[test]
fn every_wrong_type_in_site_yaml_is_reported_with_its_line_and_help() {
    let site = site();
    site.file(
        "site.yaml",
        "title: [a, b]\nbase_url: https://x.org\nper_page: many\nsearch:\n  enabled: yes\nlanguages:\n  - {code: en, name: English, direction: sideways}\n",
    );
    let errs = site.build_err();
    let found: Vec<(usize, &str)> = errs.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(
        found,
        [
            (1, "`title` must be text; found a list"),
            (3, "`per_page` must be a whole number; found `many`"),
            (5, "`search.enabled` must be true or false; found `yes`"),
            (7, "`direction` cannot be `sideways`"),
        ],
        "{errs:#?}"
    );
    assert!(errs.iter().all(|d| d.help.is_some()), "{errs:#?}");
}

#[test]
fn unknown_keys_and_fields_get_did_you_mean() {
    let site = site();
    site.file("site.yaml", "title: T\nbaseurl: https://x.org\n");
    let d = only_for(&site.build_err(), "site.yaml").clone();
    assert_eq!(d.line, 2);
    assert!(d.message.contains("did you mean `base_url`?"), "{d}");

    site.file("site.yaml", "title: T\nbase_url: https://x.org\n")
        .file(
            "content/a.md",
            "---\ntitle: A\ntgas: [x]\ntype: evnt\n---\n",
        );
    let errs = site.build_err();
    let type_error = errs
        .iter()
        .find(|d| d.is_error())
        .unwrap_or_else(|| panic!("{errs:#?}"));
    assert!(
        type_error.message.contains("did you mean `event`?"),
        "{type_error}"
    );
    site.file("content/a.md", "---\ntitle: A\ntgas: [x]\n---\n");
    let warnings = site.build_ok().warnings;
    let w = only_for(&warnings, "content/a.md");
    assert_eq!(w.line, 3);
    assert!(
        w.message
            .contains("unknown field `tgas`; did you mean `tags`?"),
        "{w}"
    );
}

#[test]
fn an_unclosed_code_fence_is_a_warning_at_its_opening_line() {
    let site = site();
    site.file(
        "content/a.md",
        "---\ntitle: A\n---\nIntro\n\n```python\nprint(1)\n\n## Next heading\n\nMore text\n",
    );
    let report = site.build_ok();
    let w = only_for(&report.warnings, "content/a.md");
    assert_eq!(w.line, 6);
    assert!(w.message.contains("never closed"), "{w}");
    site.file("content/a.md", "---\ntitle: A\n---\n```\nx\n```\n");
    assert!(
        site.build_ok().warnings.is_empty(),
        "a closed fence is fine"
    );
}

#[test]
fn empty_required_fields_and_a_list_as_a_tool_name_are_errors() {
    let site = site();
    site.file("content/a.md", "---\ntitle: \"\"\n---\n")
        .file(
            "content/toolkits/t.md",
            "---\ntitle: T\ntools:\n  - name: [a, b]\n    url: https://x.org\n---\n",
        )
        .file(
            "content/toolkits/none.md",
            "---\ntitle: N\ntools: []\n---\n",
        );
    let errs = site.build_err();
    let a = only_for(&errs, "content/a.md");
    assert_eq!((a.line, a.message.as_str()), (2, "`title` is empty"));
    assert!(only_for(&errs, "content/toolkits/t.md")
        .message
        .contains("`tools` item 1: its name must be text; found a list"));
    assert_eq!(
        only_for(&errs, "content/toolkits/none.md").message,
        "`tools` is empty"
    );
}

#[test]
fn a_template_error_names_its_include_chain_and_a_loop_is_called_one() {
    let site = site();
    site.file(
        "layouts/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{% include \"card.html\" %}\n{% endblock %}\n",
    )
    .file("layouts/card.html", "<div>\n{{ 1 + page.title }}\n</div>\n")
    .file("content/a.md", "---\ntitle: A\n---\n");
    let errs = site.build_err();
    let d = only_for(&errs, "layouts/card.html");
    assert_eq!(d.line, 2);
    assert!(d.message.contains("(included from page.html:3)"), "{d}");

    site.file(
        "layouts/card.html",
        "<div>\n{% include \"loop.html\" %}\n</div>\n",
    )
    .file("layouts/loop.html", "x\n{% include \"card.html\" %}\n");
    let errs = site.build_err();
    let d = errs
        .iter()
        .find(|d| d.message.contains("include loop"))
        .unwrap_or_else(|| panic!("{errs:#?}"));
    assert!(
        d.message
            .contains("page.html:3 → card.html:2 → loop.html:2 → card.html:2"),
        "{d}"
    );
}

#[test]
fn a_layout_field_no_page_has_is_a_check_warning_at_its_line() {
    let site = site();
    site.file(
        "layouts/event.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.title }}</h1>\n<p>{{ page.autor }} {{ page.fields.organizers }}</p>\n{% endblock %}\n",
    )
    .file(
        "content/events/e.md",
        "---\ntitle: E\nstart: 2027-03-16T09:00:00+03:00\norganisers: [Us]\n---\n",
    )
    .file("content/_index.md", "---\ntitle: Home\n---\n[e](events/e.md)\n");
    let stderr = stderr_of(&site, &["check"]);
    assert!(
        stderr.contains("layouts/event.html:4: warning: `page.autor` is empty on every page"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`page.fields.organizers` is empty on every page: no page `event.html` renders has a field `organizers`; did you mean `page.fields.organisers`?"),
        "{stderr}"
    );
    assert!(!stderr.contains("page.title"), "{stderr}");
}

#[test]
fn two_file_names_that_print_alike_are_spelt_out() {
    let site = site();
    site.file("content/caf\u{e9}.md", "---\ntitle: One\n---\n")
        .file("content/cafe\u{301}.md", "---\ntitle: Two\n---\n");
    let errs = site.build_err();
    let d = errs
        .iter()
        .find(|d| d.message.contains("same address"))
        .unwrap_or_else(|| panic!("{errs:#?}"));
    assert!(
        d.message.contains("`caf<U+00E9>.md`") && d.message.contains("`cafe<U+0301>.md`"),
        "{d}"
    );
}

#[test]
fn a_missing_content_folder_and_a_link_loop_get_their_own_help() {
    let site = SiteTest::new();
    let errs = site.build_err();
    let d = only_for(&errs, "content");
    assert_eq!(d.message, "this site has no content/ folder");
    assert!(
        !d.help.as_deref().unwrap_or("").contains("permission"),
        "{d:?}"
    );

    site.file("content/a.md", "---\ntitle: A\n---\n");
    std::os::unix::fs::symlink(site.root.join("content"), site.root.join("content/loop"))
        .expect("symlink");
    let errs = site.build_err();
    let d = only_for(&errs, "content/loop");
    assert!(d.message.contains("a loop"), "{d}");
    assert!(
        !d.help.as_deref().unwrap_or("").contains("permission"),
        "{d:?}"
    );
}

#[test]
fn a_link_to_a_draft_says_the_page_is_a_draft_and_builds_with_drafts() {
    let site = site();
    site.file(
        "content/plan.md",
        "---\ntitle: Plan\ndraft: true\n---\nSoon.\n",
    )
    .file(
        "content/intro.md",
        "---\ntitle: Intro\n---\nSee [the plan](plan.md).\n",
    );
    let errs = site.build_err();
    let e = only_for(&errs, "content/intro.md");
    assert_eq!(
        e.message,
        "link to `plan.md`: content/plan.md is a draft, left out of this build"
    );
    assert_eq!((e.line, e.col), (4, 5));
    assert!(
        e.help.as_deref().unwrap_or("").contains("draft: true"),
        "{e}"
    );
    // A preview with drafts publishes both, so the link resolves.
    let out = site.run(&["build", "--drafts"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
