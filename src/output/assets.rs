//! Site assets (CSS, JS, images): the built-in ones, overridden by the site's `assets/`, and
//! the page resources kept beside the Markdown under `content/`.
//!
//! An asset a layout references through `asset_url("css/site.css")` is also written under a
//! fingerprinted name (`css/site.3f9a1c2e.css`), so hosts can let browsers cache it forever.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use super::Staging;
use crate::diagnostics::Diagnostic;

/// One asset's bytes and content hash.
struct Asset {
    bytes: Vec<u8>,
    hash: String,
}

/// All assets of a site, by output path (`css/site.css`).
#[derive(Default)]
pub struct Assets {
    files: BTreeMap<String, Asset>,
    referenced: Mutex<BTreeSet<String>>,
}

/// Short content hash used in fingerprinted names and search file names.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

impl Assets {
    /// Built-in assets, then the site's `assets/` on top.
    pub fn collect(root: &Path) -> (Self, Vec<Diagnostic>) {
        let mut assets = Self::default();
        for (path, bytes) in crate::builtin::files(&crate::builtin::ASSETS) {
            assets.insert(path, bytes.to_vec());
        }
        let mut diags = Vec::new();
        let dir = root.join("assets");
        if dir.is_dir() {
            let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
            let outside = std::cell::RefCell::new(Vec::new());
            let walker = WalkDir::new(&dir)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    let escapes = e.depth() > 0 && crate::content::load::leaves_site(e, &site);
                    if escapes {
                        outside.borrow_mut().push(e.path().to_path_buf());
                    }
                    !escapes
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let rel = e.path().strip_prefix(&dir).unwrap_or(e.path());
                        let key = rel
                            .iter()
                            .map(|s| s.to_string_lossy())
                            .collect::<Vec<_>>()
                            .join("/");
                        match std::fs::read(e.path()) {
                            Ok(bytes) => assets.insert(key, bytes),
                            Err(err) => diags.push(Diagnostic::error(
                                Path::new("assets").join(rel),
                                format!("cannot read: {err}"),
                            )),
                        }
                    }
                    Ok(_) => {}
                    Err(err) => {
                        diags.push(Diagnostic::error("assets", format!("cannot read: {err}")))
                    }
                }
            }
            diags.extend(crate::content::load::outside_link_warnings(
                root,
                outside.into_inner(),
            ));
        }
        (assets, diags)
    }

    /// Adds or replaces an asset (also used for generated ones such as the syntax stylesheet).
    pub fn insert(&mut self, path: String, bytes: Vec<u8>) {
        let hash = content_hash(&bytes);
        self.files.insert(path, Asset { bytes, hash });
    }

    /// Root-relative fingerprinted URL of an asset (`/css/site.3f9a1c2e.css`), or `None` if the
    /// site has no such asset.
    pub fn url(&self, path: &str) -> Option<String> {
        let path = path.trim_start_matches('/');
        let asset = self.files.get(path)?;
        if let Ok(mut r) = self.referenced.lock() {
            r.insert(path.to_string());
        }
        TRACKED.with(|t| {
            if let Some(list) = t.borrow_mut().as_mut() {
                if !list.iter().any(|p| p == path) {
                    list.push(path.to_string());
                }
            }
        });
        Some(format!("/{}", fingerprinted(path, &asset.hash)))
    }

    /// Root-relative fingerprinted URLs (`/css/site.3f9a1c2e.css`) of the assets layouts
    /// referenced so far, sorted.
    pub fn referenced_urls(&self) -> Vec<String> {
        let referenced = self
            .referenced
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default();
        referenced
            .iter()
            .filter_map(|p| {
                let a = self.files.get(p)?;
                Some(format!("/{}", fingerprinted(p, &a.hash)))
            })
            .collect()
    }

    /// The bytes of an asset.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|a| a.bytes.as_slice())
    }

    /// Writes every asset at its path, and the referenced ones under their fingerprinted name.
    pub fn write(&self, staging: &Staging) -> Vec<Diagnostic> {
        let referenced = self
            .referenced
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default();
        self.write_referenced(staging, &referenced)
    }

    /// A fingerprint of every asset's path and content: layouts print fingerprinted asset
    /// names, so a page's HTML changes when an asset does.
    pub fn fingerprint(&self) -> u64 {
        self.files
            .iter()
            .fold(
                crate::fingerprint::Fingerprint::new("assets"),
                |f, (p, a)| f.text(p).text(&a.hash),
            )
            .finish()
    }

    /// Like [`Assets::write`], with the referenced assets given: `lore serve` renders only
    /// some pages, so it remembers what each page referenced.
    pub fn write_referenced(
        &self,
        staging: &Staging,
        referenced: &BTreeSet<String>,
    ) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (path, a) in &self.files {
            if let Err(d) = staging.write(path, &a.bytes) {
                diags.push(d);
            }
            if referenced.contains(path) {
                if let Err(d) = staging.write(&fingerprinted(path, &a.hash), &a.bytes) {
                    diags.push(d);
                }
            }
        }
        diags
    }
}

thread_local! {
    /// The assets referenced on this thread inside [`track_references`].
    static TRACKED: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` (rendering one page), also returning the assets it referenced through
/// `asset_url` on this thread, in first-use order.
pub(crate) fn track_references<T>(f: impl FnOnce() -> T) -> (T, Vec<String>) {
    let outer = TRACKED.with(|t| t.borrow_mut().replace(Vec::new()));
    let out = f();
    let list = TRACKED.with(|t| std::mem::replace(&mut *t.borrow_mut(), outer));
    (out, list.unwrap_or_default())
}

/// The name an asset is also written under: its content hash before the extension.
pub(crate) fn fingerprinted(path: &str, hash: &str) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') && !stem.is_empty() => {
            format!("{stem}.{hash}.{ext}")
        }
        _ => format!("{path}.{hash}"),
    }
}

/// Copies the non-Markdown files under `content/` to where pages link to them.
pub(crate) fn write_resources(
    root: &Path,
    resources: &[PathBuf],
    staging: &Staging,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    resources
        .par_iter()
        .filter_map(|rel| {
            let site_path = Path::new(crate::content::CONTENT_DIR).join(rel);
            let Some(url) = crate::content::load::resource_url(rel) else {
                return Some(
                    Diagnostic::warning(
                        &site_path,
                        "file name cannot be part of an address; not copied",
                    )
                    .help("rename it with letters, digits, - and _ only"),
                );
            };
            let bytes = match std::fs::read(root.join(&site_path)) {
                Ok(b) => b,
                Err(e) => return Some(Diagnostic::error(&site_path, format!("cannot read: {e}"))),
            };
            let bytes = if rel
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
            {
                match super::svg::sanitize_svg(&bytes) {
                    Ok(b) => b,
                    Err(why) => {
                        return Some(
                            Diagnostic::error(&site_path, format!("cannot read this SVG: {why}"))
                                .help("open it in a drawing program and save it again as SVG"),
                        )
                    }
                }
            } else {
                bytes
            };
            staging.write(&url, &bytes).err().map(|mut d| {
                d.path = site_path;
                d
            })
        })
        .collect()
}
