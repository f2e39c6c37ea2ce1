//! A [`Page`]: one Markdown file with its checked front matter, language, type and URL.
//!
//! Parsing needs only the file and the configuration, so pages are parsed in parallel; the
//! relations between pages (sections, translations, links) come later, in `site`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;

use crate::config::Config;
use crate::content::front_matter::split_front_matter;
use crate::content::load::SourceFile;
use crate::content::{controls, script_url};
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::schema::date::{self, parse_date};
use crate::schema::slug::{is_safe_segment, slugify};
use crate::schema::{
    check_value, common_fields, is_empty_value, scalar_text, FieldKind, AUTHOR_TYPE,
};
use crate::yaml::{self, Mapping};

/// One page of the site, before its Markdown is rendered.
#[derive(Clone, Debug)]
pub struct Page {
    /// Path relative to the site root, as diagnostics name it (`content/guides/x.fr.md`).
    pub source: PathBuf,
    /// Path relative to `content/`, as written (`guides/x.fr.md`).
    pub rel: PathBuf,
    /// Language-free path inside its language's tree, without extension (`guides/x`;
    /// `guides` for `guides/_index.md`; `` for the home page).
    pub logical_path: String,
    /// An `_index.md`: the front page of a section (a list, or a multi-page guide).
    pub is_section: bool,
    /// Language code.
    pub lang: String,
    /// Content type name (`guide`, `toolkit`, `technique`, `event`, `page`, or a site's own).
    pub type_name: String,
    /// Title.
    pub title: String,
    /// Short description.
    pub description: String,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Date of last significant change.
    pub updated: Option<NaiveDate>,
    /// Left out of the site unless `--drafts`.
    pub draft: bool,
    /// Order among siblings (lower first).
    pub weight: Option<i64>,
    /// Old root-relative paths that redirect here.
    pub aliases: Vec<String>,
    /// How a section orders its pages: `date`, `weight` or `title`.
    pub sort_by: Option<String>,
    /// Shared by a page and its translations.
    pub translation_key: String,
    /// Terms by taxonomy name (`tags`, `themes`, `authors`, and the site's own).
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// Every front-matter field, checked fields normalised; unknown fields kept for templates.
    /// Shared, not copied, by the template values that show them (`render::context::Fields`):
    /// a page's front matter is kept once however many lists show it.
    pub fields: std::sync::Arc<Mapping>,
    /// Root-relative pretty URL, `/fr/guides/x/`.
    pub url: String,
    /// The Markdown body.
    pub body: String,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
    /// Line and column of each top-level front-matter key.
    pub field_positions: BTreeMap<String, (usize, usize)>,
    /// Made by lore (a section list for a language that has pages but no `_index` of its own),
    /// not read from a file.
    pub generated: bool,
}

impl Page {
    /// Logical path of the folder this page lives in (`guides/joint-learning` for a chapter,
    /// `guides` for the guide's own `_index.md`, `` for the home page).
    pub fn parent_path(&self) -> &str {
        let p = &self.logical_path;
        p.rfind('/').map_or("", |i| &p[..i])
    }

    /// Number of folders between `content/` and this page's logical path.
    pub fn depth(&self) -> usize {
        if self.logical_path.is_empty() {
            0
        } else {
            self.logical_path.matches('/').count() + 1
        }
    }

    /// A front-matter field's value.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.fields.get(name)
    }

    /// An error placed on a front-matter key's line (or the first line when the key is absent).
    pub fn error_at(&self, key: &str, message: impl Into<String>) -> Diagnostic {
        let (l, c) = self.field_positions.get(key).copied().unwrap_or((1, 1));
        Diagnostic::error(&self.source, message).at(l, c)
    }
}

/// An error placed on a front-matter key's line: from the positions kept with the page, or
/// read again from its file (a build frees them once the site graph is made, and errors are
/// rare enough to pay for the read).
pub(crate) fn error_at_key(root: &Path, page: &Page, key: &str, message: String) -> Diagnostic {
    if page.field_positions.contains_key(key) {
        return page.error_at(key, message);
    }
    let (line, col) = reread_key_position(root, page, key).unwrap_or((1, 1));
    Diagnostic::error(&page.source, message).at(line, col)
}

