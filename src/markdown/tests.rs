use std::collections::BTreeMap;
use std::path::PathBuf;

use super::*;

struct Pages;

impl LinkResolver for Pages {
    fn resolve(&self, target: &str, _lang: &str) -> Option<String> {
        (target == "toolkits/x.md").then(|| "/toolkits/x/".to_string())
    }
}

fn page(body: &str) -> Page {
    Page {
        source: PathBuf::from("content/guides/a.md"),
        rel: PathBuf::from("guides/a.md"),
        logical_path: "guides/a".into(),
        is_section: false,
        lang: "en".into(),
        type_name: "guide".into(),
        title: "A".into(),
        description: String::new(),
        date: None,
        updated: None,
        draft: false,
        weight: None,
        aliases: vec![],
        sort_by: None,
        translation_key: "guides/a".into(),
        taxonomies: BTreeMap::new(),
        fields: Default::default(),
        url: "/guides/a/".into(),
        body: body.into(),
        body_line: 5,
        field_positions: BTreeMap::new(),
        generated: false,
    }
}

fn render(body: &str) -> (RenderedMarkdown, Vec<Diagnostic>) {
    render_markdown(
        &page(body),
        &Pages,
        &Highlighter::new(),
        &|k: &str, _: &str| {
            let k = k.trim_start_matches("callout_");
            k[..1].to_uppercase() + &k[1..]
        },
    )
}

#[test]
fn gives_headings_unique_github_style_ids() {
    let (r, _) = render("## How to run it\n\ntext\n\n## How to run it\n\n### Étape `un`\n");
    let ids: Vec<_> = r.toc.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["how-to-run-it", "how-to-run-it-1", "étape-un"]);
    assert!(r.html().contains("<h2 id=\"how-to-run-it\">"));
}

#[test]
fn resolves_links_to_markdown_files_and_reports_missing_ones_with_line() {
    let (r, d) = render("See [x](../toolkits/x.md#tools).\n\nAnd [y](../toolkits/y.md).\n");
    assert!(
        r.html().contains("href=\"/toolkits/x/#tools\""),
        "{}",
        r.html()
    );
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].line, d[0].col), (7, 5));
    assert!(d[0].message.contains("content/toolkits/y.md"));
}

#[test]
fn renders_alerts_as_callouts_with_titles() {
    let (r, _) = render("> [!CHECKLIST] Before the event\n> - [ ] Venue booked\n\n> [!TIP]\n> Start on time.\n\n> plain quote\n");
    assert!(
        r.html()
            .contains("<aside class=\"callout callout-checklist\" id=\"checklist-1\""),
        "{}",
        r.html()
    );
    assert!(r
        .html()
        .contains("<p class=\"callout-title\"><span class=\"callout-kind\">Checklist</span> Before the event</p>"), "the kind is named in words before the title");
    assert!(
        r.html()
            .contains("<p class=\"callout-title\"><span class=\"callout-kind\">Tip</span></p>"),
        "untitled callouts get the kind's label"
    );
    assert!(r.html().contains("<blockquote>"));
    assert_eq!(r.callouts.len(), 2);
    assert_eq!(r.callouts[1].kind, CalloutKind::Tip);
    assert!(r.callouts[1].html.contains("Start on time."));
}

#[test]
fn renders_callout_fences_as_markdown() {
    let (r, _) = render("```tip Keep it short\nUse **bold** sparingly.\n```\n");
    assert!(r.html().contains("callout-tip"));
    assert!(r.html().contains("<strong>bold</strong>"), "{}", r.html());
}

/// Issue 21: a fence with attributes after its kind (```` ```tip{.x} ````) was read as a
/// callout by one pass and a language by another, and became neither.
#[test]
fn reads_a_fence_kind_written_with_attributes() {
    let (r, _) =
        render("```tip{.x}\nUse **bold** sparingly.\n```\n\n```python{.x}\nprint('hi')\n```\n");
    assert!(r.html().contains("callout-tip"), "{}", r.html());
    assert!(r.html().contains("<strong>bold</strong>"), "{}", r.html());
    assert_eq!(r.callouts.len(), 1);
    assert!(r.html().contains("data-lang=\"python\""), "{}", r.html());
    assert!(r.html().contains("class=\"hl-"), "{}", r.html());
}

#[test]
fn highlights_code_with_classes_and_falls_back_to_plain_text() {
    let (r, _) = render("```python\nprint('hi')\n```\n\n```nosuchlang\n<b>\n```\n");
    assert!(r.html().contains("class=\"hl-"), "{}", r.html());
    assert!(!r.html().contains("style="));
    assert!(
        r.html().contains("language-nosuchlang\">&lt;b&gt;"),
        "{}",
        r.html()
    );
}

#[test]
fn collects_plain_text_per_section_without_code() {
    let (r, _) = render("Intro words.\n\n## Steps\n\nDo *this*.\n\n```bash\nrm -rf\n```\n");
    assert_eq!(r.sections()[0].text, "Intro words.");
    assert_eq!(r.sections()[1].anchor.as_deref(), Some("steps"));
    assert_eq!(r.sections()[1].text, "Do this.");
}

#[test]
fn supports_tables_footnotes_strikethrough_and_tasks() {
    let (r, _) =
        render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ new[^1]\n\n[^1]: note\n\n- [x] done\n");
    for needle in [
        "<div class=\"table-scroll\" tabindex=\"0\"><table>",
        "<del>old</del>",
        "footnote-definition",
        "<span class=\"task task-done\" aria-hidden=\"true\"></span>",
    ] {
        assert!(r.html().contains(needle), "{needle}: {}", r.html());
    }
    assert!(
        !r.html().contains("<input"),
        "a task is drawn, not a form control"
    );
}

#[test]
fn reads_ids_of_elements() {
    assert_eq!(
        super::element_ids("<h2 id=\"a-b\">x</h2><aside class=\"c\" id='tip-1'><p data-id=\"no\">"),
        vec!["a-b", "tip-1"]
    );
}

#[test]
fn escape_attr_escapes_markup_and_drops_what_no_output_carries() {
    // What the byte-wise scan must give: the character-wise definition.
    let by_chars = |s: &str| -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                c if crate::content::controls::is_forbidden(c) => {}
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    };
    for s in [
        "",
        "plain text",
        "Tom & Jerry's \"<b>\" > 1",
        "tab\tline\nreturn\r bell\u{7} del\u{7f} nul\0",
        "c1 \u{80}\u{85}\u{9f} kept \u{a0}\u{c0}\u{100} é ß",
        "nonchars \u{fffe}\u{ffff} kept \u{fffd}\u{fefe}\u{efbf}",
        "عربي & 中文 <x> \u{1f600}",
        "&",
        "\u{9f}",
        "end\u{ffff}",
    ] {
        assert_eq!(escape_attr(s), by_chars(s), "{s:?}");
    }
    assert_eq!(escape_attr("a<b\u{85}c"), "a&lt;bc");
}
