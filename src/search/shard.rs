//! Term shards and the manifest: how one language's index is cut into files a reader fetches
//! a few at a time.
//!
//! Shards are ranges of word forms in sorted order (`search/<lang>/<version>/t/<n>.json`), cut
//! when a shard's JSON reaches [`SHARD_BYTES`]. A shard holds the forms of its range with their
//! terms, and each of those terms with its posting list; a term also lives in the shard where
//! its own spelling falls. The browser can so pick a query word's shard from the folded word
//! alone, before its stemmer has loaded: stems keep the start of their words (English, French,
//! Spanish), so the word's shard holds its term, and when it does not (Arabic prefixes, a word
//! the site never uses) the stem's own shard does. Neighbouring forms share a shard, which is
//! what prefix matching and typo tolerance search.
//!
//! The [`Manifest`] lists the shard boundaries (the shortest prefixes that separate two
//! shards), and is written into `search/search.js` itself so the first search starts fetching
//! shards at once.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::index::FastMap;

use serde::Serialize;

use super::encode::utf16_cmp;

/// Target size of a shard's JSON, before gzip. A later search fetches one shard per query word,
/// so shards are most of its bytes: at 3 KB (about 2 KB gzipped unless one term's postings
/// fill it) a later search on 10,000 pages moves no more than at 6 KB (less at the median, as
/// much at p95) even with larger excerpt parts; the boundaries inlined in `search.js` grow by a
/// few KB.
pub(crate) const SHARD_BYTES: usize = 3 * 1024;

/// One term shard: a range of word forms and the terms they lead to.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Shard {
    /// Terms held, sorted.
    pub terms: Vec<String>,
    /// Word forms of the range, sorted, with the index of their term in `terms`.
    pub forms: Vec<(String, usize)>,
}

/// Shards in order and the boundaries between them (`boundaries[i]` starts shard `i + 1`).
#[derive(Debug, Default)]
pub(crate) struct Partition {
    /// The shards.
    pub shards: Vec<Shard>,
    /// First key of each shard but the first.
    pub boundaries: Vec<String>,
}

/// Cuts the sorted key space into shards of about [`SHARD_BYTES`]. `forms` maps each word
/// form to its term; `term_bytes` is the size a term adds to a shard's JSON.
pub(crate) fn partition(
    forms: &FastMap<String, String>,
    term_bytes: &FastMap<&str, usize>,
) -> Partition {
    // Every key (a form or a term's own spelling) with the terms that must sit in its shard.
    let mut by_key: BTreeMap<&str, Key> = BTreeMap::new();
    for (form, term) in forms {
        let e = by_key.entry(form.as_str()).or_default();
        e.form_term = Some(term.as_str());
        e.terms.push(term.as_str());
    }
    for &term in term_bytes.keys() {
        by_key.entry(term).or_default().terms.push(term);
    }
    let mut keys: Vec<(&str, Key)> = by_key.into_iter().collect();
    keys.sort_by(|a, b| utf16_cmp(a.0, b.0));

    let mut out = Partition::default();
    let mut current = Building::default();
    let mut last_key = "";
    for (
        key,
        Key {
            form_term,
            mut terms,
        },
    ) in keys
    {
        terms.sort_unstable();
        terms.dedup();
        let added: usize = key.len()
            + 6
            + terms
                .iter()
                .filter(|t| !current.terms.contains(*t))
                .map(|t| term_bytes.get(t).copied().unwrap_or(0))
                .sum::<usize>();
        if !current.is_empty() && current.bytes + added > SHARD_BYTES {
            out.shards.push(std::mem::take(&mut current).finish());
            out.boundaries.push(separator(last_key, key));
        }
        current.bytes += added;
        for t in terms {
            current.terms.insert(t);
        }
        if let Some(t) = form_term {
            current.forms.push((key, t));
        }
        last_key = key;
    }
    if !current.is_empty() || out.shards.is_empty() {
        out.shards.push(current.finish());
    }
    out
}

