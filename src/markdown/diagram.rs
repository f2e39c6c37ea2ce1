//! Diagrams: a fenced ```` ```dot ```` block (Graphviz's language) becomes inline SVG at build
//! time, laid out by the pure-Rust `layout-rs` crate, so a reader gets a picture with no script
//! and no request.
//!
//! The SVG carries no colour of its own: shapes and text use `currentColor` and the classes
//! `dg-node`, `dg-edge`, `dg-head` and `dg-label`, so the theme's stylesheet colours it (light
//! and dark) and a page without the stylesheet still shows it in the text colour. It holds no
//! `id` (arrowheads are drawn, not markers), so a page can hold many diagrams and the print view
//! of a guide stays valid. A diagram whose labels are written in a right-to-left script (by the
//! first strong character, as `dir="auto"` does) is mirrored so it reads from the right, and
//! its text is set right to left.
//!
//! `layout-rs` knows `rankdir=LR` only; `BT` and `RL` are drawn top-down or left-to-right and
//! then mirrored. It measures text as one em per character, far wider than real text, so node
//! sizes are set here from wrapped labels instead.

use std::fmt::Write;

use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::gv::parser::ast;
use layout::gv::{DotParser, GraphBuilder};
use layout::std_shapes::shapes::ShapeKind;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use super::{escape_attr, Context, Spanned};
use crate::diagnostics::Diagnostic;

/// Most nodes a diagram may have: layout time grows fast with size (100 nodes take about a
/// second), and a bigger picture is unreadable on a page anyway.
pub(crate) const MAX_NODES: usize = 100;
/// Most edges a diagram may have, for the same reason.
pub(crate) const MAX_EDGES: usize = 200;

/// Text size in the SVG, in its own units (pixels at natural size).
const FONT: f64 = 14.0;
/// Height of a line of label text.
const LINE: f64 = 18.0;
/// Average advance of a character, as a share of the font size (system sans-serif fonts run
/// at about 0.5; a little more keeps labels inside their boxes).
const CHAR: f64 = 0.56;
/// Labels are wrapped at this many characters, so nodes stay narrow enough for a phone.
const WRAP: usize = 18;

/// Replaces each ```` ```dot ```` block by a `<figure class="diagram">` holding its SVG; a
/// diagram that cannot be drawn is reported at its line and left as code.
pub(super) fn render_diagrams<'a>(
    events: Vec<Spanned<'a>>,
    ctx: &Context,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        let is_dot = matches!(&event, Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
            if super::fences::FenceInfo::parse(info).lang == "dot");
        if !is_dot {
            out.push((event, range));
            continue;
        }
        let mut source = String::new();
        let mut inner = vec![(event, range.clone())];
        for (e, r) in iter.by_ref() {
            if let Event::Text(t) = &e {
                source.push_str(t);
            }
            let end = matches!(e, Event::End(TagEnd::CodeBlock));
            inner.push((e, r));
            if end {
                break;
            }
        }
        match render_dot(&source) {
            Ok(svg) => out.push((
                Event::Html(CowStr::from(format!(
                    "<figure class=\"diagram\">{svg}</figure>\n"
                ))),
                range,
            )),
            Err(why) => {
                diags.push(
                    ctx.error(range.start, format!("this dot diagram cannot be drawn: {why}"))
                        .help("write a `digraph { a -> b; }` or `graph { a -- b; }` with quoted labels, as Graphviz reads it"),
                );
                out.extend(inner);
            }
        }
    }
    out
}

