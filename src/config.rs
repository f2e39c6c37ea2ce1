//! `site.yaml`: what the maintainer wrote (`RawConfig`) and what the build uses ([`Config`]).
//!
//! The raw form rejects unknown keys (with their line), the checked form has a validated base
//! URL, languages with a direction, the full list of taxonomies and the content types with their
//! fields (built-in ones merged with the site's own).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::schema::{builtin_types, ContentType, FieldKind, FieldSpec};
use crate::yaml;

/// The name of the site configuration file at the root of a site.
pub(crate) const CONFIG_FILE: &str = "site.yaml";

/// Taxonomies every site has; `authors` gives each author a page of their contributions.
pub const BUILTIN_TAXONOMIES: [&str; 3] = ["tags", "themes", "authors"];

/// `site.yaml` as written. Every field has a default, so that each key can be read alone and
/// every mistake of the file reported at once (`yaml::parse_every_key`); the required ones
/// are checked afterwards.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConfig {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    languages: Vec<RawLanguage>,
    #[serde(default)]
    taxonomies: Vec<String>,
    #[serde(default)]
    terms: TermNames,
    #[serde(default)]
    menus: BTreeMap<String, Vec<MenuItem>>,
    #[serde(default)]
    types: BTreeMap<String, RawContentType>,
    #[serde(default)]
    search: SearchSettings,
    #[serde(default)]
    repository: Option<Repository>,
    #[serde(default = "default_per_page")]
    per_page: usize,
    #[serde(default)]
    strings: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    budget: Budget,
    #[serde(default = "yes")]
    offline: bool,
    #[serde(default = "yes")]
    epub: bool,
}

fn default_per_page() -> usize {
    20
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    #[serde(default)]
    direction: Direction,
    #[serde(default)]
    folder: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContentType {
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    fields: BTreeMap<String, RawField>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    #[serde(rename = "type", default)]
    kind: Option<FieldKind>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    description: String,
}

/// Display names of taxonomy terms: taxonomy, then the term's slug, then language code
/// (`themes: {water: {en: Water, fr: Eau, ar: المياه}}`). Addresses keep the slug.
pub(crate) type TermNames = BTreeMap<String, BTreeMap<String, BTreeMap<String, String>>>;

/// Writing direction of a language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew, ...): the layout mirrors.
    Rtl,
}

/// A language of the site.
#[derive(Clone, Debug, Serialize)]
pub struct Language {
    /// BCP 47 code, as in `lang` attributes and file names (`page.fr.md`).
    pub code: String,
    /// Its own name for itself (Français), shown in the language switcher.
    pub name: String,
    /// Writing direction.
    pub dir: Direction,
    /// A content folder holding this language's pages (`content/fr/`), if the site uses one.
    pub folder: Option<String>,
    /// URL prefix: empty for the default language, `/fr` otherwise.
    pub prefix: String,
}

/// A link in a menu.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// Label in the default language.
    pub name: String,
    /// Root-relative (`/guides/`) or absolute URL; root-relative ones get the language prefix.
    pub url: String,
    /// Labels in other languages, by code.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
}

/// Where the site's sources live, for "edit this page" links.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repository {
    /// Repository web address, e.g. `https://github.com/org/site`.
    pub url: String,
    /// Branch that editors change by pull request.
    #[serde(default = "default_branch")]
    pub branch: String,
    /// The site's folder in the repository (`docs`), when it is not at the top.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub folder: String,
}

impl Repository {
    /// The address of the page that edits `source` (a path from the site folder) on GitHub.
    pub fn edit_url(&self, source: &str) -> String {
        let folder = self.folder.trim_matches('/');
        let path = if folder.is_empty() || folder == "." {
            source.to_string()
        } else {
            format!("{folder}/{source}")
        };
        format!(
            "{}/edit/{}/{path}",
            self.url.trim_end_matches('/'),
            self.branch
        )
    }
}

