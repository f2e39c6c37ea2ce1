//! A page's HTML as EPUB content: HTML5 parsed as a browser would (html5ever, through
//! `scraper`) and written back as well-formed XHTML.
//!
//! What a reading system cannot use is made static: scripts, forms' controls and anything
//! `hidden` (the parts scripts reveal) are dropped, a `<details>` is opened into a `<div>` (its
//! summary a heading-like paragraph), a self-check keeps its question, its answers and the
//! disclosure listing which are right with their feedback, and a trainer's speaker notes are
//! left out (an EPUB is the learners' copy). Elements XHTML does not know are unwrapped (their
//! text kept), attributes are kept from a short list, ids stay unique, links and pictures go
//! through the caller ([`Resolver`]).

use std::collections::BTreeSet;

use ego_tree::iter::Edge;
use scraper::{Html, Node};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const HTML_NS: &str = "http://www.w3.org/1999/xhtml";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

/// Where links and pictures of a page go in its EPUB.
pub(crate) trait Resolver {
    /// The `href` a link to `href` gets, or `None` to drop the attribute (the text stays).
    fn link(&mut self, href: &str) -> Option<String>;
    /// The `src` of a picture at `src` inside the EPUB, or `None` when the EPUB cannot hold it
    /// (then its alt text stands in its place).
    fn image(&mut self, src: &str) -> Option<String>;
}

/// What converting a page found besides its XHTML.
#[derive(Debug, Default)]
pub(crate) struct Converted {
    /// The body's XHTML.
    pub xhtml: String,
    /// It holds inline SVG (the manifest item then says `properties="svg"`).
    pub svg: bool,
}

/// HTML elements kept as they are.
const KEPT: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Elements written empty (`<br/>`).
const VOID: &[&str] = &["br", "col", "hr", "img", "wbr"];

/// Elements dropped with everything in them: scripts, controls, embedded players.
const DROPPED: &[&str] = &[
    "audio", "base", "button", "canvas", "dialog", "embed", "iframe", "input", "link", "meta",
    "object", "script", "select", "source", "style", "template", "textarea", "track", "video",
];

/// Classes whose elements are left out: a trainer's notes, and a self-check's "choose one"
/// hint (there is nothing to choose with in an EPUB).
const DROPPED_CLASSES: &[&str] = &["speaker-notes", "selfcheck-hint"];

/// Attributes kept on HTML elements (besides `aria-*`).
const ATTRIBUTES: &[&str] = &[
    "abbr", "alt", "cite", "class", "colspan", "datetime", "dir", "headers", "height", "href",
    "id", "lang", "reversed", "role", "rowspan", "scope", "span", "src", "start", "title", "type",
    "value", "width",
];

