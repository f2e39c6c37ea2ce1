//! Page weight: each built page's HTML plus the stylesheets and scripts it loads from the site,
//! each gzipped as a server would send it, against `budget.page_kb` in site.yaml. Readers on
//! slow, costly connections pay for every kilobyte; a page over budget is a warning that names
//! it and says what weighs (fails `lore check --strict`). Images and the modules a script
//! imports later are left out: the budget is what a reader waits for before reading.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::diagnostics::Diagnostic;
use crate::site::Site;

/// What a page weighs, gzipped, in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageWeight {
    /// The HTML.
    pub html: u64,
    /// Its stylesheets.
    pub css: u64,
    /// Its scripts.
    pub js: u64,
}

impl PageWeight {
    /// Everything together.
    pub fn total(&self) -> u64 {
        self.html + self.css + self.js
    }
}

/// The weight of every HTML page under `dir` (the rendered site), by path in it.
pub fn page_weights(dir: &Path, base_url: &str) -> BTreeMap<String, PageWeight> {
    let base_path = crate::render::templates::base_path(base_url);
    let mut assets: BTreeMap<String, u64> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(path) else {
            continue;
        };
        let mut weight = PageWeight {
            html: gzipped_len(html.as_bytes()),
            ..Default::default()
        };
        for (url, is_css) in loaded_files(&html) {
            let Some(rel) = url
                .strip_prefix(base_path.as_str())
                .and_then(|u| u.strip_prefix('/'))
            else {
                continue;
            };
            let size = *assets
                .entry(rel.to_string())
                .or_insert_with(|| std::fs::read(dir.join(rel)).map_or(0, |b| gzipped_len(&b)));
            if is_css {
                weight.css += size
            } else {
                weight.js += size
            }
        }
        let rel = path
            .strip_prefix(dir)
            .map(crate::content::page::rel_key)
            .unwrap_or_default();
        out.insert(rel, weight);
    }
    out
}

/// The site's own stylesheets and scripts a page loads: (root-relative URL, is a stylesheet).
fn loaded_files(html: &str) -> Vec<(String, bool)> {
    let found = std::cell::RefCell::new(Vec::new());
    let local = |u: &str| u.starts_with('/') && !u.starts_with("//");
    let _ = rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("link[rel=stylesheet][href]", |el| {
                if let Some(href) = el.get_attribute("href").filter(|h| local(h)) {
                    found.borrow_mut().push((href, true));
                }
                Ok(())
            }))
            .append_element_content_handler(element!("script[src]", |el| {
                if let Some(src) = el.get_attribute("src").filter(|s| local(s)) {
                    found.borrow_mut().push((src, false));
                }
                Ok(())
            })),
    );
    found.into_inner()
}

fn gzipped_len(bytes: &[u8]) -> u64 {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    // Writing to a Vec cannot fail.
    let _ = gz.write_all(bytes);
    gz.finish().map_or(0, |v| v.len() as u64)
}

/// A warning for each page heavier than the site's budget, at the page's source file (or its
/// output path for generated pages).
pub fn check_budget(site: &Site, weights: &BTreeMap<String, PageWeight>) -> Vec<Diagnostic> {
    let budget = site.config.budget.page_kb * 1000;
    let sources: BTreeMap<String, &Path> = site
        .pages
        .iter()
        .filter(|p| !p.generated)
        .map(|p| (crate::render::output_path(&p.url), p.source.as_path()))
        .collect();
    let kb = |n: u64| format!("{:.1}", n as f64 / 1000.0);
    weights
        .iter()
        .filter(|(_, w)| w.total() > budget)
        .map(|(path, w)| {
            let at = sources.get(path).map_or_else(|| Path::new(path).to_path_buf(), |s| s.to_path_buf());
            Diagnostic::warning(
                at,
                format!(
                    "page {path} weighs {} KB gzipped (HTML {} KB, CSS {} KB, JS {} KB), over the budget of {} KB",
                    kb(w.total()), kb(w.html), kb(w.css), kb(w.js), site.config.budget.page_kb
                ),
            )
            .help("make the page lighter (split a long page, drop a script it does not need), or raise `budget: {page_kb: N}` in site.yaml")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_site_s_stylesheets_and_scripts_not_other_sites() {
        let html = "<link rel=\"stylesheet\" href=\"/css/a.css\"><link rel=\"icon\" href=\"/i.svg\"><link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><script type=\"module\" src=\"/js/b.js\"></script><script>inline()</script>";
        assert_eq!(
            loaded_files(html),
            vec![
                ("/css/a.css".to_string(), true),
                ("/js/b.js".to_string(), false)
            ]
        );
    }

    #[test]
    fn weighs_a_page_with_what_it_loads_under_a_base_path() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::create_dir_all(dir.path().join("css")).expect("mkdir");
        std::fs::write(dir.path().join("css/a.css"), "body{color:red}".repeat(200)).expect("css");
        std::fs::write(
            dir.path().join("index.html"),
            "<link rel=\"stylesheet\" href=\"/kb/css/a.css\"><p>hi</p>",
        )
        .expect("html");
        let w = page_weights(dir.path(), "https://x.org/kb");
        let page = w["index.html"];
        assert!(page.html > 0 && page.css > 0 && page.js == 0, "{page:?}");
        assert!(page.css < 3000, "gzipped: {page:?}");
    }
}