fn default_branch() -> String {
    "main".into()
}

/// Where a site is published and kept, as its environment says (`LORE_BASE_URL`,
/// `LORE_REPOSITORY`, `LORE_BRANCH`, `LORE_SITE`, which the workflow `lore init` writes sets
/// from the GitHub context): used only for what `site.yaml` leaves out.
#[derive(Clone, Debug, Default)]
pub struct SiteContext {
    /// The published address, used when `site.yaml` has no `base_url`.
    pub base_url: Option<String>,
    /// The source repository, used when `site.yaml` has no `repository`.
    pub repository: Option<Repository>,
}

impl SiteContext {
    /// The context given by the `LORE_*` environment variables (empty ones count as unset).
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Self {
            base_url: var("LORE_BASE_URL"),
            repository: var("LORE_REPOSITORY").map(|url| Repository {
                url: url.trim_end_matches('/').to_string(),
                branch: var("LORE_BRANCH").unwrap_or_else(default_branch),
                folder: var("LORE_SITE").unwrap_or_default(),
            }),
        }
    }
}

/// The base URL of a site that says nowhere where it is published: fine for checking and
/// previewing, and `lore build` says so.
pub const UNSET_BASE_URL: &str = "http://localhost:1111";

/// Search index settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Build the search index (on by default).
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

impl Default for SearchSettings {
    fn default() -> Self {
        Self { enabled: true }
    }
}

/// How heavy a page may be before `lore check` names it: its HTML with the stylesheets and
/// scripts it loads, each gzipped as a server sends them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Most kilobytes (1,000 bytes) a page may weigh (30 unless set).
    #[serde(default = "default_page_kb")]
    pub page_kb: u64,
    /// Most kilobytes the pictures on a page's first screen may weigh, as a phone takes them
    /// (150 unless set): they are fetched before the reader sees the page whole.
    #[serde(default = "default_first_screen_images_kb")]
    pub first_screen_images_kb: u64,
}

fn default_page_kb() -> u64 {
    30
}

fn default_first_screen_images_kb() -> u64 {
    150
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            page_kb: default_page_kb(),
            first_screen_images_kb: default_first_screen_images_kb(),
        }
    }
}

/// The validated site configuration.
#[derive(Clone, Debug)]
pub struct Config {
    /// Folder holding `site.yaml`, `content/`, `layouts/`, `assets/`.
    pub root: PathBuf,
    /// Site title.
    pub title: String,
    /// One-line description for feeds and the home page.
    pub description: String,
    /// Absolute base URL without trailing slash (`https://example.org/kb`); [`UNSET_BASE_URL`]
    /// when neither `site.yaml` nor the [`SiteContext`] gives one.
    pub base_url: String,
    /// Neither `site.yaml` nor the context gave a base URL.
    pub base_url_unset: bool,
    /// Languages; the first is the default, served at `/`.
    pub languages: Vec<Language>,
    /// Taxonomy names: the built-in ones then the site's, in order.
    pub taxonomies: Vec<String>,
    /// Terms' names in each language, by taxonomy and slug (`terms:` in `site.yaml`).
    pub terms: TermNames,
    /// Menus by name (`main`, `footer`).
    pub menus: BTreeMap<String, Vec<MenuItem>>,
    /// Content types by name, built-in ones extended by the site's.
    pub types: BTreeMap<String, ContentType>,
    /// Search index settings.
    pub search: SearchSettings,
    /// Source repository, for edit links.
    pub repository: Option<Repository>,
    /// Entries per page of a section list.
    pub per_page: usize,
    /// Extra or overriding interface strings, by language then key.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// The page weight `lore check` warns above.
    pub budget: Budget,
    /// Write a service worker that keeps the shell and visited pages for reading offline
    /// (`offline: false` in `site.yaml` turns it off).
    pub offline: bool,
    /// Write an EPUB of every guide and course, linked from its front page (`epub: false` in
    /// `site.yaml` turns it off).
    pub epub: bool,
}

