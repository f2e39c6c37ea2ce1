//! `lore new`: a new page with every field of its type, or the start of a translation.
//!
//! The file name comes from the title (transliterated, lowercase, `-2`, `-3` when taken); every
//! common and type field is written with a comment saying what to put there. Required fields get
//! a value that passes where one exists (an event's start), and stay empty where only the editor
//! can fill them (a technique's purpose, a toolkit's tools): the build names them until they are
//! (issue 19). Optional fields are written empty or commented out, for the editor to uncomment.
//! Nothing is ever overwritten.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Days, Utc};

use super::NewArgs;
use crate::config::Config;
use crate::content::CONTENT_DIR;
use crate::schema::slug::{is_safe_segment, slugify};
use crate::schema::{common_fields, FieldKind, AUTHOR_TYPE};

/// Runs `lore new`; returns the exit code.
pub(super) fn run(args: NewArgs) -> i32 {
    match new_page(&args) {
        Ok(path) => {
            let shown = path.strip_prefix(".").unwrap_or(&path);
            println!("{}", shown.display());
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

fn new_page(args: &NewArgs) -> Result<PathBuf, String> {
    let config = Config::load(&args.root).map_err(|d| {
        d.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    if let Some(lang) = &args.lang {
        if config.language(lang).is_none() {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            return Err(format!(
                "language `{lang}` is not one of the site's languages ({}); add it under `languages:` in site.yaml",
                codes.join(", ")
            ));
        }
    }
    if let Some(source) = &args.translate {
        let lang = args
            .lang
            .as_deref()
            .ok_or("--translate needs --lang, the language of the translation")?;
        return new_translation(&config, &args.root, source, lang);
    }
    let type_name = args
        .type_name
        .as_deref()
        .ok_or("say which type of page to write, e.g. lore new technique \"Problem tree\"")?;
    let title = args
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .ok_or("give the page a title, e.g. lore new technique \"Problem tree\"")?;
    if type_name == "course" && args.lang.is_none() && args.section.is_none() {
        return new_course(&config, &args.root, title);
    }
    let Some(ty) = config.types.get(type_name) else {
        let known: Vec<&str> = config.types.keys().map(String::as_str).collect();
        return Err(format!(
            "unknown content type `{type_name}`; use one of {}, or declare it under `types:` in site.yaml",
            known.join(", ")
        ));
    };
    let section = match &args.section {
        Some(s) => checked_folder(s)?,
        None => ty.section.clone().map(PathBuf::from).unwrap_or_default(),
    };
    let lang = args
        .lang
        .as_deref()
        .filter(|l| *l != config.default_language().code);
    let lang_folder = lang
        .and_then(|l| config.language(l))
        .and_then(|l| l.folder.clone());
    let dir = args
        .root
        .join(CONTENT_DIR)
        .join(lang_folder.as_deref().unwrap_or(""))
        .join(&section);
    // A language with its own folder needs no suffix; otherwise the file says `x.fr.md`.
    let suffix = lang.filter(|_| lang_folder.is_none());
    let stem = unique_stem(&dir, &slug_or_default(title));
    let file = match suffix {
        Some(l) => format!("{stem}.{l}.md"),
        None => format!("{stem}.md"),
    };
    // The section's type is implied by the folder; elsewhere the page must say it.
    let by_folder = section
        .iter()
        .next()
        .and_then(|s| config.type_for_section(&s.to_string_lossy()))
        .map_or("page", |t| t.name.as_str());
    let implied = by_folder == type_name;
    let text = scaffold(&config, type_name, title, !implied);
    write_new(&dir.join(file), &text)
}

/// A course: a guide folder (`content/guides/<slug>/`) whose `_index.md` says `course: true`,
/// with a first lesson carrying every lesson field, a self-check and a speaker note to copy.
fn new_course(config: &Config, root: &Path, title: &str) -> Result<PathBuf, String> {
    let guides = config
        .types
        .get("guide")
        .and_then(|t| t.section.clone())
        .unwrap_or_else(|| "guides".into());
    let parent = root.join(CONTENT_DIR).join(guides);
    let dir = parent.join(unique_stem(&parent, &slug_or_default(title)));
    let index = scaffold(config, "guide", title, false).replacen(
        "---\n# A new guide.",
        "---\ncourse: true\n# A new course: its lessons are the other pages of this folder, in `weight` order.",
        1,
    );
    let path = write_new(&dir.join("_index.md"), &index)?;
    let lesson = scaffold(config, "guide", "Lesson 1", false)
        .replacen("---\n# A new guide.", "---\nlesson: 1\nweight: 1\n# A new lesson.", 1)
        .replace(
            "<!-- Write the page here",
            "## First section\n\nEach `##` section is a slide of the lesson's slides view; a `---` line starts another.\n\n```notes\nSpeaker notes: hidden from the audience in the slides.\n```\n\n```selfcheck\nWrite the question here.\n- [ ] A wrong answer\n  Why it is wrong.\n- [x] The right answer\n  Why it is right.\n```\n\n<!-- Write the lesson here",
        );
    write_new(&dir.join("lesson-01.md"), &lesson)?;
    Ok(path)
}

/// A folder path under `content/`, refusing anything that would climb out of it.
fn checked_folder(s: &str) -> Result<PathBuf, String> {
    let s = s.trim_matches('/');
    let s = s.strip_prefix("content/").unwrap_or(s);
    if s.is_empty() {
        return Ok(PathBuf::new());
    }
    if !s.split('/').all(is_safe_segment) {
        return Err(format!(
            "--section `{s}` must be a folder inside content/, e.g. guides or guides/my-guide"
        ));
    }
    Ok(PathBuf::from(s))
}

fn slug_or_default(title: &str) -> String {
    let s = slugify(title);
    if s.is_empty() {
        "page".to_string()
    } else {
        s
    }
}

/// `stem`, or `stem-2`, `stem-3`, ... : the first with no file, translation or folder of that
/// name in `dir` (a new English `x.md` beside an existing `x.fr.md` would silently become its
/// translation).
fn unique_stem(dir: &Path, stem: &str) -> String {
    let taken = |candidate: &str| {
        dir.join(candidate).exists()
            || std::fs::read_dir(dir).is_ok_and(|entries| {
                entries.filter_map(Result::ok).any(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_suffix(".md")
                        .map(|n| n.split('.').next() == Some(candidate))
                        .unwrap_or(false)
                })
            })
    };
    if !taken(stem) {
        return stem.to_string();
    }
    (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| stem.to_string())
}

/// The text of a new page: front matter with every field and a comment on each, then a body.
pub(super) fn scaffold(config: &Config, type_name: &str, title: &str, write_type: bool) -> String {
    let mut fields: Vec<(String, FieldKind, bool, String)> = common_fields()
        .into_iter()
        .map(|(n, k, r, d)| (n.to_string(), k, r, d.to_string()))
        .collect();
    let own_fields = config.types.get(type_name).map(|t| &t.fields);
    for t in config
        .own_taxonomies()
        .filter(|t| !own_fields.is_some_and(|f| f.contains_key(*t)))
    {
        let what = format!("terms of the site's `{t}` taxonomy, e.g. [one, two]");
        fields.push((t.clone(), FieldKind::List, false, what));
    }
    if let Some(ty) = config.types.get(type_name) {
        // Required fields first, right under the title, where they are seen.
        let mut own: Vec<_> = ty.fields.iter().collect();
        own.sort_by_key(|(_, spec)| !spec.required);
        for (i, (name, spec)) in own.into_iter().enumerate() {
            let field = (
                name.clone(),
                spec.kind,
                spec.required,
                spec.description.clone(),
            );
            if spec.required {
                fields.insert(i + 1, field);
            } else {
                fields.push(field);
            }
        }
    }
    let mut out = format!(
        "---\n# A new {type_name}. Lines starting with # are comments: remove the # before a field to use it.\n"
    );
    let width = fields.iter().map(|f| f.0.len()).max().unwrap_or(0) + 2;
    // A person's page is titled by their name (`lore new author "Name"`).
    let titled_by_name = type_name == AUTHOR_TYPE;
    let quoted = serde_json::Value::String(title.to_string()).to_string();
    for (name, kind, required, description) in fields {
        let (required, description) = match name.as_str() {
            "title" if titled_by_name => (false, "the page title, if not their name".into()),
            _ => (required, description),
        };
        let value = match name.as_str() {
            "title" if titled_by_name => None,
            "name" if titled_by_name => Some(quoted.clone()),
            "title" => Some(quoted.clone()),
            "type" if write_type => Some(type_name.to_string()),
            "date" => Some(Utc::now().date_naive().to_string()),
            "type" | "slug" | "lang" | "translation_key" | "sort_by" | "aliases" | "draft"
            | "weight" | "updated" | "taxonomies" => None,
            _ => value_for(kind, required),
        };
        let what = if description.is_empty() {
            kind.example().to_string()
        } else {
            description
        };
        let what = if required {
            format!("{what} (required)")
        } else {
            what
        };
        let key = format!("{name}:");
        match value {
            Some(v) => out.push_str(&format!("{key:<width$} {v:<12} # {what}\n")),
            None => out.push_str(&format!("# {key:<width$}{:<12} # {what}\n", "")),
        }
    }
    out.push_str("---\n\n<!-- Write the page here in Markdown: ## for a heading, [text](other-page.md) for a link to another page. -->\n");
    out
}

/// A value that passes the field's check, or `None` to leave the field commented out.
fn value_for(kind: FieldKind, required: bool) -> Option<String> {
    let v = match kind {
        FieldKind::Text => "\"\"".to_string(),
        FieldKind::List | FieldKind::Records => "[]".to_string(),
        FieldKind::Map if required => "{}".to_string(),
        _ if !required => return None,
        FieldKind::Datetime => {
            let day = Utc::now().date_naive() + Days::new(30);
            format!("{day}T09:00:00+00:00")
        }
        FieldKind::Date => Utc::now().date_naive().to_string(),
        FieldKind::Integer => "0".to_string(),
        FieldKind::Bool => "false".to_string(),
        FieldKind::Url => "https://example.org".to_string(),
        FieldKind::Difficulty => "easy".to_string(),
        FieldKind::Map | FieldKind::Any => "\"\"".to_string(),
    };
    Some(v)
}

/// `lore new --translate content/x.md --lang fr`: `content/x.fr.md` (or the same path in the
/// language's folder), with the page's front matter and body to translate. Sharing the stem
/// (or the path inside the language folders) makes the two translations of each other.
fn new_translation(
    config: &Config,
    root: &Path,
    source: &Path,
    lang: &str,
) -> Result<PathBuf, String> {
    let src_path = if source.is_absolute() || source.exists() {
        source.to_path_buf()
    } else {
        root.join(source)
    };
    let text = std::fs::read_to_string(&src_path)
        .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let content = root.join(CONTENT_DIR);
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let rel = canon(&src_path)
        .strip_prefix(canon(&content))
        .map(Path::to_path_buf)
        .map_err(|_| {
            format!(
                "{} is not a page under {}",
                source.display(),
                content.display()
            )
        })?;
    let target = translation_path(config, &rel, lang)?;
    let text = crate::content::front_matter::normalize_text(text);
    let translated = translation_text(&text, &rel, lang);
    write_new(&content.join(target), &translated)
}

/// Where the `lang` translation of the page at `rel` (under `content/`) goes.
fn translation_path(config: &Config, rel: &Path, lang: &str) -> Result<PathBuf, String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().ok_or("no file name")?;
    if let Some(first) = parts.first() {
        if config
            .languages
            .iter()
            .any(|l| l.folder.as_deref() == Some(first))
        {
            parts.remove(0);
        }
    }
    let mut stem = file
        .strip_suffix(".md")
        .ok_or("the page to translate must be a .md file")?;
    if let Some((base, code)) = stem.rsplit_once('.') {
        if config.language(code).is_some() {
            stem = base;
        }
    }
    let language = config.language(lang).ok_or("unknown language")?;
    let default = lang == config.default_language().code;
    let mut out = PathBuf::new();
    match &language.folder {
        Some(folder) => {
            out.push(folder);
            parts.iter().for_each(|p| out.push(p));
            out.push(format!("{stem}.md"));
        }
        None => {
            parts.iter().for_each(|p| out.push(p));
            out.push(if default {
                format!("{stem}.md")
            } else {
                format!("{stem}.{lang}.md")
            });
        }
    }
    Ok(out)
}

/// The page's text with a note on top, and without the fields a translation must not copy:
/// `lang` (the file name says it) and `aliases` (one old address redirects to one page).
fn translation_text(text: &str, rel: &Path, lang: &str) -> String {
    let Ok(split) = crate::content::front_matter::split_front_matter(text) else {
        return text.to_string();
    };
    if split.yaml.is_empty() {
        return text.to_string();
    }
    let mut out = format!(
        "---\n# Translation ({lang}) of content/{}: translate the values and the text below.\n",
        crate::content::page::rel_key(rel)
    );
    let mut skipping = false;
    for line in split.yaml.lines() {
        let top_level = !line.starts_with([' ', '\t', '-']) && !line.trim().is_empty();
        if top_level {
            let key = line.split(':').next().unwrap_or("").trim();
            skipping = key == "lang" || key == "aliases";
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("---\n");
    out.push_str(split.body);
    out
}

/// Writes a new file, never replacing one.
fn write_new(path: &Path, text: &str) -> Result<PathBuf, String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                format!(
                    "{} already exists; lore new never overwrites a file",
                    path.display()
                )
            } else {
                format!("cannot write {}: {e}", path.display())
            }
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_lang_and_aliases_from_a_translation() {
        let t = translation_text(
            "---\ntitle: A\nlang: en\naliases:\n  - /old/\ntags: [x]\n---\nBody\n",
            Path::new("a.md"),
            "fr",
        );
        assert!(t.contains("title: A\ntags: [x]\n---\nBody\n"), "{t}");
        assert!(!t.contains("/old/") && !t.contains("lang: en"), "{t}");
    }

    #[test]
    fn refuses_sections_outside_content() {
        assert!(checked_folder("../x").is_err());
        assert_eq!(
            checked_folder("content/guides/").unwrap(),
            PathBuf::from("guides")
        );
    }
}