/// Lays out a Graphviz `dot` graph and writes it as SVG, or says why it cannot.
pub(crate) fn render_dot(source: &str) -> Result<String, String> {
    let mut graph = DotParser::new(source).process()?;
    let (nodes, edges) = count(&graph.list);
    if nodes == 0 {
        return Err("it has no nodes".into());
    }
    if nodes > MAX_NODES || edges > MAX_EDGES {
        return Err(format!(
            "it has {nodes} nodes and {edges} edges; a diagram may have at most {MAX_NODES} nodes and {MAX_EDGES} edges (split it into smaller ones)"
        ));
    }
    let rankdir = graph_attr(&graph.list, "rankdir").unwrap_or_default();
    let label = graph_attr(&graph.list, "label");
    // Boxes read better than layout-rs's default circles; a node's own `shape` still wins.
    let mut boxes = ast::AttributeList::new();
    boxes.add_attr("shape", "box");
    graph.list.list.insert(
        0,
        ast::Stmt::Attribute(ast::AttrStmt::new(ast::AttrStmtTarget::Node, boxes)),
    );
    let mut builder = GraphBuilder::new();
    builder.visit_graph(&graph);
    let mut visual = builder.get();
    let handles: Vec<_> = visual.iter_nodes().collect();
    let mut texts = Vec::new();
    for h in handles {
        let element = visual.element_mut(h);
        if let Some(text) = shape_text(&mut element.shape) {
            *text = wrap(text, WRAP);
            texts.push(text.clone());
            element.pos.set_size(label_size(text));
        }
    }
    let rtl =
        unicode_bidi::get_base_direction(texts.join(" ").as_str()) == unicode_bidi::Direction::Rtl;
    let mut canvas = Canvas::default();
    // layout-rs asserts on some graphs it cannot place; a bad diagram must not stop a build.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        visual.do_it(false, false, false, &mut canvas)
    }))
    .map_err(|_| "the layout failed on this graph".to_string())?;
    let (min, max) = canvas.bounds();
    if ![min.x, min.y, max.x, max.y].iter().all(|v| v.is_finite()) {
        return Err("the layout failed on this graph".into());
    }
    let flip = Flip {
        x: rtl != (rankdir == "RL"),
        y: rankdir == "BT",
    };
    Ok(canvas.finish(flip, rtl, &description(&graph.list, label.as_deref())))
}

/// The text of a shape that shows one.
fn shape_text(shape: &mut ShapeKind) -> Option<&mut String> {
    match shape {
        ShapeKind::Box(t) | ShapeKind::Circle(t) | ShapeKind::DoubleCircle(t) => Some(t),
        _ => None,
    }
}

/// Size of a node showing `text`, from its lines and their length.
fn label_size(text: &str) -> Point {
    let lines = text.lines().count().max(1) as f64;
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    Point::new(longest * FONT * CHAR + 24.0, lines * LINE + 14.0)
}

/// Breaks `text` into lines of at most `width` characters, at spaces (a longer word keeps its
/// own line); explicit line breaks (`\n` in a dot label) are kept.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    let text = text.replace("\\n", "\n");
    let mut lines: Vec<String> = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// Nodes and edges a statement list names, nested subgraphs included.
fn count(list: &ast::StmtList) -> (usize, usize) {
    let mut names = std::collections::BTreeSet::new();
    let mut edges = 0;
    fn walk<'a>(
        list: &'a ast::StmtList,
        names: &mut std::collections::BTreeSet<&'a str>,
        edges: &mut usize,
    ) {
        for stmt in &list.list {
            match stmt {
                ast::Stmt::Node(n) => {
                    names.insert(&n.id.name);
                }
                ast::Stmt::Edge(e) => {
                    names.insert(&e.from.name);
                    for (to, _) in &e.to {
                        names.insert(&to.name);
                    }
                    *edges += e.to.len();
                }
                ast::Stmt::SubGraph(g) => walk(&g.list, names, edges),
                ast::Stmt::Attribute(_) => {}
            }
        }
    }
    walk(list, &mut names, &mut edges);
    (names.len(), edges)
}