impl Config {
    /// Reads and validates `site.yaml` in `root`.
    pub fn load(root: &Path) -> Result<Self, Vec<Diagnostic>> {
        let path = Path::new(CONFIG_FILE);
        let text = std::fs::read_to_string(root.join(CONFIG_FILE)).map_err(|e| {
            vec![
                Diagnostic::error(path, format!("cannot read site configuration: {e}"))
                    .help("run lore in a site folder (one with site.yaml), or pass --root DIR"),
            ]
        })?;
        Self::parse(&text, root)
    }

    /// Validates the text of a `site.yaml` for the site in `root`.
    pub fn parse(text: &str, root: &Path) -> Result<Self, Vec<Diagnostic>> {
        let path = Path::new(CONFIG_FILE);
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: RawConfig = yaml::parse_every_key(text, path, 1)?;
        let mut errors = Vec::new();
        let terms = check_term_names(&raw, text, &mut errors);
        let config = Self::from_raw(raw, root, &yaml::key_positions(text, 1));
        match config {
            Ok(c) if errors.is_empty() => Ok(Config { terms, ..c }),
            Ok(_) => Err(errors),
            Err(mut e) => {
                e.extend(errors);
                Err(e)
            }
        }
    }

    fn from_raw(
        raw: RawConfig,
        root: &Path,
        keys: &BTreeMap<String, (usize, usize)>,
    ) -> Result<Self, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let at = |key: &str, msg: String, help: &str| {
            let (l, c) = keys.get(key).copied().unwrap_or((0, 0));
            Diagnostic::error(CONFIG_FILE, msg).at(l, c).help(help)
        };
        let title =
            match raw.title {
                Some(t) if !t.trim().is_empty() => t,
                found => {
                    errors.push(at(
                    "title",
                    format!("`title` is {}", if found.is_some() { "empty" } else { "missing" }),
                    "add a line `title: Our knowledge base`: the site's name, shown on every page",
                ));
                    String::new()
                }
            };
        let base_url_unset = raw.base_url.is_none();
        let base_url = match raw.base_url.as_deref().map(check_base_url) {
            Some(Ok(url)) => url,
            Some(Err(why)) => {
                errors.push(at("base_url", format!("`base_url` {why}"), BASE_URL_HELP));
                String::new()
            }
            None => UNSET_BASE_URL.to_string(),
        };
        let languages = check_languages(raw.languages, &mut errors, &at);
        let mut taxonomies: Vec<String> =
            BUILTIN_TAXONOMIES.iter().map(|s| s.to_string()).collect();
        for t in raw.taxonomies {
            if !crate::schema::slug::is_safe_segment(&t) {
                errors.push(at(
                    "taxonomies",
                    format!("taxonomy name `{t}` cannot be a URL segment"),
                    "use lowercase letters, digits and -",
                ));
            } else if !taxonomies.contains(&t) {
                taxonomies.push(t);
            }
        }
        let mut types = builtin_types();
        for (name, rt) in raw.types {
            let ty = types
                .entry(name.clone())
                .or_insert_with(|| ContentType::new(&name));
            if let Some(section) = rt.section {
                ty.section = Some(section);
            }
            for (field, spec) in rt.fields {
                ty.fields.insert(
                    field,
                    FieldSpec {
                        kind: spec.kind.unwrap_or(FieldKind::Any),
                        required: spec.required,
                        description: spec.description,
                    },
                );
            }
        }
        if raw.per_page == 0 {
            errors.push(at(
                "per_page",
                "`per_page` must be at least 1".into(),
                "e.g. per_page: 20",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            root: root.to_path_buf(),
            title,
            description: raw.description,
            base_url,
            base_url_unset,
            languages,
            taxonomies,
            terms: TermNames::new(),
            menus: raw.menus,
            types,
            search: raw.search,
            repository: raw.repository,
            per_page: raw.per_page,
            strings: raw.strings,
            budget: raw.budget,
            offline: raw.offline,
            epub: raw.epub,
        })
    }

