//! Page weight: each built page's HTML plus the stylesheets and scripts it loads from the site,
//! each gzipped as a server would send it, against `budget.page_kb` in site.yaml. Readers on
//! slow, costly connections pay for every kilobyte; a page over budget is a warning that names
//! it and says what weighs (fails `lore check --strict`). The modules a script imports later are
//! left out: the budget is what a reader waits for before reading.
//!
//! Pictures have their own budget, `budget.first_screen_images_kb`: the pictures a page loads
//! at once (every `<img>` not `loading="lazy"`, which lore gives all but a page's first
//! picture), in the file a phone takes from their `srcset` ([`PHONE_PIXELS`] wide, WebP where
//! offered).

use std::collections::BTreeMap;
use std::path::Path;

use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::diagnostics::Diagnostic;
use crate::output::gzipped_len;
use crate::site::Site;

/// Device pixels a phone asks of a picture as wide as its screen: 390 CSS pixels at a
/// device-pixel ratio of 2, a common phone among lore's readers'.
pub(crate) const PHONE_PIXELS: u32 = 780;

/// What a page weighs, gzipped, in bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PageWeight {
    /// The HTML.
    pub html: u64,
    /// Its stylesheets.
    pub css: u64,
    /// Its scripts.
    pub js: u64,
    /// The pictures it loads at once, as a phone takes them (not gzipped: they are compressed).
    pub first_screen_images: u64,
    /// Those pictures' files (root-relative URLs), to name them.
    pub first_screen_pictures: Vec<String>,
}

impl PageWeight {
    /// Everything together.
    pub(crate) fn total(&self) -> u64 {
        self.html + self.css + self.js
    }
}

