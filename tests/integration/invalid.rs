//! Bad input: one small broken site per class of mistake, asserting the message, file and line
//! an editor sees, that every error of a run is reported, and that the previous output stays.

use crate::support::{only_for, SiteTest};

/// A site that built once, so a later failed build can be checked to leave `public/` intact.
fn built_site() -> SiteTest {
    let site = SiteTest::new();
    site.file("content/ok.md", "---\ntitle: Fine\n---\nHello\n");
    site.build_ok();
    site
}

fn assert_previous_output_intact(site: &SiteTest) {
    assert!(
        site.read("ok/index.html").contains("Fine"),
        "previous public/ is untouched"
    );
    let stray: Vec<_> = std::fs::read_dir(&site.root)
        .expect("read root")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("lore-tmp"))
        .collect();
    assert!(stray.is_empty(), "no staging folder left behind");
}

#[test]
fn reports_broken_yaml_with_the_file_line() {
    let site = built_site();
    site.file("content/bad.md", "---\ntitle: Ok\ntags: [a, b\n---\n");
    let errs = site.build_err();
    let d = only_for(&errs, "content/bad.md");
    assert!(d.message.starts_with("invalid YAML"), "{d}");
    assert!(d.line >= 3, "line counted from the top of the file: {d}");
    assert_previous_output_intact(&site);
}

#[test]
fn reports_a_missing_title() {
    let site = built_site();
    site.file("content/notitle.md", "---\ndescription: x\n---\nBody\n");
    let errs = site.build_err();
    let d = only_for(&errs, "content/notitle.md");
    assert_eq!(d.message, "`title` is missing");
    assert_eq!(d.line, 1);
    assert!(d.help.as_deref().unwrap_or("").contains("title: "), "{d:?}");
    assert_previous_output_intact(&site);
}

#[test]
fn reports_a_bad_date_at_its_line_and_column_in_plain_words() {
    let site = built_site();
    site.file("content/d.md", "---\ntitle: D\ndate: 14/03/2026\n---\n");
    let errs = site.build_err();
    let d = only_for(&errs, "content/d.md");
    assert_eq!(
        d.message,
        "`date` must look like 2026-03-14; found `14/03/2026`"
    );
    assert_eq!((d.line, d.col), (3, 7));
}

#[test]
fn reports_an_event_time_without_time_zone() {
    let site = built_site();
    site.file(
        "content/events/e.md",
        "---\ntitle: E\nstart: 2027-03-16T09:00:00\n---\n",
    );
    let errs = site.build_err();
    let d = only_for(&errs, "content/events/e.md");
    assert!(d.message.contains("the time zone is missing"), "{d}");
    assert_eq!(d.line, 3);
}

#[test]
fn reports_missing_required_fields_of_a_type() {
    let site = built_site();
    site.file("content/techniques/t.md", "---\ntitle: T\n---\n");
    let errs = site.build_err();
    assert_eq!(
        only_for(&errs, "content/techniques/t.md").message,
        "`purpose` is missing"
    );
}

#[test]
fn reports_a_wrong_type_and_an_unknown_taxonomy() {
    let site = built_site();
    site.file(
        "content/w.md",
        "---\ntitle: W\nweight: heavy\ntaxonomies:\n  colour: [red]\n---\n",
    );
    let errs = site.build_err();
    let msgs: Vec<String> = errs
        .iter()
        .map(|d| format!("{}:{}", d.line, d.message))
        .collect();
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("3:`weight` must be a whole number")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("4:unknown taxonomy `colour`")),
        "{msgs:?}"
    );
}

#[test]
fn reports_a_link_to_a_missing_page_at_its_line_and_column() {
    let site = built_site();
    site.file(
        "content/l.md",
        "---\ntitle: L\n---\nIntro.\n\nSee [the toolkit](toolkits/nope.md).\n",
    );
    let errs = site.build_err();
    let d = only_for(&errs, "content/l.md");
    assert_eq!((d.line, d.col), (6, 5));
    assert!(
        d.message
            .contains("there is no page content/toolkits/nope.md"),
        "{d}"
    );
    assert_previous_output_intact(&site);
}

#[test]
fn refuses_a_slug_that_climbs_out_of_the_output_folder() {
    let site = built_site();
    site.file("content/s.md", "---\ntitle: S\nslug: ../../etc\n---\n");
    let errs = site.build_err();
    let d = only_for(&errs, "content/s.md");
    assert_eq!(d.line, 3);
    assert!(d.message.contains("cannot be used in an address"), "{d}");
    assert!(
        !site.root.join("etc").exists()
            && !site.root.parent().expect("parent").join("etc").exists()
    );
    assert_previous_output_intact(&site);
}

