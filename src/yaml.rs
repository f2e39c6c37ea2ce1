//! The only module that names the YAML parser, so it can be swapped.
//!
//! It turns YAML text into serde values and parser errors into [`Diagnostic`]s whose line
//! counts from the start of the file, not from the start of the YAML block (the mistake of
//! zola#2558): callers pass the line on which the YAML starts.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{did_you_mean, Diagnostic};

/// A YAML mapping, as JSON-like values (the form templates and the schema check use).
pub(crate) type Mapping = serde_json::Map<String, serde_json::Value>;

/// Parses `text` (which starts on 1-based line `first_line` of `path`) into `T`.
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|e| to_diagnostic(&e, path, first_line))
}

/// Parses a front-matter block that must be a mapping of keys to values.
pub(crate) fn parse_mapping(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<Mapping, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(Mapping::new());
    }
    let value: serde_json::Value = parse(text, path, first_line)?;
    match value {
        serde_json::Value::Object(_) if duplicate_key(text, first_line).is_some() => {
            let (key, first, line, col) = duplicate_key(text, first_line).unwrap_or_default();
            Err(Diagnostic::error(
                path,
                format!("`{key}` is written twice (lines {first} and {line}); only the last would count"),
            )
            .at(line, col)
            .help("each key may appear only once; remove one of the two"))
        }
        serde_json::Value::Object(map) => Ok(map),
        serde_json::Value::Null => Ok(Mapping::new()),
        other => Err(Diagnostic::error(
            path,
            format!(
                "front matter must be a list of `key: value` lines, found {}",
                kind_of(&other)
            ),
        )
        .at(first_line, 1)
        .help("write one `key: value` per line between the `---` lines, e.g. `title: My page`")),
    }
}

/// Names a value's kind in the words an editor knows.
pub(crate) fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "nothing",
        serde_json::Value::Bool(_) => "true/false",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "text",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "a set of `key: value` fields",
    }
}

/// A top-level key of a YAML block: its 0-based line in the block, its name, the 0-based
/// column of its value, and the byte offset at which its line starts.
struct TopKey {
    line: usize,
    key: String,
    value_col: usize,
    start: usize,
}

/// The top-level keys of a YAML block in order: the `key:` lines at the block's smallest
/// indentation (the parser's values carry no positions, so keys are found in the text).
fn top_level_keys(text: &str) -> Vec<TopKey> {
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let line_start = start;
        start += line.len();
        let line = line.trim_end_matches('\n');
        let Some(rest) = line.get(indent..) else {
            continue;
        };
        if rest.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        if let Some(colon) = rest.find(':') {
            let key = rest[..colon].trim().trim_matches(['"', '\'']);
            let after = &rest[colon + 1..];
            let value_col = indent + colon + 1 + (after.len() - after.trim_start().len());
            out.push(TopKey {
                line: i,
                key: key.to_string(),
                value_col: value_col.min(line.chars().count()),
                start: line_start,
            });
        }
    }
    out
}

/// Where each top-level key of a YAML block is: key -> (1-based line, 1-based column of its value).
///
/// Field-level problems (a bad `date`) are placed on the key's own line.
pub(crate) fn key_positions(text: &str, first_line: usize) -> BTreeMap<String, (usize, usize)> {
    let mut out = BTreeMap::new();
    for k in top_level_keys(text) {
        out.entry(k.key)
            .or_insert((first_line + k.line, k.value_col + 1));
    }
    out
}

/// Where a nested key is (1-based line and column of the key itself), following `path` from a
/// top-level key down (`["terms", "themes", "water", "fr"]`), in block or flow style
/// (`water: {fr: Eau}`): each key is the first one of that name after the previous, inside the
/// top-level key's lines. A text search, enough to place an error on a line.
pub(crate) fn nested_key_position(
    text: &str,
    first_line: usize,
    path: &[&str],
) -> Option<(usize, usize)> {
    let (top, rest) = path.split_first()?;
    let keys = top_level_keys(text);
    let start = keys.iter().find(|k| k.key == *top)?;
    let end = keys
        .iter()
        .map(|k| k.line)
        .filter(|&l| l > start.line)
        .min()
        .unwrap_or(usize::MAX);
    let lines: Vec<&str> = text.lines().collect();
    let (mut line, mut byte) = (
        start.line,
        start.value_col.min(lines.get(start.line)?.len()),
    );
    for key in rest {
        (line, byte) = (line..end.min(lines.len())).find_map(|l| {
            let from = if l == line { byte } else { 0 };
            let found = key_in_line(lines[l].get(from..)?, key)?;
            Some((l, from + found))
        })?;
        let text_before = &lines[line][..byte];
        if key == rest.last()? {
            return Some((first_line + line, text_before.chars().count() + 1));
        }
        byte += key.len();
    }
    Some((first_line + line, 1))
}

