//! The content model's rules: content types and their front-matter fields (the built-in six,
//! guide, toolkit, technique, event, story and author, plus generic pages, extended by
//! `site.yaml`) and the check of a page's fields, dates ([`date`]) and slugs ([`slug`]). They sit
//! below `config`, which reads the site's types, and `content`, which applies them.

pub mod date;
pub mod slug;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::yaml::kind_of;

/// The type of the pages about people (`content/authors/<slug>.md`): their `name` is their
/// title, and the `authors` taxonomy's page of that name is theirs (issue 23).
pub(crate) const AUTHOR_TYPE: &str = "author";

/// What a field's value must look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Any text; numbers are accepted and read as text.
    Text,
    /// A whole number.
    Integer,
    /// true or false.
    Bool,
    /// A calendar date, `2026-03-14` (a full date-time is accepted too).
    Date,
    /// A date and time with its time zone, `2026-03-14T09:00:00+03:00`.
    Datetime,
    /// A list of texts; a single text is read as a list of one.
    List,
    /// An http(s) or mailto address.
    Url,
    /// A set of `key: value` fields.
    Map,
    /// A list of sets of fields, each needing a `name` or `title` (tools, readings).
    Records,
    /// 1-3 or easy / medium / hard.
    Difficulty,
    /// Anything: kept as written.
    Any,
}

impl FieldKind {
    /// How to write a value of this kind, for error messages and `lore new`.
    pub fn example(self) -> &'static str {
        match self {
            FieldKind::Text => "some text",
            FieldKind::Integer => "a whole number, e.g. 3",
            FieldKind::Bool => "true or false",
            FieldKind::Date => "a date like 2026-03-14",
            FieldKind::Datetime => "a date and time with time zone like 2026-03-14T09:00:00+03:00",
            FieldKind::List => "a list like [one, two]",
            FieldKind::Url => "an address starting with https://",
            FieldKind::Map => "indented `key: value` lines",
            FieldKind::Records => "a list of entries, each with `name:` and more fields",
            FieldKind::Difficulty => "easy, medium or hard (or 1, 2, 3)",
            FieldKind::Any => "any value",
        }
    }
}

/// One front-matter field of a content type.
#[derive(Clone, Debug, Serialize)]
pub struct FieldSpec {
    /// What its value must look like.
    pub kind: FieldKind,
    /// Missing it is an error.
    pub required: bool,
    /// What to write, shown by `lore new`.
    pub description: String,
}

/// A kind of page with its own fields and layout (`guide.html`, `event.html`, ...).
#[derive(Clone, Debug, Serialize)]
pub struct ContentType {
    /// Name, also the layout's file stem.
    pub name: String,
    /// Top-level content folder whose pages get this type unless they say otherwise.
    pub section: Option<String>,
    /// Extra fields, beyond those every page has.
    pub fields: BTreeMap<String, FieldSpec>,
}

impl ContentType {
    /// A type with no extra fields.
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_string(),
            section: None,
            fields: BTreeMap::new(),
        }
    }

    fn field(mut self, name: &str, kind: FieldKind, required: bool, description: &str) -> Self {
        self.fields.insert(
            name.into(),
            FieldSpec {
                kind,
                required,
                description: description.into(),
            },
        );
        self
    }

    fn in_section(mut self, section: &str) -> Self {
        self.section = Some(section.into());
        self
    }
}

/// Fields every page may have, whatever its type.
pub(crate) fn common_fields() -> Vec<(&'static str, FieldKind, bool, &'static str)> {
    use FieldKind::*;
    vec![
        ("title", Text, true, "the page title"),
        (
            "description",
            Text,
            false,
            "one or two sentences shown in lists, search results and feeds",
        ),
        ("date", Date, false, "publication date, like 2026-03-14"),
        (
            "updated",
            Date,
            false,
            "date of the last significant change",
        ),
        (
            "tags",
            List,
            false,
            "keywords, e.g. [facilitation, monitoring]",
        ),
        (
            "themes",
            List,
            false,
            "broad themes, e.g. [agriculture, climate]",
        ),
        ("authors", List, false, "who wrote it, e.g. [Amina Diallo]"),
        (
            "draft",
            Bool,
            false,
            "true to leave it out of the site until ready",
        ),
        (
            "weight",
            Integer,
            false,
            "order among its siblings: lower comes first",
        ),
        (
            "aliases",
            List,
            false,
            "old addresses that should redirect here",
        ),
        (
            "slug",
            Text,
            false,
            "the last part of the address, if not the file name",
        ),
        (
            "lang",
            Text,
            false,
            "language code, if not given by the file name or folder",
        ),
        (
            "translation_key",
            Text,
            false,
            "shared by a page and its translations",
        ),
        (
            "type",
            Text,
            false,
            "content type, if not given by the section",
        ),
        (
            "sort_by",
            Text,
            false,
            "for a section: date, weight or title",
        ),
        (
            "image",
            Text,
            false,
            "a picture for cards and share previews: a file beside the page, e.g. problem-tree.svg",
        ),
        (
            "image_alt",
            Text,
            false,
            "what the picture shows, for readers who cannot see it (empty if it only decorates)",
        ),
        (
            "featured",
            Bool,
            false,
            "true to show the page among the featured items on the home page",
        ),
        (
            "taxonomies",
            Map,
            false,
            "extra taxonomies declared in site.yaml, e.g. {region: [Sahel]}",
        ),
    ]
}

