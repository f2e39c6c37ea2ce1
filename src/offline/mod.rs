//! Reading offline: the service worker and what it reads, written once every other output is
//! in the staging folder (it lists them).
//!
//! - `sw.js`: `assets/offline/worker.js` with the build's description in front (`const LORE`):
//!   its version, the shell to keep (fingerprinted CSS, JS and icons, the search engine, the
//!   search and offline pages), the page-hash files and the search folders in use.
//! - `offline/pages-N.HASH.json`: each page's address and the SHA-256 of its HTML, split into
//!   files by a hash of the address, so that a worker bringing its kept pages up to a new build
//!   fetches only the files that name them, and fetches again only the pages that changed.
//! - `GUIDE/offline.json` for each guide: the files a reader keeps with "keep this guide
//!   offline" (chapters, print view, attachments, images, the language's search files) and
//!   their size, shown on the button before it is pressed.
//!
//! Everything is named from content, so the same site gives the same files.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::diagnostics::Diagnostic;
use crate::output::assets::Assets;
use crate::output::Staging;
use crate::render::templates::base_path;
use crate::site::Site;

/// Bytes of SHA-256 a page hash keeps (hex in the page-hash files; the worker cuts its own
/// digests to the same length).
const HASH_BYTES: usize = 8;

/// Pages per page-hash file, about: a worker revalidating a few kept pages fetches a few files
/// of this size instead of one naming every page of the site.
const PAGES_PER_HASH_FILE: usize = 256;

/// A guide's search files are kept with it when the language's index is at most this big;
/// above it, offline search covers what the reader searched for before (and says so).
const PACK_SEARCH_BYTES: u64 = 2 << 20;

/// The worker's source: the site's `assets/offline/worker.js` or the built-in one.
pub(crate) const WORKER_SOURCE: &str = "offline/worker.js";

/// What the worker is told about the build (`const LORE = ...` in `sw.js`).
#[derive(Serialize)]
struct WorkerConfig {
    version: String,
    base: String,
    hash_bytes: usize,
    shell: Vec<String>,
    pages: Vec<String>,
    offline: BTreeMap<String, String>,
    search: Vec<String>,
}

/// One guide's offline pack (`GUIDE/offline.json`).
#[derive(Serialize)]
struct Pack {
    bytes: u64,
    files: Vec<String>,
}

/// Writes `sw.js`, the page-hash files and each guide's pack list. `worker` is the worker's
/// source and `shell_assets` the fingerprinted addresses of the assets layouts referenced.
pub(crate) fn write_offline_files(
    site: &Site,
    worker: &[u8],
    shell_assets: &[String],
    staging: &Staging,
) -> Vec<Diagnostic> {
    let base = format!("{}/", base_path(&site.config.base_url));
    let mut written: Vec<String> = staging.written_files().into_keys().collect();
    written.sort();
    let mut diags = Vec::new();
    let mut pages = BTreeMap::new();
    // Read and hashed in parallel (10,000 pages took 0.4 s on one core), kept in order.
    let hashed: Vec<(&String, Result<String, Diagnostic>)> = written
        .par_iter()
        .filter(|r| r.ends_with(".html"))
        .map(|rel| (rel, staging.read(rel).map(|bytes| short_sha256(&bytes))))
        .collect();
    for (rel, hash) in hashed {
        match hash {
            Ok(hash) => {
                pages.insert(page_address(&base, rel), hash);
            }
            Err(d) => diags.push(d),
        }
    }
    let hash_files = match write_page_hashes(&pages, staging) {
        Ok(files) => files,
        Err(d) => return vec![d],
    };
    let offline: BTreeMap<String, String> = site
        .config
        .languages
        .iter()
        .map(|l| {
            (
                l.prefix.clone(),
                format!("{base}{}offline/", prefix_dir(&l.prefix)),
            )
        })
        .collect();
    let search = search_folders(&written);
    let mut shell: Vec<String> = shell_assets.to_vec();
    if site.config.search.enabled {
        shell.push(format!("{base}search/search.js"));
        shell.extend(
            site.config
                .languages
                .iter()
                .map(|l| format!("{base}{}search/", prefix_dir(&l.prefix))),
        );
    }
    shell.sort();
    shell.dedup();
    let mut config = WorkerConfig {
        version: String::new(),
        base: base.clone(),
        hash_bytes: HASH_BYTES,
        shell,
        pages: hash_files.iter().map(|f| format!("{base}{f}")).collect(),
        offline,
        search: search.iter().map(|s| format!("{base}{s}")).collect(),
    };
    // The version names the shell cache: any change of the build changes it.
    config.version = short_hash(
        serde_json::to_string(&config)
            .unwrap_or_default()
            .as_bytes(),
    );
    for (id, page) in site.pages.iter().enumerate() {
        if !site.is_book(id) {
            continue;
        }
        let pack = guide_pack(site, id, &base, &written, &search, staging);
        let rel = format!("{}offline.json", page.url.trim_start_matches('/'));
        if let Err(d) = staging.write(&rel, &to_json(&pack)) {
            diags.push(d);
        }
    }
    let mut sw = format!(
        "// Written by `lore build` (src/offline/mod.rs) from {WORKER_SOURCE}: rebuild the site to change it.\nconst LORE = {};\n",
        serde_json::to_string(&config).unwrap_or_default()
    )
    .into_bytes();
    sw.extend_from_slice(worker);
    if let Err(d) = staging.write("sw.js", &sw) {
        diags.push(d);
    }
    diags
}