/// The byte offset of `key:` (bare or quoted) written as a key in `line`.
fn key_in_line(line: &str, key: &str) -> Option<usize> {
    for quote in ["", "\"", "'"] {
        let pattern = format!("{quote}{key}{quote}:");
        let mut from = 0;
        while let Some(i) = line.get(from..)?.find(&pattern) {
            let at = from + i;
            let before = line[..at].trim_end().chars().last();
            if matches!(before, None | Some('{' | ',' | '-')) {
                return Some(at);
            }
            from = at + pattern.len();
        }
    }
    None
}

/// The first top-level key written twice: (key, its first line, the repeat's line and column).
/// The parser keeps the last value silently when reading into a map (issue 7).
fn duplicate_key(text: &str, first_line: usize) -> Option<(String, usize, usize, usize)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for k in top_level_keys(text) {
        let line_no = first_line + k.line;
        if let Some(&first) = seen.get(&k.key) {
            let indent = text[k.start..].len() - text[k.start..].trim_start().len();
            return Some((k.key, first, line_no, indent + 1));
        }
        seen.insert(k.key, line_no);
    }
    None
}

/// Parses `text` into `T` and, when that fails, reports the problem of every top-level key
/// rather than only the first (issue 19): each key's lines are parsed alone into `T`, whose
/// fields must therefore all have defaults. A syntax error stays one error for the file.
pub(crate) fn parse_every_key<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Vec<Diagnostic>> {
    let whole = match parse::<T>(text, path, first_line) {
        Ok(v) => return Ok(v),
        Err(d) => d,
    };
    if let Err(syntax) = parse::<serde_json::Value>(text, path, first_line) {
        return Err(vec![syntax]);
    }
    let keys = top_level_keys(text);
    let errors: Vec<Diagnostic> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| {
            let end = keys.get(i + 1).map_or(text.len(), |next| next.start);
            parse::<T>(&text[k.start..end], path, first_line + k.line).err()
        })
        .collect();
    Err(if errors.is_empty() {
        vec![whole]
    } else {
        errors
    })
}

fn to_diagnostic(e: &serde_yaml::Error, path: &Path, first_line: usize) -> Diagnostic {
    let (line, col) = e
        .location()
        .map_or((first_line, 1), |l| (first_line + l.line() - 1, l.column()));
    // serde_yaml appends " at line N column M" counted inside the block: drop it, we say where.
    let msg = e.to_string();
    let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    if let Some((message, help)) = explain_type_error(&msg) {
        return Diagnostic::error(path, message).at(line, col).help(help);
    }
    let help = yaml_help(&msg);
    let d = Diagnostic::error(path, format!("invalid YAML: {msg}")).at(line, col);
    match help {
        Some(h) => d.help(h),
        None => d,
    }
}

/// A message and help in an editor's words for a value of the wrong shape, which serde words
/// for programmers (`title: invalid type: sequence, expected a string`); `None` for syntax errors.
fn explain_type_error(msg: &str) -> Option<(String, String)> {
    let (path, rest) = match msg.split_once(": ") {
        Some((p, r)) if !p.contains(' ') => (p, r),
        _ => ("", msg),
    };
    let key = path
        .rsplit(['.', ']'])
        .find(|s| !s.is_empty())
        .unwrap_or(path);
    let place = if path.is_empty() {
        String::new()
    } else {
        format!(" in `{path}`")
    };
    let quoted = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(r) = rest.strip_prefix("invalid type: ") {
        let (found, expected) = r.split_once(", expected ")?;
        let expected = expected_words(expected);
        let subject = if path.is_empty() {
            "the file".to_string()
        } else {
            format!("`{path}`")
        };
        return Some((
            format!("{subject} must be {expected}; found {}", found_words(found)),
            format!("write `{key}:` as {expected}"),
        ));
    }
    if let Some(r) = rest.strip_prefix("unknown field `") {
        let (field, expected) = r.split_once('`')?;
        let known = quoted(expected);
        return Some((
            format!(
                "unknown field `{field}`{place}{}",
                did_you_mean(field, known.iter().map(String::as_str))
            ),
            format!(
                "the fields here are: {}; check the spelling or remove this line",
                known.join(", ")
            ),
        ));
    }
    if let Some(r) = rest.strip_prefix("unknown variant `") {
        let (value, expected) = r.split_once('`')?;
        let known = quoted(expected);
        return Some((
            format!(
                "`{key}` cannot be `{value}`{}",
                did_you_mean(value, known.iter().map(String::as_str))
            ),
            format!("use one of: {}", known.join(", ")),
        ));
    }
    let field = rest.strip_prefix("missing field `")?.trim_end_matches('`');
    Some((
        format!("`{field}` is missing{place}"),
        format!("add a line `{field}: ...`"),
    ))
}