    /// Fills in what `site.yaml` leaves out (the base URL, the repository) from `context`.
    pub fn fill_in(&mut self, context: &SiteContext) -> Result<(), Diagnostic> {
        if self.repository.is_none() {
            self.repository = context.repository.clone();
        }
        if let (true, Some(url)) = (self.base_url_unset, &context.base_url) {
            self.base_url = check_base_url(url).map_err(|e| {
                Diagnostic::error("", format!("LORE_BASE_URL {e}")).help(BASE_URL_HELP)
            })?;
            self.base_url_unset = false;
        }
        Ok(())
    }

    /// The default language (served at `/`).
    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    /// The taxonomies the site declares beyond [`BUILTIN_TAXONOMIES`] (a page writes their
    /// terms as a field of that name).
    pub fn own_taxonomies(&self) -> impl Iterator<Item = &String> {
        self.taxonomies
            .iter()
            .filter(|t| !BUILTIN_TAXONOMIES.contains(&t.as_str()))
    }

    /// The name readers of `lang` see for the term of `taxonomy` whose slug is `slug`, when
    /// `site.yaml` gives one.
    pub fn term_name(&self, taxonomy: &str, slug: &str, lang: &str) -> Option<&str> {
        let name = self.terms.get(taxonomy)?.get(slug)?.get(lang)?;
        Some(name.as_str())
    }

    /// The language with this code, if the site has it.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The content type whose pages live in top-level section `section`, if any.
    pub fn type_for_section(&self, section: &str) -> Option<&ContentType> {
        self.types
            .values()
            .find(|t| t.section.as_deref() == Some(section))
    }

    /// Absolute URL for a root-relative one (`/guides/` -> `https://example.org/guides/`).
    pub fn absolute_url(&self, url: &str) -> String {
        format!("{}{}", self.base_url, url)
    }
}

/// How to write a base URL, for every error about one.
pub(crate) const BASE_URL_HELP: &str = "write the address the site is published at, e.g. https://example.org (or https://example.org/docs for a site in a folder)";

