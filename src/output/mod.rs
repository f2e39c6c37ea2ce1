//! Writing the site: every output file goes through [`Staging`], which is the only code that
//! touches the output folder.
//!
//! Files are written into a fresh folder beside the output (`.public.lore-tmp`), then swapped in
//! whole, so a failed build leaves the previous site untouched and a reader never sees a
//! half-written one. Every path is checked segment by segment: nothing is written outside the
//! staging folder, whatever a slug or alias says.
//!
//! `lore serve` keeps its served folder and moves only the files that changed into it
//! ([`Staging::move_changed_into_target`]), or, when most changed, moves the files that did not
//! into the staging folder and swaps it in ([`Staging::swap_into_target`]): a failed rebuild
//! still writes nothing there.
//!
//! Which folders a build may replace is [`guard`]'s business (every staging folder holds its
//! marker), and what a killed run leaves beside the output is [`leftovers`]'.

pub(crate) mod assets;
pub(crate) mod diff;
pub(crate) mod guard;
pub(crate) mod leftovers;
pub(crate) mod svg;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use crate::diagnostics::Diagnostic;
use crate::schema::slug::is_safe_segment;
pub(crate) use guard::check_output_dir;

/// The size of `bytes` gzipped: what a reader downloads from a host that compresses.
pub(crate) fn gzipped_len(bytes: &[u8]) -> u64 {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = io::Write::write_all(&mut gz, bytes);
    gz.finish().map_or(0, |v| v.len() as u64)
}

/// Numbers the old folders [`Staging::swap_into_target`] and [`remove_outputs_later`] leave
/// behind.
static OLD: AtomicU64 = AtomicU64::new(0);

/// A folder or file beside `target`, named after it and this process: `.public.lore-tmp-42`.
fn beside(target: &Path, kind: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.lore-{kind}-{}", std::process::id()))
}

/// A scratch file's path beside the output folder `target` (`.public.lore-html-42`), for a
/// build to write before its staging folder exists.
pub(crate) fn beside_target(target: &Path, kind: &str) -> PathBuf {
    beside(&in_parent(target).1, kind)
}

/// The folder `target` is in (`.` for a bare name) and `target` named inside it (`public`
/// for a target without a name of its own, such as `..`).
fn in_parent(target: &Path) -> (&Path, PathBuf) {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    (
        parent,
        parent.join(target.file_name().unwrap_or("public".as_ref())),
    )
}

/// A new folder beside `target` for files on their way out.
fn old_folder(target: &Path) -> PathBuf {
    let n = OLD.fetch_add(1, Ordering::Relaxed);
    let mut path = beside(target, "old").into_os_string();
    path.push(format!("-{n}"));
    PathBuf::from(path)
}

/// Removes a folder on another thread: removing thousands of files can take seconds, which
/// need not delay the build or rebuild that replaced them.
pub(crate) fn remove_in_background(dir: PathBuf) {
    std::thread::spawn(move || fs::remove_dir_all(dir).ok());
}

/// True for a relative path that stays inside the folder it is joined to.
fn is_inside(rel: &str) -> bool {
    !rel.is_empty() && rel.split('/').all(is_safe_segment)
}

/// The error for two outputs claiming one file.
pub(crate) fn same_file(rel: &str) -> Diagnostic {
    Diagnostic::error("", format!("two outputs want the same file `{rel}`"))
        .help("a page, alias or taxonomy term has the same address as another; rename one")
}

/// What moves for each of `paths`: the path itself, or its highest folder holding none of
/// `busy` (paths that must not move with it), which can then move whole.
fn whole_units<'a>(paths: &[&'a str], busy: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut dirty: HashSet<&str> = HashSet::new();
    for rel in busy {
        for (i, _) in rel.match_indices('/') {
            dirty.insert(&rel[..i]);
        }
    }
    paths
        .iter()
        .map(|rel| {
            rel.match_indices('/')
                .map(|(i, _)| &rel[..i])
                .find(|dir| !dirty.contains(dir))
                .unwrap_or(rel)
        })
        .collect()
}

