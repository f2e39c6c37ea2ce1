//! `lore check --external` against a small HTTP server on 127.0.0.1 written here with std's
//! `TcpListener`: 200, 404, 301, 429 then 200, and a response slower than the timeout. Failing
//! links are warnings at their line; good answers are cached, so a second run asks only the
//! failing links again.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::SiteTest;

/// A test server answering a few fixed paths and counting requests per path. It stops when
/// dropped, or after a minute whatever happens.
struct TestServer {
    port: u16,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    stop: Arc<AtomicBool>,
}

impl TestServer {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().expect("addr").port();
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (h, s) = (hits.clone(), stop.clone());
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(60);
            while !s.load(Ordering::Relaxed) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let h = h.clone();
                        std::thread::spawn(move || answer(stream, &h));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Self { port, hits, stop }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .expect("hits")
            .get(path)
            .copied()
            .unwrap_or(0)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn answer(mut stream: TcpStream, hits: &Mutex<HashMap<String, usize>>) {
    stream.set_nonblocking(false).ok();
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let count = {
        let mut h = hits.lock().expect("hits");
        let c = h.entry(path.clone()).or_insert(0);
        *c += 1;
        *c
    };
    let (status, extra) = match path.as_str() {
        "/ok" => ("200 OK", String::new()),
        "/moved" => ("301 Moved Permanently", "Location: /ok\r\n".to_string()),
        "/busy" if count == 1 => ("429 Too Many Requests", "Retry-After: 0\r\n".to_string()),
        "/busy" => ("200 OK", String::new()),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            ("200 OK", String::new())
        }
        _ => ("404 Not Found", String::new()),
    };
    let body = "hello";
    let response = format!(
        "HTTP/1.1 {status}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).ok();
}

fn site_linking_to(server: &TestServer) -> SiteTest {
    let site = SiteTest::new();
    site.file("content/_index.md", "---\ntitle: Home\n---\n")
        .file("content/guides/_index.md", "---\ntitle: Guides\n---\n");
    site.file(
        "content/guides/links.md",
        &format!(
            "---\ntitle: Links\nreadings:\n  - title: Slow\n    url: {slow}\n---\n- [fine]({ok})\n- [gone]({missing})\n- [moved]({moved})\n- [busy]({busy})\n",
            slow = server.url("/slow"),
            ok = server.url("/ok"),
            missing = server.url("/missing"),
            moved = server.url("/moved"),
            busy = server.url("/busy"),
        ),
    );
    site
}

#[test]
fn checks_external_links_warns_on_failures_and_caches_good_answers() {
    let server = TestServer::start();
    let site = site_linking_to(&server);
    let run = site.run(&["check", "--external", "--timeout", "1"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(0),
        "failing external links are warnings: {stderr}"
    );
    let missing = server.url("/missing");
    assert!(
        stderr.contains(&format!(
            "content/guides/links.md:8:3: warning: external link {missing} answers 404 Not Found"
        )),
        "{stderr}"
    );
    let slow = server.url("/slow");
    assert!(
        stderr.contains(&format!(
            "content/guides/links.md:5:10: warning: external link {slow} did not answer within 1 s"
        )),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches(": warning: external link").count(),
        2,
        "{stderr}"
    );
    assert!(
        stderr.contains("5 external links (5 asked, 0 from the cache, 2 failing)"),
        "{stderr}"
    );
    assert_eq!(server.hits("/busy"), 2, "429 is retried");
    assert_eq!(server.hits("/moved"), 1);

    let cache = std::fs::read_to_string(site.root.join(".lore-link-cache.json")).expect("cache");
    assert!(cache.contains(&server.url("/ok")), "{cache}");

    let again = site.run(&[
        "check",
        "--external",
        "--timeout",
        "1",
        "--format",
        "github",
    ]);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(stdout.contains(&format!("::warning file=content/guides/links.md,line=8,col=3::external link {missing} answers 404")), "{stdout}");
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("(2 asked, 3 from the cache, 2 failing)"),
        "{stderr}"
    );
    assert_eq!(
        server.hits("/ok"),
        2,
        "once directly and once via /moved, then cached"
    );
    assert_eq!(server.hits("/busy"), 2, "cached after its 200");
    assert_eq!(server.hits("/missing"), 2, "failures are asked again");
}

#[test]
fn without_external_no_request_is_made() {
    let server = TestServer::start();
    let site = site_linking_to(&server);
    let run = site.run(&["check"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(server.hits("/ok") + server.hits("/missing"), 0);
    assert!(!site.root.join(".lore-link-cache.json").exists());
}
