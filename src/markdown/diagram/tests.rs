//! The diagram renderer on the fixtures in `tests/fixtures/diagrams/`: well-formed SVG with no
//! colour or id of its own, labels escaped, right-to-left diagrams mirrored.

use super::*;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/diagrams/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Parses `svg` as XML and returns the document's text, asserting what every diagram must be.
fn check_svg(svg: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(!root.attribute("aria-label").unwrap_or("").is_empty());
    for node in doc.descendants().filter(|n| n.is_element()) {
        assert!(node.attribute("id").is_none(), "an id in {svg}");
        for colour in ["fill", "stroke"] {
            if let Some(v) = node.attribute(colour) {
                assert!(
                    matches!(v, "none" | "currentColor"),
                    "a fixed {colour}: {v}"
                );
            }
        }
    }
    doc
}

fn labels(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|t| {
            t.children()
                .filter_map(|s| s.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The `x` or `y` of the label line holding `needle` (the centre of the label, for `x`).
fn label_at(doc: &roxmltree::Document, needle: &str, axis: &str) -> f64 {
    doc.descendants()
        .filter(|n| n.has_tag_name("tspan"))
        .find(|t| t.text().is_some_and(|s| s.contains(needle)))
        .and_then(|t| t.attribute(axis))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no label {needle}"))
}

#[test]
fn draws_a_problem_tree_as_svg_with_its_roots_below_its_branches() {
    let svg = render_dot(&fixture("problem-tree.dot")).expect("renders");
    let doc = check_svg(&svg);
    let text = labels(&doc).join(" ");
    assert!(text.contains("Milk spoils"), "{text}");
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("rect")).count(),
        6
    );
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("dg-head"))
            .count(),
        5
    );
    // rankdir=BT: causes (roots) below the core problem, effects (branches) above it.
    assert!(label_at(&doc, "Milk spoils", "y") > label_at(&doc, "Members sell", "y"));
    assert!(label_at(&doc, "Low household", "y") < label_at(&doc, "Members sell", "y"));
    assert_eq!(doc.root_element().attribute("direction"), None);
}

#[test]
fn escapes_labels_and_the_description() {
    let svg = render_dot(&fixture("escaping.dot")).expect("renders");
    assert!(!svg.contains("<script"), "{svg}");
    let doc = check_svg(&svg);
    let text = labels(&doc).join(" ");
    assert!(text.contains("<script>alert('x')</script>"), "{text}");
    assert!(text.contains("Fish & chips"));
    let label = doc.root_element().attribute("aria-label").unwrap_or("");
    assert!(label.contains("Tags & <scripts>"), "{label}");
    assert!(label.contains("Fish & chips → "), "{label}");
}

#[test]
fn mirrors_a_diagram_written_in_a_right_to_left_script() {
    let ltr = render_dot(&fixture("problem-tree.dot")).expect("renders");
    let rtl = render_dot(&fixture("problem-tree-ar.dot")).expect("renders");
    let doc = check_svg(&rtl);
    assert_eq!(doc.root_element().attribute("direction"), Some("rtl"));
    let ltr_doc = check_svg(&ltr);
    // The first cause is drawn leftmost in English and rightmost in Arabic.
    let first_ltr = label_at(&ltr_doc, "Milk spoils", "x");
    let last_ltr = label_at(&ltr_doc, "Debts to", "x");
    assert!(first_ltr < last_ltr);
    assert!(label_at(&doc, "فساد الحليب", "x") > label_at(&doc, "الديون", "x"));
}

#[test]
fn draws_circles_undirected_and_dashed_edges() {
    let svg = render_dot(&fixture("shapes.dot")).expect("renders");
    let doc = check_svg(&svg);
    assert!(doc.descendants().any(|n| n.has_tag_name("ellipse")));
    assert!(doc
        .descendants()
        .any(|n| n.attribute("stroke-dasharray").is_some()));
    assert!(!doc
        .descendants()
        .any(|n| n.attribute("class") == Some("dg-head")));
    assert!(labels(&doc).iter().any(|l| l.contains("A hub with a")));
}

#[test]
fn says_why_a_diagram_cannot_be_drawn() {
    assert!(render_dot("digraph {").is_err());
    assert!(render_dot("not a graph").is_err());
    assert_eq!(render_dot("digraph {}"), Err("it has no nodes".into()));
    let big: String = (0..=MAX_NODES)
        .map(|i| format!("n{i} -> n{};", i + 1))
        .collect();
    let why = render_dot(&format!("digraph {{ {big} }}")).expect_err("too big");
    assert!(why.contains("at most 100 nodes"), "{why}");
}

#[test]
fn wraps_long_labels_at_spaces_and_keeps_explicit_breaks() {
    assert_eq!(
        wrap("Members sell to brokers at low prices", 18),
        "Members sell to\nbrokers at low\nprices"
    );
    assert_eq!(wrap("one\\ntwo", 18), "one\ntwo");
    assert_eq!(
        wrap("averyveryverylongword x", 5),
        "averyveryverylongword\nx"
    );
}
