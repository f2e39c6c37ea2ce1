//! The translation status of a site (issue 16): for each language other than the default one,
//! the default language's pages it has no translation of, and the translations whose source
//! changed after them.
//!
//! "Changed" is read from the front matter, not from Git: a page's last change is its `updated`
//! date, or its `date` when it has none. The front matter travels with the files (a download,
//! a shallow clone, a site without Git) and gives the same answer every run; a Git commit date
//! moves with every typo fix, which would mark every translation outdated.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::site::Site;

/// The status of every language but the default one.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct TranslationStatus {
    /// The default language's code: the language translations are made from.
    pub source_language: String,
    /// Pages of the default language (each one is to be translated).
    pub source_pages: usize,
    /// One entry per other site language, in site.yaml's order.
    pub languages: Vec<LanguageStatus>,
}

/// What one language lacks.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct LanguageStatus {
    /// Its code (`ar`).
    pub code: String,
    /// Its name (`العربية`).
    pub name: String,
    /// Source pages it has a translation of (outdated ones included).
    pub translated: usize,
    /// Source pages it has no translation of.
    pub missing: Vec<Missing>,
    /// Translations whose source changed after them.
    pub outdated: Vec<Outdated>,
}

/// A source page without a translation.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Missing {
    /// The source page's file (`content/guides/x.md`).
    pub source: PathBuf,
    /// Its title.
    pub title: String,
    /// Its address.
    pub url: String,
}

/// A translation older than its source.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Outdated {
    /// The translation's file.
    pub translation: PathBuf,
    /// The source page's file.
    pub source: PathBuf,
    /// The translation's address.
    pub url: String,
    /// The source's last change (`updated`, else `date`).
    #[serde(serialize_with = "iso_date")]
    pub source_changed: NaiveDate,
    /// The translation's last change (`updated`, else `date`); none when it has neither.
    #[serde(serialize_with = "iso_date_or_null")]
    pub translation_changed: Option<NaiveDate>,
}

fn iso_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn iso_date_or_null<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// A page's last change as its front matter gives it: `updated`, else `date`.
fn changed(page: &Page) -> Option<NaiveDate> {
    page.updated.or(page.date)
}

/// True if the source changed after its translation was (last) made. A translation without
/// any date, of a dated source, is outdated: nothing says it followed the source's change.
fn is_outdated(source: &Page, translation: &Page) -> Option<NaiveDate> {
    let s = changed(source)?;
    match changed(translation) {
        Some(t) if t >= s => None,
        _ => Some(s),
    }
}

/// The translation status of every language but the default one. Pages lore made (lists of a
/// language without an `_index` of its own) are neither sources nor translations.
pub(crate) fn translation_status(site: &Site) -> TranslationStatus {
    let default = &site.config.default_language().code;
    let sources: Vec<usize> = (0..site.pages.len())
        .filter(|&id| !site.pages[id].generated && &site.pages[id].lang == default)
        .collect();
    let languages = site
        .config
        .languages
        .iter()
        .filter(|l| &l.code != default)
        .map(|lang| {
            let mut status = LanguageStatus {
                code: lang.code.clone(),
                name: lang.name.clone(),
                translated: 0,
                missing: Vec::new(),
                outdated: Vec::new(),
            };
            for &id in &sources {
                let source = &site.pages[id];
                let translation = site.translations[id]
                    .iter()
                    .map(|&t| &site.pages[t])
                    .find(|t| t.lang == lang.code && !t.generated);
                let Some(translation) = translation else {
                    status.missing.push(Missing {
                        source: source.source.clone(),
                        title: source.title.clone(),
                        url: source.url.clone(),
                    });
                    continue;
                };
                status.translated += 1;
                if let Some(source_changed) = is_outdated(source, translation) {
                    status.outdated.push(Outdated {
                        translation: translation.source.clone(),
                        source: source.source.clone(),
                        url: translation.url.clone(),
                        source_changed,
                        translation_changed: changed(translation),
                    });
                }
            }
            status
        })
        .collect();
    TranslationStatus {
        source_language: default.clone(),
        source_pages: sources.len(),
        languages,
    }
}

/// One warning per outdated translation, on its `updated` (or `date`) line: a reader of the
/// translation reads what the source no longer says.
pub(crate) fn check_outdated_translations(site: &Site) -> Vec<Diagnostic> {
    let by_source: std::collections::HashMap<&std::path::Path, &Page> =
        site.pages.iter().map(|p| (p.source.as_path(), p)).collect();
    let mut out = Vec::new();
    for lang in translation_status(site).languages {
        for o in lang.outdated {
            let Some(page) = by_source.get(o.translation.as_path()) else {
                continue;
            };
            let key = ["updated", "date"]
                .into_iter()
                .find(|k| page.field_positions.contains_key(*k));
            let (line, col) = key
                .and_then(|k| page.field_positions.get(k).copied())
                .unwrap_or((1, 1));
            let since = match o.translation_changed {
                Some(d) => format!(
                    "changed on {}, after this translation ({d})",
                    o.source_changed
                ),
                None => format!(
                    "changed on {} and this translation has no `updated` or `date`",
                    o.source_changed
                ),
            };
            out.push(
                Diagnostic::warning(
                    &page.source,
                    format!(
                        "outdated {} translation: its source {} {since}",
                        lang.name,
                        o.source.display()
                    ),
                )
                .at(line, col)
                .help(format!(
                    "bring it up to date with the source, then set `updated: {}` (or later) here",
                    o.source_changed
                )),
            );
        }
    }
    out
}

/// The status for people: per language, how much is translated, then each missing and
/// outdated page.
pub(crate) fn human_report(status: &TranslationStatus) -> String {
    let mut out = String::new();
    if status.languages.is_empty() {
        out.push_str(&format!(
            "the site has one language ({}): nothing to translate\n",
            status.source_language
        ));
    }
    for lang in &status.languages {
        out.push_str(&format!(
            "{} ({}): {} of {} pages translated, {} missing, {} outdated\n",
            lang.name,
            lang.code,
            lang.translated,
            status.source_pages,
            lang.missing.len(),
            lang.outdated.len()
        ));
        for m in &lang.missing {
            out.push_str(&format!("  missing   {}\n", m.source.display()));
        }
        for o in &lang.outdated {
            let when = o
                .translation_changed
                .map_or_else(|| "undated".to_string(), |d| d.to_string());
            out.push_str(&format!(
                "  outdated  {} ({when}; source {} changed {})\n",
                o.translation.display(),
                o.source.display(),
                o.source_changed
            ));
        }
    }
    out
}
