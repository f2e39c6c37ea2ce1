//! Finding and reading the site's content files.
//!
//! Markdown files become [`SourceFile`]s; every other file under `content/` is a page resource
//! (an image, a slide deck, a worksheet) copied beside the pages. Names starting with `.` or `_`
//! are skipped (Jekyll's and Eleventy's convention for partials and meta files), except the
//! `_index.md` of a section.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::content::front_matter::normalize_text;
use crate::diagnostics::Diagnostic;

/// The folder under a site root that holds its Markdown.
pub const CONTENT_DIR: &str = "content";

/// Markdown files larger than this are refused: no real page is this long, and reading one
/// would stall the build.
pub(crate) const MAX_MARKDOWN_BYTES: u64 = 8 * 1024 * 1024;

/// A Markdown file as read from disk.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path relative to `content/`, with `/` separators.
    pub rel: PathBuf,
    /// The text, without BOM and with LF line endings.
    pub text: String,
}

impl SourceFile {
    /// The path diagnostics name, relative to the site root (`content/guides/x.md`).
    pub fn site_path(&self) -> PathBuf {
        Path::new(CONTENT_DIR).join(&self.rel)
    }
}

/// Everything found under `content/`.
#[derive(Debug, Default)]
pub struct ContentFiles {
    /// Markdown pages, sorted by path.
    pub pages: Vec<SourceFile>,
    /// Other files, relative to `content/`, sorted.
    pub resources: Vec<PathBuf>,
    /// Markdown files not read because the caller said it holds them unchanged (see
    /// `load_sources_except`), sorted.
    pub unchanged: Vec<PathBuf>,
}

/// Walks `root/content` and reads every Markdown file; unreadable files become diagnostics and
/// the walk goes on.
pub fn load_sources(root: &Path) -> (ContentFiles, Vec<Diagnostic>) {
    load_sources_except(root, &|_, _| false)
}

/// Like [`load_sources`], but a Markdown file for which `unchanged(rel, metadata)` is true is
/// listed in [`ContentFiles::unchanged`] instead of being read (`lore serve` keeps what it read).
pub(crate) fn load_sources_except(
    root: &Path,
    unchanged: &(dyn Fn(&Path, &std::fs::Metadata) -> bool + Sync),
) -> (ContentFiles, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return (ContentFiles::default(), vec![missing_content(&content)]);
    }
    let mut diags = Vec::new();
    let mut markdown = Vec::new();
    let mut resources = Vec::new();
    let mut kept = Vec::new();
    let walker = WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let outside = std::cell::RefCell::new(Vec::new());
    let walker = walker.filter_entry(|e| {
        if e.depth() > 0 && is_skipped(e.file_name().to_str()) {
            return false;
        }
        // The content folder itself may be a link (a site assembled from elsewhere).
        let escapes = e.depth() > 0 && leaves_site(e, &site);
        if escapes {
            outside.borrow_mut().push(e.path().to_path_buf());
        }
        !escapes
    });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .map_or_else(|| PathBuf::from(CONTENT_DIR), Path::to_path_buf);
                diags.push(walk_error(&e, path));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&content) else {
            continue;
        };
        if rel.extension().is_some_and(|e| e == "md") {
            let meta = entry.metadata().ok();
            if meta.as_ref().is_some_and(|m| unchanged(rel, m)) {
                kept.push(rel.to_path_buf());
                continue;
            }
            markdown.push((rel.to_path_buf(), meta.map_or(0, |m| m.len())));
        } else {
            resources.push(rel.to_path_buf());
        }
    }
    diags.extend(outside_link_warnings(root, outside.into_inner()));
    let read: Vec<Result<SourceFile, Diagnostic>> = markdown
        .into_par_iter()
        .map(|(rel, len)| read_source(&content, rel, len))
        .collect();
    let mut pages = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(s) => pages.push(s),
            Err(d) => diags.push(d),
        }
    }
    (
        ContentFiles {
            pages,
            resources,
            unchanged: kept,
        },
        diags,
    )
}

/// The error for a site without a `content/` folder.
fn missing_content(content: &Path) -> Diagnostic {
    let what = if content.exists() {
        "`content` is a file, not a folder"
    } else {
        "this site has no content/ folder"
    };
    Diagnostic::error(CONTENT_DIR, what).help(
        "the pages of a site live in content/: create it (`lore new page \"Welcome\"` writes a first page), or run lore in the site's folder (or pass --root DIR)",
    )
}

