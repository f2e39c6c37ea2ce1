//! The search index: built from the site graph into `search/` of the output, one index per
//! language, for the engine in `assets/search/` (issue 6).
//!
//! Stages, each in its own file: [`document`] (what a page gives the index: fields, chunks,
//! facets) → analysis ([`normalize`], [`tokenize`], [`stem`]) → [`index`] (postings with
//! BM25F impacts) → [`shard`] (term shards, manifest) → [`encode`] (bytes) → [`entry`]
//! (`search/search.js`). The files of a language live under `search/<lang>/<version>/`, where
//! the version is a hash of their content:
//!
//! - `t/<n>.json`: term shards (see [`shard`]);
//! - `c/<doc / 128>/<doc>-<part>.json`: one part of a page's text (its sections with their
//!   anchors and headings) with the page's title, address and type, fetched only for a result
//!   shown;
//! - `f/<n>.json`, `f/names.json`: facets (type, tags, themes, event dates) of 1024 documents
//!   per file, fetched only for filters and counts;
//! - `y/<first letter>-<length>.json`: the word forms of the site by first letter (as a code
//!   point) and length, fetched only when a query word of five letters or more matches nothing,
//!   to find the forms one edit away (the engine then fetches their shards).
//!
//! Everything is sorted before it is written, so the output does not depend on thread count.

pub(crate) mod document;
pub(crate) mod encode;
pub(crate) mod entry;
pub(crate) mod index;
pub(crate) mod normalize;
pub(crate) mod shard;
pub(crate) mod stem;
pub(crate) mod tokenize;
#[cfg(test)]
mod vectors;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use crate::site::Site;
use document::{indexed_pages, Document, Parts};
use index::{Index, IndexBuilder, POSTINGS_CAP};
use shard::{partition, Manifest, Partition};
use stem::Analyzer;

/// Documents per facet file.
pub(crate) const FACET_DOCS: usize = 1024;
/// Documents per chunk folder.
const CHUNK_FOLDER_DOCS: usize = 128;
/// Changes whenever the format of the files changes, so old caches are never mixed in.
const FORMAT: &str = "lore-search-1";

/// Writes the search index and engine for every language of the site.
pub(crate) fn write_search_index(site: &Site, staging: &Staging) -> Vec<Diagnostic> {
    write_search_index_unless(site, staging, &AtomicBool::new(false)).unwrap_or_default()
}

/// [`write_search_index`], given up soon after `stop` is set (`lore serve` sets it when a newer
/// edit makes this index stale): `None` then, with `staging` half written, to be dropped.
/// Every stage looks at `stop` between pages or files, so giving up takes milliseconds.
pub(crate) fn write_search_index_unless(
    site: &Site,
    staging: &Staging,
    stop: &AtomicBool,
) -> Option<Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut manifests = BTreeMap::new();
    for lang in &site.config.languages {
        let (manifest, d) = write_language(site, &lang.code, staging, stop)?;
        diags.extend(d);
        manifests.insert(lang.code.clone(), manifest);
    }
    diags.extend(entry::write_engine(site, &manifests, staging));
    (!stopped(stop)).then_some(diags)
}

fn stopped(stop: &AtomicBool) -> bool {
    stop.load(Ordering::Relaxed)
}

/// Files by name, with their bytes.
pub(crate) type Files = Vec<(String, Vec<u8>)>;

/// The files of one language's index, in memory, before they are written; all but the part
/// files, which [`build_language`] writes as it reads each page's text.
pub(crate) struct LanguageIndex<'a> {
    /// The pages indexed, in document order.
    pub docs: Vec<Document<'a>>,
    /// The inverted index.
    pub index: Index,
    /// Term shards.
    pub partition: Partition,
    /// Each shard's JSON.
    pub shard_files: Vec<Vec<u8>>,
    /// Facet files (`names.json` last).
    pub facet_files: Files,
    /// Typo files (`y/`).
    pub typo_files: Files,
    /// Shortest and longest form (in characters) per first letter.
    pub typo_lengths: BTreeMap<String, [usize; 2]>,
    /// A hash of each document's part files, for the version.
    pub part_digests: Vec<[u8; 32]>,
}

/// Where [`build_language`] writes the part files: a folder of the staging output.
pub(crate) type PartsFolder<'s> = Option<(&'s Staging, &'s str)>;