/// An output folder being filled, to be swapped in by [`Staging::commit`].
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Files written, with their fingerprint when `hashing` (else 0).
    written: Mutex<HashMap<String, u64>>,
    /// Folders made so far (relative): a build writes tens of thousands of files into a few
    /// thousand folders, and asking the file system for each folder again costs two system
    /// calls per file.
    folders: Mutex<HashSet<String>>,
    hashing: bool,
    bytes: AtomicU64,
    committed: bool,
    /// Held while the staging folder exists, so no other run takes it for a killed build's.
    _lock: leftovers::OwnerLock,
}

impl Staging {
    /// Creates an empty staging folder beside `target`.
    pub fn create(target: &Path) -> io::Result<Self> {
        Self::create_with(target, false)
    }

    /// Creates an empty staging folder that also fingerprints every file written, so that
    /// only the files that changed are moved into `target` (what `lore serve` does).
    pub fn create_hashing(target: &Path) -> io::Result<Self> {
        Self::create_with(target, true)
    }

    /// [`Staging::create_hashing`], in a folder of its own named after `name`
    /// (`.public.lore-tmp-<pid>-search`), so that it can be filled while another staging
    /// folder of the same target is (`lore serve` builds its search index beside rebuilds).
    pub fn create_hashing_named(target: &Path, name: &str) -> io::Result<Self> {
        Self::create_in(target, true, Some(name))
    }

    fn create_with(target: &Path, hashing: bool) -> io::Result<Self> {
        Self::create_in(target, hashing, None)
    }