/// Checks a base URL (`base_url` in site.yaml, or `--base-url`) and returns it as written into
/// the site: an absolute http(s) URL with a host and no query or fragment, normalised, without
/// its trailing slash. The error says what is wrong, to follow the key or flag's name.
pub(crate) fn check_base_url(text: &str) -> Result<String, String> {
    let url = url::Url::parse(text.trim())
        .map_err(|e| format!("must be an absolute http(s) URL, found `{text}` ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "must be an absolute http(s) URL, found `{text}` (a `{}:` address)",
            url.scheme()
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("has no host name: `{text}`"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "must not have a `?query` or `#fragment`, found `{text}`"
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

fn check_languages(
    raw: Vec<RawLanguage>,
    errors: &mut Vec<Diagnostic>,
    at: &dyn Fn(&str, String, &str) -> Diagnostic,
) -> Vec<Language> {
    if raw.is_empty() {
        return vec![Language {
            code: "en".into(),
            name: "English".into(),
            dir: Direction::Ltr,
            folder: None,
            prefix: String::new(),
        }];
    }
    let mut out: Vec<Language> = Vec::new();
    for (i, l) in raw.into_iter().enumerate() {
        let valid = !l.code.is_empty()
            && l.code
                .split('-')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
            && l.code
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase());
        if !valid {
            errors.push(at(
                "languages",
                format!("`{}` is not a language code", l.code),
                "use a code such as en, fr, es, ar or pt-BR",
            ));
            continue;
        }
        if out.iter().any(|o| o.code == l.code) {
            errors.push(at(
                "languages",
                format!("language `{}` is listed twice", l.code),
                "list each language once",
            ));
            continue;
        }
        if let Some(f) = &l.folder {
            if !crate::schema::slug::is_safe_segment(f) {
                errors.push(at(
                    "languages",
                    format!("language folder `{f}` must be one folder name inside content/"),
                    "e.g. folder: fr",
                ));
            }
        }
        let prefix = if i == 0 {
            String::new()
        } else {
            format!("/{}", l.code)
        };
        out.push(Language {
            code: l.code,
            name: l.name,
            dir: l.direction,
            folder: l.folder,
            prefix,
        });
    }
    out
}

/// The `terms:` of `site.yaml` with each term keyed by its slug; an error, at its line, for a
/// taxonomy the site does not have, a language it does not have, or an empty name.
fn check_term_names(raw: &RawConfig, text: &str, errors: &mut Vec<Diagnostic>) -> TermNames {
    let codes: Vec<&str> = raw.languages.iter().map(|l| l.code.as_str()).collect();
    let taxonomies: Vec<&str> = BUILTIN_TAXONOMIES
        .iter()
        .copied()
        .chain(raw.taxonomies.iter().map(String::as_str))
        .collect();
    let mut error = |path: &[&str], message: String, help: String| {
        let (line, col) = yaml::nested_key_position(text, 1, path).unwrap_or((1, 1));
        errors.push(
            Diagnostic::error(CONFIG_FILE, message)
                .at(line, col)
                .help(help),
        );
    };
    let mut out = TermNames::new();
    for (taxonomy, terms) in &raw.terms {
        if !taxonomies.contains(&taxonomy.as_str()) {
            error(
                &["terms", taxonomy],
                format!(
                    "`terms:` names taxonomy `{taxonomy}`, which the site does not have{}",
                    crate::diagnostics::did_you_mean(taxonomy, taxonomies.iter().copied())
                ),
                format!("the taxonomies are: {}", taxonomies.join(", ")),
            );
            continue;
        }
        for (term, names) in terms {
            let slug = crate::schema::slug::slugify(term);
            for (code, name) in names {
                let path = ["terms", taxonomy.as_str(), term.as_str(), code.as_str()];
                if !codes.contains(&code.as_str()) {
                    error(
                        &path,
                        format!("the name of {taxonomy} term `{term}` is given in `{code}`, which is not a language of the site"),
                        format!("the site's languages are: {}; remove this name or add the language under `languages:`", codes.join(", ")),
                    );
                } else if name.trim().is_empty() {
                    error(
                        &path,
                        format!("the `{code}` name of {taxonomy} term `{term}` is empty"),
                        "write the name readers of that language see, or remove the line".into(),
                    );
                } else {
                    out.entry(taxonomy.clone())
                        .or_default()
                        .entry(slug.clone())
                        .or_default()
                        .insert(code.clone(), name.trim().to_string());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), text).unwrap();
        Config::load(dir.path())
    }

    #[test]
    fn rejects_unknown_key_with_its_line() {
        let err = load("title: T\nbase_url: https://x.org\ncolour: red\n").unwrap_err();
        assert_eq!(err[0].line, 3, "{}", err[0]);
        assert!(
            err[0].message.contains("unknown field `colour`"),
            "{}",
            err[0]
        );
    }

    #[test]
    fn rejects_relative_base_url() {
        let err = load("title: T\nbase_url: example.org\n").unwrap_err();
        assert_eq!(err[0].line, 2);
    }

    #[test]
    fn gives_rtl_languages_a_prefix() {
        let c = load("title: T\nbase_url: https://x.org/\nlanguages:\n  - {code: en, name: English}\n  - {code: ar, name: العربية, direction: rtl}\n").unwrap();
        assert_eq!(c.base_url, "https://x.org");
        assert_eq!(c.languages[1].prefix, "/ar");
        assert_eq!(c.languages[1].dir, Direction::Rtl);
    }
}