/// `guides/x/index.html` -> `/base/guides/x/`; other files keep their name.
fn page_address(base: &str, rel: &str) -> String {
    let pretty = rel.strip_suffix("index.html").unwrap_or(rel);
    format!("{base}{pretty}")
}

/// `/fr` -> `fr/`, `` -> ``.
fn prefix_dir(prefix: &str) -> String {
    let p = prefix.trim_matches('/');
    if p.is_empty() {
        String::new()
    } else {
        format!("{p}/")
    }
}

/// The first [`HASH_BYTES`] of the SHA-256 of `bytes`, in hex, as the worker computes it.
fn short_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(HASH_BYTES)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn short_hash(bytes: &[u8]) -> String {
    crate::output::assets::content_hash(bytes)
}

fn to_json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// The page-hash file an address is in: FNV-1a of its UTF-8 bytes, modulo the number of
/// files (the worker computes the same).
pub(crate) fn hash_file_of(address: &str, files: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in address.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as usize % files.max(1)
}

/// Writes the page hashes split into files named `offline/pages-N.HASH.json`; returns their
/// paths in order (file N at index N).
fn write_page_hashes(
    pages: &BTreeMap<String, String>,
    staging: &Staging,
) -> Result<Vec<String>, Diagnostic> {
    let n = pages.len().div_ceil(PAGES_PER_HASH_FILE).max(1);
    let mut split = vec![BTreeMap::new(); n];
    for (address, hash) in pages {
        split[hash_file_of(address, n)].insert(address.as_str(), hash.as_str());
    }
    let mut files = Vec::with_capacity(n);
    for (i, map) in split.iter().enumerate() {
        let bytes = to_json(map);
        let rel = format!("offline/pages-{i}.{}.json", short_hash(&bytes));
        staging.write(&rel, &bytes)?;
        files.push(rel);
    }
    Ok(files)
}

/// The search files a worker may keep: each language's versioned folder
/// (`search/en/3fa2c1/`) and each module under a hashed name (`search/stemmer-en.1a2b.mjs`).
fn search_folders(written: &[String]) -> Vec<String> {
    let mut out = BTreeSet::new();
    for rel in written {
        let Some(rest) = rel.strip_prefix("search/") else {
            continue;
        };
        let parts: Vec<&str> = rest.split('/').collect();
        match parts.as_slice() {
            [_] => {
                out.insert(rel.clone());
            }
            [lang, version, _, ..] => {
                out.insert(format!("search/{lang}/{version}/"));
            }
            _ => {}
        }
    }
    out.into_iter().collect()
}

