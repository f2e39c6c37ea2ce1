//! `lore check --external`: external links (`https://...`) in Markdown and front matter,
//! checked over the network, each reported as a warning when it fails.
//!
//! A small pool of threads does the requests ([`ExternalOptions::concurrency`]); requests to one
//! host are spaced by [`ExternalOptions::per_host_interval`], so a site with a hundred links to
//! one server does not hammer it; each request has a timeout; a `429 Too Many Requests` or a
//! `5xx` answer is retried after the server's `Retry-After` (or a growing pause). Results go to
//! a cache file in the site root ([`CACHE_FILE`]): a link that answered well is not asked again
//! until the cache entry expires, so CI re-checks only new links, failed ones and expired ones.
//!
//! lychee-lib was considered first (issue 7); it needs Rust 1.88 (lore supports 1.85), brings
//! its own reqwest/hyper stack and a GitHub client, and leaves the persistent cache to its
//! command-line tool, so this module uses `ureq` and a few dozen lines of pool instead.

mod cache;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::references::PageReferences;
use crate::diagnostics::Diagnostic;
use crate::site::Site;
pub(crate) use cache::{LinkCache, CACHE_FILE};

/// How external links are checked.
#[derive(Clone, Debug)]
pub struct ExternalOptions {
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Least time between two requests to the same host.
    pub per_host_interval: Duration,
    /// Longest wait for one answer.
    pub timeout: Duration,
    /// Further tries after a `429` or `5xx` answer.
    pub retries: u32,
    /// Longest pause before a retry, whatever `Retry-After` says.
    pub max_retry_wait: Duration,
    /// How long a good answer stays in the cache.
    pub cache_ttl: Duration,
    /// The cache file; `None` for no cache.
    pub cache_file: Option<PathBuf>,
}

impl ExternalOptions {
    /// Defaults for the site in `root`: 8 requests at once, 4 a second per host, 10 s timeout,
    /// 2 retries, results cached for a week in `root/.lore-link-cache.json`.
    pub(crate) fn new(root: &std::path::Path) -> Self {
        Self {
            concurrency: 8,
            per_host_interval: Duration::from_millis(250),
            timeout: Duration::from_secs(10),
            retries: 2,
            max_retry_wait: Duration::from_secs(30),
            cache_ttl: Duration::from_secs(7 * 24 * 3600),
            cache_file: Some(root.join(CACHE_FILE)),
        }
    }
}

/// What an external check did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExternalSummary {
    /// Distinct external URLs in the site.
    pub links: usize,
    /// Of those, asked over the network in this run.
    pub requested: usize,
    /// Of those, known good from the cache.
    pub cached: usize,
    /// Of those, failing.
    pub failed: usize,
}

/// The answer about one URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LinkStatus {
    /// A `2xx` answer (after redirects), with its status code.
    Ok(u16),
    /// Any other answer.
    Status(u16),
    /// No answer within the timeout.
    Timeout,
    /// The request failed (no such host, refused connection, bad TLS).
    Failed(String),
}

/// Where a URL is written: file, line, column.
type Place = (PathBuf, usize, usize);

/// Checks every external URL of the site; failures are warnings at each place the URL appears.
pub(crate) fn check_external_links(
    site: &Site,
    refs: &[PageReferences],
    options: &ExternalOptions,
) -> (ExternalSummary, Vec<Diagnostic>) {
    let places = external_urls(site, refs);
    let mut cache = options
        .cache_file
        .as_deref()
        .map(LinkCache::load)
        .unwrap_or_default();
    let now = cache::unix_now();
    let to_check: Vec<String> = places
        .keys()
        .filter(|u| !cache.is_fresh(u, now, options.cache_ttl))
        .cloned()
        .collect();
    let results = fetch_all(&to_check, options);
    let mut summary = ExternalSummary {
        links: places.len(),
        requested: to_check.len(),
        cached: places.len() - to_check.len(),
        failed: 0,
    };
    let mut diags = Vec::new();
    for (url, status) in &results {
        cache.record(url, status, now);
        if matches!(status, LinkStatus::Ok(_)) {
            continue;
        }
        summary.failed += 1;
        for (path, line, col) in &places[url] {
            diags.push(describe(path, url, status, options).at(*line, *col));
        }
    }
    cache.retain(|u| places.contains_key(u));
    if let Some(file) = &options.cache_file {
        if let Err(e) = cache.save(file) {
            diags.push(Diagnostic::warning(
                CACHE_FILE,
                format!("cannot write the link cache: {e}"),
            ));
        }
    }
    (summary, diags)
}

