//! Two built sites compared (`lore diff OLD NEW`): the pages a change added, changed and removed,
//! every other file likewise, and what a reader downloads, the gzipped size of each page.
//!
//! A page is an `.html` file, named by its address (`guides/a/index.html` is `/guides/a/`). Two
//! versions of a page are the same when their bytes are, once fingerprinted asset names
//! (`css/site.3f9a1c2e.css`) are read as the asset's plain name: a stylesheet edit changes that
//! name in every page, and reviewers should see one changed stylesheet, not every page changed.
//! The search index (files under a `search/` folder other than pages) is summed up as a whole,
//! since any content change renames all of it.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use walkdir::WalkDir;

use super::assets::{content_hash, fingerprinted};

/// What a change did to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    /// Only in the new site.
    Added,
    /// In both, with other contents.
    Changed,
    /// Only in the old site.
    Removed,
}

/// Whether a file is a page a reader opens or one of the files pages use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum FileKind {
    /// An HTML page.
    Page,
    /// Any other file (stylesheet, script, image, feed, calendar, sitemap...).
    File,
}

/// The size of one version of a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Weight {
    /// Bytes on disk.
    pub bytes: u64,
    /// Bytes gzipped, what a reader downloads from a host that compresses.
    pub gzip: u64,
}

/// One added, changed or removed file.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Change {
    /// Page or other file.
    pub kind: FileKind,
    /// What happened to it.
    pub status: Status,
    /// Its path in the output, with `/` separators.
    pub path: String,
    /// Its address on the site (`/guides/a/` for `guides/a/index.html`).
    pub url: String,
    /// Its size before, if it existed.
    pub old: Option<Weight>,
    /// Its size after, if it exists.
    pub new: Option<Weight>,
}

/// The search index's files, summed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct IndexSize {
    /// Number of files.
    pub files: usize,
    /// Their bytes.
    pub bytes: u64,
}

/// Totals over one site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct SiteTotals {
    /// Number of pages.
    pub pages: usize,
    /// Their weight, summed.
    pub page_weight: Weight,
    /// The search index.
    pub search_index: IndexSize,
}

/// The comparison of two built sites.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct SiteDiff {
    /// Every added, changed and removed file, pages first, each kind sorted by address.
    pub changes: Vec<Change>,
    /// The old site's totals.
    pub old: SiteTotals,
    /// The new site's totals.
    pub new: SiteTotals,
}

impl SiteDiff {
    /// The changes of one kind and status.
    pub(crate) fn of(&self, kind: FileKind, status: Status) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(move |c| c.kind == kind && c.status == status)
    }
}

/// Compares the site built into `old` with the one built into `new`. A missing `old` counts as
/// an empty site (the first pull request of a repository); a missing `new` is an error.
pub(crate) fn diff_sites(old: &Path, new: &Path) -> std::io::Result<SiteDiff> {
    if !new.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} is not a folder", new.display()),
        ));
    }
    let old = if old.is_dir() {
        BuiltSite::read(old)?
    } else {
        BuiltSite::default()
    };
    let new = BuiltSite::read(new)?;
    let mut changes: Vec<Change> = old
        .files
        .keys()
        .chain(new.files.keys())
        .filter(|p| !is_search_index(p))
        .collect::<std::collections::BTreeSet<_>>()
        .into_par_iter()
        .filter_map(|path| compare(path, &old, &new))
        .collect();
    changes.sort_by(|a, b| (a.kind, &a.url).cmp(&(b.kind, &b.url)));
    Ok(SiteDiff {
        changes,
        old: old.totals(),
        new: new.totals(),
    })
}

/// The files of a built site, by path.
#[derive(Default)]
struct BuiltSite {
    files: BTreeMap<String, Vec<u8>>,
    /// Fingerprinted asset names and the plain names they stand for.
    fingerprints: Vec<(String, String)>,
}

impl BuiltSite {
    fn read(dir: &Path) -> std::io::Result<Self> {
        let mut files = BTreeMap::new();
        for entry in WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(std::io::Error::other)?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let key: Vec<String> = rel
                    .iter()
                    .map(|s| s.to_string_lossy().into_owned())
                    .collect();
                files.insert(key.join("/"), std::fs::read(entry.path())?);
            }
        }
        let fingerprints = files
            .iter()
            .map(|(path, bytes)| (fingerprinted(path, &content_hash(bytes)), path.clone()))
            .filter(|(twin, _)| files.contains_key(twin))
            .collect();
        Ok(Self {
            files,
            fingerprints,
        })
    }

    /// A page's bytes with every fingerprinted asset name read as the plain one.
    fn normalized(&self, bytes: &[u8]) -> Vec<u8> {
        let mut text = String::from_utf8_lossy(bytes).into_owned();
        for (twin, plain) in &self.fingerprints {
            if text.contains(twin.as_str()) {
                text = text.replace(twin.as_str(), plain);
            }
        }
        text.into_bytes()
    }

    fn totals(&self) -> SiteTotals {
        let pages: Vec<&Vec<u8>> = self
            .files
            .iter()
            .filter(|(p, _)| kind_of(p) == FileKind::Page)
            .map(|(_, b)| b)
            .collect();
        let page_weight = pages
            .par_iter()
            .map(|b| weigh(b))
            .reduce(Weight::default, |a, b| Weight {
                bytes: a.bytes + b.bytes,
                gzip: a.gzip + b.gzip,
            });
        let index: Vec<u64> = self
            .files
            .iter()
            .filter(|(p, _)| is_search_index(p))
            .map(|(_, b)| b.len() as u64)
            .collect();
        SiteTotals {
            pages: pages.len(),
            page_weight,
            search_index: IndexSize {
                files: index.len(),
                bytes: index.iter().sum(),
            },
        }
    }
}