    fn create_in(target: &Path, hashing: bool, name: Option<&str>) -> io::Result<Self> {
        let (parent, target_in_parent) = in_parent(target);
        fs::create_dir_all(parent)?;
        leftovers::remove_abandoned_beside(&target_in_parent);
        let mut dir = beside(&target_in_parent, "tmp").into_os_string();
        if let Some(name) = name {
            dir.push(format!("-{name}"));
        }
        let dir = PathBuf::from(dir);
        let lock = leftovers::OwnerLock::take(&leftovers::staging_lock(&dir))?;
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(guard::MARKER), guard::MARKER_TEXT)?;
        Ok(Self {
            dir,
            target: target.to_path_buf(),
            written: Mutex::new(HashMap::new()),
            folders: Mutex::new(HashSet::new()),
            hashing,
            bytes: AtomicU64::new(0),
            committed: false,
            _lock: lock,
        })
    }

    /// Writes `bytes` at `rel` (`guides/x/index.html`); safe to call from many threads.
    /// Refuses a path that could leave the folder or that was already written.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let rel = rel.trim_start_matches('/');
        if !is_inside(rel) {
            return Err(Diagnostic::error(
                "",
                format!("refusing to write `{rel}`: not a path inside the output folder"),
            ));
        }
        let hash = if self.hashing {
            crate::fingerprint::of_bytes(bytes)
        } else {
            0
        };
        if !self
            .written
            .lock()
            .map_or(true, |mut w| w.insert(rel.to_string(), hash).is_none())
        {
            return Err(same_file(rel));
        }
        let path = self.dir.join(rel);
        let io_err =
            |e: io::Error| Diagnostic::error("", format!("cannot write {}: {e}", path.display()));
        if let Some((folder, _)) = rel.rsplit_once('/') {
            if !self.folders.lock().is_ok_and(|f| f.contains(folder)) {
                fs::create_dir_all(self.dir.join(folder)).map_err(io_err)?;
                if let Ok(mut f) = self.folders.lock() {
                    f.insert(folder.to_string());
                }
            }
        }
        fs::write(&path, bytes).map_err(io_err)?;
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Moves the folder `from`, written through this staging, to `to` with its files: for
    /// files named after a hash of content that is only known once they are written.
    pub fn move_folder(&self, from: &str, to: &str) -> Result<(), Diagnostic> {
        let (from, to) = (from.trim_matches('/'), to.trim_matches('/'));
        for rel in [from, to] {
            if !is_inside(rel) {
                return Err(Diagnostic::error(
                    "",
                    format!("refusing to move `{rel}`: not a path inside the output folder"),
                ));
            }
        }
        let (src, dst) = (self.dir.join(from), self.dir.join(to));
        if !src.exists() {
            return Ok(());
        }
        let io_err = |e: io::Error| {
            Diagnostic::error("", format!("cannot move {} to {to}: {e}", src.display()))
        };
        if dst.exists() {
            return Err(io_err(io::ErrorKind::AlreadyExists.into()));
        }
        if let Some(parent) = dst.parent() {
            fs::create_dir_all(parent).map_err(io_err)?;
        }
        fs::rename(&src, &dst).map_err(io_err)?;
        let prefix = format!("{from}/");
        if let Ok(mut folders) = self.folders.lock() {
            folders.retain(|f| f != from && !f.starts_with(&prefix));
        }
        if let Ok(mut written) = self.written.lock() {
            // The map rebuilt in one pass: a search index moves tens of thousands of paths,
            // and a clone, a remove and an insert per moved path cost three times as much.
            let mut renamed = HashMap::with_capacity(written.len());
            for (path, hash) in written.drain() {
                match path.strip_prefix(&prefix) {
                    Some(rest) => renamed.insert(format!("{to}/{rest}"), hash),
                    None => renamed.insert(path, hash),
                };
            }
            *written = renamed;
        }
        Ok(())
    }

    /// A path for a scratch file of this build beside the staging folder (never inside it, so
    /// it never lands in the output); the caller removes it.
    pub fn scratch_path(&self, name: &str) -> PathBuf {
        let file = self
            .dir
            .file_name()
            .map_or_else(|| "lore".into(), |n| n.to_string_lossy().into_owned());
        self.dir.with_file_name(format!("{file}.{name}"))
    }

    /// The bytes of a file written through this staging.
    pub fn read(&self, rel: &str) -> Result<Vec<u8>, Diagnostic> {
        let path = self.dir.join(rel.trim_start_matches('/'));
        fs::read(&path)
            .map_err(|e| Diagnostic::error("", format!("cannot read {}: {e}", path.display())))
    }

    /// The size of a file written through this staging (0 if there is none).
    pub fn file_len(&self, rel: &str) -> u64 {
        fs::metadata(self.dir.join(rel.trim_start_matches('/'))).map_or(0, |m| m.len())
    }

    /// Number of files written so far.
    pub fn file_count(&self) -> usize {
        self.written.lock().map_or(0, |w| w.len())
    }

    /// Bytes written so far.
    pub fn byte_count(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The files written so far with their fingerprints (0 unless created with
    /// [`Staging::create_hashing`]).
    pub fn written_files(&self) -> HashMap<String, u64> {
        self.written.lock().map(|w| w.clone()).unwrap_or_default()
    }

    /// Drops the staging folder without waiting for its removal: it moves aside at once and
    /// is removed on another thread (a half-written search index is thousands of files).
    pub fn discard_in_background(mut self) {
        let old = old_folder(&self.target);
        if fs::rename(&self.dir, &old).is_ok() {
            self.committed = true;
            remove_in_background(old);
        }
    }

    /// Moves into the target folder every written file whose fingerprint differs from the one
    /// `served` holds for its path (each move is a rename, atomic per file); the rest of the
    /// staging folder is removed (in the background). Returns the number of files moved.
    pub fn move_changed_into_target(mut self, served: &HashMap<String, u64>) -> io::Result<usize> {
        let written = self.written_files();
        if served.is_empty() && !self.target.exists() {
            // A first build: one rename instead of one per file (thousands on a large site).
            fs::rename(&self.dir, &self.target)?;
            self.committed = true;
            return Ok(written.len());
        }
        let changed: Vec<&String> = written
            .iter()
            .filter(|(rel, hash)| served.get(*rel) != Some(hash))
            .map(|(rel, _)| rel)
            .collect();
        // A folder the target does not have yet moves whole (a new version of the search
        // index is thousands of files in one new folder).
        let mut exists: HashMap<&str, bool> = HashMap::new();
        let mut units = std::collections::BTreeSet::new();
        for rel in &changed {
            let new_dir = rel.match_indices('/').map(|(i, _)| &rel[..i]).find(|d| {
                !*exists
                    .entry(d)
                    .or_insert_with(|| self.target.join(d).exists())
            });
            units.insert(new_dir.unwrap_or(rel.as_str()));
        }
        let units: Vec<&str> = units.into_iter().collect();
        // In parallel: after a layout edit every page moves, and one rename at a time leaves
        // the second core idle while the file system works.
        use rayon::prelude::*;
        units.par_iter().try_for_each(|rel| {
            let to = self.target.join(rel);
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::rename(self.dir.join(rel), &to)
        })?;
        let moved = changed.len();
        if moved < written.len() {
            // The files whose bytes were already served stay behind: removing them (thousands
            // after a title change listed everywhere) need not delay the rebuild.
            self.discard_in_background();
        }
        Ok(moved)
    }

    /// What [`Staging::swap_into_target`] moves from the target into the staging folder so
    /// that it holds the whole new site: each file of `carry` (files of the target kept as they
    /// are), or the highest folder above it holding nothing written now and nothing of `drop`
    /// (files of the target no longer produced), which moves whole.
    pub fn swap_units(&self, carry: &[&str], drop: &[&str]) -> Vec<String> {
        let written = self.written.lock().map(|w| w.clone()).unwrap_or_default();
        let busy = written
            .keys()
            .map(String::as_str)
            .chain(drop.iter().copied());
        whole_units(carry, busy)
            .into_iter()
            .map(String::from)
            .collect()
    }

    /// Puts the staging folder in the target's place when most files changed, instead of
    /// moving each changed file in ([`Staging::move_changed_into_target`]): the `units` of the
    /// target that stay ([`Staging::swap_units`]) move into the staging folder, which then
    /// takes the target's place. Returns the old target's new path, for the caller to remove
    /// (removing thousands of files can take seconds, which need not delay the rebuild). On
    /// failure the target is left as it was.
    pub fn swap_into_target(mut self, units: &[String]) -> io::Result<PathBuf> {
        let old = old_folder(&self.target);
        let mut moved = Vec::new();
        let result = units.iter().try_for_each(|u| {
            let to = self.dir.join(u);
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::rename(self.target.join(u), &to)?;
            moved.push(u);
            Ok::<(), io::Error>(())
        });
        let result = result
            .and_then(|()| fs::rename(&self.target, &old))
            .and_then(|()| {
                fs::rename(&self.dir, &self.target).inspect_err(|_| {
                    fs::rename(&old, &self.target).ok();
                })
            });
        if let Err(e) = result {
            for u in moved {
                fs::rename(self.dir.join(u), self.target.join(u)).ok();
            }
            return Err(e);
        }
        self.committed = true;
        Ok(old)
    }

    /// Swaps the staging folder in place of the target; the old output is removed only after.
    /// Where the system can, both folders trade places in one step, so that a build killed at
    /// any moment leaves one whole site in place, old or new.
    pub fn commit(mut self) -> io::Result<()> {
        if !self.target.exists() {
            fs::rename(&self.dir, &self.target)?;
            self.committed = true;
            return Ok(());
        }
        if exchange(&self.dir, &self.target).is_ok() {
            self.committed = true;
            fs::remove_dir_all(&self.dir).ok();
            return Ok(());
        }
        let old = beside(&self.target, "old");
        fs::rename(&self.target, &old)?;
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            fs::rename(&old, &self.target).ok();
            return Err(e);
        }
        self.committed = true;
        fs::remove_dir_all(&old).ok();
        Ok(())
    }
}

