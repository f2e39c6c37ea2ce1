//! Problems found while building a site, as data.
//!
//! Every stage of the pipeline collects [`Diagnostic`]s instead of stopping at the first one, so
//! an editor sees every mistake of a run at once. A diagnostic names a site-relative file, a
//! 1-based line and column, says what is wrong and, in plain words, how to fix it. Only `cli/`
//! turns them into text; the library never prints.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How bad a problem is: errors fail the build, warnings are shown and the build goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the build (exit 1); no output is written.
    Error,
    /// Reported; fails only `lore check --strict`.
    Warning,
}

/// One problem at one place in one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root (`content/guides/x.md`), or empty for the site itself.
    pub path: PathBuf,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// What the problem is, for code that groups problems (never shown: the message says it).
    #[serde(skip)]
    pub kind: Kind,
}

/// What a [`Diagnostic`] is about, as data, for code that groups or counts problems rather
/// than reading their messages back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// Anything not grouped.
    #[default]
    Other,
    /// A layout failed while rendering a page; `error` is what failed without the page, the
    /// same for every page that uses the layout, so they are reported once.
    Template {
        /// The message without the page being rendered.
        error: String,
    },
}

impl Diagnostic {
    /// An error in `path` at no particular line.
    pub fn error(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.as_ref().to_path_buf(),
            line: 0,
            col: 0,
            message: message.into(),
            help: None,
            kind: Kind::Other,
        }
    }

    /// A warning in `path` at no particular line.
    pub fn warning(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, message)
        }
    }

    /// Places the problem at a 1-based line and column.
    pub fn at(mut self, line: usize, col: usize) -> Self {
        self.line = line;
        self.col = col;
        self
    }

    /// Adds the plain-words fix.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Says what the problem is, as data (see [`Kind`]).
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// True for errors, which fail the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key: by file, then position, then message, so reports are deterministic.
    fn key(&self) -> (&Path, usize, usize, Severity, &str) {
        (
            &self.path,
            self.line,
            self.col,
            self.severity,
            &self.message,
        )
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: error: message`, the form editors' tools recognise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = self.path.display();
        match (self.line, self.col) {
            (0, _) => write!(f, "{path}: {sev}: {}", self.message),
            (l, 0) => write!(f, "{path}:{l}: {sev}: {}", self.message),
            (l, c) => write!(f, "{path}:{l}:{c}: {sev}: {}", self.message),
        }
    }
}

/// All problems of a run, kept sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// No problems yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Records many problems.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    /// True if any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, in file and line order.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| a.key().cmp(&b.key()));
        self.0.dedup();
        self.0
    }

    /// The problems as recorded.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.sorted().into_iter()
    }
}

/// The candidate `word` was most likely meant to be, for a "did you mean" (`baseurl` ->
/// `base_url`): at most two edits away and fewer than half its letters, ignoring case.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let len = word.chars().count();
    candidates
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= 2 && 2 * d < len.max(2))
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// `; did you mean `x`?` when a candidate is close to `word`, else nothing.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!("; did you mean `{c}`?"))
}

/// Maps byte offsets in a file's text to 1-based line and column (in characters).
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// 1-based (line, column) of byte `offset` in the indexed `text`.
    pub(crate) fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(text.len());
        let col = text.get(start..end).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_offsets_on_later_lines() {
        let text = "ab\ncdé\nf";
        let idx = LineIndex::new(text);
        assert_eq!(idx.locate(text, 0), (1, 1));
        assert_eq!(idx.locate(text, 3), (2, 1));
        assert_eq!(idx.locate(text, text.find('f').unwrap()), (3, 1));
    }

    #[test]
    fn suggests_near_misses_only() {
        assert_eq!(closest("baseurl", ["title", "base_url"]), Some("base_url"));
        assert_eq!(closest("autor", ["authors", "title"]), Some("authors"));
        assert_eq!(closest("Titel", ["title"]), Some("title"));
        assert_eq!(closest("colour", ["title", "base_url"]), None);
        assert_eq!(closest("ab", ["cd"]), None);
    }

    #[test]
    fn displays_path_line_and_column() {
        let d = Diagnostic::error("content/a.md", "missing `title`").at(2, 1);
        assert_eq!(d.to_string(), "content/a.md:2:1: error: missing `title`");
    }
}
