//! The inverted index of one language: for each term, the pages holding it with a BM25F impact
//! and the part of the page where it matters most.
//!
//! Impacts are computed at build time (BM25F: each field's term frequency, normalised by the
//! field's length, weighted title > headings > description = tags > body, then saturated with
//! `k1`), and quantised to a byte, so the browser needs no per-page length table: a page's
//! score is the sum over query terms of `idf × impact`. A term found on more than
//! [`POSTINGS_CAP`] pages keeps only its best `POSTINGS_CAP` postings (its true document
//! frequency is kept for the idf); the browser treats such a term as optional, as a stop word
//! that still ranks. That bounds every posting list, hence shard sizes, query bytes and memory.
//!
//! Pages are analysed in parallel in batches, a wave of batches at a time; batches are merged in
//! page order, and a term's number does not change what is written, so the result does not
//! depend on the thread count.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use rayon::prelude::*;

use super::document::{Document, Field, Parts, FIELDS};
use super::normalize::fold_into;
use super::stem::Analyzer;
use super::tokenize::{for_each_ascii_word, for_each_token, short_key, AsciiWord};

/// Most postings kept for one term.
pub(crate) const POSTINGS_CAP: usize = 1024;
/// BM25 term-frequency saturation.
pub(crate) const K1: f32 = 1.2;
/// Field weights, by [`Field`].
const WEIGHTS: [f32; FIELDS] = [6.0, 3.0, 2.0, 2.0, 1.0];
/// Length normalisation per field, by [`Field`].
const B: [f32; FIELDS] = [0.3, 0.4, 0.5, 0.3, 0.75];
/// Pages analysed by one task.
const BATCH: usize = 256;
/// Pages analysed before their postings are merged, which bounds memory on large sites.
const WAVE: usize = 2048;
/// Pages of the first wave.
const FIRST_WAVE: usize = 2 * BATCH;

/// A fast hasher for the short keys of the index (words, term numbers); the maps it serves are
/// never iterated into output, so its order does not matter.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u128(&mut self, i: u128) {
        self.write_u64(i as u64);
        self.write_u64((i >> 64) as u64);
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    fn finish(&self) -> u64 {
        // Mix the high bits down: hashbrown takes the bucket from the low bits.
        let h = self.0 ^ (self.0 >> 29);
        h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

/// A map with [`WordHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// One page holding a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    /// Document number in the language's index.
    pub doc: u32,
    /// Quantised BM25F impact, 1..=255.
    pub impact: u8,
    /// Part of the page where the term is best seen (see `document`).
    pub part: u16,
}

/// A term's postings.
#[derive(Clone, Debug, Default)]
pub(crate) struct Term {
    /// Number of pages holding the term.
    pub df: u32,
    /// Postings by document number; at most [`POSTINGS_CAP`], the best ones if more pages hold it.
    pub postings: Vec<Posting>,
}

/// The inverted index of one language.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// Terms (stems) and their postings.
    pub terms: FastMap<String, Term>,
    /// Every word form seen (folded token) and its term.
    pub forms: FastMap<String, String>,
    /// Number of documents.
    pub docs: u32,
}

/// The documents analysed together, in order: a small first wave teaches the later ones most
/// of the site's words, so they seldom need to stem a word again; later waves bound how many
/// postings wait to be merged.
pub(crate) fn waves(docs: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < docs {
        let end = docs.min(start + if start == 0 { FIRST_WAVE } else { WAVE });
        out.push(start..end);
        start = end;
    }
    out
}

/// An index built wave by wave ([`waves`]). Each page's text is read, analysed and handed on
/// by one task, so a page's text lives only while that task holds it; a wave's postings are
/// merged while the next wave is analysed.
pub(crate) struct IndexBuilder<'a> {
    analyzer: &'a Analyzer,
    norms: LengthNorms,
    docs: u32,
    words: Words,
    /// Postings by term number.
    postings: Vec<Term>,
    /// The last wave's batches, merged during the next wave (or by `finish`).
    pending: Vec<Batch>,
}

