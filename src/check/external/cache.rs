//! The link cache, `.lore-link-cache.json` in the site root: for each external URL, whether it
//! answered well and when it was asked. Only good answers are trusted until they expire; a
//! failing link is asked again on every run. A missing or unreadable cache is an empty one.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::LinkStatus;

/// File name of the cache, in the site root. Keep it between CI runs (e.g. with
/// `actions/cache`); it need not be committed.
pub(crate) const CACHE_FILE: &str = ".lore-link-cache.json";

/// One URL's last answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CacheEntry {
    /// It answered with a `2xx` status.
    pub ok: bool,
    /// The HTTP status, 0 when there was no answer.
    pub status: u16,
    /// When it was asked, in seconds since 1970 (UTC).
    pub checked: u64,
}

/// Every cached URL, sorted, so the file diffs cleanly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct LinkCache {
    /// Format version.
    pub version: u32,
    /// Entries by URL.
    pub links: BTreeMap<String, CacheEntry>,
}

impl LinkCache {
    /// Reads the cache; an absent or damaged file gives an empty cache.
    pub(crate) fn load(path: &Path) -> Self {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice::<LinkCache>(&b).ok())
            .filter(|c| c.version == 1)
            .unwrap_or_default()
    }

    /// True if `url` answered well less than `ttl` ago.
    pub(crate) fn is_fresh(&self, url: &str, now: u64, ttl: Duration) -> bool {
        self.links
            .get(url)
            .is_some_and(|e| e.ok && now.saturating_sub(e.checked) < ttl.as_secs())
    }

    /// Records an answer.
    pub(crate) fn record(&mut self, url: &str, status: &LinkStatus, now: u64) {
        let (ok, code) = match status {
            LinkStatus::Ok(c) => (true, *c),
            LinkStatus::Status(c) => (false, *c),
            LinkStatus::Timeout | LinkStatus::Failed(_) => (false, 0),
        };
        self.links.insert(
            url.to_string(),
            CacheEntry {
                ok,
                status: code,
                checked: now,
            },
        );
    }

    /// Keeps only the URLs for which `keep` is true (links removed from the site drop out).
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.links.retain(|u, _| keep(u));
    }

    /// Writes the cache (through a temporary file, so a crash never leaves half a file).
    pub(crate) fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut copy = self.clone();
        copy.version = 1;
        let json = serde_json::to_vec_pretty(&copy).map_err(std::io::Error::other)?;
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, path)
    }
}

/// Seconds since 1970 (UTC).
pub(super) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusts_good_answers_until_they_expire_and_never_failures() {
        let mut c = LinkCache::default();
        c.record("https://a.org/", &LinkStatus::Ok(200), 1000);
        c.record("https://b.org/", &LinkStatus::Status(404), 1000);
        let day = Duration::from_secs(86400);
        assert!(c.is_fresh("https://a.org/", 1000 + 3600, day));
        assert!(!c.is_fresh("https://a.org/", 1000 + 86400, day));
        assert!(!c.is_fresh("https://b.org/", 1001, day));
    }

    #[test]
    fn round_trips_through_its_file_and_ignores_a_damaged_one() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join(CACHE_FILE);
        let mut c = LinkCache::default();
        c.record("https://a.org/", &LinkStatus::Ok(200), 5);
        c.save(&path).expect("save");
        assert_eq!(LinkCache::load(&path).links, c.links);
        std::fs::write(&path, "{not json").expect("write");
        assert!(LinkCache::load(&path).links.is_empty());
    }
}