/// The error for an entry the walk cannot enter, with the fix for its cause.
fn walk_error(e: &walkdir::Error, path: PathBuf) -> Diagnostic {
    if e.loop_ancestor().is_some() {
        return Diagnostic::error(
            path,
            "this symbolic link points to one of its own parent folders (a loop); skipped",
        )
        .help("remove the link, or point it at a folder that does not contain it");
    }
    let io = e.io_error();
    let help = match io.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::PermissionDenied) => {
            "lore may not read it: check the file's permissions"
        }
        Some(std::io::ErrorKind::NotFound) => {
            "it disappeared while lore was reading the folder (or is a link to nothing): check it exists"
        }
        _ => "check that the file can be read",
    };
    let why = io.map_or_else(|| e.to_string(), |io| io.to_string());
    Diagnostic::error(path, format!("cannot read: {why}")).help(help)
}

/// True for a symbolic link whose target is outside the site folder `site` (canonical) or does
/// not exist. Such links are not followed: a link to `/etc/passwd` or to a home folder would
/// otherwise publish it (issue 7).
pub(crate) fn leaves_site(entry: &walkdir::DirEntry, site: &Path) -> bool {
    entry.path_is_symlink()
        && std::fs::canonicalize(entry.path()).map_or(true, |target| !target.starts_with(site))
}

/// One warning per symbolic link that was not followed.
pub(crate) fn outside_link_warnings(root: &Path, links: Vec<PathBuf>) -> Vec<Diagnostic> {
    links
        .into_iter()
        .map(|p| {
            let shown = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
            Diagnostic::warning(
                shown,
                "symbolic link to a place outside the site (or to nothing); not followed, not published",
            )
            .help("copy the file into the site instead of linking to it")
        })
        .collect()
}

/// True for a path under `content/` (relative to it) that the walk never reaches: one of its
/// names is skipped. Changes there cannot change the site.
pub(crate) fn is_skipped_path(rel: &Path) -> bool {
    rel.iter().any(|n| is_skipped(n.to_str()))
}

/// True for a file or folder name the walk skips (`.x`, `_x`, but not `_index.md`).
pub(crate) fn is_skipped(name: Option<&str>) -> bool {
    match name {
        None => true,
        Some(n) => {
            n.starts_with('.')
                || (n.starts_with('_') && !(n.starts_with("_index.") && n.ends_with(".md")))
        }
    }
}

/// Reads one Markdown file (`rel` under `content`, of `len` bytes) as the walk does.
pub(crate) fn read_source(
    content: &Path,
    rel: PathBuf,
    len: u64,
) -> Result<SourceFile, Diagnostic> {
    let site_path = Path::new(CONTENT_DIR).join(&rel);
    if len > MAX_MARKDOWN_BYTES {
        return Err(Diagnostic::error(
            &site_path,
            format!(
                "file is {} MB, larger than the {} MB lore reads",
                len / 1_000_000,
                MAX_MARKDOWN_BYTES / 1_000_000
            ),
        )
        .help("split it into several pages (a guide can have many chapters)"));
    }
    let bytes = std::fs::read(content.join(&rel)).map_err(|e| {
        Diagnostic::error(&site_path, format!("cannot read: {e}")).help(
            if e.kind() == std::io::ErrorKind::PermissionDenied {
                "lore may not read it: check the file's permissions"
            } else {
                "check that the file can be read"
            },
        )
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            rel,
            text: normalize_text(text),
        }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count();
            let col = 1 + String::from_utf8_lossy(&bytes[..valid])
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count());
            Err(Diagnostic::error(&site_path, "file is not UTF-8 text")
                .at(line, col)
                .help("save the file as UTF-8 in your editor (File > Save with encoding > UTF-8)"))
        }
    }
}

/// Where a page resource (`guides/My Guide/slides.pdf`) is published: its folders slugified as
/// page URLs are (`/guides/my-guide/slides.pdf`), its file name kept. `None` for a name that
/// cannot be a URL segment.
pub(crate) fn resource_url(rel: &Path) -> Option<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop()?;
    if !crate::schema::slug::is_safe_segment(&file) {
        return None;
    }
    let mut url = String::from("/");
    for d in parts {
        let s = crate::schema::slug::slugify(&d);
        if s.is_empty() {
            return None;
        }
        url.push_str(&s);
        url.push('/');
    }
    url.push_str(&file);
    Some(url)
}
