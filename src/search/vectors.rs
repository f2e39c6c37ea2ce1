//! The shared analysis vectors, `tests/js/vectors/analysis.json`: texts with the folding, tokens
//! and terms the Rust side gives them. `tests/js/analysis.test.mjs` checks that the browser's
//! analysis gives the same; this test fails when the committed file and the Rust side disagree.
//! After a deliberate change, rewrite the file with
//! `LORE_UPDATE_VECTORS=1 cargo test --lib search::vectors` and commit it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::normalize::fold;
use super::stem::Analyzer;
use super::tokenize::tokenize;

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Vectors {
    #[serde(default)]
    about: String,
    cases: Vec<Case>,
    #[serde(default)]
    stop: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Case {
    lang: String,
    text: String,
    #[serde(default)]
    folded: String,
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    terms: Vec<String>,
}

fn path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/js/vectors/analysis.json")
}

/// The vectors as the Rust side computes them for the committed texts.
fn computed(committed: &Vectors) -> Vectors {
    let cases = committed
        .cases
        .iter()
        .map(|c| {
            let analyzer = Analyzer::for_language(&c.lang);
            let folded = fold(&c.text);
            let tokens: Vec<String> = tokenize(&folded).into_iter().map(String::from).collect();
            let terms = tokens
                .iter()
                .filter_map(|t| analyzer.term(t))
                .map(|t| t.into_owned())
                .collect();
            Case {
                lang: c.lang.clone(),
                text: c.text.clone(),
                folded,
                tokens,
                terms,
            }
        })
        .collect();
    let stop = ["en", "fr", "es", "ar"]
        .iter()
        .map(|l| {
            (
                l.to_string(),
                Analyzer::for_language(l)
                    .stop_words()
                    .into_iter()
                    .map(String::from)
                    .collect(),
            )
        })
        .collect();
    Vectors {
        about: "Search analysis vectors written by `LORE_UPDATE_VECTORS=1 cargo test --lib search::vectors` \
                from src/search (fold, tokenize, stop words, Snowball stems); checked by tests/js/analysis.test.mjs."
            .into(),
        cases,
        stop,
    }
}

#[test]
fn committed_vectors_match_the_rust_analysis() {
    let text = std::fs::read_to_string(path()).expect("tests/js/vectors/analysis.json");
    let committed: Vectors = serde_json::from_str(&text).expect("valid vectors");
    let fresh = computed(&committed);
    if std::env::var_os("LORE_UPDATE_VECTORS").is_some() {
        let mut out = serde_json::to_string_pretty(&fresh).expect("serialisable");
        out.push('\n');
        std::fs::write(path(), out).expect("writable vectors");
        return;
    }
    for (c, f) in committed.cases.iter().zip(&fresh.cases) {
        assert_eq!(
            c, f,
            "vectors differ for {:?}: rerun with LORE_UPDATE_VECTORS=1 if the change is meant",
            c.text
        );
    }
    assert_eq!(
        committed.stop, fresh.stop,
        "stop lists differ: rerun with LORE_UPDATE_VECTORS=1 if meant"
    );
}