/// Builds one language's index. Each page's text is read, analysed, made into part files
/// (written into `parts` when given; their JSON is made either way) and dropped by one task,
/// so only the pages being analysed have their text unpacked. `None` when `stop` was set:
/// the pages left are then skipped, and the stages left are not run.
pub(crate) fn build_language<'a>(
    site: &'a Site,
    lang: &str,
    analyzer: &Analyzer,
    parts: PartsFolder,
    stop: &AtomicBool,
) -> Option<(LanguageIndex<'a>, Vec<Diagnostic>)> {
    let ids = indexed_pages(site, lang);
    let docs: Vec<Document> = ids
        .par_iter()
        .map(|&id| Document::from_page(site, id))
        .collect();
    let mut builder = IndexBuilder::new(&docs, analyzer);
    let mut part_digests = Vec::with_capacity(docs.len());
    let mut diags = Vec::new();
    for wave in index::waves(docs.len()) {
        if stopped(stop) {
            return None;
        }
        let written = builder.add(
            wave.start,
            &docs[wave],
            // Once stopped, the pages left in the wave are analysed without their text.
            |_, doc| {
                if stopped(stop) {
                    Parts::new()
                } else {
                    doc.parts(site)
                }
            },
            |n, doc, text| {
                let mut digest = Sha256::new();
                let mut errors = Vec::new();
                for (path, bytes) in part_files(n, doc, &text) {
                    digest.update(path.as_bytes());
                    digest.update([0]);
                    digest.update(&bytes);
                    if let Some((staging, folder)) = parts.filter(|_| !stopped(stop)) {
                        errors.extend(staging.write(&format!("{folder}/{path}"), &bytes).err());
                    }
                }
                (<[u8; 32]>::from(digest.finalize()), errors)
            },
        );
        for (digest, errors) in written {
            part_digests.push(digest);
            diags.extend(errors);
        }
    }
    if stopped(stop) {
        return None;
    }
    let index = builder.finish();
    if stopped(stop) {
        return None;
    }
    // Three independent products of the index, side by side.
    let ((partition, shard_files), (facet_files, (typo_files, typo_lengths))) = rayon::join(
        || term_shards(&index, stop),
        || rayon::join(|| facet_files(&docs), || typo_files(&index)),
    );
    if stopped(stop) {
        return None;
    }
    let built = LanguageIndex {
        docs,
        index,
        partition,
        shard_files,
        facet_files,
        typo_files,
        typo_lengths,
        part_digests,
    };
    Some((built, diags))
}

/// The term shards of the index and their JSON (left empty once `stop` is set).
fn term_shards(index: &Index, stop: &AtomicBool) -> (Partition, Vec<Vec<u8>>) {
    let postings: index::FastMap<&str, String> = index
        .terms
        .par_iter()
        .map(|(t, term)| {
            let encoded = if stopped(stop) {
                String::new()
            } else {
                encode::base64(&encode::encode_postings(&term.postings))
            };
            (t.as_str(), encoded)
        })
        .collect();
    let sizes: index::FastMap<&str, usize> = postings
        .iter()
        .map(|(t, p)| (*t, t.len() + p.len() + 14 + decimal_len(index.terms[*t].df)))
        .collect();
    let partition = partition(&index.forms, &sizes);
    let shard_files = partition
        .shards
        .par_iter()
        .map(|s| {
            if stopped(stop) {
                Vec::new()
            } else {
                shard_json(s, index, &postings)
            }
        })
        .collect();
    (partition, shard_files)
}

fn decimal_len(n: u32) -> usize {
    n.checked_ilog10().unwrap_or(0) as usize + 1
}

/// One language's index written into `staging`; `None` once `stop` is set.
fn write_language(
    site: &Site,
    lang: &str,
    staging: &Staging,
    stop: &AtomicBool,
) -> Option<(Manifest, Vec<Diagnostic>)> {
    let analyzer = Analyzer::for_language(lang);
    // Part files go to a folder of their own until the version (a hash of every file,
    // theirs included) names the folder they belong in.
    let pending = format!("search/{lang}/parts");
    let (built, mut diags) =
        build_language(site, lang, &analyzer, Some((staging, &pending)), stop)?;
    let version = version(&built);
    let dir = format!("search/{lang}/{version}");
    if stopped(stop) {
        return None;
    }
    diags.extend(
        built
            .shard_files
            .par_iter()
            .enumerate()
            .filter(|_| !stopped(stop))
            .filter_map(|(i, bytes)| staging.write(&format!("{dir}/t/{i}.json"), bytes).err())
            .collect::<Vec<_>>(),
    );
    if stopped(stop) {
        return None;
    }
    diags.extend(
        built
            .facet_files
            .iter()
            .filter_map(|(name, bytes)| staging.write(&format!("{dir}/f/{name}"), bytes).err()),
    );
    diags.extend(
        built
            .typo_files
            .iter()
            .filter_map(|(name, bytes)| staging.write(&format!("{dir}/y/{name}"), bytes).err()),
    );
    diags.extend(staging.move_folder(&pending, &format!("{dir}/c")).err());
    let manifest = Manifest {
        version,
        docs: built.index.docs,
        cap: POSTINGS_CAP,
        boundaries: built.partition.boundaries,
        stop: analyzer
            .stop_words()
            .into_iter()
            .map(String::from)
            .collect(),
        stemmer: analyzer.family.map(|f| format!("stemmer-{f}")),
        facet_files: built.docs.len().div_ceil(FACET_DOCS),
        facet_docs: FACET_DOCS,
        typo: built.typo_lengths,
    };
    Some((manifest, diags))
}

