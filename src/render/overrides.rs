//! A site's copies of built-in layouts, and whether lore has moved on since they were made.
//!
//! A layout in a site's `layouts/` replaces the built-in one of the same name for good: a later
//! lore's fixes to that layout never reach the site. So `lore eject layout NAME` starts the copy
//! with a line naming the built-in it was copied from by its content hash (the same short hash
//! as fingerprinted assets, computed from the layouts compiled into this binary, never written
//! down by hand):
//!
//! ```text
//! {# lore-builtin: base.html@3f9a1c2e4b — copied by `lore eject layout` (lore 0.1.0) ... -#}
//! ```
//!
//! and `lore check` warns when that hash is no longer the built-in's. After bringing the new
//! built-in's changes into the copy, the maintainer writes the new hash on that line (the warning
//! gives it). A copy without the line is the site's own layout: lore cannot tell its age.

use std::path::Path;

use crate::builtin;
use crate::diagnostics::Diagnostic;
use crate::output::assets::content_hash;
use crate::render::templates::LAYOUTS_DIR;

/// The word that starts the first line's record.
const MARKER: &str = "lore-builtin:";

/// The bytes of the built-in layout `name` (`base.html`), if there is one.
pub(crate) fn builtin_layout(name: &str) -> Option<&'static [u8]> {
    builtin::LAYOUTS.get_file(name).map(|f| f.contents())
}

/// The text of a site's copy of the built-in layout `name`: its record line, then the layout.
pub(crate) fn ejected_layout(name: &str, bytes: &[u8]) -> String {
    let record = format!(
        "{MARKER} {name}@{} — copied by `lore eject layout` (lore {}); `lore check` warns when lore's own {name} changes",
        content_hash(bytes),
        env!("CARGO_PKG_VERSION")
    );
    let line = if name.ends_with(".yaml") || name.ends_with(".yml") {
        format!("# {record}\n")
    } else {
        // `-#}` drops the line break after the comment, so the page starts as the built-in does.
        format!("{{# {record} -#}}\n")
    };
    line + &String::from_utf8_lossy(bytes)
}

/// The built-in name and hash recorded on a layout's first line, if it has the record.
fn recorded(first_line: &str) -> Option<(&str, &str)> {
    let rest = &first_line[first_line.find(MARKER)? + MARKER.len()..];
    rest.split_whitespace().next()?.rsplit_once('@')
}

/// A warning for each of the site's layouts copied from a built-in that has changed since.
pub(crate) fn stale_overrides(root: &Path) -> Vec<Diagnostic> {
    let dir = root.join(LAYOUTS_DIR);
    builtin::files(&builtin::LAYOUTS)
        .into_iter()
        .filter_map(|(name, bytes)| {
            let text = std::fs::read_to_string(dir.join(&name)).ok()?;
            let (from, hash) = recorded(text.lines().next()?)?;
            let now = content_hash(bytes);
            (from == name && hash != now).then(|| stale(&name, hash, &now))
        })
        .collect()
}

fn stale(name: &str, hash: &str, now: &str) -> Diagnostic {
    Diagnostic::warning(
        Path::new(LAYOUTS_DIR).join(name),
        format!(
            "this copy of the built-in {name} is older than lore's own ({hash}, now {now}): the site misses what changed in it"
        ),
    )
    .at(1, 1)
    .help(format!(
        "compare it with `lore eject layout {name} --print`, bring the changes you want into this copy, then write {name}@{now} on line 1; or delete it to use the built-in"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_records_the_builtin_it_came_from() {
        let bytes = builtin_layout("base.html").expect("base.html is built in");
        let text = ejected_layout("base.html", bytes);
        let first = text.lines().next().unwrap();
        assert_eq!(
            recorded(first),
            Some(("base.html", content_hash(bytes).as_str()))
        );
        assert!(first.starts_with("{#") && first.ends_with("-#}"), "{first}");
        assert!(text.ends_with(&*String::from_utf8_lossy(bytes)));
        let yaml = ejected_layout("strings.yaml", b"en: {}\n");
        assert!(yaml.starts_with("# lore-builtin: strings.yaml@"), "{yaml}");
    }

    #[test]
    fn only_a_copy_of_an_older_builtin_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let layouts = dir.path().join(LAYOUTS_DIR);
        std::fs::create_dir_all(&layouts).unwrap();
        let base = builtin_layout("base.html").unwrap();
        std::fs::write(layouts.join("base.html"), ejected_layout("base.html", base)).unwrap();
        std::fs::write(layouts.join("page.html"), "{% extends \"base.html\" %}").unwrap();
        assert!(stale_overrides(dir.path()).is_empty());
        let old = ejected_layout("base.html", base).replacen(&content_hash(base), "0000000000", 1);
        std::fs::write(layouts.join("base.html"), old).unwrap();
        let warnings = stale_overrides(dir.path());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, Path::new("layouts/base.html"));
        assert_eq!(warnings[0].line, 1);
        assert!(warnings[0].message.contains("older than lore's own"));
    }
}