/// A graph attribute (`rankdir=BT;` or `graph [label="..."]`), the last one written.
fn graph_attr(list: &ast::StmtList, key: &str) -> Option<String> {
    list.list
        .iter()
        .filter_map(|s| match s {
            ast::Stmt::Attribute(a) if matches!(a.target, ast::AttrStmtTarget::Graph) => {
                a.list.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            _ => None,
        })
        .next_back()
        .cloned()
}

/// What the diagram shows, in words, for readers who do not see it: its label, then each
/// edge as "a → b".
fn description(list: &ast::StmtList, label: Option<&str>) -> String {
    let mut parts: Vec<String> = label.map(str::to_string).into_iter().collect();
    for stmt in &list.list {
        if let ast::Stmt::Edge(e) = stmt {
            let mut from = &e.from.name;
            for (to, kind) in &e.to {
                let arrow = if matches!(kind, ast::ArrowKind::Arrow) {
                    "→"
                } else {
                    "–"
                };
                parts.push(format!("{from} {arrow} {}", to.name));
                from = &to.name;
            }
        }
    }
    parts.join("; ")
}

/// Which axes to mirror once the layout is done.
#[derive(Clone, Copy)]
struct Flip {
    x: bool,
    y: bool,
}

/// What layout-rs draws, kept as shapes until the bounds are known (mirroring needs them).
#[derive(Default)]
struct Canvas {
    shapes: Vec<Shape>,
}

enum Shape {
    Rect {
        at: Point,
        size: Point,
    },
    Ellipse {
        at: Point,
        size: Point,
    },
    Line {
        from: Point,
        to: Point,
    },
    Text {
        at: Point,
        text: String,
    },
    Edge {
        path: Vec<Point>,
        dashed: bool,
        heads: (bool, bool),
        label: String,
    },
}

impl RenderBackend for Canvas {
    fn draw_rect(
        &mut self,
        at: Point,
        size: Point,
        _: &StyleAttr,
        _: Option<String>,
        _: Option<ClipHandle>,
    ) {
        self.shapes.push(Shape::Rect { at, size });
    }

    fn draw_line(&mut self, from: Point, to: Point, _: &StyleAttr, _: Option<String>) {
        self.shapes.push(Shape::Line { from, to });
    }

    fn draw_circle(&mut self, at: Point, size: Point, _: &StyleAttr, _: Option<String>) {
        self.shapes.push(Shape::Ellipse { at, size });
    }

    fn draw_text(&mut self, at: Point, text: &str, _: &StyleAttr) {
        self.shapes.push(Shape::Text {
            at,
            text: text.to_string(),
        });
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        heads: (bool, bool),
        _: &StyleAttr,
        _: Option<String>,
        text: &str,
    ) {
        let path = path.iter().flat_map(|(a, b)| [*a, *b]).collect();
        self.shapes.push(Shape::Edge {
            path,
            dashed,
            heads,
            label: text.to_string(),
        });
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

impl Canvas {
    /// The bounding box of everything drawn: (min, max).
    fn bounds(&self) -> (Point, Point) {
        let mut min = Point::new(f64::MAX, f64::MAX);
        let mut max = Point::new(f64::MIN, f64::MIN);
        let mut add = |p: Point| {
            min = Point::new(min.x.min(p.x), min.y.min(p.y));
            max = Point::new(max.x.max(p.x), max.y.max(p.y));
        };
        for s in &self.shapes {
            match s {
                Shape::Rect { at, size } => {
                    add(*at);
                    add(Point::new(at.x + size.x, at.y + size.y));
                }
                Shape::Ellipse { at, size } => {
                    add(Point::new(at.x - size.x / 2.0, at.y - size.y / 2.0));
                    add(Point::new(at.x + size.x / 2.0, at.y + size.y / 2.0));
                }
                Shape::Line { from, to } => {
                    add(*from);
                    add(*to);
                }
                Shape::Text { at, .. } => add(*at),
                Shape::Edge { path, .. } => path.iter().copied().for_each(&mut add),
            }
        }
        (min, max)
    }

    /// The SVG: shapes moved to the origin with a margin, mirrored as `flip` says.
    fn finish(&self, flip: Flip, rtl: bool, description: &str) -> String {
        let (min, max) = self.bounds();
        let margin = 4.0;
        let (w, h) = (max.x - min.x + 2.0 * margin, max.y - min.y + 2.0 * margin);
        let place = |p: Point| {
            let x = p.x - min.x + margin;
            let y = p.y - min.y + margin;
            Point::new(
                if flip.x { w - x } else { x },
                if flip.y { h - y } else { y },
            )
        };
        let mut svg = format!(
            "<svg class=\"dg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" role=\"img\" aria-label=\"{}\" font-size=\"{FONT}\" text-anchor=\"middle\"{}>",
            escape_attr(description),
            if rtl { " direction=\"rtl\"" } else { "" }
        );
        for s in &self.shapes {
            write_shape(&mut svg, s, &place);
        }
        svg.push_str("</svg>");
        svg
    }
}

fn write_shape(svg: &mut String, shape: &Shape, place: &dyn Fn(Point) -> Point) {
    // Writing to a String cannot fail.
    let _ = match shape {
        Shape::Rect { at, size } => {
            let a = place(*at);
            let b = place(Point::new(at.x + size.x, at.y + size.y));
            write!(
                svg,
                "<rect class=\"dg-node\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"none\" stroke=\"currentColor\"/>",
                a.x.min(b.x), a.y.min(b.y), size.x, size.y
            )
        }
        Shape::Ellipse { at, size } => {
            let c = place(*at);
            write!(
                svg,
                "<ellipse class=\"dg-node\" cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"none\" stroke=\"currentColor\"/>",
                c.x, c.y, size.x / 2.0, size.y / 2.0
            )
        }
        Shape::Line { from, to } => {
            let (a, b) = (place(*from), place(*to));
            write!(
                svg,
                "<line class=\"dg-edge\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"currentColor\"/>",
                a.x, a.y, b.x, b.y
            )
        }
        Shape::Text { at, text } => {
            write_text(svg, place(*at), text);
            Ok(())
        }
        Shape::Edge {
            path,
            dashed,
            heads,
            label,
        } => {
            let pts: Vec<Point> = path.iter().map(|p| place(*p)).collect();
            write_edge(svg, &pts, *dashed, *heads, label);
            Ok(())
        }
    };
}

/// A label centred on `at`, one `<tspan>` per line.
fn write_text(svg: &mut String, at: Point, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    let first = at.y - (lines.len().saturating_sub(1)) as f64 * LINE / 2.0;
    let _ = write!(svg, "<text class=\"dg-label\" fill=\"currentColor\">");
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            svg,
            "<tspan x=\"{:.1}\" y=\"{:.1}\" dy=\"0.35em\">{}</tspan>",
            at.x,
            first + i as f64 * LINE,
            escape_attr(line)
        );
    }
    svg.push_str("</text>");
}

/// An edge as a cubic Bézier path (layout-rs gives start, control points and end in turn),
/// with its arrowheads drawn as triangles.
fn write_edge(svg: &mut String, pts: &[Point], dashed: bool, heads: (bool, bool), label: &str) {
    if pts.len() < 4 {
        return;
    }
    let mut d = format!(
        "M{:.1} {:.1}C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
        pts[0].x, pts[0].y, pts[1].x, pts[1].y, pts[2].x, pts[2].y, pts[3].x, pts[3].y
    );
    for pair in pts[4..].chunks(2) {
        if let [c, p] = pair {
            let _ = write!(d, "S{:.1} {:.1} {:.1} {:.1}", c.x, c.y, p.x, p.y);
        }
    }
    let dash = if dashed {
        " stroke-dasharray=\"5 4\""
    } else {
        ""
    };
    let _ = write!(
        svg,
        "<path class=\"dg-edge\" d=\"{d}\" fill=\"none\" stroke=\"currentColor\"{dash}/>"
    );
    let n = pts.len();
    if heads.1 {
        write_head(svg, pts[n - 2], pts[n - 1]);
    }
    if heads.0 {
        write_head(svg, pts[1], pts[0]);
    }
    if !label.is_empty() {
        let mid = Point::new(
            (pts[0].x + pts[n - 1].x) / 2.0,
            (pts[0].y + pts[n - 1].y) / 2.0,
        );
        write_text(svg, mid, label);
    }
}

/// A filled arrowhead whose tip is at `tip`, pointing away from `from`.
fn write_head(svg: &mut String, from: Point, tip: Point) {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt();
    let (ux, uy) = if len < 1e-6 {
        (0.0, 1.0)
    } else {
        (dx / len, dy / len)
    };
    let (l, hw) = (9.0, 4.0);
    let base = Point::new(tip.x - ux * l, tip.y - uy * l);
    let _ = write!(
        svg,
        "<path class=\"dg-head\" d=\"M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"currentColor\"/>",
        tip.x,
        tip.y,
        base.x - uy * hw,
        base.y + ux * hw,
        base.x + uy * hw,
        base.y - ux * hw
    );
}

#[cfg(test)]
mod tests;