fn reread_key_position(root: &Path, page: &Page, key: &str) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(root.join(&page.source)).ok()?;
    let text = super::front_matter::normalize_text(text);
    let split = split_front_matter(&text).ok()?;
    crate::yaml::key_positions(split.yaml, split.yaml_line)
        .get(key)
        .copied()
}

/// What a file name and folder say about a page's language and logical path.
struct Located {
    lang: Option<String>,
    logical_path: String,
    is_section: bool,
    /// Folder part of the logical path, and the file stem without language.
    dirs: Vec<String>,
    stem: String,
}

fn locate(config: &Config, rel: &std::path::Path) -> Located {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap_or_default();
    let mut lang = None;
    if let Some(first) = parts.first() {
        if let Some(l) = config
            .languages
            .iter()
            .find(|l| l.folder.as_deref() == Some(first.as_str()))
        {
            lang = Some(l.code.clone());
            parts.remove(0);
        }
    }
    let mut stem = file.strip_suffix(".md").unwrap_or(&file).to_string();
    if let Some((base, code)) = stem.rsplit_once('.') {
        if config.language(code).is_some() {
            lang = Some(code.to_string());
            stem = base.to_string();
        }
    }
    let is_section = stem == "_index";
    let mut logical: Vec<&str> = parts.iter().map(String::as_str).collect();
    if !is_section && stem != "index" {
        logical.push(&stem);
    }
    Located {
        lang,
        logical_path: logical.join("/"),
        is_section,
        dirs: parts.clone(),
        stem,
    }
}

/// `a.fr.md` on a site without `fr`: the suffix reads as a language but is none of the site's,
/// and the page would be published in the default language at `/a-fr/` (issue 16).
fn unknown_language_suffix(
    config: &Config,
    stem: &str,
    source: &std::path::Path,
) -> Option<Diagnostic> {
    let (base, code) = stem.rsplit_once('.')?;
    let looks_like_language = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())
        || (code.len() == 5
            && code.as_bytes()[2] == b'-'
            && code
                .bytes()
                .enumerate()
                .all(|(i, b)| i == 2 || b.is_ascii_alphabetic()));
    if !looks_like_language || base.is_empty() {
        return None;
    }
    let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    Some(
        Diagnostic::error(
            source,
            format!(
                "the file name ends in `.{code}`, but `{code}` is not one of the site's languages ({})",
                known.join(", ")
            ),
        )
        .at(1, 1)
        .help(format!(
            "add `{code}` to `languages:` in site.yaml, or rename the file (`{base}.md` for a page in the default language)"
        )),
    )
}

/// The file's text from `start` on, in the file's own buffer: a large site's sources are not
/// held twice while they are parsed.
fn into_body(mut text: String, start: usize) -> String {
    text.drain(..start);
    text
}

/// Writes an event's `start` and `end` with the offset of its `timezone` (an IANA name) on
/// their day, so every later stage reads an ordinary offset time; errors at the key's line for
/// an unknown zone, a time the zone skips or repeats, or an offset the zone does not have then.
/// Returns the keys not to check again, each with its error (none for the times of a zone that
/// does not exist: the zone's error says it).
fn apply_time_zone(
    raw: &mut Mapping,
    source: &std::path::Path,
    at: &dyn Fn(&str) -> (usize, usize),
) -> Vec<(String, Option<Diagnostic>)> {
    // `lore new event` writes `timezone: ""`: no zone, the times carry their offset.
    let Some(name) = raw
        .get("timezone")
        .and_then(Value::as_str)
        .filter(|z| !z.trim().is_empty())
    else {
        return Vec::new();
    };
    let error = |key: &str, message: String, help: &str| {
        let (l, c) = at(key);
        Diagnostic::error(source, message).at(l, c).help(help)
    };
    let tz = match date::parse_zone(name) {
        Ok(tz) => tz,
        Err(why) => {
            let help =
                "write an IANA time zone name, e.g. Africa/Nairobi, Europe/Paris, America/Bogota";
            let zone = ("timezone".to_string(), Some(error("timezone", why, help)));
            let times = ["start", "end"]
                .into_iter()
                .filter(|k| raw.contains_key(*k));
            return std::iter::once(zone)
                .chain(times.map(|k| (k.to_string(), None)))
                .collect();
        }
    };
    let mut out = Vec::new();
    for key in ["start", "end"] {
        let Some(text) = raw.get(key).and_then(Value::as_str) else {
            continue;
        };
        match date::parse_in_zone(text, &tz) {
            Ok(t) => {
                raw.insert(key.into(), Value::String(t.to_rfc3339()));
            }
            Err(why) => out.push((
                key.to_string(),
                Some(error(
                    key,
                    format!("`{key}` cannot be `{text}`: {why}"),
                    "write the time as the clocks show it there, e.g. 2026-03-14T09:00",
                )),
            )),
        }
    }
    out
}

