//! The engine's entry module, `search/search.js`, and the modules it loads.
//!
//! `search.js` is the static engine (`assets/search/engine.mjs`) with the pure modules it needs
//! on every search (`analyze`, `query`, `shards`, `decode`, `rank`, `excerpt`) written in front
//! of it, their `import` lines dropped, and the index description (every language's
//! [`Manifest`], the names of the lazily loaded modules) in front of all. A first search then
//! needs no second hop before it can fetch term shards: this is not bundling (no renaming, no
//! module graph), only inlining modules that import nothing, and the Node tests run the result.
//! The lazily loaded modules (a language's stemmer, `filters.mjs`) are written under
//! content-hashed names so they can be cached forever.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::shard::Manifest;
use crate::diagnostics::Diagnostic;
use crate::output::assets::content_hash;
use crate::output::Staging;
use crate::site::Site;

/// Modules written into `search.js`, in order; each may use the ones before it.
const INLINED: [&str; 7] = [
    "analyze.mjs",
    "query.mjs",
    "shards.mjs",
    "decode.mjs",
    "rank.mjs",
    "excerpt.mjs",
    "engine.mjs",
];
/// Modules loaded when needed, under content-hashed names, each with the modules inlined in
/// front of it (the stemmers share one Snowball runtime, but loading one stays one request).
const LAZY: [(&str, &[&str]); 5] = [
    ("stemmer-en", &["snowball.mjs"]),
    ("stemmer-fr", &["snowball.mjs"]),
    ("stemmer-es", &["snowball.mjs"]),
    ("stemmer-ar", &["snowball.mjs"]),
    ("filters", &[]),
];

/// What `search.js` knows before fetching anything.
#[derive(Serialize)]
struct IndexDescription<'a> {
    default: &'a str,
    languages: &'a BTreeMap<String, Manifest>,
    modules: BTreeMap<&'static str, String>,
}

/// Writes `search/search.js` and the hashed lazy modules.
pub(crate) fn write_engine(
    site: &Site,
    manifests: &BTreeMap<String, Manifest>,
    staging: &Staging,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut modules = BTreeMap::new();
    for (name, inlined) in LAZY {
        match lazy_module(site, name, inlined) {
            Ok(bytes) => {
                let hashed = format!("{name}.{}.mjs", content_hash(&bytes));
                if let Err(d) = staging.write(&format!("search/{hashed}"), &bytes) {
                    diags.push(d);
                }
                modules.insert(name, hashed);
            }
            Err(d) => diags.push(d),
        }
    }
    let default = site.config.default_language().code.as_str();
    let description = IndexDescription {
        default,
        languages: manifests,
        modules,
    };
    match engine_source(site, &description) {
        Ok(js) => {
            if let Err(d) = staging.write("search/search.js", js.as_bytes()) {
                diags.push(d);
            }
        }
        Err(d) => diags.push(d),
    }
    diags
}

fn engine_source(site: &Site, description: &IndexDescription) -> Result<String, Diagnostic> {
    let json = serde_json::to_string(description).map_err(|e| {
        Diagnostic::error(
            "search/search.js",
            format!("cannot describe the search index: {e}"),
        )
    })?;
    let mut js = String::from(
        "// lore's search engine, written by `lore build`: assets/search/*.mjs and this site's index.\n\
         // search(query, {lang, filters, limit}) -> Promise<[{url, title, type, excerpt, score, anchor}]>\n",
    );
    js.push_str("const INDEX = ");
    js.push_str(&json.replace("</", "<\\/"));
    js.push_str(";\n");
    for file in INLINED {
        let bytes = source(site, file)?;
        let text = String::from_utf8_lossy(&bytes);
        js.push_str(&format!("\n// ---- {file}\n"));
        js.push_str(&without_imports(&text));
    }
    js.push_str(
        "\n// ---- entry\n\
         const engine = createEngine(INDEX, import.meta.url);\n\
         /** Searches the site: see engine.mjs. */\n\
         export const search = (query, options) => engine.search(query, options);\n\
         /** Searches and counts matches per type, tag, theme, event status and language. */\n\
         export const searchWithCounts = (query, options) => engine.searchWithCounts(query, options);\n\
         /** Sets the fetch function (for Node). */\n\
         export const configure = (options) => engine.configure(options);\n",
    );
    Ok(js)
}

/// A lazily loaded module: the modules it imports inlined in front of it, its imports dropped.
fn lazy_module(site: &Site, name: &str, inlined: &[&str]) -> Result<Vec<u8>, Diagnostic> {
    let own = source(site, &format!("{name}.mjs"))?;
    if inlined.is_empty() {
        return Ok(own);
    }
    let mut js = String::new();
    for file in inlined {
        js.push_str(&without_imports(&String::from_utf8_lossy(&source(
            site, file,
        )?)));
    }
    js.push_str(&without_imports(&String::from_utf8_lossy(&own)));
    Ok(js.into_bytes())
}

/// The text of a module with its `import ... from './x.mjs';` lines (single- or multi-line)
/// left out: inlined modules get what they import from the ones inlined before them.
fn without_imports(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_import = false;
    for line in text.lines() {
        let t = line.trim_start();
        if !in_import && t.starts_with("import ") && !t.starts_with("import(") {
            in_import = !t.trim_end().ends_with(';');
            continue;
        }
        if in_import {
            in_import = !t.trim_end().ends_with(';');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A search module's bytes: the site's own `assets/search/<file>` if it has one, else lore's.
fn source(site: &Site, file: &str) -> Result<Vec<u8>, Diagnostic> {
    let own = site.config.root.join("assets/search").join(file);
    if own.is_file() {
        return std::fs::read(&own).map_err(|e| {
            Diagnostic::error(
                Path::new("assets/search").join(file),
                format!("cannot read: {e}"),
            )
        });
    }
    crate::builtin::ASSETS
        .get_file(format!("search/{file}"))
        .map(|f| f.contents().to_vec())
        .ok_or_else(|| {
            Diagnostic::error(
                format!("assets/search/{file}"),
                "lore's search engine file is missing from this build",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::without_imports;

    #[test]
    fn drops_single_and_multi_line_imports_only() {
        let src = "import { a } from './a.mjs';\nimport {\n  b,\n  c,\n} from './b.mjs';\nconst x = await import('./y.mjs');\nexport function f() {}\n";
        assert_eq!(
            without_imports(src),
            "const x = await import('./y.mjs');\nexport function f() {}\n"
        );
    }
}