impl<'a> IndexBuilder<'a> {
    /// An empty index for `docs` (already in their final order).
    pub(crate) fn new(docs: &[Document], analyzer: &'a Analyzer) -> Self {
        Self {
            analyzer,
            norms: LengthNorms::new(docs),
            docs: docs.len() as u32,
            words: Words::default(),
            postings: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// Adds the documents of one wave, which starts at document `first`. `text` gives the text
    /// of document `n`; once analysed, `then` gets it (to write the page's part files) and
    /// drops it, on the same thread. Returns what `then` returned, in document order.
    pub(crate) fn add<'d, R: Send>(
        &mut self,
        first: usize,
        docs: &[Document<'d>],
        text: impl Fn(usize, &Document<'d>) -> Parts<'d> + Sync,
        then: impl Fn(usize, &Document<'d>, Parts<'d>) -> R + Sync,
    ) -> Vec<R> {
        // The last wave's words first (few after the first wave), so this wave knows them;
        // then its postings are appended while this wave is analysed.
        let mut pending = std::mem::take(&mut self.pending);
        let numbers = self.words.learn(&mut pending);
        let (analyzer, norms, seen) = (self.analyzer, &self.norms, &self.words);
        let postings = &mut self.postings;
        let ((), analysed) = rayon::join(
            || append_postings(postings, &pending, &numbers),
            || {
                docs.par_chunks(BATCH)
                    .enumerate()
                    .map(|(b, docs)| {
                        let vocab = Vocabulary::new(analyzer, seen);
                        analyze_batch(docs, first + b * BATCH, vocab, norms, &text, &then)
                    })
                    .collect::<Vec<_>>()
            },
        );
        let mut out = Vec::with_capacity(docs.len());
        for (batch, results) in analysed {
            self.pending.push(batch);
            out.extend(results);
        }
        out
    }

    /// The index, each term's postings cut to [`POSTINGS_CAP`].
    pub(crate) fn finish(mut self) -> Index {
        let mut pending = std::mem::take(&mut self.pending);
        let numbers = self.words.learn(&mut pending);
        append_postings(&mut self.postings, &pending, &numbers);
        let Words { terms, forms, .. } = self.words;
        let mut names = vec![String::new(); self.postings.len()];
        for (name, n) in terms {
            names[n as usize] = name;
        }
        let forms = forms
            .into_iter()
            .map(|(form, t)| (form, names[t as usize].clone()))
            .collect();
        for term in &mut self.postings {
            keep_best(&mut term.postings, POSTINGS_CAP);
            term.postings.shrink_to_fit();
        }
        Index {
            terms: names.into_iter().zip(self.postings).collect(),
            forms,
            docs: self.docs,
        }
    }
}

/// The terms and word forms of the waves merged so far, by number: what a batch reads to
/// number its terms and skip stemming.
#[derive(Default)]
struct Words {
    /// Term numbers by stem.
    terms: FastMap<String, u32>,
    /// Forms of at most 15 bytes, by [`short_key`], with their term number.
    short: FastMap<u128, u32>,
    /// Longer forms.
    long: FastMap<Box<str>, u32>,
    /// Every form, with its term number.
    forms: Vec<(String, u32)>,
}

impl Words {
    /// The term number of a form, if an earlier wave met it.
    fn form(&self, key: Option<u128>, form: &str) -> Option<u32> {
        match key {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(form).copied(),
        }
    }

    /// Numbers the batches' new terms and records their new forms. Returns, per batch, the
    /// number of each of its terms.
    fn learn(&mut self, batches: &mut [Batch]) -> Vec<Vec<u32>> {
        let mut out = Vec::with_capacity(batches.len());
        for batch in batches {
            let numbers: Vec<u32> = batch
                .terms
                .iter_mut()
                .map(|t| match t {
                    BatchTerm::Known(n) => *n,
                    BatchTerm::New(stem) => {
                        let next = self.terms.len() as u32;
                        *self.terms.entry(std::mem::take(stem)).or_insert(next)
                    }
                })
                .collect();
            for (form, t) in std::mem::take(&mut batch.forms) {
                let t = numbers[t as usize];
                let new = match short_key(&form) {
                    Some(k) => insert_new(&mut self.short, k, t),
                    None => insert_new(&mut self.long, form.as_str().into(), t),
                };
                if new {
                    self.forms.push((form, t));
                }
            }
            out.push(numbers);
        }
        out
    }
}

/// Inserts `key` if it is absent, saying whether it did.
fn insert_new<K: std::hash::Hash + Eq>(map: &mut FastMap<K, u32>, key: K, value: u32) -> bool {
    match map.entry(key) {
        std::collections::hash_map::Entry::Occupied(_) => false,
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(value);
            true
        }
    }
}

/// Appends the batches' postings to their terms', in batch order (hence document order);
/// `numbers` are the batches' term numbers ([`Words::learn`]).
fn append_postings(postings: &mut Vec<Term>, batches: &[Batch], numbers: &[Vec<u32>]) {
    for (batch, numbers) in batches.iter().zip(numbers) {
        for run in batch.postings.chunk_by(|a, b| a.0 == b.0) {
            let n = numbers[run[0].0 as usize] as usize;
            if postings.len() <= n {
                postings.resize_with(n + 1, Term::default);
            }
            let entry = &mut postings[n];
            entry.df += run.len() as u32;
            entry.postings.extend(run.iter().map(|(_, p)| *p));
            // Cut back as soon as a list is half again over the cap: common words are in
            // nearly every page, and letting them grow further costs memory on large sites.
            if entry.postings.len() >= POSTINGS_CAP + POSTINGS_CAP / 2 {
                keep_best(&mut entry.postings, POSTINGS_CAP);
            }
        }
    }
}

/// Average field lengths, for BM25 length normalisation.
struct LengthNorms {
    avg: [f32; FIELDS],
}

impl LengthNorms {
    fn new(docs: &[Document]) -> Self {
        let mut sum = [0f64; FIELDS];
        for d in docs {
            for (s, l) in sum.iter_mut().zip(d.lengths) {
                *s += f64::from(l);
            }
        }
        let n = docs.len().max(1) as f64;
        Self {
            avg: sum.map(|s| ((s / n) as f32).max(1.0)),
        }
    }

    /// The quantised impact of a term seen `tf[f]` times in each field of a page.
    fn impact(&self, tf: &[u16; FIELDS], lengths: &[u32; FIELDS]) -> u8 {
        let mut weighted = 0f32;
        for f in 0..FIELDS {
            if tf[f] > 0 {
                let norm = 1.0 - B[f] + B[f] * lengths[f] as f32 / self.avg[f];
                weighted += WEIGHTS[f] * f32::from(tf[f]) / norm;
            }
        }
        let saturated = weighted / (weighted + K1);
        (saturated * 255.0).round().clamp(1.0, 255.0) as u8
    }
}

/// What one task found in its pages, with batch-local term numbers.
struct Batch {
    terms: Vec<BatchTerm>,
    /// (term number, posting), by term number then document: one vector for the batch rather
    /// than one per term.
    postings: Vec<(u32, Posting)>,
    /// Forms earlier waves had not met, with their batch term number.
    forms: Vec<(String, u32)>,
}

/// A term of a batch: one of the index's, by number, or a stem earlier waves had not met.
enum BatchTerm {
    Known(u32),
    New(String),
}

/// Counts of one term in one page.
#[derive(Default)]
struct Stats {
    tf: [u16; FIELDS],
    part: u16,
    part_count: u16,
    best_part: u16,
    best_count: u16,
}

impl Stats {
    fn see(&mut self, field: Field, part: u16) {
        let f = field as usize;
        self.tf[f] = self.tf[f].saturating_add(1);
        if matches!(field, Field::Title | Field::Tags) {
            return;
        }
        if part != self.part {
            self.settle();
            self.part = part;
            self.part_count = 0;
        }
        // A heading names its part better than a passing mention in another one.
        self.part_count += if field == Field::Headings { 2 } else { 1 };
    }

    fn settle(&mut self) {
        if self.part_count > self.best_count {
            self.best_part = self.part;
            self.best_count = self.part_count;
        }
    }
}

/// Slots of [`Vocabulary::recent`] (a power of two).
const RECENT: usize = 4096;
/// The term of a stop word in [`Vocabulary::recent`].
const STOP: u32 = u32::MAX;

/// Numbers the terms of one batch and caches stemming by form.
struct Vocabulary<'a> {
    analyzer: &'a Analyzer,
    /// Word forms of earlier waves and their terms.
    seen: &'a Words,
    /// Forms of at most 15 bytes (nearly all words), keyed by their bytes in an integer: no
    /// string hashing or comparison for the commonest lookup of the build.
    short_forms: FastMap<u128, Option<u32>>,
    /// The last short form looked up in each slot, by a hash of its key, with its term
    /// ([`STOP`] for a stop word): a page's commonest words are found here, in a table small
    /// enough to stay in the processor's cache, where the hash map's entries would not.
    recent: Box<[([u64; 2], u32); RECENT]>,
    /// Longer forms.
    long_forms: FastMap<Box<str>, Option<u32>>,
    /// Batch numbers of the index's terms.
    known: FastMap<u32, u32>,
    /// Batch numbers of new stems.
    new_stems: FastMap<Box<str>, u32>,
    terms: Vec<BatchTerm>,
    new_forms: Vec<(String, u32)>,
}

impl<'a> Vocabulary<'a> {
    fn new(analyzer: &'a Analyzer, seen: &'a Words) -> Self {
        Self {
            analyzer,
            seen,
            short_forms: FastMap::default(),
            recent: Box::new([([0; 2], STOP); RECENT]),
            long_forms: FastMap::default(),
            known: FastMap::default(),
            new_stems: FastMap::default(),
            terms: Vec::new(),
            new_forms: Vec::new(),
        }
    }