fn compare(path: &str, old: &BuiltSite, new: &BuiltSite) -> Option<Change> {
    let kind = kind_of(path);
    let (before, after) = (old.files.get(path), new.files.get(path));
    let status = match (before, after) {
        (None, Some(_)) => Status::Added,
        (Some(_), None) => Status::Removed,
        (Some(a), Some(b)) if a == b => return None,
        (Some(a), Some(b)) => {
            let same = kind == FileKind::Page && old.normalized(a) == new.normalized(b);
            if same {
                return None;
            }
            Status::Changed
        }
        (None, None) => return None,
    };
    Some(Change {
        kind,
        status,
        path: path.to_string(),
        url: url_of(path),
        old: before.map(|b| weigh(b)),
        new: after.map(|b| weigh(b)),
    })
}

fn kind_of(path: &str) -> FileKind {
    if path.ends_with(".html") {
        FileKind::Page
    } else {
        FileKind::File
    }
}

/// Files of the search index: everything but pages under a `search` folder.
fn is_search_index(path: &str) -> bool {
    kind_of(path) == FileKind::File && path.split('/').rev().skip(1).any(|s| s == "search")
}

/// The address of an output file: `/guides/a/` for `guides/a/index.html`.
fn url_of(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(folder) => format!("/{folder}"),
        None => format!("/{path}"),
    }
}

fn weigh(bytes: &[u8]) -> Weight {
    Weight {
        bytes: bytes.len() as u64,
        gzip: super::gzipped_len(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    #[test]
    fn a_changed_stylesheet_is_one_changed_file_not_every_page_changed() {
        let css_old = "body{color:red}";
        let css_new = "body{color:blue}";
        let page = |css: &str| {
            format!(
                "<link href=\"/{}\">",
                fingerprinted("css/site.css", &content_hash(css.as_bytes()))
            )
        };
        let twin = |css: &str| fingerprinted("css/site.css", &content_hash(css.as_bytes()));
        let (p_old, p_new) = (page(css_old), page(css_new));
        let (t_old, t_new) = (twin(css_old), twin(css_new));
        let old = site(&[
            ("index.html", &p_old),
            ("css/site.css", css_old),
            (&t_old, css_old),
        ]);
        let new = site(&[
            ("index.html", &p_new),
            ("css/site.css", css_new),
            (&t_new, css_new),
        ]);
        let d = diff_sites(old.path(), new.path()).unwrap();
        assert_eq!(d.of(FileKind::Page, Status::Changed).count(), 0);
        let files: Vec<(&str, Status)> = d
            .of(FileKind::File, Status::Changed)
            .chain(d.of(FileKind::File, Status::Added))
            .chain(d.of(FileKind::File, Status::Removed))
            .map(|c| (c.path.as_str(), c.status))
            .collect();
        assert!(
            files.contains(&("css/site.css", Status::Changed)),
            "{files:?}"
        );
        assert!(
            files.contains(&(t_new.as_str(), Status::Added)),
            "{files:?}"
        );
    }

    #[test]
    fn pages_are_named_by_address_and_the_index_is_summed() {
        let old = site(&[("a/index.html", "A"), ("search/en/1/t/0.json", "xx")]);
        let new = site(&[
            ("b/index.html", "B"),
            ("404.html", "gone"),
            ("search/en/2/t/0.json", "xxx"),
            ("search/index.html", "S"),
        ]);
        let d = diff_sites(old.path(), new.path()).unwrap();
        let urls: Vec<(&str, Status)> = d
            .changes
            .iter()
            .map(|c| (c.url.as_str(), c.status))
            .collect();
        assert_eq!(
            urls,
            [
                ("/404.html", Status::Added),
                ("/a/", Status::Removed),
                ("/b/", Status::Added),
                ("/search/", Status::Added)
            ]
        );
        assert_eq!(d.old.search_index, IndexSize { files: 1, bytes: 2 });
        assert_eq!(d.new.search_index, IndexSize { files: 1, bytes: 3 });
        assert_eq!((d.old.pages, d.new.pages), (1, 3));
    }

    #[test]
    fn a_missing_old_site_is_empty_and_a_missing_new_one_is_an_error() {
        let new = site(&[("index.html", "home")]);
        let d = diff_sites(&new.path().join("nothing"), new.path()).unwrap();
        assert_eq!(d.of(FileKind::Page, Status::Added).count(), 1);
        assert!(diff_sites(new.path(), &new.path().join("nothing")).is_err());
    }
}
