//! Watching the site's sources with notify, debounced: an editor's save (write to a temporary
//! file and rename, swap files) or a `git checkout` touching many files becomes one rebuild.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use super::Live;

/// How long the sources must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(50);

/// How long edits must pause after a rebuild before the search index is rebuilt (on another
/// thread, given up if an edit comes meanwhile).
const SEARCH_AFTER: Duration = Duration::from_millis(300);

/// A running watcher; dropping it stops watching.
pub(super) struct Watcher {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
}

impl Watcher {
    /// Watches `root`'s site.yaml, content/, layouts/ and assets/, rebuilding `live` on change.
    pub(super) fn start(root: &Path, live: Arc<Live>) -> notify::Result<Self> {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let watched_root = root.clone();
        let (tx, rx) = std::sync::mpsc::channel::<Changes>();
        let mut debouncer = new_debouncer(QUIET, None, move |result: DebounceEventResult| {
            let changes = match result {
                Ok(events) => {
                    // The watcher may have missed events (its queue overflowed): look at
                    // everything.
                    let lost = events.iter().any(|e| e.event.need_rescan());
                    let paths: Vec<PathBuf> = events
                        .into_iter()
                        // Reading a file is an event too (inotify's open/close): the build's
                        // own reads must not trigger another build.
                        .filter(|e| !matches!(e.event.kind, notify::EventKind::Access(_)))
                        .flat_map(|e| e.event.paths)
                        .filter_map(|p| source_path(&watched_root, &p))
                        .collect();
                    Changes { paths, lost }
                }
                Err(_) => Changes {
                    paths: Vec::new(),
                    lost: true,
                },
            };
            if changes.lost || !changes.paths.is_empty() {
                tx.send(changes).ok();
            }
        })?;
        for dir in ["content", "layouts", "assets"] {
            let d = root.join(dir);
            if d.is_dir() {
                debouncer.watch(&d, RecursiveMode::Recursive)?;
            }
        }
        debouncer.watch(&root, RecursiveMode::NonRecursive)?;
        // Rebuilds run one at a time on their own thread; changes that arrive during a rebuild
        // are merged into the next one. The search index (seconds on a large site) is rebuilt
        // on another thread once edits pause, and the next rebuild stops it rather than wait
        // for it, so it never delays a page reload.
        std::thread::spawn(move || {
            while let Ok(mut changes) = rx.recv() {
                loop {
                    while let Ok(more) = rx.try_recv() {
                        changes.merge(more);
                    }
                    let css_only = !changes.lost
                        && changes.paths.iter().all(|p| {
                            p.starts_with("assets") && p.extension().is_some_and(|e| e == "css")
                        });
                    live.rebuild(css_only, (!changes.lost).then_some(&changes.paths[..]));
                    match rx.recv_timeout(SEARCH_AFTER) {
                        Ok(more) => changes = more,
                        Err(_) => break,
                    }
                }
                live.start_search();
            }
        });
        Ok(Self {
            _debouncer: debouncer,
        })
    }
}

/// What the watcher saw between two rebuilds.
struct Changes {
    /// Changed paths, relative to the site folder.
    paths: Vec<PathBuf>,
    /// True when events may have been missed: the rebuild must look at every file.
    lost: bool,
}

impl Changes {
    fn merge(&mut self, more: Changes) {
        self.paths.extend(more.paths);
        self.lost |= more.lost;
    }
}

/// `path` relative to the site folder `root`, for a change that can affect the site.
fn source_path(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    is_source(root, path).then(|| rel.to_path_buf())
}

/// True for a change that can affect the site: site.yaml and anything under content/, layouts/
/// or assets/, except editors' temporary and swap files.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temporary = name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp");
    if temporary {
        return false;
    }
    // What the content walk skips (dot files, `_` names but `_index`) cannot change the site:
    // an editor's save as `.name.tmp-1234` then renamed would otherwise cost a rebuild of its own.
    if let Ok(c) = rel.strip_prefix(crate::content::CONTENT_DIR) {
        if crate::content::load::is_skipped_path(c) {
            return false;
        }
    }
    rel == Path::new(crate::config::CONFIG_FILE)
        || ["content", "layouts", "assets"]
            .iter()
            .any(|d| rel.starts_with(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_output_and_editor_temporary_files() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/a.md")));
        assert!(is_source(root, Path::new("/site/site.yaml")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/content/.a.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/a.md~")));
        // Names the content walk skips, as editors' atomic saves write them.
        assert!(!is_source(
            root,
            Path::new("/site/content/guides/.tmp-edit")
        ));
        assert!(!is_source(root, Path::new("/site/content/.a.md.tmp-4242")));
        assert!(is_source(root, Path::new("/site/content/guides/_index.md")));
    }
}