/// Swaps two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`); an error where the
/// system or file system cannot.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths that live across the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Like [`remove_outputs`], but moves the files out of `target` at once and removes them on
/// another thread: each file's highest folder holding nothing of `staying` (every file of
/// `target` that stays) moves whole into a folder beside `target`, which a thread then removes.
/// Removing tens of thousands of files (an old search index) can take seconds.
pub(crate) fn remove_outputs_later(
    target: &Path,
    gone: &[&str],
    staying: &[&str],
) -> io::Result<()> {
    let gone: Vec<&str> = gone.iter().copied().filter(|rel| is_inside(rel)).collect();
    let units = whole_units(&gone, staying.iter().copied());
    let trash = old_folder(target);
    for unit in &units {
        let to = trash.join(unit);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)?;
        }
        match fs::rename(target.join(unit), &to) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    // The folders the moves left empty, as `remove_outputs` leaves none.
    for unit in &units {
        let mut dir = target.join(unit);
        while dir.pop() && dir != target && dir.starts_with(target) {
            if fs::remove_dir(&dir).is_err() {
                break;
            }
        }
    }
    remove_in_background(trash);
    Ok(())
}

/// Removes files no longer produced from `target` (the served folder of `lore serve`), then the
/// folders they leave empty, so the folder holds exactly what a clean build writes.
pub(crate) fn remove_outputs<'a>(
    target: &Path,
    rels: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    for rel in rels {
        if rel.is_empty() || !rel.split('/').all(is_safe_segment) {
            continue;
        }
        let path = target.join(rel);
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != target && d.starts_with(target)) {
            // Fails, as intended, on the first folder that still holds something.
            if fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            fs::remove_dir_all(&self.dir).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let s = Staging::create(&dir.path().join("public")).unwrap();
        for bad in ["../x.html", "a/../../x", "a//b", "", "a/./b"] {
            assert!(s.write(bad, b"x").is_err(), "{bad}");
        }
        assert!(s.write("a/b/index.html", b"x").is_ok());
        assert!(
            s.write("a/b/index.html", b"y").is_err(),
            "second write to one path"
        );
    }

    #[test]
    fn keeps_old_output_until_commit_and_replaces_it_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("old.html"), "old").unwrap();
        let s = Staging::create(&target).unwrap();
        s.write("new.html", b"new").unwrap();
        assert!(target.join("old.html").exists());
        s.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(fs::read_to_string(target.join("new.html")).unwrap(), "new");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary folder left"
        );
    }

    #[test]
    fn a_swap_carries_what_stays_and_leaves_the_old_folder_aside() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("site");
        for (rel, text) in [
            ("a/index.html", "old a"),
            ("b/index.html", "b"),
            ("s/v1/x.json", "x"),
            ("s/v1/y.json", "y"),
            ("gone/index.html", "gone"),
        ] {
            fs::create_dir_all(target.join(rel).parent().unwrap()).unwrap();
            fs::write(target.join(rel), text).unwrap();
        }
        let s = Staging::create_hashing(&target).unwrap();
        s.write("a/index.html", b"new a").unwrap();
        let units = s.swap_units(
            &["b/index.html", "s/v1/x.json", "s/v1/y.json"],
            &["gone/index.html"],
        );
        assert_eq!(units, ["b", "s"]);
        let old = s.swap_into_target(&units).unwrap();
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new a"
        );
        assert_eq!(fs::read_to_string(target.join("s/v1/y.json")).unwrap(), "y");
        assert!(!target.join("gone").exists());
        assert_eq!(
            fs::read_to_string(old.join("a/index.html")).unwrap(),
            "old a"
        );
    }
}
