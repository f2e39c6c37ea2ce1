//! The built-in layouts and assets, compiled into the binary from the repository's own
//! `layouts/` and `assets/` (the example site's), so a site without them still renders.

use include_dir::{include_dir, Dir};

/// Built-in minijinja layouts, overridden file by file by a site's `layouts/`.
pub(crate) static LAYOUTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/layouts");

/// Built-in CSS, JS and images, overridden file by file by a site's `assets/`.
pub static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// The example site's content, written by `lore init`.
pub(crate) static CONTENT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// The example site's `site.yaml`, written by `lore init`.
pub(crate) static SITE_YAML: &str = include_str!("../site.yaml");

/// Every file of an embedded folder as (path with `/` separators, bytes), sorted by path.
pub(crate) fn files(dir: &'static Dir<'static>) -> Vec<(String, &'static [u8])> {
    let mut out = Vec::new();
    collect(dir, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for f in dir.files() {
        out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()));
    }
    for d in dir.dirs() {
        collect(d, out);
    }
}