/// A content hash of every file of a language's index: the bytes of the shard, facet, typo and
/// part files (with [`FORMAT`] and lore's version, which fix how the engine reads them).
fn version(built: &LanguageIndex) -> String {
    let mut h = Sha256::new();
    h.update(FORMAT.as_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    for f in &built.shard_files {
        h.update(f);
    }
    for (name, bytes) in built.facet_files.iter().chain(&built.typo_files) {
        h.update(name.as_bytes());
        h.update(bytes);
    }
    for d in &built.part_digests {
        h.update(d);
    }
    h.update(built.partition.boundaries.join("\n").as_bytes());
    crate::output::assets::content_hash(&h.finalize())
}

#[derive(Serialize)]
struct ShardFile<'a> {
    s: Vec<&'a str>,
    d: Vec<u32>,
    p: Vec<&'a str>,
    f: Vec<&'a str>,
    m: Vec<usize>,
}

fn shard_json(s: &shard::Shard, index: &Index, postings: &index::FastMap<&str, String>) -> Vec<u8> {
    let file = ShardFile {
        s: s.terms.iter().map(String::as_str).collect(),
        d: s.terms.iter().map(|t| index.terms[t].df).collect(),
        p: s.terms
            .iter()
            .map(|t| postings[t.as_str()].as_str())
            .collect(),
        f: s.forms.iter().map(|(f, _)| f.as_str()).collect(),
        m: s.forms.iter().map(|(_, t)| *t).collect(),
    };
    serde_json::to_vec(&file).unwrap_or_default()
}

#[derive(Serialize)]
struct PartFile<'a> {
    t: &'a str,
    u: &'a str,
    y: &'a str,
    s: Vec<PartSection<'a>>,
}

#[derive(Serialize)]
struct PartSection<'a> {
    a: Option<&'a str>,
    h: &'a str,
    x: &'a str,
}

/// The part files of document `n`: path under the `c/` folder and JSON.
fn part_files(n: usize, doc: &Document, parts: &Parts) -> Vec<(String, Vec<u8>)> {
    parts
        .iter()
        .enumerate()
        .map(|(i, sections)| {
            let file = PartFile {
                t: doc.title,
                u: doc.url,
                y: doc.type_name,
                s: sections
                    .iter()
                    .map(|s| PartSection {
                        a: s.anchor.as_deref(),
                        h: &s.heading,
                        x: &s.text,
                    })
                    .collect(),
            };
            // Sized up front: growing the buffer copied each file's text several times.
            let text: usize = sections
                .iter()
                .map(|s| s.text.len() + s.heading.len() + 48)
                .sum();
            let mut json = Vec::with_capacity(text + doc.title.len() + doc.url.len() + 64);
            serde_json::to_writer(&mut json, &file).ok();
            (format!("{}/{n}-{i}.json", n / CHUNK_FOLDER_DOCS), json)
        })
        .collect()
}

/// The typo files: word forms grouped by first letter and length (every length between the
/// shortest and longest of a letter gets a file, so the engine never asks for a missing one).
fn typo_files(index: &Index) -> (Files, BTreeMap<String, [usize; 2]>) {
    let mut groups: BTreeMap<(char, usize), Vec<&str>> = BTreeMap::new();
    for form in index.forms.keys() {
        if let Some(first) = form.chars().next() {
            groups
                .entry((first, form.chars().count()))
                .or_default()
                .push(form);
        }
    }
    let mut lengths: BTreeMap<char, [usize; 2]> = BTreeMap::new();
    for &(c, n) in groups.keys() {
        let e = lengths.entry(c).or_insert([n, n]);
        e[0] = e[0].min(n);
        e[1] = e[1].max(n);
    }
    let mut files = Vec::new();
    for (&c, &[lo, hi]) in &lengths {
        for n in lo..=hi {
            let mut forms = groups.remove(&(c, n)).unwrap_or_default();
            forms.sort_by(|a, b| encode::utf16_cmp(a, b));
            files.push((
                format!("{}-{n}.json", c as u32),
                serde_json::to_vec(&forms).unwrap_or_default(),
            ));
        }
    }
    (
        files,
        lengths
            .into_iter()
            .map(|(c, r)| (c.to_string(), r))
            .collect(),
    )
}

