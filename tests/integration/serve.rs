//! `lore serve`: a real server on an ephemeral port, real HTTP requests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lore::serve::{ServeOptions, ServerHandle};

use crate::support::SiteTest;

struct Reply {
    status: u16,
    headers: String,
    body: String,
}

fn get(addr: SocketAddr, path: &str) -> Reply {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

/// Serving `site` on a free local port.
fn options(site: &SiteTest) -> ServeOptions {
    ServeOptions {
        root: site.root.clone(),
        bind: "127.0.0.1".parse().expect("ip"),
        port: 0,
        drafts: false,
        stopper: Default::default(),
    }
}

fn start(site: &SiteTest) -> ServerHandle {
    lore::serve::start(options(site), Arc::new(|_| {})).expect("server starts")
}

fn small_site() -> SiteTest {
    let site = SiteTest::new();
    site.file("content/a.md", "---\ntitle: First title\n---\nBody\n")
        .file("assets/data/x.json", "{}");
    site
}

#[test]
fn serves_pages_with_their_mime_types_and_folders_as_index_html() {
    let site = small_site();
    let server = start(&site);
    let page = get(server.addr, "/a/");
    assert_eq!(page.status, 200);
    assert!(page
        .headers
        .contains("content-type: text/html; charset=utf-8"));
    assert!(page.body.contains("First title"));
    assert!(
        page.body.contains("/__lore/live.js"),
        "the live-reload script is injected"
    );
    assert!(get(server.addr, "/css/site.css")
        .headers
        .contains("content-type: text/css"));
    assert!(get(server.addr, "/data/x.json")
        .headers
        .contains("content-type: application/json"));
    assert_eq!(
        get(server.addr, "/a").status,
        301,
        "a folder without / redirects"
    );
    server.stop();
}

#[test]
fn answers_missing_paths_with_the_site_s_404_page() {
    let site = small_site();
    let server = start(&site);
    let r = get(server.addr, "/no/such/page/");
    assert_eq!(r.status, 404);
    assert!(r.body.contains("Page not found"), "{}", r.body);
    server.stop();
}

#[test]
fn refuses_paths_outside_the_site() {
    let site = small_site();
    let server = start(&site);
    for path in [
        "/../site.yaml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/a/%2E%2E/%2E%2E/site.yaml",
        "/..%2f..%2fsite.yaml",
    ] {
        let r = get(server.addr, path);
        assert!(r.status == 400 || r.status == 404, "{path}: {}", r.status);
        assert!(!r.body.contains("base_url"), "{path} leaked a file");
    }
    server.stop();
}

#[test]
fn rewrites_base_url_to_the_local_address() {
    let site = small_site();
    let server = start(&site);
    let r = get(server.addr, "/a/");
    assert!(
        r.body
            .contains(&format!("http://127.0.0.1:{}/a/", server.addr.port())),
        "canonical URL is local"
    );
    server.stop();
}

#[test]
fn an_edit_is_announced_on_the_reload_channel_and_the_new_html_served() {
    let site = small_site();
    let server = start(&site);
    let mut events = TcpStream::connect(server.addr).expect("connect");
    write!(
        events,
        "GET /__lore/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .expect("send");
    events.set_read_timeout(Some(Duration::from_secs(20))).ok();
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    // Wait for the response headers so the subscription is live before editing.
    while reader.read_line(&mut line).is_ok() && line != "\r\n" {
        line.clear();
    }
    std::thread::sleep(Duration::from_millis(300));
    site.file("content/a.md", "---\ntitle: Second title\n---\nBody\n");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = String::new();
    while Instant::now() < deadline && !seen.contains("\"kind\":\"reload\"") {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(
        seen.contains("\"kind\":\"reload\""),
        "no reload message: {seen}"
    );
    assert!(get(server.addr, "/a/").body.contains("Second title"));

    // A broken edit replaces nothing and is reported with file and line.
    site.file("content/a.md", "---\ntitle: Third\ndate: someday\n---\n");
    seen.clear();
    while Instant::now() < deadline + Duration::from_secs(10)
        && !seen.contains("\"kind\":\"errors\"")
    {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(
        seen.contains("\"path\":\"content/a.md\"") && seen.contains("\"line\":3"),
        "{seen}"
    );
    assert!(
        get(server.addr, "/a/").body.contains("Second title"),
        "the last good page is still served"
    );
    server.stop();
}

/// A page of `words` words drawn from a few thousand made-up ones, so that the search index has
/// work to do.
fn wordy_page(n: usize, words: usize) -> String {
    let mut body = String::new();
    let mut x = n as u64 * 7919 + 1;
    for i in 0..words {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let w = (x >> 33) % 5000;
        body.push_str(&format!("w{w}q{} ", w % 7));
        if i % 90 == 89 {
            body.push_str(&format!("\n\n## Part {i} of note {n}\n\n"));
        }
    }
    format!("---\ntitle: Note {n}\n---\n{body}\n")
}

/// Every event of a server, in order.
fn recorded() -> (
    Arc<dyn Fn(lore::serve::ServeEvent) + Send + Sync>,
    std::sync::mpsc::Receiver<lore::serve::ServeEvent>,
) {
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    let report = move |e| {
        tx.lock().expect("lock").send(e).ok();
    };
    (Arc::new(report), rx)
}

/// Issue 22: a page's reload never waits for the search index. A body edit saved while the
/// index of the previous edit is being built stops that index and reloads at once; when the
/// edits pause, the index catches up and is the one a clean build of the same files writes.
#[test]
fn a_body_edit_reloads_while_the_search_index_is_built_which_then_catches_up() {
    use lore::serve::ServeEvent;
    let site = SiteTest::new();
    // Enough text that the index takes a while; the edits' rebuilds patch one page.
    for n in 0..300 {
        site.file(&format!("content/notes/n{n}.md"), &wordy_page(n, 600));
    }
    let (report, events) = recorded();
    let server = lore::serve::start(options(&site), report).expect("server starts");
    while events.try_recv().is_ok() {}
    let next = || {
        events
            .recv_timeout(Duration::from_secs(120))
            .expect("an event")
    };
    let edit = |word: &str| {
        site.file(
            "content/notes/n7.md",
            &format!("{}\nOne more word: {word}.\n", wordy_page(7, 600)),
        );
    };
    edit("firstedit");
    let mut seen = Vec::new();
    loop {
        let e = next();
        let started = matches!(e, ServeEvent::SearchStarted);
        seen.push(e);
        if started {
            break;
        }
    }
    assert!(
        matches!(
            seen[..],
            [ServeEvent::Built { .. }, ServeEvent::SearchStarted]
        ),
        "the first edit is built, then its index started: {seen:?}"
    );
    // Saved while the index of the first edit is being built.
    edit("secondedit");
    seen.clear();
    loop {
        let e = next();
        let updated = matches!(e, ServeEvent::SearchUpdated { .. });
        seen.push(e);
        if updated {
            break;
        }
    }
    let names: Vec<&str> = seen
        .iter()
        .map(|e| match e {
            ServeEvent::SearchStopped { .. } => "stopped",
            ServeEvent::Built { .. } => "built",
            ServeEvent::SearchStarted => "started",
            ServeEvent::SearchUpdated { .. } => "updated",
            _ => "other",
        })
        .collect();
    // A save can reach the watcher as two batches (the write, then the rename): each is a
    // rebuild, and the order that matters is the same.
    let mut names = names;
    names.dedup();
    assert_eq!(
        names,
        ["stopped", "built", "started", "updated"],
        "the first edit's index is given up for the second edit, whose page reloads before \
         its own index is built: {seen:?}"
    );

    // The index served is the one a clean build writes.
    let clean = tempfile::tempdir().expect("temp dir");
    let mut options = site.options();
    options.out = clean.path().join("public");
    options.base_url = Some(format!("http://127.0.0.1:{}", server.addr.port()));
    lore::build(&options, &|_| {}).expect("clean build");
    // The search page aside (serve adds its live-reload script to every page).
    let mut index = crate::support::tree(&options.out.join("search"));
    index.retain(|(path, _)| !path.ends_with(".html"));
    assert!(index.len() > 10, "{} files", index.len());
    for (path, bytes) in &index {
        let served = get(server.addr, &format!("/search/{path}"));
        assert_eq!(served.status, 200, "search/{path}");
        assert!(
            served.body.as_bytes() == &bytes[..],
            "search/{path} differs from a clean build's"
        );
    }
    let has = |word: &str| {
        index
            .iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains(word))
    };
    assert!(
        has("secondedit") && !has("firstedit"),
        "the index has the last edit"
    );
    server.stop();
}