#[test]
fn refuses_an_alias_outside_the_site() {
    let site = built_site();
    site.file(
        "content/a.md",
        "---\ntitle: A\naliases: [\"/../../x/\"]\n---\n",
    );
    let errs = site.build_err();
    assert!(only_for(&errs, "content/a.md")
        .message
        .contains("is not a path inside the site"));
}

#[test]
fn reports_a_file_that_is_not_utf8_with_its_line() {
    let site = built_site();
    site.bytes("content/latin1.md", b"---\ntitle: Caf\xe9\n---\n");
    let errs = site.build_err();
    let d = only_for(&errs, "content/latin1.md");
    assert_eq!(d.message, "file is not UTF-8 text");
    assert_eq!((d.line, d.col), (2, 11));
    assert_previous_output_intact(&site);
}

#[test]
fn accepts_a_byte_order_mark_and_crlf_line_endings() {
    let site = SiteTest::new();
    site.bytes(
        "content/w.md",
        b"\xef\xbb\xbf---\r\ntitle: Windows\r\ndate: 2026-01-02\r\n---\r\nLine one\r\n",
    );
    site.build_ok();
    assert!(site.main_of("w/index.html").contains("<h1>Windows</h1>"));
}

#[test]
fn rejects_an_unknown_key_in_site_yaml_naming_key_and_line() {
    let site = SiteTest::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://t.org\nthem: dark\n",
    );
    let errs = site.build_err();
    let d = only_for(&errs, "site.yaml");
    assert_eq!(d.line, 3);
    assert!(d.message.contains("unknown field `them`"), "{d}");
}

#[test]
fn reports_every_error_of_a_run_not_only_the_first() {
    let site = built_site();
    site.file("content/one.md", "---\ndate: nope\n---\n")
        .file("content/two.md", "---\ntitle: Two\n---\n[x](missing.md)\n");
    let errs = site.build_err();
    let files: std::collections::BTreeSet<_> =
        errs.iter().map(|d| d.path.display().to_string()).collect();
    assert!(
        files.contains("content/one.md") && files.contains("content/two.md"),
        "{errs:#?}"
    );
    let one: Vec<_> = errs.iter().filter(|d| d.path.ends_with("one.md")).collect();
    assert_eq!(
        one.len(),
        2,
        "missing title and bad date, both reported: {one:#?}"
    );
}

#[test]
fn a_template_error_names_the_layout_its_line_and_the_page() {
    let site = built_site();
    site.file("layouts/page.html", "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title | no_such_filter }}\n{% endblock %}\n");
    let errs = site.build_err();
    let d = errs
        .iter()
        .find(|d| d.path.ends_with("layouts/page.html"))
        .expect("layout error");
    assert_eq!(d.line, 3, "{d}");
    assert!(
        d.message.contains("no_such_filter") || d.message.contains("unknown filter"),
        "{d}"
    );
    assert_previous_output_intact(&site);
}

#[test]
fn a_template_error_while_rendering_names_the_page() {
    let site = built_site();
    site.file(
        "layouts/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title + 1 }}\n{% endblock %}\n",
    );
    let errs = site.build_err();
    let d = errs
        .iter()
        .find(|d| d.path.ends_with("layouts/page.html"))
        .expect("layout error");
    assert_eq!(d.line, 3, "{d}");
    assert!(d.message.contains("while rendering content/ok.md"), "{d}");
}

#[test]
fn two_pages_with_one_address_is_an_error() {
    let site = built_site();
    site.file("content/x.md", "---\ntitle: X\n---\n")
        .file("content/y.md", "---\ntitle: Y\nslug: x\n---\n");
    let errs = site.build_err();
    assert!(
        errs.iter().any(|d| d.message.contains("same address /x/")),
        "{errs:#?}"
    );
}

#[test]
fn front_matter_that_is_a_list_or_unclosed_gets_a_clear_error() {
    let site = built_site();
    site.file("content/list.md", "---\n- a\n- b\n---\n")
        .file("content/open.md", "---\ntitle: Open\nno end\n");
    let errs = site.build_err();
    assert!(only_for(&errs, "content/list.md")
        .message
        .contains("found a list"));
    assert!(only_for(&errs, "content/open.md")
        .message
        .contains("not closed"));
}
