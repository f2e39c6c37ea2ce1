//! Every output is well-formed for any input (issue 19, point 2): fuzzed titles, descriptions,
//! places and bodies, control characters and markup included, go through a real build, and
//! every feed, calendar, sitemap, JSON file and page it writes is parsed back.

use std::path::Path;

use lore::content::controls;

use crate::support::{Rng, SiteTest};

/// Pieces that break formats: control characters, noncharacters, markup, escapes, scripts.
const NASTY: &[&str] = &[
    "\0",
    "\u{1}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{9f}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{feff}",
    "\u{202e}",
    "\r",
    "\t",
    "\n",
    "<",
    ">",
    "&",
    "&amp;",
    "\"",
    "'",
    "]]>",
    "<!--",
    "-->",
    "<script>alert(1)</script>",
    "\\",
    ";",
    ",",
    ":",
    "é",
    "ع",
    "👍🏽",
    "e\u{301}",
    "{{ x }}",
    "%",
    "*",
    "`",
    "[",
    "javascript:alert(1)",
    " ",
    "word",
];

/// Random text of nasty pieces that still holds a letter (a title must not end up empty).
fn fuzz(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::from("T");
    for _ in 0..1 + rng.below(pieces) {
        s.push_str(NASTY[rng.below(NASTY.len())]);
    }
    s
}

/// `s` as a YAML double-quoted string: every character survives, control characters as
/// escapes (YAML refuses them raw).
fn yaml_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What XML and our own stripping make of a text: line ends as XML reads them.
fn as_parsed(s: &str) -> String {
    controls::strip(s).replace("\r\n", "\n").replace('\r', "\n")
}

/// A site of pages, events and a site.yaml made of fuzz; returns the titles written.
fn fuzzed_site(rng: &mut Rng) -> (SiteTest, Vec<String>) {
    let site = SiteTest::new();
    site.file(
        "site.yaml",
        &format!(
            "title: {}\ndescription: {}\nbase_url: https://fuzz.example.org/kb\n",
            yaml_quoted(&fuzz(rng, 6)),
            yaml_quoted(&fuzz(rng, 6))
        ),
    );
    let home = fuzz(rng, 6);
    site.file(
        "content/_index.md",
        &format!("---\ntitle: {}\n---\n", yaml_quoted(&home)),
    );
    let mut titles = vec![home];
    for i in 0..10 {
        let title = fuzz(rng, 8);
        let description = fuzz(rng, 8);
        let mut body = String::new();
        for _ in 0..rng.below(40) {
            const MARKUP: &[&str] = &["\n", "# ", "- ", "> ", "**", "\n\n"];
            body.push_str(MARKUP[rng.below(MARKUP.len())]);
            body.push_str(NASTY[rng.below(NASTY.len())]);
        }
        let front = format!(
            "title: {}\ndescription: {}\ndate: 2026-0{}-1{}\ntags: [{}]\n",
            yaml_quoted(&title),
            yaml_quoted(&description),
            1 + i % 9,
            i % 10,
            yaml_quoted(&fuzz(rng, 3))
        );
        let (path, extra) = if i % 3 == 0 {
            (
                format!("content/events/e{i}.md"),
                format!(
                    "start: 2027-03-1{i}T09:00:00+03:00\nend: 2027-03-1{i}T17:00:00+03:00\nlocation: {{name: {}, city: {}, country: {}}}\n",
                    yaml_quoted(&fuzz(rng, 4)),
                    yaml_quoted(&fuzz(rng, 4)),
                    yaml_quoted(&fuzz(rng, 4))
                ),
            )
        } else {
            (format!("content/notes/n{i}.md"), String::new())
        };
        site.file(&path, &format!("---\n{front}{extra}---\n{body}\n"));
        titles.push(title);
    }
    (site, titles)
}

/// Every file under `dir` ending in `ext`, as (relative path, text).
fn files(dir: &Path, ext: &str) -> Vec<(String, String)> {
    crate::support::tree(dir)
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(ext))
        .map(|(rel, bytes)| {
            let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{rel} is UTF-8"));
            (rel, text)
        })
        .collect()
}

fn assert_no_control_characters(rel: &str, text: &str) {
    let bad = text
        .char_indices()
        .find(|&(_, c)| controls::is_forbidden(c));
    if let Some((at, c)) = bad {
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        panic!("{rel} holds {c:?} near {:?}", &text[from..at]);
    }
}

#[test]
fn fuzzed_titles_descriptions_and_bodies_give_well_formed_outputs() {
    let mut rng = Rng(0x19_2026);
    for round in 0..4 {
        let (site, titles) = fuzzed_site(&mut rng);
        site.build_ok();
        let public = site.root.join("public");
        let expected: Vec<String> = titles.iter().map(|t| as_parsed(t)).collect();
        for (rel, xml) in files(&public, ".xml") {
            assert_no_control_characters(&rel, &xml);
            let doc = roxmltree::Document::parse(&xml)
                .unwrap_or_else(|e| panic!("round {round}: {rel} is not XML: {e}\n{xml}"));
            if rel.ends_with("atom.xml") {
                feed_rs::parser::parse(xml.as_bytes())
                    .unwrap_or_else(|e| panic!("round {round}: {rel} is not a feed: {e}"));
                for entry in doc.descendants().filter(|n| n.has_tag_name("entry")) {
                    let title = entry
                        .children()
                        .find(|n| n.has_tag_name("title"))
                        .and_then(|n| n.text())
                        .unwrap_or("");
                    assert!(
                        expected.iter().any(|t| *t == as_parsed(title)),
                        "round {round}: {rel}: entry title {title:?} is none of {expected:?}"
                    );
                }
            }
        }
        let calendars = files(&public, ".ics");
        assert!(!calendars.is_empty(), "events give calendars");
        for (rel, ics) in calendars {
            assert_no_control_characters(&rel, &ics);
            let unfolded = icalendar::parser::unfold(&ics);
            let cal = icalendar::parser::read_calendar(&unfolded)
                .unwrap_or_else(|e| panic!("round {round}: {rel} is not iCalendar: {e}\n{ics}"));
            assert!(cal.components.iter().any(|c| c.name == "VEVENT"), "{rel}");
        }
        for (rel, json) in files(&public, ".json") {
            serde_json::from_str::<serde_json::Value>(&json)
                .unwrap_or_else(|e| panic!("round {round}: {rel} is not JSON: {e}"));
        }
        let api: serde_json::Value =
            serde_json::from_str(&site.read("api/pages.json")).expect("api/pages.json");
        for page in api["pages"].as_array().expect("pages") {
            let title = page["title"].as_str().expect("title");
            assert!(
                title.chars().all(|c| !controls::is_forbidden(c)),
                "round {round}: api title {title:?}"
            );
        }
        for (rel, html) in files(&public, ".html") {
            assert_no_control_characters(&rel, &html);
            let title = html
                .split_once("<title>")
                .and_then(|(_, rest)| rest.split_once("</title>"))
                .map_or("", |(t, _)| t);
            assert!(
                !title.contains('<'),
                "round {round}: {rel}: a title's markup is not escaped: {title}"
            );
        }
    }
}