/// The weight of every HTML page under `dir` (the rendered site), by path in it.
pub(crate) fn page_weights(dir: &Path, base_url: &str) -> BTreeMap<String, PageWeight> {
    let base_path = crate::render::templates::base_path(base_url);
    let mut assets: BTreeMap<String, u64> = BTreeMap::new();
    let mut pictures: BTreeMap<String, u64> = BTreeMap::new();
    let site_file = |url: &str| {
        url.strip_prefix(base_path.as_str())
            .and_then(|u| u.strip_prefix('/'))
            .map(str::to_string)
    };
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
        let loaded = loaded_files(&html);
        for url in loaded.pictures {
            let Some(rel) = site_file(&url) else {
                continue;
            };
            weight.first_screen_images += *pictures
                .entry(rel.clone())
                .or_insert_with(|| std::fs::metadata(dir.join(&rel)).map_or(0, |m| m.len()));
            weight.first_screen_pictures.push(url);
        }
        for (url, is_css) in loaded.files {
            let Some(rel) = site_file(&url) else {
                continue;
            };
            let size = *assets
                .entry(rel.clone())
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

/// What a page loads from the site before it is read.
#[derive(Debug, Default, PartialEq)]
struct Loaded {
    /// Stylesheets and scripts: (root-relative URL, is a stylesheet).
    files: Vec<(String, bool)>,
    /// The pictures loaded at once, in the file a phone takes.
    pictures: Vec<String>,
}

/// The site's own stylesheets, scripts and first-screen pictures a page loads.
fn loaded_files(html: &str) -> Loaded {
    let found = std::cell::RefCell::new(Vec::new());
    let pictures = std::cell::RefCell::new(Vec::new());
    // The WebP `<source>` of the `<picture>` being read, which a browser prefers to the `<img>`.
    let webp = std::cell::RefCell::new(None::<String>);
    let local = |u: &str| u.starts_with('/') && !u.starts_with("//");
    let _ = rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("picture source[srcset]", |el| {
                if el.get_attribute("type").as_deref() == Some("image/webp") {
                    *webp.borrow_mut() = el.get_attribute("srcset");
                }
                Ok(())
            }))
            .append_element_content_handler(element!("img[src]", |el| {
                let source = webp.borrow_mut().take();
                if el.get_attribute("loading").as_deref() == Some("lazy") {
                    return Ok(());
                }
                let url = source
                    .or_else(|| el.get_attribute("srcset"))
                    .and_then(|s| phone_choice(&s))
                    .or_else(|| el.get_attribute("src"))
                    .filter(|u| local(u));
                pictures.borrow_mut().extend(url);
                Ok(())
            }))
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
    Loaded {
        files: found.into_inner(),
        pictures: pictures.into_inner(),
    }
}

/// The candidate of a `srcset` with width descriptors a phone takes: the narrowest at least
/// [`PHONE_PIXELS`] wide, or else the widest.
fn phone_choice(srcset: &str) -> Option<String> {
    let candidates: Vec<(u32, &str)> = srcset
        .split(',')
        .filter_map(|c| {
            let mut parts = c.split_whitespace();
            let url = parts.next()?;
            let width = parts.next()?.strip_suffix('w')?.parse().ok()?;
            Some((width, url))
        })
        .collect();
    candidates
        .iter()
        .filter(|(w, _)| *w >= PHONE_PIXELS)
        .min_by_key(|(w, _)| *w)
        .or_else(|| candidates.iter().max_by_key(|(w, _)| *w))
        .map(|(_, url)| url.to_string())
}

/// A warning for each page heavier than the site's budget, at the page's source file (or its
/// output path for generated pages).
pub(crate) fn check_budget(site: &Site, weights: &BTreeMap<String, PageWeight>) -> Vec<Diagnostic> {
    let budget = site.config.budget.page_kb * 1000;
    let sources: BTreeMap<String, &Path> = site
        .pages
        .iter()
        .filter(|p| !p.generated)
        .map(|p| (crate::render::output_path(&p.url), p.source.as_path()))
        .collect();
    let picture_budget = site.config.budget.first_screen_images_kb * 1000;
    let kb = |n: u64| format!("{:.1}", n as f64 / 1000.0);
    let at = |path: &str| {
        sources
            .get(path)
            .map_or_else(|| Path::new(path).to_path_buf(), |s| s.to_path_buf())
    };
    let pages = weights
        .iter()
        .filter(|(_, w)| w.total() > budget)
        .map(|(path, w)| {
            Diagnostic::warning(
                at(path),
                format!(
                    "page {path} weighs {} KB gzipped (HTML {} KB, CSS {} KB, JS {} KB), over the budget of {} KB",
                    kb(w.total()), kb(w.html), kb(w.css), kb(w.js), site.config.budget.page_kb
                ),
            )
            .help("make the page lighter (split a long page, drop a script it does not need), or raise `budget: {page_kb: N}` in site.yaml")
        });
    let pictures = weights
        .iter()
        .filter(|(_, w)| w.first_screen_images > picture_budget)
        .map(|(path, w)| {
            Diagnostic::warning(
                at(path),
                format!(
                    "the pictures on the first screen of page {path} weigh {} KB as a phone takes them ({}), over the budget of {} KB",
                    kb(w.first_screen_images),
                    w.first_screen_pictures.join(", "),
                    site.config.budget.first_screen_images_kb
                ),
            )
            .help("start the page with a smaller or simpler picture, move the picture further down (only a page's first picture loads at once), or raise `budget: {first_screen_images_kb: N}` in site.yaml")
        });
    pages.chain(pictures).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_site_s_stylesheets_and_scripts_not_other_sites() {
        let html = "<link rel=\"stylesheet\" href=\"/css/a.css\"><link rel=\"icon\" href=\"/i.svg\"><link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><script type=\"module\" src=\"/js/b.js\"></script><script>inline()</script>";
        assert_eq!(
            loaded_files(html).files,
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
        let page = &w["index.html"];
        assert!(page.html > 0 && page.css > 0 && page.js == 0, "{page:?}");
        assert!(page.css < 3000, "gzipped: {page:?}");
    }

    #[test]
    fn a_phone_takes_the_webp_source_at_its_width_and_lazy_pictures_wait() {
        let html = concat!(
            "<picture><source type=\"image/webp\" srcset=\"/a-480w.webp 480w, /a-960w.webp 960w, /a-1440w.webp 1440w\" sizes=\"100vw\">",
            "<img src=\"/a-960w.jpg\" srcset=\"/a-480w.jpg 480w, /a-960w.jpg 960w\" alt=\"\"></picture>",
            "<img src=\"/small.png\" srcset=\"/small-300w.png 300w\" alt=\"\">",
            "<img src=\"/logo.svg\" alt=\"\"><img src=\"https://other.org/x.png\" alt=\"\">",
            "<picture><source type=\"image/webp\" srcset=\"/b-480w.webp 480w\"><img src=\"/b.png\" loading=\"lazy\" alt=\"\"></picture>",
            "<img src=\"/c.png\" loading=\"lazy\" alt=\"\">",
        );
        assert_eq!(
            loaded_files(html).pictures,
            ["/a-960w.webp", "/small-300w.png", "/logo.svg"]
        );
    }
}