/// What becomes of an element.
enum Action {
    /// Written under this name.
    Keep(&'static str),
    /// Its tags left out, its content kept.
    Unwrap,
    /// Left out with its content.
    Drop,
}

/// Converts a fragment of HTML (a page's body) to XHTML. `ids` holds the ids already used in
/// the document, which the fragment's repeats lose.
pub(crate) fn convert(
    html: &str,
    resolver: &mut dyn Resolver,
    ids: &mut BTreeSet<String>,
) -> Converted {
    let doc = Html::parse_fragment(html);
    let root = doc.root_element();
    let mut out = Converted::default();
    let x = &mut out.xhtml;
    // Elements opened, with the name their closing tag needs (`None`: unwrapped).
    let mut open: Vec<(ego_tree::NodeId, Option<String>)> = Vec::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut svg_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if node.id() == root.id() => {}
            Edge::Close(node) if node.id() == root.id() => {}
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => escape_text(x, t),
                    Node::Element(el) => {
                        let ns = &*el.name.ns;
                        let name = &*el.name.local;
                        if ns == SVG_NS {
                            if name == "script" || !is_xml_name(name) {
                                skipping = Some(node.id());
                                continue;
                            }
                            x.push('<');
                            x.push_str(name);
                            if svg_depth == 0 {
                                out.svg = true;
                                x.push_str(&format!(
                                    " xmlns=\"{SVG_NS}\" xmlns:xlink=\"{XLINK_NS}\""
                                ));
                            }
                            svg_depth += 1;
                            for (attr, value) in el.attrs.iter() {
                                svg_attribute(x, &attr.ns, &attr.local, value, ids);
                            }
                            x.push('>');
                            open.push((node.id(), Some(name.to_string())));
                            continue;
                        }
                        let action = if ns != HTML_NS {
                            Action::Unwrap
                        } else {
                            action(name, el)
                        };
                        match action {
                            Action::Drop => skipping = Some(node.id()),
                            Action::Unwrap => open.push((node.id(), None)),
                            Action::Keep("img") => {
                                let src = el.attr("src").unwrap_or_default();
                                let alt = el.attr("alt").unwrap_or_default();
                                match resolver.image(src) {
                                    Some(new) => {
                                        x.push_str("<img src=\"");
                                        escape_attr(x, &new);
                                        x.push_str("\" alt=\"");
                                        escape_attr(x, alt);
                                        x.push('"');
                                        html_attributes(x, el, resolver, ids, &["src", "alt"]);
                                        x.push_str("/>");
                                    }
                                    None if !alt.is_empty() => {
                                        x.push_str("<span class=\"image-alt\">[");
                                        escape_text(x, alt);
                                        x.push_str("]</span>");
                                    }
                                    None => {}
                                }
                                skipping = Some(node.id());
                            }
                            Action::Keep(name) => {
                                x.push('<');
                                x.push_str(name);
                                html_attributes(x, el, resolver, ids, &[]);
                                if VOID.contains(&name) {
                                    x.push_str("/>");
                                    skipping = Some(node.id());
                                } else {
                                    x.push('>');
                                    open.push((node.id(), Some(name.to_string())));
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(s) = skipping {
                    if s == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if open.last().is_some_and(|(id, _)| *id == node.id()) {
                    if let Some((_, Some(name))) = open.pop() {
                        if node
                            .value()
                            .as_element()
                            .is_some_and(|e| &*e.name.ns == SVG_NS)
                        {
                            svg_depth = svg_depth.saturating_sub(1);
                        }
                        x.push_str("</");
                        x.push_str(&name);
                        x.push('>');
                    }
                }
            }
        }
    }
    out
}

/// What becomes of an HTML element.
fn action(name: &str, el: &scraper::node::Element) -> Action {
    if DROPPED.contains(&name)
        || el.attr("hidden").is_some()
        || DROPPED_CLASSES
            .iter()
            .any(|c| el.classes().any(|k| k == *c))
    {
        return Action::Drop;
    }
    match name {
        // A disclosure opened: readers of an EPUB cannot always open one.
        "details" | "fieldset" | "summary" | "legend" => Action::Keep(match name {
            "details" | "fieldset" => "div",
            _ => "p",
        }),
        _ => KEPT
            .iter()
            .find(|k| **k == name)
            .map_or(Action::Unwrap, |k| Action::Keep(k)),
    }
}

/// Writes the kept attributes of an HTML element (but those in `skip`).
fn html_attributes(
    x: &mut String,
    el: &scraper::node::Element,
    resolver: &mut dyn Resolver,
    ids: &mut BTreeSet<String>,
    skip: &[&str],
) {
    let name = &*el.name.local;
    for (attr, value) in el.attrs.iter() {
        let a: &str = &attr.local;
        if !attr.ns.is_empty() || skip.contains(&a) {
            continue;
        }
        let value: &str = value;
        if !(ATTRIBUTES.contains(&a) || a.starts_with("aria-") && is_xml_name(a)) {
            continue;
        }
        let value = match a {
            "id" if !fresh_id(value, ids) => continue,
            "href" if name == "a" => match resolver.link(value) {
                Some(v) => v,
                None => continue,
            },
            "href" | "src" => continue,
            "width" | "height" | "colspan" | "rowspan" | "start" | "span"
                if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) =>
            {
                continue
            }
            "type" if name != "ol" && name != "li" => continue,
            "value" if name != "li" && name != "data" => continue,
            "dir" if !matches!(value, "ltr" | "rtl" | "auto") => continue,
            _ => value.to_string(),
        };
        attribute(x, a, &value);
    }
    // The parts the class names come from stay recognisable to the stylesheet.
    if matches!(name, "details" | "summary" | "fieldset" | "legend") && el.attr("class").is_none() {
        attribute(x, "class", name);
    }
}

/// Writes an attribute of an SVG element: any but event handlers and script links.
fn svg_attribute(x: &mut String, ns: &str, local: &str, value: &str, ids: &mut BTreeSet<String>) {
    let qualified = match ns {
        "" => local.to_string(),
        XLINK_NS => format!("xlink:{local}"),
        "http://www.w3.org/XML/1998/namespace" => format!("xml:{local}"),
        _ => return,
    };
    let lower = local.to_ascii_lowercase();
    if lower.starts_with("on")
        || !is_xml_name(local)
        || (lower == "href"
            && value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("javascript:"))
        || (local == "id" && !fresh_id(value, ids))
    {
        return;
    }
    attribute(x, &qualified, value);
}

/// True when `id` is a usable id not yet in `ids` (and records it).
fn fresh_id(id: &str, ids: &mut BTreeSet<String>) -> bool {
    !id.is_empty() && !id.chars().any(char::is_whitespace) && ids.insert(id.to_string())
}

fn attribute(x: &mut String, name: &str, value: &str) {
    x.push(' ');
    x.push_str(name);
    x.push_str("=\"");
    escape_attr(x, value);
    x.push('"');
}

/// True for a name XML takes as it is: a letter or `_`, then letters, digits, `-`, `_`, `.`.
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// True for a character XML 1.0 allows in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Appends `text` with `&`, `<` and `>` escaped and characters XML forbids left out.
pub(crate) fn escape_text(x: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => x.push_str("&amp;"),
            '<' => x.push_str("&lt;"),
            '>' => x.push_str("&gt;"),
            c if xml_char(c) => x.push(c),
            _ => {}
        }
    }
}

