//! What a run leaves behind when it is killed, and how the next run removes it (issue 19).
//!
//! A build writes beside its output folder (`public/`): a staging folder
//! `.public.lore-tmp-<pid>`, a scratch file `.public.lore-tmp-<pid>.html`, old folders
//! `.public.lore-old-<pid>[-n]`. A server builds into a folder of the system's temporary folder,
//! `lore-serve-<pid>-<n>`. Each comes with an [`OwnerLock`], a lock file held while its owner
//! runs: the system releases it when the process ends, however it ends (SIGKILL included), so
//! the next run knows what it may remove without guessing from process ids, and never removes
//! what a run still working beside it owns.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// A lock file held by this process; removed when dropped.
#[derive(Debug)]
pub(crate) struct OwnerLock {
    path: PathBuf,
    _file: File,
}

impl OwnerLock {
    /// Creates (or reuses) the lock file at `path` and holds it; fails when another process,
    /// or another owner in this one, holds it.
    pub(crate) fn take(path: &Path) -> io::Result<Self> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)?;
        file.try_lock().map_err(io::Error::from)?;
        Ok(Self {
            path: path.to_path_buf(),
            _file: file,
        })
    }
}

impl Drop for OwnerLock {
    fn drop(&mut self) {
        fs::remove_file(&self.path).ok();
    }
}

/// What a lock file tells about its owner.
enum Owner {
    /// Still running: keep what it owns.
    Running,
    /// Gone; the lock is now held by this run until dropped, while it cleans up.
    Gone(Option<File>),
}

/// Asks the lock file at `path` whether its owner still runs. A missing lock file means the
/// owner ended cleanly (it removes its lock last) or was a lore from before these locks.
fn owner(path: &Path) -> Owner {
    match File::open(path) {
        Ok(f) if f.try_lock().is_ok() => Owner::Gone(Some(f)),
        Ok(_) => Owner::Running,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Owner::Gone(None),
        Err(_) => Owner::Running,
    }
}

/// Removes a file or a folder with everything in it; missing is fine.
fn remove(path: &Path) {
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        fs::remove_dir_all(path).ok();
    } else {
        fs::remove_file(path).ok();
    }
}

/// The lock file of the staging folder `.public.lore-tmp-<pid>`.
pub(crate) fn staging_lock(staging: &Path) -> PathBuf {
    let mut p = staging.as_os_str().to_owned();
    p.push(".lock");
    PathBuf::from(p)
}