#[derive(Serialize)]
struct FacetNames<'a> {
    #[serde(rename = "type")]
    types: Vec<&'a str>,
    tags: Vec<&'a str>,
    themes: Vec<&'a str>,
}

#[derive(Serialize)]
struct FacetFile<'a> {
    y: Vec<usize>,
    g: Vec<Vec<usize>>,
    h: Vec<Vec<usize>>,
    e: BTreeMap<usize, [&'a str; 2]>,
}

/// Facet files of documents, [`FACET_DOCS`] per file, then `names.json`.
fn facet_files<'a>(docs: &[Document<'a>]) -> Files {
    fn distinct<'a>(
        docs: &[Document<'a>],
        f: impl Fn(&Document<'a>) -> Vec<&'a str>,
    ) -> Vec<&'a str> {
        let mut all: Vec<&str> = docs.iter().flat_map(f).collect();
        all.sort_unstable();
        all.dedup();
        all
    }
    let names = FacetNames {
        types: distinct(docs, |d| vec![d.type_name]),
        tags: distinct(docs, |d| d.facets.tags.iter().map(String::as_str).collect()),
        themes: distinct(docs, |d| {
            d.facets.themes.iter().map(String::as_str).collect()
        }),
    };
    let number = |list: &[&'a str]| -> index::FastMap<&'a str, usize> {
        list.iter().enumerate().map(|(i, s)| (*s, i)).collect()
    };
    let (types, tags, themes) = (
        number(&names.types),
        number(&names.tags),
        number(&names.themes),
    );
    let mut out: Vec<(String, Vec<u8>)> = docs
        .chunks(FACET_DOCS)
        .enumerate()
        .map(|(i, range)| {
            let file = FacetFile {
                y: range.iter().map(|d| types[d.type_name]).collect(),
                g: range
                    .iter()
                    .map(|d| d.facets.tags.iter().map(|t| tags[t.as_str()]).collect())
                    .collect(),
                h: range
                    .iter()
                    .map(|d| d.facets.themes.iter().map(|t| themes[t.as_str()]).collect())
                    .collect(),
                e: range
                    .iter()
                    .enumerate()
                    .filter_map(|(k, d)| {
                        d.facets
                            .event
                            .as_ref()
                            .map(|(s, e)| (k, [s.as_str(), e.as_str()]))
                    })
                    .collect(),
            };
            (
                format!("{i}.json"),
                serde_json::to_vec(&file).unwrap_or_default(),
            )
        })
        .collect();
    out.push((
        "names.json".into(),
        serde_json::to_vec(&names).unwrap_or_default(),
    ));
    out
}

#[cfg(test)]
mod bench {
    /// Times the index build of a site without rendering it:
    /// `LORE_SEARCH_BENCH_SITE=DIR cargo test --release --lib search::bench -- --ignored --nocapture`
    /// CPU seconds used by this process so far (Linux), to compare runs on a busy machine.
    fn cpu_seconds() -> f64 {
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or("", |x| x.1)
            .split_whitespace()
            .collect();
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        (ticks(11) + ticks(12)) / 100.0
    }

    #[test]
    #[ignore]
    fn time_index_build() {
        let Ok(root) = std::env::var("LORE_SEARCH_BENCH_SITE") else {
            return;
        };
        let options = crate::BuildOptions::new(root);
        let mut timings = crate::Timings::default();
        let loaded = crate::load_site(
            &options,
            crate::Retention::Everything,
            &mut timings,
            &|_| {},
        )
        .map_err(|_| "load failed")
        .unwrap();
        let site = &loaded.site;
        if let Ok(out) = std::env::var("LORE_SEARCH_BENCH_OUT") {
            let t = std::time::Instant::now();
            let staging = crate::output::Staging::create(std::path::Path::new(&out)).unwrap();
            let diags = super::write_search_index(site, &staging);
            assert!(diags.is_empty(), "{diags:?}");
            staging.commit().unwrap();
            eprintln!("wrote the search index into {out} in {:?}", t.elapsed());
            return;
        }
        for lang in &site.config.languages {
            let analyzer = super::Analyzer::for_language(&lang.code);
            for _ in 0..3 {
                let cpu = cpu_seconds();
                let t = std::time::Instant::now();
                let never = std::sync::atomic::AtomicBool::new(false);
                let (built, _) =
                    super::build_language(site, &lang.code, &analyzer, None, &never).unwrap();
                let built_at = t.elapsed();
                let v = super::version(&built);
                eprintln!("{} docs={} terms={} shards={} build={built_at:?} +version={:?} cpu={:.2}s ({v})", lang.code, built.docs.len(),
                    built.index.terms.len(), built.shard_files.len(), t.elapsed(), cpu_seconds() - cpu);
            }
        }
    }
}