/// Parses and checks one source file. Returns the page (unless an error makes it unusable)
/// and every problem found.
pub fn parse_page(config: &Config, mut src: SourceFile) -> (Option<Page>, Vec<Diagnostic>) {
    let source = src.site_path();
    let mut diags: Vec<Diagnostic> = strip_controls(&mut src.text, &source).into_iter().collect();
    let split = match split_front_matter(&src.text) {
        Ok(s) => s,
        Err(line) => {
            let d = Diagnostic::error(
                &source,
                "front matter is not closed: no line with `---` after the opening one",
            )
            .at(line, 1)
            .help("add a line with only `---` after the last front-matter field");
            diags.push(d);
            return (None, diags);
        }
    };
    let body_start = split.body.as_ptr() as usize - src.text.as_ptr() as usize;
    let mut raw = match yaml::parse_mapping(split.yaml, &source, split.yaml_line) {
        Ok(m) => m,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let positions = yaml::key_positions(split.yaml, split.yaml_line);
    let at = |key: &str| positions.get(key).copied().unwrap_or((1, 1));
    for (key, value) in raw.iter_mut() {
        if let Some(c) = controls::strip_value(value) {
            let (l, col) = at(key);
            diags.push(control_warning(&source, c, &format!("`{key}`")).at(l, col));
        }
    }
    let located = locate(config, &src.rel);
    if let Some(d) = unknown_language_suffix(config, &located.stem, &source) {
        diags.push(d);
    }

    // Type first: it decides which fields are checked.
    let type_name = match raw.get("type").and_then(Value::as_str) {
        Some(t) if config.types.contains_key(t) => t.to_string(),
        Some(t) => {
            let known: Vec<&str> = config.types.keys().map(String::as_str).collect();
            let (l, c) = at("type");
            diags.push(
                Diagnostic::error(
                    &source,
                    format!(
                        "unknown content type `{t}`{}",
                        did_you_mean(t, known.iter().copied())
                    ),
                )
                .at(l, c)
                .help(format!(
                    "use one of {}, or declare it under `types:` in site.yaml",
                    known.join(", ")
                )),
            );
            "page".to_string()
        }
        None => located
            .dirs
            .first()
            .and_then(|s| config.type_for_section(s))
            .map_or_else(|| "page".to_string(), |t| t.name.clone()),
    };
    // A top-level section's `_index.md` is a list of pages, not a page of the type.
    let is_list = located.is_section && located.dirs.len() <= 1;

    let zone_errors = apply_time_zone(&mut raw, &source, &at);
    // A time the zone rejected (or written for an unknown zone) is said once, not again as a
    // time without offset.
    let zoned_wrong: Vec<String> = zone_errors.iter().map(|(k, _)| k.clone()).collect();
    diags.extend(zone_errors.into_iter().filter_map(|(_, d)| d));
    let mut fields = raw.clone();
    let mut check = |name: &str, kind: FieldKind, required: bool| match raw.get(name) {
        _ if zoned_wrong.iter().any(|k| k == name) => {}
        None | Some(Value::Null) if required => {
            let d = Diagnostic::error(&source, format!("`{name}` is missing"))
                .at(1, 1)
                .help(format!(
                    "add a line `{name}: ...` between the `---` lines ({})",
                    kind.example()
                ));
            diags.push(d);
        }
        Some(v) if required && is_empty_value(v) => {
            let (l, c) = at(name);
            diags.push(
                Diagnostic::error(&source, format!("`{name}` is empty"))
                    .at(l, c)
                    .help(format!("`{name}` is required: write {}", kind.example())),
            );
            fields.remove(name);
        }
        None => {}
        Some(v) => match check_value(kind, name, v) {
            Ok(norm) => {
                fields.insert(name.to_string(), norm);
            }
            Err((msg, help)) => {
                let (l, c) = at(name);
                diags.push(Diagnostic::error(&source, msg).at(l, c).help(help));
                fields.remove(name);
            }
        },
    };
    // An author's page is titled by their `name` (its own required field).
    let titled_by_name = type_name == AUTHOR_TYPE;
    for (name, kind, required) in common_fields().into_iter().map(|(n, k, r, _)| (n, k, r)) {
        check(name, kind, required && !(name == "title" && titled_by_name));
    }
    if let Some(ty) = config.types.get(&type_name) {
        for (name, spec) in &ty.fields {
            check(name, spec.kind, spec.required && !is_list);
        }
    }
    for t in config.own_taxonomies() {
        check(t, FieldKind::List, false);
    }
    diags.extend(misspelt_fields(config, &type_name, &raw, &source, &at));
    for (key, value) in fields.iter_mut() {
        if let Some(scheme) = script_url::neutralise_value(key, value) {
            let (l, c) = at(key);
            diags.push(script_url_warning(&source, &format!("`{key}` holds"), scheme).at(l, c));
        }
    }

    let lang = match (
        located.lang.clone(),
        fields.get("lang").and_then(Value::as_str),
    ) {
        (Some(from_name), Some(field)) if from_name != field => {
            let (l, c) = at("lang");
            diags.push(
                Diagnostic::error(
                    &source,
                    format!("`lang: {field}` contradicts the file's language `{from_name}`"),
                )
                .at(l, c)
                .help("remove the `lang` line or rename the file"),
            );
            from_name
        }
        (Some(from_name), _) => from_name,
        (None, Some(field)) if config.language(field).is_some() => field.to_string(),
        (None, Some(field)) => {
            let (l, c) = at("lang");
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            diags.push(
                Diagnostic::error(
                    &source,
                    format!(
                        "language `{field}` is not one of the site's languages{}",
                        did_you_mean(field, codes.iter().copied())
                    ),
                )
                .at(l, c)
                .help(format!(
                    "use one of {}, or add it under `languages:` in site.yaml",
                    codes.join(", ")
                )),
            );
            config.default_language().code.clone()
        }
        (None, None) => config.default_language().code.clone(),
    };

    let taxonomies = collect_taxonomies(config, &fields, &source, &at, &mut diags);
    let url = match page_url(
        config,
        &lang,
        &located,
        fields.get("slug").and_then(Value::as_str),
    ) {
        Ok(u) => u,
        Err(msg) => {
            let (l, c) = at("slug");
            diags.push(
                Diagnostic::error(&source, msg)
                    .at(l, c)
                    .help("a slug is one word-like part of an address, e.g. slug: problem-tree"),
            );
            return (None, diags);
        }
    };
    let aliases = check_aliases(&fields, &source, &at, &mut diags);
    // A page with field errors is kept (the build fails anyway) so its links are still checked
    // and the editor sees every problem of the file in one run.
    let title = fields
        .get("title")
        .or_else(|| fields.get("name").filter(|_| titled_by_name))
        .and_then(scalar_text)
        .unwrap_or_default();
    let text_field = |n: &str| fields.get(n).and_then(Value::as_str).map(str::to_string);
    let page = Page {
        rel: src.rel.clone(),
        logical_path: located.logical_path.clone(),
        is_section: located.is_section,
        type_name,
        title,
        description: text_field("description").unwrap_or_default(),
        date: text_field("date").and_then(|d| parse_date(&d).ok()),
        updated: text_field("updated").and_then(|d| parse_date(&d).ok()),
        draft: fields
            .get("draft")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        weight: fields.get("weight").and_then(Value::as_i64),
        aliases,
        sort_by: text_field("sort_by"),
        translation_key: text_field("translation_key")
            .unwrap_or_else(|| located.logical_path.clone()),
        taxonomies,
        url,
        body_line: split.body_line,
        body: into_body(src.text, body_start),
        field_positions: positions,
        generated: false,
        fields: std::sync::Arc::new(fields),
        lang,
        source,
    };
    diags.extend(foreign_template_tags(&page));
    (Some(page), diags)
}

/// Warnings for front-matter keys lore does not know that are one or two letters away from one
/// it knows (`titel`, `tgas`): unknown fields are kept for layouts, so a misspelling would
/// otherwise be silent (issue 19).
fn misspelt_fields(
    config: &Config,
    type_name: &str,
    raw: &Mapping,
    source: &std::path::Path,
    at: &dyn Fn(&str) -> (usize, usize),
) -> Vec<Diagnostic> {
    let common = common_fields();
    let mut known: Vec<&str> = common.iter().map(|f| f.0).collect();
    if let Some(ty) = config.types.get(type_name) {
        known.extend(ty.fields.keys().map(String::as_str));
    }
    known.extend(config.taxonomies.iter().map(String::as_str));
    raw.keys()
        .filter(|k| !known.contains(&k.as_str()))
        .filter_map(|k| {
            let meant = crate::diagnostics::closest(k, known.iter().copied())?;
            let (l, _) = at(k);
            Some(
                Diagnostic::warning(
                    source,
                    format!("unknown field `{k}`; did you mean `{meant}`?"),
                )
                .at(l, 1)
                .help(format!(
                    "fields lore does not know are kept for layouts: rename it to `{meant}`, or, if `{k}` is meant, declare it under `types:` in site.yaml"
                )),
            )
        })
        .collect()
}

/// The warning for an address that runs script, published as [`script_url::BLOCKED`].
pub(crate) fn script_url_warning(source: &std::path::Path, what: &str, scheme: &str) -> Diagnostic {
    Diagnostic::warning(
        source,
        format!("{what} a `{scheme}:` address, which would run script in the browser of every reader; it is published as a link to nowhere"),
    )
    .help("link to a page or an https:// address; scripts belong in the site's layouts, where its maintainers review them")
}

/// Removes the characters no output may carry from a file's text (issue 19), with a warning
/// at the first.
fn strip_controls(text: &mut String, source: &std::path::Path) -> Option<Diagnostic> {
    let (at, c) = controls::first_forbidden(text)?;
    let (line, col) = crate::diagnostics::LineIndex::new(text).locate(text, at);
    controls::strip_string(text);
    Some(control_warning(source, c, "this line").at(line, col))
}

/// The warning for a control character removed from `what`.
fn control_warning(source: &std::path::Path, c: char, what: &str) -> Diagnostic {
    Diagnostic::warning(
        source,
        format!(
            "{what} holds the invisible control character {}; it is left out of the site",
            controls::code_point(c)
        ),
    )
    .help("delete it (it often comes with text pasted from another program), or write the character you meant")
}

fn collect_taxonomies(
    config: &Config,
    fields: &Mapping,
    source: &std::path::Path,
    at: &dyn Fn(&str) -> (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for t in &config.taxonomies {
        if let Some(Value::Array(items)) = fields.get(t) {
            out.insert(
                t.clone(),
                items
                    .iter()
                    .filter_map(scalar_text)
                    .filter(|s| !s.trim().is_empty())
                    .collect(),
            );
        }
    }
    if let Some(Value::Object(map)) = fields.get("taxonomies") {
        for (name, v) in map {
            if !config.taxonomies.contains(name) {
                let (l, c) = at("taxonomies");
                diags.push(
                    Diagnostic::error(
                        source,
                        format!(
                            "unknown taxonomy `{name}`{}",
                            did_you_mean(name, config.taxonomies.iter().map(String::as_str))
                        ),
                    )
                    .at(l, c)
                    .help(format!(
                        "use one of {}, or declare it under `taxonomies:` in site.yaml",
                        config.taxonomies.join(", ")
                    )),
                );
                continue;
            }
            match check_value(FieldKind::List, name, v) {
                Ok(Value::Array(items)) => out
                    .entry(name.clone())
                    .or_default()
                    .extend(items.iter().filter_map(scalar_text)),
                Ok(_) => {}
                Err((msg, help)) => {
                    let (l, c) = at("taxonomies");
                    diags.push(Diagnostic::error(source, msg).at(l, c).help(help));
                }
            }
        }
    }
    for terms in out.values_mut() {
        let mut seen = std::collections::BTreeSet::new();
        terms.retain(|t| seen.insert(slugify(t)));
    }
    out.retain(|_, v| !v.is_empty());
    out
}

fn page_url(
    config: &Config,
    lang: &str,
    located: &Located,
    slug: Option<&str>,
) -> Result<String, String> {
    let mut segments = Vec::new();
    for d in &located.dirs {
        segments.push(url_segment(d)?);
    }
    if !located.is_section {
        match slug {
            Some(s) if !is_safe_segment(s) => return Err(format!("slug `{s}` cannot be used in an address: it must be a single part without `/` or `..`")),
            Some(s) => segments.push(s.to_string()),
            None if located.stem == "index" => {}
            None => segments.push(url_segment(&located.stem)?),
        }
    }
    let prefix = config.language(lang).map_or("", |l| l.prefix.as_str());
    let mut url = format!("{prefix}/");
    for s in segments {
        url.push_str(&s);
        url.push('/');
    }
    Ok(url)
}

fn url_segment(name: &str) -> Result<String, String> {
    let s = slugify(name);
    if !s.is_empty() {
        Ok(s)
    } else if is_safe_segment(name) {
        Ok(name.to_string())
    } else {
        Err(format!("`{name}` cannot be part of an address"))
    }
}

fn check_aliases(
    fields: &Mapping,
    source: &std::path::Path,
    at: &dyn Fn(&str) -> (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let Some(Value::Array(items)) = fields.get("aliases") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in items.iter().filter_map(Value::as_str) {
        let trimmed = a.trim_matches('/');
        if trimmed.is_empty() || !trimmed.split('/').all(is_safe_segment) {
            let (l, c) = at("aliases");
            diags.push(
                Diagnostic::error(source, format!("alias `{a}` is not a path inside the site"))
                    .at(l, c)
                    .help("write an old address of this page, e.g. /old/path/, without `..`"),
            );
        } else {
            out.push(format!("/{trimmed}/"));
        }
    }
    out
}

/// Template tags from other generators (`{% include %}`, `{{ site.x }}`) are never executed:
/// warn once per file so editors know they will show as text.
fn foreign_template_tags(page: &Page) -> Option<Diagnostic> {
    let mut in_fence = false;
    let mut found = None;
    let mut count = 0;
    for (i, line) in page.body.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if let Some(col) = line.find("{%").or_else(|| line.find("{{")) {
            count += 1;
            found.get_or_insert((page.body_line + i, line[..col].chars().count() + 1));
        }
    }
    found.map(|(l, c)| {
        Diagnostic::warning(&page.source, format!("{count} line(s) hold template tags (`{{% %}}` or `{{{{ }}}}`) from another generator; lore shows them as text"))
            .at(l, c)
            .help("replace them with plain Markdown (links as [text](../page.md)), or ignore this if the text is meant")
    })
}

/// Parses every source file in parallel, dropping drafts unless `drafts` is set. Also returns
/// the content-relative paths of the drafts left out, so a link to one is explained.
pub fn parse_pages(
    config: &Config,
    sources: Vec<SourceFile>,
    drafts: bool,
) -> (Vec<Page>, Vec<String>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let parsed: Vec<(Option<Page>, Vec<Diagnostic>)> = sources
        .into_par_iter()
        .map(|s| parse_page(config, s))
        .collect();
    collect_pages(parsed, drafts)
}

/// Gathers parsed files into the site's pages, sorted by source path, leaving drafts out
/// unless `drafts` is set (their paths are returned so a link to one is explained).
pub(crate) fn collect_pages(
    parsed: Vec<(Option<Page>, Vec<Diagnostic>)>,
    drafts: bool,
) -> (Vec<Page>, Vec<String>, Vec<Diagnostic>) {
    let mut pages = Vec::with_capacity(parsed.len());
    let mut diags = Vec::new();
    let mut left_out = Vec::new();
    for (page, ds) in parsed {
        diags.extend(ds);
        if let Some(p) = page {
            if drafts || !p.draft {
                pages.push(p);
            } else {
                left_out.push(crate::content::page::rel_key(&p.rel));
            }
        }
    }
    pages.sort_by(|a, b| a.source.cmp(&b.source));
    (pages, left_out, diags)
}

/// A content-relative path as a `/`-separated key, the form links are resolved in.
pub(crate) fn rel_key(rel: &std::path::Path) -> String {
    rel.iter()
        .map(|s| s.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