/// serde's name for a value it found, in an editor's words.
fn found_words(found: &str) -> String {
    let value = found.split(['`', '"']).nth(1);
    match (found.split(' ').next().unwrap_or(found), value) {
        ("sequence", _) => "a list".into(),
        ("map", _) => "a set of `key: value` fields".into(),
        ("unit", _) => "nothing".into(),
        (_, Some(v)) => format!("`{v}`"),
        _ => found.to_string(),
    }
}

/// serde's name for the value it wanted, in an editor's words.
fn expected_words(expected: &str) -> String {
    match expected {
        "a string" | "a character" => "text".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list, e.g. [one, two]".into(),
        "usize" | "u8" | "u16" | "u32" | "u64" | "isize" | "i8" | "i16" | "i32" | "i64" => {
            "a whole number".into()
        }
        e if e.starts_with("struct ") || e.starts_with("a map") => {
            "indented `key: value` lines".into()
        }
        "f32" | "f64" => "a number".into(),
        e => e.to_string(),
    }
}

fn yaml_help(msg: &str) -> Option<String> {
    if msg.starts_with("unknown field") {
        Some("remove this key or check its spelling; the README lists every key".into())
    } else if msg.contains("duplicate entry") {
        Some("each key may appear only once; remove one of the two".into())
    } else if msg.contains("mapping values are not allowed") {
        Some("a value containing `: ` must be quoted, e.g. title: \"Step 1: plan\"".into())
    } else if msg.contains("did not find expected") || msg.contains("found character") {
        Some("check the indentation and quotes on this line and the one before".into())
    } else if msg.contains("recursion limit") || msg.contains("repetition limit") {
        Some("the YAML aliases expand too far; write the values out instead".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_keys_in_block_and_flow_style() {
        let text = "title: X\nterms:\n  themes:\n    water: {en: Water, fr: Eau}\n    soil:\n      fr: Sol\n      xx: ?\nper_page: 3\n";
        let at = |path: &[&str]| nested_key_position(text, 1, path);
        assert_eq!(at(&["terms", "themes", "water", "fr"]), Some((4, 24)));
        assert_eq!(at(&["terms", "themes", "soil", "xx"]), Some((7, 7)));
        assert_eq!(at(&["terms", "themes"]), Some((3, 3)));
        assert_eq!(at(&["terms", "themes", "rock"]), None);
    }

    #[test]
    fn reports_yaml_error_line_counted_from_file_start() {
        let err = parse_mapping("title: a\nbad: [\n", Path::new("a.md"), 2).unwrap_err();
        assert!(err.line >= 3, "{err}");
        assert!(err.message.starts_with("invalid YAML"));
    }

    #[test]
    fn rejects_a_list_as_front_matter() {
        let err = parse_mapping("- a\n- b\n", Path::new("a.md"), 2).unwrap_err();
        assert!(err.message.contains("found a list"), "{err}");
    }

    #[test]
    fn finds_top_level_keys_even_when_indented() {
        let pos = key_positions("  title: X\n  tags:\n    - a\n  date: 2024-01-01\n", 2);
        assert_eq!(pos["title"], (2, 10));
        assert_eq!(pos["date"], (5, 9));
        assert!(!pos.contains_key("- a"));
    }

    #[test]
    fn rejects_a_key_written_twice() {
        let err =
            parse_mapping("title: A\ntags: [x]\ntitle: B\n", Path::new("a.md"), 2).unwrap_err();
        assert_eq!(err.line, 4, "{err}");
        assert!(err.message.starts_with("`title` is written twice"), "{err}");
        assert!(parse_mapping("a: |\n  a: 1\n  a: 2\nb: 1\n", Path::new("a.md"), 2).is_ok());
    }

    #[test]
    fn survives_an_alias_bomb() {
        let bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
        assert!(parse_mapping(bomb, Path::new("a.md"), 1).is_err());
    }
}