/// What a key brings to its shard: the term of the form it spells (if it is a form), and every
/// term that must sit beside it.
#[derive(Default)]
struct Key<'a> {
    form_term: Option<&'a str>,
    terms: Vec<&'a str>,
}

#[derive(Default)]
struct Building<'a> {
    terms: HashSet<&'a str>,
    forms: Vec<(&'a str, &'a str)>,
    bytes: usize,
}

impl Building<'_> {
    fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    fn finish(self) -> Shard {
        let mut terms: Vec<String> = self.terms.iter().map(|t| t.to_string()).collect();
        terms.sort_by(|a, b| utf16_cmp(a, b));
        let index: HashMap<&str, usize> = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.as_str(), i))
            .collect();
        let forms = self
            .forms
            .iter()
            .map(|(f, t)| (f.to_string(), index[t]))
            .collect();
        Shard { terms, forms }
    }
}

/// The shortest prefix of `b` that sorts after `a` (`a < b`).
pub(crate) fn separator(a: &str, b: &str) -> String {
    let mut out = String::new();
    let mut a_chars = a.chars();
    for c in b.chars() {
        out.push(c);
        match a_chars.next() {
            Some(ac) if ac == c => continue,
            _ => break,
        }
    }
    out
}

/// The shard a folded word belongs to: the number of boundaries at or before it.
#[cfg(test)]
pub fn shard_of(boundaries: &[String], word: &str) -> usize {
    boundaries.partition_point(|b| utf16_cmp(b, word) != std::cmp::Ordering::Greater)
}

/// What the engine needs to know about one language's index before fetching anything.
#[derive(Debug, Serialize)]
pub(crate) struct Manifest {
    /// Content hash of the language's index files: the folder they live in.
    pub version: String,
    /// Number of documents.
    pub docs: u32,
    /// Most postings kept for a term (longer lists were cut to their best).
    pub cap: usize,
    /// Shard boundaries.
    pub boundaries: Vec<String>,
    /// Folded stop words.
    pub stop: Vec<String>,
    /// Stemmer module (`stemmer-en`), if the language has one.
    pub stemmer: Option<String>,
    /// Number of facet files.
    pub facet_files: usize,
    /// Documents per facet file.
    pub facet_docs: usize,
    /// Shortest and longest word form per first letter: the typo files that exist.
    pub typo: BTreeMap<String, [usize; 2]>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_short_and_between() {
        assert_eq!(separator("garden", "gardening"), "gardeni");
        assert_eq!(separator("apple", "banana"), "b");
        assert_eq!(separator("soil", "soils"), "soils");
        assert_eq!(separator("مشكل", "مشكلة"), "مشكلة");
    }

    #[test]
    fn a_word_lands_in_the_shard_of_its_range() {
        let b = vec!["c".to_string(), "m".to_string()];
        assert_eq!(shard_of(&b, "apple"), 0);
        assert_eq!(shard_of(&b, "c"), 1);
        assert_eq!(shard_of(&b, "lemon"), 1);
        assert_eq!(shard_of(&b, "zebra"), 2);
    }

    #[test]
    fn cuts_shards_by_size_and_keeps_each_term_with_its_forms() {
        let mut forms = FastMap::default();
        let mut sizes = FastMap::default();
        let words: Vec<String> = (0..200).map(|i| format!("w{i:03}")).collect();
        for w in &words {
            forms.insert(format!("{w}s"), w.clone());
        }
        for w in &words {
            sizes.insert(w.as_str(), 200);
        }
        let p = partition(&forms, &sizes);
        assert!(p.shards.len() > 5, "{}", p.shards.len());
        assert_eq!(p.boundaries.len(), p.shards.len() - 1);
        for (i, s) in p.shards.iter().enumerate() {
            for (form, t) in &s.forms {
                assert_eq!(shard_of(&p.boundaries, form), i);
                assert_eq!(&format!("{}s", s.terms[*t]), form);
            }
            for term in &s.terms {
                assert!(p.shards[shard_of(&p.boundaries, term)].terms.contains(term));
            }
        }
    }
}