/// A guide's pack: its parts, its print view, the files under its folder but its EPUB, and its
/// language's search files when they are small enough.
fn guide_pack(
    site: &Site,
    book: usize,
    base: &str,
    written: &[String],
    search: &[String],
    staging: &Staging,
) -> Pack {
    let page = &site.pages[book];
    let folder = page.url.trim_start_matches('/');
    let mut files: Vec<String> = site
        .book_parts(book)
        .iter()
        .map(|&i| site.pages[i].url.trim_start_matches('/').to_string())
        .collect();
    files.push(format!("{folder}print/"));
    files.extend(
        written
            .iter()
            // The EPUB is the same guide in another form, downloaded on its own.
            .filter(|r| r.starts_with(folder) && !r.ends_with(".html") && !r.ends_with(".epub"))
            .cloned(),
    );
    // Pictures as the reader's browser takes them: WebP variants, not the originals and
    // fall-backs a `<picture>` offers browsers without WebP.
    files.retain(|f| !site.images.is_fallback(f));
    // The language's index without its typo files (hundreds of small files for a nicety), and
    // the modules a search in that language loads.
    let lang_dir = format!("search/{}/", page.lang);
    let stemmer = format!("search/stemmer-{}.", page.lang);
    let lang_search: Vec<&String> = written
        .iter()
        .filter(|r| {
            let index = r.starts_with(&lang_dir) && !r.contains("/y/");
            let module = (r.starts_with(&stemmer) || r.starts_with("search/filters."))
                && r.matches('.').count() == 2;
            (index || module) && search.iter().any(|s| r.starts_with(s.as_str()))
        })
        .collect();
    let search_bytes: u64 = lang_search.iter().map(|r| staging.file_len(r)).sum();
    if search_bytes <= PACK_SEARCH_BYTES {
        files.extend(lang_search.into_iter().cloned());
    }
    files.sort();
    files.dedup();
    let bytes = files
        .iter()
        .map(|f| {
            let rel = if f.ends_with('/') {
                format!("{f}index.html")
            } else {
                f.clone()
            };
            staging.file_len(&rel)
        })
        .sum();
    Pack {
        bytes,
        files: files.into_iter().map(|f| format!("{base}{f}")).collect(),
    }
}

/// The service worker and its lists, once every other file is written: the worker's source
/// from the assets, and the shell it keeps (the assets the layouts referenced, images left to
/// the pages that show them).
pub(crate) fn write_offline(site: &Site, assets: &Assets, staging: &Staging) -> Vec<Diagnostic> {
    let Some(worker) = assets.get(WORKER_SOURCE) else {
        return vec![Diagnostic::error(
            format!("assets/{WORKER_SOURCE}"),
            "the service worker's source is missing",
        )];
    };
    let base = base_path(&site.config.base_url);
    // Images are read when a page shows them, not with the shell.
    let shell: Vec<String> = assets
        .referenced_urls()
        .into_iter()
        .filter(|u| !u.starts_with("/img/"))
        .map(|u| format!("{base}{u}"))
        .collect();
    write_offline_files(site, worker, &shell, staging)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_hash_files_are_picked_as_the_worker_picks_them() {
        // The same vectors are checked in tests/js/offline.test.mjs.
        assert_eq!(hash_file_of("/guides/x/", 1), 0);
        assert_eq!(hash_file_of("/guides/x/", 1000), 957);
        assert_eq!(hash_file_of("/kb/fr/guides/joint-learning-events/", 7), 4);
        assert_eq!(hash_file_of("/ar/", 1000), 30);
    }

    #[test]
    fn addresses_of_pages_are_pretty() {
        assert_eq!(page_address("/kb/", "guides/x/index.html"), "/kb/guides/x/");
        assert_eq!(page_address("/", "index.html"), "/");
        assert_eq!(page_address("/", "404.html"), "/404.html");
    }

    #[test]
    fn search_files_are_kept_by_versioned_folder() {
        let written = [
            "search/search.js",
            "search/stemmer-en.1a2b.mjs",
            "search/en/v1/t/0.json",
            "search/en/v1/p/0.json",
            "guides/index.html",
        ]
        .map(String::from);
        assert_eq!(
            search_folders(&written),
            [
                "search/en/v1/",
                "search/search.js",
                "search/stemmer-en.1a2b.mjs"
            ]
        );
    }
}