/// The warning for a failing URL.
fn describe(
    path: &std::path::Path,
    url: &str,
    status: &LinkStatus,
    options: &ExternalOptions,
) -> Diagnostic {
    let (message, help) = match status {
        LinkStatus::Ok(_) => (String::new(), ""),
        LinkStatus::Status(429) => (
            format!("external link {url} answers 429 Too Many Requests, even after {} tries", options.retries + 1),
            "the server limits link checkers: open it in a browser, or run the check again later",
        ),
        LinkStatus::Status(code) => (
            format!("external link {url} answers {code} {}", reason(*code)),
            "open it in a browser; update the address or remove the link if the page has moved or gone",
        ),
        LinkStatus::Timeout => (
            format!("external link {url} did not answer within {} s", options.timeout.as_secs_f64()),
            "open it in a browser; if it is slow but works, ignore this warning",
        ),
        LinkStatus::Failed(why) => (
            format!("external link {url} cannot be reached: {why}"),
            "check the address for typos; the site may be down or gone",
        ),
    };
    Diagnostic::warning(path, message).help(help)
}

fn reason(code: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

/// Every `http(s)://` URL of the site with the places it is written, in URL order.
fn external_urls(site: &Site, refs: &[PageReferences]) -> BTreeMap<String, Vec<Place>> {
    let mut out: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for (id, page) in site.pages.iter().enumerate() {
        if page.generated {
            continue;
        }
        for r in &refs[id].references {
            if is_external(&r.dest) {
                out.entry(without_fragment(&r.dest)).or_default().push((
                    page.source.clone(),
                    r.line,
                    r.col,
                ));
            }
        }
        let mut in_fields = Vec::new();
        for v in page.fields.values() {
            collect_strings(v, &mut in_fields);
        }
        for url in in_fields.into_iter().filter(|u| is_external(u)) {
            let (line, col) =
                super::fields::locate_text(&site.config.root, page, &url).unwrap_or((1, 1));
            out.entry(without_fragment(&url))
                .or_default()
                .push((page.source.clone(), line, col));
        }
    }
    for places in out.values_mut() {
        places.sort();
        places.dedup();
    }
    out
}

fn is_external(url: &str) -> bool {
    let u = url.trim();
    (u.starts_with("https://") || u.starts_with("http://")) && u.len() > "https://".len()
}

fn without_fragment(url: &str) -> String {
    url.trim().split('#').next().unwrap_or(url).to_string()
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| collect_strings(i, out)),
        _ => {}
    }
}

/// Requests every URL with a bounded pool of threads; results in URL order.
fn fetch_all(urls: &[String], options: &ExternalOptions) -> Vec<(String, LinkStatus)> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!("lore-link-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let gate = HostGate::new(options.per_host_interval);
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(urls.len()));
    std::thread::scope(|scope| {
        for _ in 0..options.concurrency.clamp(1, 64).min(urls.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(url) = urls.get(i) else { break };
                let status = fetch(&agent, &gate, url, options);
                if let Ok(mut r) = results.lock() {
                    r.push((url.clone(), status));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    results
}

/// One URL, with retries on `429` and `5xx`.
fn fetch(agent: &ureq::Agent, gate: &HostGate, url: &str, options: &ExternalOptions) -> LinkStatus {
    let host = host_of(url);
    let mut attempt = 0;
    loop {
        gate.wait(&host);
        let (status, retry_after) = match agent.get(url).call() {
            Ok(resp) => {
                let code = resp.status().as_u16();
                let after = resp
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                if (200..300).contains(&code) {
                    (LinkStatus::Ok(code), None)
                } else {
                    (LinkStatus::Status(code), after)
                }
            }
            Err(ureq::Error::Timeout(_)) => (LinkStatus::Timeout, None),
            Err(e) => (LinkStatus::Failed(e.to_string()), None),
        };
        let retryable = matches!(status, LinkStatus::Status(c) if c == 429 || c >= 500);
        if !retryable || attempt >= options.retries {
            return status;
        }
        let backoff = Duration::from_millis(500) * 2u32.pow(attempt);
        std::thread::sleep(retry_after.unwrap_or(backoff).min(options.max_retry_wait));
        attempt += 1;
    }
}

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_ascii_lowercase()
}

/// Spaces requests to each host: every request takes the host's next free slot.
struct HostGate {
    interval: Duration,
    next: Mutex<HashMap<String, Instant>>,
}

impl HostGate {
    fn new(interval: Duration) -> Self {
        Self {
            interval,
            next: Mutex::new(HashMap::new()),
        }
    }

    fn wait(&self, host: &str) {
        let now = Instant::now();
        let slot = match self.next.lock() {
            Ok(mut next) => {
                let slot = next.get(host).map_or(now, |&t| t.max(now));
                next.insert(host.to_string(), slot + self.interval);
                slot
            }
            Err(_) => now,
        };
        std::thread::sleep(slot.saturating_duration_since(now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_requests_to_one_host() {
        let gate = HostGate::new(Duration::from_millis(40));
        let start = Instant::now();
        for _ in 0..3 {
            gate.wait("a.org");
        }
        gate.wait("b.org");
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(80), "{took:?}");
        assert!(took < Duration::from_millis(400), "{took:?}");
    }

    #[test]
    fn reads_hosts() {
        assert_eq!(host_of("https://Example.org:8080/a?b"), "example.org:8080");
    }
}