/// The built-in content types, as SPEC.md describes them.
pub fn builtin_types() -> BTreeMap<String, ContentType> {
    use FieldKind::*;
    let types = [
        ContentType::new("page"),
        ContentType::new("guide")
            .in_section("guides")
            .field(
                "audience",
                List,
                false,
                "who it is for, e.g. [facilitators, programme staff]",
            )
            .field(
                "level",
                Text,
                false,
                "introductory, intermediate or advanced",
            )
            .field(
                "modules",
                List,
                false,
                "chapter file names in reading order (else by weight)",
            )
            .field(
                "readings",
                Records,
                false,
                "further reading: list of {title, url}",
            )
            .field(
                "attachments",
                Records,
                false,
                "files for a lesson: list of {name, file or url, format}",
            )
            .field(
                "course",
                Bool,
                false,
                "on a guide's _index.md: true to make it a course of numbered lessons",
            )
            .field(
                "lesson",
                Integer,
                false,
                "a course lesson's number, checked against its place in the course",
            )
            .field(
                "duration",
                Text,
                false,
                "time a lesson takes, e.g. 60 minutes",
            )
            .field(
                "objectives",
                List,
                false,
                "what a learner can do after the lesson, one per item",
            )
            .field(
                "key_points",
                List,
                false,
                "the lesson's summary, shown at its end, one point per item",
            ),
        ContentType::new("toolkit").in_section("toolkits").field(
            "tools",
            Records,
            true,
            "list of {name, url or file, format, description}",
        ),
        ContentType::new("technique")
            .in_section("techniques")
            .field("purpose", Text, true, "what the technique helps a group do")
            .field("when_to_use", Text, false, "the situations it suits")
            .field("time_required", Text, false, "e.g. 60-90 minutes")
            .field(
                "group_size",
                Text,
                false,
                "people it suits: 6-20, or 12+ for twelve or more",
            )
            .field("materials", List, false, "e.g. [flipchart, markers]")
            .field("difficulty", Difficulty, false, "easy, medium or hard")
            .field("steps", List, false, "the steps, one per list item"),
        ContentType::new("story")
            .in_section("stories")
            .field(
                "summary",
                Text,
                false,
                "the story in two or three sentences, shown first and in lists",
            )
            .field(
                "related",
                Records,
                false,
                "related online resources: list of {title, url}",
            ),
        ContentType::new(AUTHOR_TYPE)
            .in_section("authors")
            .field(
                "name",
                Text,
                true,
                "the person's name as pages write it in `authors:`",
            )
            .field("role", Text, false, "their role, e.g. Learning adviser")
            .field("organisation", Text, false, "where they work")
            .field(
                "bio",
                Text,
                false,
                "a short biography, two or three sentences",
            )
            .field(
                "links",
                Records,
                false,
                "their pages elsewhere: list of {title, url}",
            ),
        ContentType::new("event")
            .in_section("events")
            .field(
                "start",
                Datetime,
                true,
                "start with time zone, e.g. 2026-03-14T09:00:00+03:00",
            )
            .field("end", Datetime, false, "end with time zone")
            .field(
                "timezone",
                Text,
                false,
                "the IANA time zone of start and end (e.g. Africa/Nairobi); they may then omit the offset",
            )
            .field("location", Map, false, "{name, city, country, online_url}")
            .field("organisers", List, false, "who organises it")
            .field("registration_url", Url, false, "where to register"),
    ];
    types.into_iter().map(|t| (t.name.clone(), t)).collect()
}

