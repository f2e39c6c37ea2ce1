//! The shape of `src/` (issue 21): its top-level modules import each other without a loop, and
//! no stage of the build imports a later one, so each can be read, tested and changed knowing
//! only what comes before it. The imports are read from the sources (`crate::module` paths and
//! `use crate::{...}` lists, test code left out), and names the crate's root re-exports
//! (`crate::build`) count as imports of the module they come from.

use std::collections::{BTreeMap, BTreeSet};

use crate::support::repo;

/// The stages, each allowed to import only those before it. Modules not listed (new ones)
/// are held to the no-loop rule only.
const STAGES: &[&str] = &[
    "diagnostics",
    "yaml",
    "fingerprint",
    "builtin",
    "schema",
    "config",
    "content",
    "markdown",
    "output",
    "images",
    "site",
    "render",
    "search",
    "offline",
    "check",
    "pipeline",
    "incremental",
    "serve",
    "cli",
];

/// A source file without its test code: the `#[cfg(test)]` module at its end, and comments.
fn code_of(text: &str) -> String {
    let end = text.find("#[cfg(test)]\nmod ").unwrap_or(text.len());
    text[..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names right under `crate::` that a file's code uses.
fn crate_names(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e, f}}`: the names at the list's top level.
            let mut depth = 0;
            let mut start = true;
            for (j, c) in list.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        out.insert(ident(&list[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

/// Each top-level module of `src/` and the top-level modules it imports.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let modules: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            ["pub mod ", "pub(crate) mod ", "mod "]
                .iter()
                .find_map(|p| l.strip_prefix(p))
        })
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    // The root's re-exports: `pub use pipeline::{build, BuildOptions};` makes `crate::build`
    // an import of `pipeline`.
    let mut reexported = BTreeMap::new();
    for statement in code_of(&lib).split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let (module, names) = rest.split_once("::").expect("pub use module::names");
        for n in names.trim().trim_matches(['{', '}']).split(',') {
            let n = n.trim().rsplit(' ').next().unwrap_or("").to_string();
            if !n.is_empty() {
                reexported.insert(n, module.to_string());
            }
        }
    }
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let rel = path.strip_prefix(&src).expect("under src");
        let Some(top) = rel.iter().next().and_then(|t| t.to_str()) else {
            continue;
        };
        let top = top.trim_end_matches(".rs").to_string();
        let is_test = rel.iter().any(|p| p == "tests" || p == "tests.rs");
        if !modules.contains(&top) || is_test || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = code_of(&std::fs::read_to_string(path).expect("read"));
        let imports = graph.entry(top.clone()).or_default();
        for name in crate_names(&code) {
            let target = if modules.contains(&name) {
                name
            } else if let Some(m) = reexported.get(&name) {
                m.clone()
            } else {
                continue;
            };
            if target != top {
                imports.insert(target);
            }
        }
    }
    graph
}

/// A loop of imports, if there is one.
fn find_loop(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut cycle = path[i..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_of_src_import_each_other_without_a_loop() {
    let graph = import_graph();
    // The crate root's re-exports count: `serve` names `crate::BuildOptions`, `pipeline`'s.
    assert!(graph["serve"].contains("pipeline") && graph["site"].contains("content"));
    assert!(!graph["pipeline"].contains("incremental"));
    // Modules declared `pub(crate)` are read too.
    assert!(graph["images"].contains("output") && graph["offline"].contains("site"));
    if let Some(cycle) = find_loop(&graph) {
        panic!("src/ has an import loop: {}", cycle.join(" → "));
    }
}

#[test]
fn no_stage_imports_a_later_one() {
    let graph = import_graph();
    let mut wrong = Vec::new();
    for (i, stage) in STAGES.iter().enumerate() {
        for import in graph.get(*stage).into_iter().flatten() {
            if STAGES[i..].contains(&import.as_str()) {
                wrong.push(format!("{stage} imports {import}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_import_reader_finds_paths_and_lists() {
    let names = crate_names("use crate::{a, b::c, d::{e, f}};\nlet x = crate::g::h(crate::i);");
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["a", "b", "d", "g", "i"]
    );
    let graph = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert_eq!(find_loop(&graph).expect("a loop"), ["a", "b", "a"]);
}