/// Appends `text` escaped for a double-quoted attribute.
pub(crate) fn escape_attr(x: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => x.push_str("&quot;"),
            '&' => x.push_str("&amp;"),
            '<' => x.push_str("&lt;"),
            '>' => x.push_str("&gt;"),
            c if xml_char(c) => x.push(c),
            _ => {}
        }
    }
}

/// `text` escaped for XML text or a double-quoted attribute.
pub(crate) fn escaped(text: &str) -> String {
    let mut x = String::with_capacity(text.len());
    escape_attr(&mut x, text);
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Same;
    impl Resolver for Same {
        fn link(&mut self, href: &str) -> Option<String> {
            Some(href.to_string())
        }
        fn image(&mut self, src: &str) -> Option<String> {
            (!src.starts_with("http")).then(|| format!("images/{src}"))
        }
    }

    fn xhtml(html: &str) -> Converted {
        convert(html, &mut Same, &mut BTreeSet::new())
    }

    fn well_formed(x: &str) {
        let doc = format!("<body xmlns=\"{HTML_NS}\">{x}</body>");
        roxmltree::Document::parse(&doc).unwrap_or_else(|e| panic!("{e}: {doc}"));
    }

    #[test]
    fn closes_what_html_leaves_open_and_escapes_what_xml_needs() {
        let out = xhtml("<p>a<br>b &amp; c &nbsp;<img src=x.png alt='A \"b\"'><p>two<hr>");
        assert_eq!(
            out.xhtml,
            "<p>a<br/>b &amp; c \u{a0}<img src=\"images/x.png\" alt=\"A &quot;b&quot;\"/></p><p>two</p><hr/>"
        );
        well_formed(&out.xhtml);
    }

    #[test]
    fn interactive_parts_become_static_text() {
        let html = "<div class=\"selfcheck\" data-selfcheck><fieldset><legend>Q?</legend><p class=\"selfcheck-hint\">Choose one</p><ul><li><label><input type=radio name=a> Yes</label><div class=\"selfcheck-feedback\" hidden>Right</div></li></ul><p hidden><button>Check</button></p></fieldset><details><summary>Answers</summary><ul><li>Yes: right</li></ul></details></div><details class=\"speaker-notes\"><summary>Notes</summary>secret</details><script>alert(1)</script>";
        let out = xhtml(html);
        well_formed(&out.xhtml);
        assert_eq!(
            out.xhtml,
            "<div class=\"selfcheck\"><div class=\"fieldset\"><p class=\"legend\">Q?</p><ul><li> Yes</li></ul></div><div class=\"details\"><p class=\"summary\">Answers</p><ul><li>Yes: right</li></ul></div></div>"
        );
    }

    #[test]
    fn inline_svg_gets_its_namespace_and_loses_scripts() {
        let out = xhtml("<svg viewBox=\"0 0 10 10\" onload=\"x()\"><script>x()</script><a xlink:href=\"#a\"><rect width=\"1\"/></a></svg>");
        assert!(out.svg);
        assert_eq!(
            out.xhtml,
            format!("<svg xmlns=\"{SVG_NS}\" xmlns:xlink=\"{XLINK_NS}\" viewBox=\"0 0 10 10\"><a xlink:href=\"#a\"><rect width=\"1\"></rect></a></svg>")
        );
        well_formed(&out.xhtml);
    }

    #[test]
    fn unknown_elements_keep_their_text_and_ids_stay_unique() {
        let mut ids = BTreeSet::from(["taken".to_string()]);
        let out = convert(
            "<center id=taken>old <font color=red>text</font></center><h2 id=taken>T</h2><h2 id=new style=\"x\" onclick=\"y\">U</h2>",
            &mut Same,
            &mut ids,
        );
        assert_eq!(out.xhtml, "old text<h2>T</h2><h2 id=\"new\">U</h2>");
    }

    #[test]
    fn a_picture_the_epub_cannot_hold_leaves_its_alt_text() {
        let out = xhtml("<p><img src=\"https://elsewhere.net/a.png\" alt=\"A map\"></p>");
        assert_eq!(out.xhtml, "<p><span class=\"image-alt\">[A map]</span></p>");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = "<div>".repeat(2_000);
        well_formed(&xhtml(&html).xhtml);
    }
}