/// Checks one value against its kind and returns it normalised (a scalar list item becomes a
/// list, numbers become text where text is wanted), or the plain-words reason it is wrong.
pub(crate) fn check_value(
    kind: FieldKind,
    name: &str,
    v: &Value,
) -> Result<Value, (String, String)> {
    let wrong = || {
        (
            format!("`{name}` must be {}; found {}", kind.example(), describe(v)),
            format!("write `{name}:` as {}", kind.example()),
        )
    };
    match kind {
        FieldKind::Any => Ok(v.clone()),
        FieldKind::Map if v.is_object() => Ok(v.clone()),
        FieldKind::Map => Err(wrong()),
        FieldKind::Text => scalar_text(v).map(Value::String).ok_or_else(wrong),
        FieldKind::Integer => v.as_i64().map(Value::from).ok_or_else(wrong),
        FieldKind::Bool => v.as_bool().map(Value::Bool).ok_or_else(wrong),
        FieldKind::List => match v {
            Value::Array(items) => items
                .iter()
                .map(|i| scalar_text(i).map(Value::String))
                .collect::<Option<Vec<_>>>()
                .map(Value::Array)
                .ok_or_else(wrong),
            Value::Null => Ok(Value::Array(vec![])),
            other => scalar_text(other)
                .map(|s| Value::Array(vec![Value::String(s)]))
                .ok_or_else(wrong),
        },
        FieldKind::Date => {
            let s = v.as_str().ok_or_else(wrong)?;
            date::parse_date(s)
                .map(|_| v.clone())
                .map_err(|_| match date::impossible_reason(s) {
                    Some(why) => (
                        format!("`{name}` is not a real date: `{s}` ({why})"),
                        format!(
                            "write a date that exists, year-month-day, e.g. {name}: 2026-03-14"
                        ),
                    ),
                    None => (
                        format!("`{name}` must look like 2026-03-14; found `{s}`"),
                        format!("write the date as year-month-day, e.g. {name}: 2026-03-14"),
                    ),
                })
        }
        FieldKind::Datetime => {
            let s = v.as_str().ok_or_else(wrong)?;
            date::parse_datetime(s).map(|_| v.clone()).map_err(|why| {
                (
                    format!(
                        "`{name}` must be a date and time with its time zone; found `{s}` ({why})"
                    ),
                    format!("write e.g. {name}: 2026-03-14T09:00:00+03:00 (Z for UTC)"),
                )
            })
        }
        FieldKind::Url => {
            let s = v.as_str().ok_or_else(wrong)?;
            if s.starts_with("https://")
                || s.starts_with("http://")
                || s.starts_with("mailto:")
                || s.starts_with('/')
            {
                Ok(v.clone())
            } else {
                Err(wrong())
            }
        }
        FieldKind::Records => check_records(name, v).map(|()| v.clone()),
        FieldKind::Difficulty => match v {
            Value::Number(n) if matches!(n.as_i64(), Some(1..=3)) => Ok(v.clone()),
            Value::String(s) if matches!(s.to_lowercase().as_str(), "easy" | "medium" | "hard") => {
                Ok(Value::String(s.to_lowercase()))
            }
            _ => Err(wrong()),
        },
    }
}

/// Keys of a record whose value is an address or a file name, so must be text.
const RECORD_TEXT_KEYS: [&str; 4] = ["url", "file", "format", "description"];

/// A list of records (tools, readings), each with a `name` or `title` that is text, and text
/// where an address or file name goes: `name: [a, b]` is a mistake, not a tool (issue 19).
fn check_records(name: &str, v: &Value) -> Result<(), (String, String)> {
    let example = FieldKind::Records.example();
    let Value::Array(items) = v else {
        return Err((
            format!("`{name}` must be {example}; found {}", describe(v)),
            format!("write `{name}:` as a list, one `- name: ...` entry per item"),
        ));
    };
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let Some(record) = item.as_object() else {
            return Err((
                format!("`{name}` item {n} must be a set of fields (`name:`, `url:` ...); found {}", describe(item)),
                format!("write each item of `{name}` as `- name: ...` with its other fields indented below"),
            ));
        };
        let label = record.get("name").or_else(|| record.get("title"));
        match label.and_then(scalar_text) {
            Some(t) if !t.trim().is_empty() => {}
            Some(_) => {
                return Err((
                    format!("`{name}` item {n} has an empty name"),
                    "give it a name, e.g. `- name: Problem tree template`".into(),
                ))
            }
            None if label.is_some() => {
                let found = label.map(describe).unwrap_or_default();
                return Err((
                    format!("`{name}` item {n}: its name must be text; found {found}"),
                    "write one name per item, e.g. `- name: Problem tree template`; several things are several items".into(),
                ));
            }
            None => {
                return Err((
                    format!("`{name}` item {n} has no `name` (or `title`)"),
                    "add `name: ...` to the item".into(),
                ))
            }
        }
        for key in RECORD_TEXT_KEYS {
            if let Some(val) = record
                .get(key)
                .filter(|x| scalar_text(x).is_none() && !x.is_null())
            {
                return Err((
                    format!(
                        "`{name}` item {n}: `{key}` must be text; found {}",
                        describe(val)
                    ),
                    format!("write one `{key}:` per item"),
                ));
            }
        }
    }
    Ok(())
}

/// True for a value that says nothing: blank text, an empty list or set of fields.
pub(crate) fn is_empty_value(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// Text of a scalar (text, number or true/false), `None` for lists, maps and nothing.
pub(crate) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::String(s) if s.chars().count() <= 40 => format!("`{s}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::Bool(b) => format!("`{b}`"),
        other => kind_of(other).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_single_tag_as_a_list() {
        assert_eq!(
            check_value(FieldKind::List, "tags", &json!("x")).unwrap(),
            json!(["x"])
        );
    }

    #[test]
    fn explains_a_bad_date_in_plain_words() {
        let (msg, _) = check_value(FieldKind::Date, "date", &json!("14/03/2026")).unwrap_err();
        assert_eq!(msg, "`date` must look like 2026-03-14; found `14/03/2026`");
    }

    #[test]
    fn requires_a_time_zone_on_event_times() {
        assert!(check_value(FieldKind::Datetime, "start", &json!("2026-03-14T09:00:00")).is_err());
        assert!(check_value(
            FieldKind::Datetime,
            "start",
            &json!("2026-03-14T09:00:00+03:00")
        )
        .is_ok());
    }
}
