//! References in the site's own layouts to what no page has: `{{ page.autor }}` or
//! `{{ page.fields.audiance }}` render as nothing (layouts are lenient about missing values, so
//! that an optional field may be left out), which hides a misspelling until a reader notices
//! (issue 19). Each becomes a warning at the layout's line, with a "did you mean".
//!
//! A layout is checked against the pages it renders: `event.html` against events, `section.html`
//! and `*_list.html` against section lists, `home.html` against the home pages, any other
//! (`base.html`, partials) against every page.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{closest, Diagnostic};
use crate::render::context::ViewContext;
use crate::render::templates::LAYOUTS_DIR;
use crate::schema::common_fields;
use crate::site::{PageId, Site};

/// A `page.x` or `page.fields.x` reference in a layout.
#[derive(Debug, PartialEq, Eq)]
struct Reference {
    /// 1-based line.
    line: usize,
    /// `x` of `page.x`, or `x` of `page.fields.x`.
    name: String,
    /// A front-matter field (`page.fields.x`).
    field: bool,
}

/// Warnings for the site's layouts' references to page attributes or fields no page they
/// render has.
pub(crate) fn check_layout_fields(site: &Site) -> Vec<Diagnostic> {
    let Some(any) = (0..site.pages.len()).next() else {
        return Vec::new();
    };
    let view = ViewContext::new(site, String::new(), chrono::Utc::now()).page(any);
    let attributes: BTreeSet<String> = match serde_json::to_value(view) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for (rel, text) in own_layouts(&site.config.root) {
        let name = rel.trim_end_matches(".html");
        let pages = pages_for_layout(site, name);
        if pages.is_empty() {
            continue;
        }
        let fields = known_fields(site, &pages);
        for r in references(&text) {
            let known = if r.field { &fields } else { &attributes };
            if known.contains(&r.name) {
                continue;
            }
            out.push(unknown_reference(&rel, &r, &attributes, &fields, name));
        }
    }
    out
}

fn unknown_reference(
    rel: &str,
    r: &Reference,
    attributes: &BTreeSet<String>,
    fields: &BTreeSet<String>,
    layout: &str,
) -> Diagnostic {
    let written = if r.field {
        format!("page.fields.{}", r.name)
    } else {
        format!("page.{}", r.name)
    };
    let as_attribute = closest(&r.name, attributes.iter().map(String::as_str))
        .filter(|_| !r.field)
        .map(|a| format!("page.{a}"));
    let meant = as_attribute.or_else(|| {
        closest(&r.name, fields.iter().map(String::as_str)).map(|f| format!("page.fields.{f}"))
    });
    let whose = if r.field {
        format!("no page `{layout}.html` renders has a field `{}`", r.name)
    } else {
        format!("a page has no `{}`", r.name)
    };
    let mut message = format!("`{written}` is empty on every page: {whose}");
    if let Some(m) = meant {
        message.push_str(&format!("; did you mean `{m}`?"));
    }
    let listed: Vec<&str> = attributes.iter().map(String::as_str).collect();
    Diagnostic::warning(Path::new(LAYOUTS_DIR).join(rel), message)
        .at(r.line, 0)
        .help(format!(
            "front-matter fields are under `page.fields` (page.fields.audience); the rest of a page is: {}",
            listed.join(", ")
        ))
}

/// The site's own layouts (`layouts/*.html`, sub-folders included) with their text.
fn own_layouts(root: &Path) -> Vec<(String, String)> {
    let dir = root.join(LAYOUTS_DIR);
    let mut out: Vec<(String, String)> = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| {
            let rel: PathBuf = e.path().strip_prefix(&dir).ok()?.to_path_buf();
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some((crate::content::page::rel_key(&rel), text))
        })
        .collect();
    out.sort();
    out
}

/// The pages a layout renders as `page`, from its name (see the module's doc).
fn pages_for_layout(site: &Site, name: &str) -> Vec<PageId> {
    let lists = |id: &PageId| site.is_list(*id);
    let all: Vec<PageId> = (0..site.pages.len())
        .filter(|&id| !site.pages[id].generated)
        .collect();
    let of_type = |t: &str, list: bool| -> Vec<PageId> {
        all.iter()
            .copied()
            .filter(|id| site.pages[*id].type_name == t && lists(id) == list)
            .collect()
    };
    match name {
        "home" => all
            .into_iter()
            .filter(|&id| site.pages[id].logical_path.is_empty())
            .collect(),
        "section" => all.into_iter().filter(|id| lists(id)).collect(),
        "guide_print" => of_type("guide", false),
        n if n.ends_with("_list") => of_type(n.trim_end_matches("_list"), true),
        n if site.config.types.contains_key(n) => of_type(n, false),
        _ => all,
    }
}

/// The front-matter fields `pages` have or their types declare, and those every page may have.
fn known_fields(site: &Site, pages: &[PageId]) -> BTreeSet<String> {
    let mut known: BTreeSet<String> = common_fields().iter().map(|f| f.0.to_string()).collect();
    for &id in pages {
        let p = &site.pages[id];
        known.extend(p.fields.keys().cloned());
        if let Some(t) = site.config.types.get(&p.type_name) {
            known.extend(t.fields.keys().cloned());
        }
    }
    known
}

/// Every `page.x` and `page.fields.x` inside the `{{ }}` and `{% %}` tags of a layout.
fn references(text: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find(['{']) {
        let tag = &rest[open..];
        let close = match tag.get(..2) {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => {
                offset += open + 1;
                rest = &rest[open + 1..];
                continue;
            }
        };
        let end = tag.find(close).map_or(tag.len(), |e| e + 2);
        let line = 1 + text[..offset + open].matches('\n').count();
        out.extend(references_in_tag(&tag[..end], line));
        offset += open + end;
        rest = &rest[open + end..];
    }
    out
}

/// `tag` with the text of its string literals blanked out (`'search/search-page.mjs'` is no
/// reference), line ends kept.
fn without_strings(tag: &str) -> String {
    let mut quote = None;
    tag.chars()
        .map(|c| match quote {
            Some(q) if c == q => {
                quote = None;
                c
            }
            Some(_) if c != '\n' => ' ',
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                c
            }
            _ => c,
        })
        .collect()
}

/// The references inside one tag, which starts on `line`.
fn references_in_tag(tag: &str, line: usize) -> Vec<Reference> {
    let tag = &without_strings(tag);
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in tag.match_indices("page.") {
        let before = tag[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue;
        }
        let after = &tag[at + 5..];
        let name = ident(after);
        let line = line + tag[..at].matches('\n').count();
        if name == "fields" && after[6..].starts_with('.') {
            let field = ident(&after[7..]);
            if !field.is_empty() {
                out.push(Reference {
                    line,
                    name: field,
                    field: true,
                });
            }
        } else if !name.is_empty() {
            out.push(Reference {
                line,
                name,
                field: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_page_references_inside_tags_only() {
        let refs = references(
            "<p>page.title in text</p>\n{{ page.autor }}\n{% if page.fields.audience %}{{ mypage.x ~ 'page.y' }}{% endif %}",
        );
        let names: Vec<(usize, &str, bool)> = refs
            .iter()
            .map(|r| (r.line, r.name.as_str(), r.field))
            .collect();
        assert_eq!(names, [(2, "autor", false), (3, "audience", true)]);
    }
}