/// What follows `.public.lore-` in a name beside `public`: `tmp-42.html` -> 42.
fn leftover_pid(rest: &str) -> Option<u32> {
    let rest = rest
        .strip_prefix("tmp-")
        .or_else(|| rest.strip_prefix("old-"))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Removes what killed builds left beside `target` (staging folders, scratch files, old
/// outputs, their locks), skipping this process's own and those of builds still running.
/// A build killed between the two renames of a swap (where the system cannot swap two folders
/// in one step) left no `target`: its old output is moved back first.
pub(crate) fn remove_abandoned_beside(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = format!(".{name}.lore-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut by_pid: std::collections::BTreeMap<u32, Vec<PathBuf>> = Default::default();
    for e in entries.filter_map(Result::ok) {
        let file = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = file.strip_prefix(&prefix).and_then(leftover_pid) else {
            continue;
        };
        if pid != std::process::id() {
            by_pid.entry(pid).or_default().push(e.path());
        }
    }
    for (pid, mut paths) in by_pid {
        let lock = staging_lock(&parent.join(format!("{prefix}tmp-{pid}")));
        let Owner::Gone(_held) = owner(&lock) else {
            continue;
        };
        paths.sort();
        let old = parent.join(format!("{prefix}old-{pid}"));
        if !target.exists() && old.is_dir() && fs::rename(&old, target).is_ok() {
            paths.retain(|p| *p != old);
        }
        for p in paths.iter().filter(|p| **p != lock) {
            remove(p);
        }
        remove(&lock);
    }
}

/// Numbers the server folders of this process.
static SERVE_FOLDERS: AtomicU64 = AtomicU64::new(0);

/// Prefix of the folders `lore serve` builds into, in the system's temporary folder.
const SERVE_PREFIX: &str = "lore-serve-";

/// A server's own folder in `tmp`, removed (with its lock) when dropped.
#[derive(Debug)]
pub(crate) struct ServeFolder {
    path: PathBuf,
    _lock: OwnerLock,
}

impl ServeFolder {
    /// Removes the folders of servers that were killed, then makes this server's folder
    /// `lore-serve-<pid>-<n>` in `tmp`, its lock taken first so that no other server removes it.
    pub(crate) fn create(tmp: &Path) -> io::Result<Self> {
        remove_abandoned_servers(tmp);
        let n = SERVE_FOLDERS.fetch_add(1, Ordering::Relaxed);
        let path = tmp.join(format!("{SERVE_PREFIX}{}-{n}", std::process::id()));
        let lock = OwnerLock::take(&staging_lock(&path))?;
        // A folder of this name left by a killed process that had this id is not ours to keep.
        remove(&path);
        fs::create_dir_all(&path)?;
        Ok(Self { path, _lock: lock })
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ServeFolder {
    fn drop(&mut self) {
        remove(&self.path);
    }
}

/// How long a server folder without a lock file (made by a lore from before the locks) must
/// have been left unchanged before it is taken for abandoned.
const UNLOCKED_SERVE_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// Removes the folders in `tmp` of servers that are no longer running, with their locks.
pub(crate) fn remove_abandoned_servers(tmp: &Path) {
    let Ok(entries) = fs::read_dir(tmp) else {
        return;
    };
    let folders: std::collections::BTreeSet<PathBuf> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let folder = name.strip_suffix(".lock").unwrap_or(&name);
            folder.starts_with(SERVE_PREFIX).then(|| tmp.join(folder))
        })
        .collect();
    for folder in folders {
        let lock = staging_lock(&folder);
        match owner(&lock) {
            Owner::Running => {}
            Owner::Gone(None) if !unchanged_for(&folder, UNLOCKED_SERVE_AGE) => {}
            Owner::Gone(_held) => {
                remove(&folder);
                remove(&lock);
            }
        }
    }
}

/// True when neither `folder` nor the `site` folder in it changed for `age`.
fn unchanged_for(folder: &Path, age: Duration) -> bool {
    let old = |p: &Path| {
        fs::metadata(p)
            .and_then(|m| m.modified())
            .map_or(true, |t| {
                SystemTime::now().duration_since(t).unwrap_or_default() >= age
            })
    };
    old(folder) && old(&folder.join("site"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_keeps_its_folders_and_a_released_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let other = dir.path().join(".public.lore-tmp-999999");
        fs::create_dir_all(other.join("x")).unwrap();
        fs::write(dir.path().join(".public.lore-tmp-999999.html"), "scratch").unwrap();
        let lock = OwnerLock::take(&staging_lock(&other)).unwrap();
        remove_abandoned_beside(&target);
        assert!(other.exists(), "its owner holds the lock");
        drop(lock);
        fs::write(staging_lock(&other), "").unwrap();
        remove_abandoned_beside(&target);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "all removed");
    }

    #[test]
    fn puts_back_an_old_output_a_killed_swap_left_aside() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let old = dir.path().join(".public.lore-old-999998");
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "old").unwrap();
        remove_abandoned_beside(&target);
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );
    }

    #[test]
    fn a_server_folder_is_removed_once_its_server_is_gone() {
        let tmp = tempfile::tempdir().unwrap();
        let running = ServeFolder::create(tmp.path()).unwrap();
        let killed = tmp.path().join("lore-serve-999997-0");
        fs::create_dir_all(killed.join("site")).unwrap();
        fs::write(staging_lock(&killed), "").unwrap();
        let unlocked_new = tmp.path().join("lore-serve-AbCdEf");
        fs::create_dir_all(&unlocked_new).unwrap();
        let second = ServeFolder::create(tmp.path()).unwrap();
        assert!(running.path().is_dir() && second.path().is_dir());
        assert!(!killed.exists() && !staging_lock(&killed).exists());
        assert!(
            unlocked_new.exists(),
            "a recent folder of an older lore stays"
        );
        let path = running.path().to_path_buf();
        drop(running);
        assert!(!path.exists() && !staging_lock(&path).exists());
    }
}
