//! Checks on front-matter values that the schema alone cannot make: an event that ends before
//! it starts, and a toolkit's tool whose `file` is not in the repository.

use std::path::Path;

use serde_json::Value;

use crate::content::page::error_at_key;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::schema::date::parse_datetime;

/// An event whose `end` is before its `start`.
pub(crate) fn check_event_dates(root: &Path, page: &Page) -> Option<Diagnostic> {
    let text = |k: &str| page.field(k).and_then(Value::as_str);
    let (start_text, end_text) = (text("start")?, text("end")?);
    let (start, end) = (
        parse_datetime(start_text).ok()?,
        parse_datetime(end_text).ok()?,
    );
    (end < start).then(|| {
        error_at_key(
            root,
            page,
            "end",
            format!("the event ends ({end_text}) before it starts ({start_text})"),
        )
        .help("check the dates and times: `end` must come after `start` (mind the time zones)")
    })
}

/// Tools of a toolkit whose `file` does not exist under `content/`.
pub(crate) fn check_tool_files(root: &Path, page: &Page) -> Vec<Diagnostic> {
    let Some(Value::Array(tools)) = page.field("tools") else {
        return Vec::new();
    };
    let content = root.join(crate::content::CONTENT_DIR);
    let mut out = Vec::new();
    for tool in tools.iter().filter_map(Value::as_object) {
        let Some(file) = tool.get("file").and_then(Value::as_str) else {
            continue;
        };
        let name = tool
            .get("name")
            .or_else(|| tool.get("title"))
            .and_then(Value::as_str)
            .unwrap_or("?");
        let target = crate::render::context::tool_file_path(page, file);
        let message = match &target {
            Some(rel) if content.join(rel).is_file() => continue,
            Some(rel) => format!(
                "tool `{name}`: its file `{file}` does not exist (looked for content/{})",
                crate::content::page::rel_key(rel)
            ),
            None => format!("tool `{name}`: its file `{file}` is outside the content folder"),
        };
        let (line, col) = locate_value(root, page, "file", file)
            .unwrap_or_else(|| page.field_positions.get("tools").copied().unwrap_or((1, 1)));
        out.push(
            Diagnostic::error(&page.source, message)
                .at(line, col)
                .help("add the file to the repository, or correct `file:`; it is relative to this page's file"),
        );
    }
    out
}

/// A page's `image` that is not a file under `content/`: its card and share preview would show
/// a broken picture.
pub(crate) fn check_image_field(root: &Path, page: &Page) -> Option<Diagnostic> {
    let file = page
        .field("image")?
        .as_str()
        .filter(|f| !f.trim().is_empty())?;
    let target = crate::render::context::tool_file_path(page, file);
    let message = match &target {
        Some(rel) if root.join(crate::content::CONTENT_DIR).join(rel).is_file() => return None,
        Some(rel) => format!(
            "image `{file}` does not exist (looked for content/{})",
            crate::content::page::rel_key(rel)
        ),
        None => format!("image `{file}` is outside the content folder"),
    };
    Some(error_at_key(root, page, "image", message).help(
        "add the picture beside the page, or correct `image:`; it is relative to this page's file",
    ))
}

/// Line and column of `key: value` in a page's front matter, read back from its file (the
/// parsed values carry no positions below the top-level keys).
pub(crate) fn locate_value(
    root: &Path,
    page: &Page,
    key: &str,
    value: &str,
) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(root.join(&page.source)).ok()?;
    let text = crate::content::front_matter::normalize_text(text);
    for (i, line) in text
        .lines()
        .enumerate()
        .take(page.body_line.saturating_sub(1))
    {
        let Some(k) = line.find(&format!("{key}:")) else {
            continue;
        };
        if let Some(v) = line[k..].find(value) {
            let col = line[..k + v].chars().count() + 1;
            return Some((i + 1, col));
        }
    }
    None
}

/// Line and column of the first front-matter line holding `text`.
pub(crate) fn locate_text(root: &Path, page: &Page, text: &str) -> Option<(usize, usize)> {
    let file = std::fs::read_to_string(root.join(&page.source)).ok()?;
    let file = crate::content::front_matter::normalize_text(file);
    file.lines()
        .enumerate()
        .take(page.body_line.saturating_sub(1))
        .find_map(|(i, line)| {
            line.find(text)
                .map(|at| (i + 1, line[..at].chars().count() + 1))
        })
}

/// Line and column of `value` as an item of the front-matter list `key`, written inline
/// (`authors: [A, B]`) or one item a line (`- A`): the first occurrence from the key's line to
/// the next top-level key.
pub(crate) fn locate_item(
    root: &Path,
    page: &Page,
    key: &str,
    value: &str,
) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(root.join(&page.source)).ok()?;
    let text = crate::content::front_matter::normalize_text(text);
    let split = crate::content::front_matter::split_front_matter(&text).ok()?;
    let (key_line, _) = *crate::yaml::key_positions(split.yaml, split.yaml_line).get(key)?;
    let first = key_line - split.yaml_line;
    for (i, line) in split.yaml.lines().enumerate().skip(first) {
        let top_level = i > first && !line.starts_with([' ', '\t', '-', '#']) && !line.is_empty();
        if top_level {
            break;
        }
        let from = if i == first { line.find(':')? + 1 } else { 0 };
        if let Some(at) = line[from..].find(value) {
            let col = line[..from + at].chars().count() + 1;
            return Some((split.yaml_line + i, col));
        }
    }
    None
}