    /// The batch term number of a folded token, `None` for a stop word.
    fn term(&mut self, token: &str) -> Option<u32> {
        match short_key(token) {
            Some(key) => self.short_term(key),
            None => self.long_term(token),
        }
    }

    /// [`Vocabulary::term`] of a token of at most 15 bytes, by its [`short_key`].
    fn short_term(&mut self, key: u128) -> Option<u32> {
        let halves = [key as u64, (key >> 64) as u64];
        let mixed = (halves[0] ^ halves[1]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot = (mixed >> (64 - RECENT.trailing_zeros())) as usize;
        let (seen, t) = self.recent[slot];
        if seen == halves {
            return (t != STOP).then_some(t);
        }
        let t = match self.short_forms.get(&key) {
            Some(&t) => t,
            None => {
                let bytes = key.to_le_bytes();
                let len = usize::from(bytes[15]).min(15);
                // A key is made from a whole `str`, so its bytes are UTF-8.
                let token = std::str::from_utf8(&bytes[..len]).unwrap_or_default();
                let t = self.number(token, Some(key));
                self.short_forms.insert(key, t);
                t
            }
        };
        self.recent[slot] = (halves, t.unwrap_or(STOP));
        t
    }

    fn long_term(&mut self, token: &str) -> Option<u32> {
        if let Some(&t) = self.long_forms.get(token) {
            return t;
        }
        let t = self.number(token, None);
        self.long_forms.insert(token.into(), t);
        t
    }

    fn number(&mut self, token: &str, key: Option<u128>) -> Option<u32> {
        if let Some(n) = self.seen.form(key, token) {
            return Some(self.known(n));
        }
        let stem = self.analyzer.term(token)?;
        let t = match self.seen.terms.get(stem.as_ref()) {
            Some(&n) => self.known(n),
            None => match self.new_stems.get(stem.as_ref()) {
                Some(&t) => t,
                None => {
                    let t = self.terms.len() as u32;
                    self.terms.push(BatchTerm::New(stem.to_string()));
                    self.new_stems.insert(stem.into(), t);
                    t
                }
            },
        };
        self.new_forms.push((token.to_string(), t));
        Some(t)
    }

    /// The batch number of the index's term `n`.
    fn known(&mut self, n: u32) -> u32 {
        let next = self.terms.len() as u32;
        let t = *self.known.entry(n).or_insert(next);
        if t == next {
            self.terms.push(BatchTerm::Known(n));
        }
        t
    }
}

fn analyze_batch<'d, R>(
    docs: &[Document<'d>],
    first: usize,
    mut vocab: Vocabulary,
    norms: &LengthNorms,
    text: &impl Fn(usize, &Document<'d>) -> Parts<'d>,
    then: &impl Fn(usize, &Document<'d>, Parts<'d>) -> R,
) -> (Batch, Vec<R>) {
    let mut postings: Vec<(u32, Posting)> = Vec::new();
    let mut results = Vec::with_capacity(docs.len());
    let mut counts = DocCounts::default();
    let mut folded = String::new();
    for (i, doc) in docs.iter().enumerate() {
        counts.next_doc();
        let n = first + i;
        let parts = text(n, doc);
        let mut see = |text: &str, field: Field, part: u16, vocab: &mut Vocabulary| {
            let mut count = |t: Option<u32>| {
                if let Some(t) = t {
                    counts.get(t).see(field, part);
                }
            };
            if text.is_ascii() {
                // Tokens of ASCII text are ASCII: fold them as they are cut, not the whole text.
                for_each_ascii_word(text, &mut folded, |word| match word {
                    AsciiWord::Short(key) => count(vocab.short_term(key)),
                    AsciiWord::Long(token) => count(vocab.long_term(token)),
                });
            } else {
                let mut buffer = std::mem::take(&mut folded);
                buffer.clear();
                fold_into(text, &mut buffer);
                for_each_token(&buffer, |token| count(vocab.term(token)));
                folded = buffer;
            }
        };
        see(doc.title, Field::Title, 0, &mut vocab);
        see(doc.description, Field::Description, 0, &mut vocab);
        see(&doc.tags_text, Field::Tags, 0, &mut vocab);
        for (part, sections) in parts.iter().enumerate() {
            let part = part.min(usize::from(u16::MAX)) as u16;
            // The description was seen above, as its own field.
            for s in sections.iter().skip(usize::from(part == 0)) {
                if s.first {
                    see(&s.heading, Field::Headings, part, &mut vocab);
                }
                see(&s.text, Field::Body, part, &mut vocab);
            }
        }
        results.push(then(n, doc, parts));
        postings.extend(counts.seen().map(|(t, s)| {
            let impact = norms.impact(&s.tf, &doc.lengths);
            (
                t,
                Posting {
                    doc: n as u32,
                    impact,
                    part: s.best_part,
                },
            )
        }));
    }
    let postings = group_by_term(postings, vocab.terms.len());
    let batch = Batch {
        terms: vocab.terms,
        postings,
        forms: vocab.new_forms,
    };
    (batch, results)
}

/// Postings ordered by term number, each term's kept in document order (a counting sort).
fn group_by_term(postings: Vec<(u32, Posting)>, terms: usize) -> Vec<(u32, Posting)> {
    let mut start = vec![0usize; terms + 1];
    for (t, _) in &postings {
        start[*t as usize + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let empty = Posting {
        doc: 0,
        impact: 0,
        part: 0,
    };
    let mut out = vec![(0u32, empty); postings.len()];
    for (t, p) in postings {
        let slot = &mut start[t as usize];
        out[*slot] = (t, p);
        *slot += 1;
    }
    out
}

/// The counts of each term in the page being analysed, by batch term number: reset lazily by
/// page stamp, so a page costs only the terms it has.
#[derive(Default)]
struct DocCounts {
    stats: Vec<Stats>,
    stamps: Vec<u32>,
    touched: Vec<u32>,
    doc: u32,
}

impl DocCounts {
    fn next_doc(&mut self) {
        self.doc += 1;
        self.touched.clear();
    }

    fn get(&mut self, t: u32) -> &mut Stats {
        let i = t as usize;
        if self.stats.len() <= i {
            self.stats.resize_with(i + 1, Stats::default);
            self.stamps.resize(i + 1, 0);
        }
        if self.stamps[i] != self.doc {
            self.stamps[i] = self.doc;
            self.stats[i] = Stats::default();
            self.touched.push(t);
        }
        &mut self.stats[i]
    }

    /// The terms of the page with their settled counts, in first-seen order.
    fn seen(&mut self) -> impl Iterator<Item = (u32, &Stats)> {
        for &t in &self.touched {
            self.stats[t as usize].settle();
        }
        self.touched.iter().map(|&t| (t, &self.stats[t as usize]))
    }
}

/// Keeps the `cap` highest impacts of postings in document order (ties: lower document first),
/// in linear time and without reordering them.
fn keep_best(postings: &mut Vec<Posting>, cap: usize) {
    if postings.len() <= cap {
        return;
    }
    let mut histogram = [0usize; 256];
    for p in postings.iter() {
        histogram[usize::from(p.impact)] += 1;
    }
    let (mut threshold, mut above) = (255usize, 0usize);
    while above + histogram[threshold] < cap {
        above += histogram[threshold];
        threshold -= 1;
    }
    let mut ties = cap - above;
    postings.retain(|p| match usize::from(p.impact).cmp(&threshold) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal if ties > 0 => {
            ties -= 1;
            true
        }
        _ => false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::document::{Facets, Section};

    /// A page whose sections each fill a part of their own.
    fn doc<'a>(title: &'a str, body: &[&'a str]) -> (Document<'a>, Parts<'a>) {
        let mut parts = vec![vec![Section {
            first: true,
            ..Default::default()
        }]];
        parts.extend(body.iter().map(|t| {
            vec![Section {
                anchor: Some("s".into()),
                heading: "Section".into(),
                text: (*t).into(),
                first: true,
            }]
        }));
        let words = |s: &str| s.split_whitespace().count() as u32;
        let doc = Document {
            page: 0,
            url: "/x/",
            title,
            type_name: "page",
            description: "",
            tags_text: String::new(),
            details: String::new(),
            lengths: [
                words(title),
                body.len() as u32,
                0,
                0,
                body.iter().map(|b| words(b)).sum(),
            ],
            facets: Facets::default(),
        };
        (doc, parts)
    }

    /// The index of `pages`, wave by wave as `search::build_language` builds it.
    fn index(pages: Vec<(Document, Parts)>) -> Index {
        let (docs, parts): (Vec<_>, Vec<_>) = pages.into_iter().unzip();
        let analyzer = Analyzer::for_language("en");
        let mut builder = IndexBuilder::new(&docs, &analyzer);
        for wave in waves(docs.len()) {
            builder.add(
                wave.start,
                &docs[wave],
                |n, _| parts[n].clone(),
                |_, _, _| (),
            );
        }
        builder.finish()
    }

    #[test]
    fn records_each_page_once_per_term_with_its_best_part() {
        let index = index(vec![
            doc("Soil health", &["compost and soil", "soil soil soil"]),
            doc("Water", &["rain water harvesting"]),
        ]);
        let soil = &index.terms["soil"];
        assert_eq!(soil.df, 1);
        assert_eq!(soil.postings.len(), 1);
        assert_eq!(
            soil.postings[0].part, 2,
            "three mentions in the second part"
        );
        assert_eq!(index.terms["water"].postings[0].doc, 1);
        assert_eq!(index.forms["harvesting"], "harvest");
        assert!(!index.terms.contains_key("and"), "stop word");
    }

    #[test]
    fn a_title_match_outweighs_a_body_match() {
        let index = index(vec![
            doc("Compost", &["other words here"]),
            doc("Other", &["compost here and there"]),
        ]);
        let p = &index.terms["compost"].postings;
        assert!(p[0].impact > p[1].impact, "{p:?}");
    }

    #[test]
    fn a_new_form_of_a_term_an_earlier_wave_knows_is_the_same_term() {
        // "harvesting" is learned by the first wave; later pages also say "harvests", a form
        // no earlier wave met, which stems to the same term.
        let texts: Vec<&str> = (0..FIRST_WAVE + 600)
            .map(|i| match i {
                i if i < FIRST_WAVE => "harvesting rain",
                i if i % 2 == 0 => "harvesting and harvests",
                _ => "harvests",
            })
            .collect();
        let index = index(texts.iter().map(|t| doc("Page", &[t])).collect());
        let harvest = &index.terms["harvest"];
        assert_eq!(harvest.df as usize, texts.len(), "one posting per page");
        assert_eq!(harvest.postings.len(), POSTINGS_CAP.min(texts.len()));
        assert!(harvest.postings.windows(2).all(|w| w[0].doc < w[1].doc));
        assert_eq!(index.forms["harvests"], "harvest");
        assert_eq!(index.forms["harvesting"], "harvest");
    }

    #[test]
    fn keeps_only_the_best_postings_of_a_very_common_term() {
        let texts: Vec<String> = (0..POSTINGS_CAP + 10)
            .map(|i| "common ".repeat(1 + i % 7))
            .collect();
        let index = index(texts.iter().map(|t| doc("Page", &[t])).collect());
        let t = &index.terms["common"];
        assert_eq!(t.df as usize, POSTINGS_CAP + 10);
        assert_eq!(t.postings.len(), POSTINGS_CAP);
        assert!(t.postings.windows(2).all(|w| w[0].doc < w[1].doc));
    }
}
