//! The HTTP side of `lore serve`: static files from the built site (correct MIME types,
//! `index.html` for folders, the site's 404 page), never a path outside it, a live-reload
//! script injected into HTML, and the Server-Sent Events channel that script listens to.

use std::convert::Infallible;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use super::{Live, LiveMessage};

/// The script every served HTML page gets: reload on rebuild, swap stylesheets in place when
/// only CSS changed, and show build errors over the page until they are fixed.
const LIVE_JS: &str = include_str!("live.js");

/// Runs the server on `listener` until `shutdown` fires.
pub(super) fn run(
    listener: TcpListener,
    live: Arc<Live>,
    shutdown: tokio::sync::oneshot::Receiver<()>,
) {
    let Ok(rt) = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    else {
        return;
    };
    rt.block_on(async move {
        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
            return;
        };
        let app = Router::new()
            .route("/__lore/live.js", get(live_js))
            .route("/__lore/events", get(events))
            .fallback(get(static_file))
            .with_state(live);
        // Not a graceful shutdown: open live-reload streams never end by themselves, and a
        // preview server has nothing to finish; dropping the runtime closes them.
        tokio::select! {
            _ = axum::serve(listener, app) => {}
            _ = shutdown => {}
        }
    });
}

async fn live_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        LIVE_JS,
    )
}

async fn events(
    State(live): State<Arc<Live>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let current = live
        .errors
        .lock()
        .ok()
        .and_then(|e| e.clone())
        .map(|diagnostics| LiveMessage::Errors { diagnostics });
    let first = tokio_stream::iter(current.map(|m| Ok(to_event(&m))));
    let updates = BroadcastStream::new(live.messages.subscribe())
        .filter_map(|m| m.ok().map(|m| Ok(to_event(&m))));
    Sse::new(first.chain(updates)).keep_alive(KeepAlive::default())
}

fn to_event(m: &LiveMessage) -> Event {
    Event::default()
        .event("lore")
        .data(serde_json::to_string(m).unwrap_or_default())
}

async fn static_file(State(live): State<Arc<Live>>, uri: Uri) -> Response {
    let Some(rel) = safe_relative_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    let out = live.out.clone();
    let path = out.join(&rel);
    if path.is_dir() {
        if !uri.path().ends_with('/') {
            let location = format!("{}/", uri.path());
            return (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
        return file_response(&out, &path.join("index.html"), StatusCode::OK)
            .unwrap_or_else(|| not_found(&out, &rel));
    }
    file_response(&out, &path, StatusCode::OK).unwrap_or_else(|| not_found(&out, &rel))
}

/// The request path as a relative file path, or `None` for anything that could leave the site
/// (`..`, `%2e%2e`, backslashes, NUL), checked after percent-decoding.
pub(crate) fn safe_relative_path(path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let mut rel = PathBuf::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s if s.contains(['\\', '\0']) || s.contains(':') => return None,
            s => rel.push(s),
        }
    }
    Some(rel)
}

/// Reads a file inside `out` (after resolving symlinks) and answers with its MIME type; HTML
/// gets the live-reload script.
fn file_response(out: &Path, path: &Path, status: StatusCode) -> Option<Response> {
    let real = std::fs::canonicalize(path).ok()?;
    let root = std::fs::canonicalize(out).ok()?;
    if !real.starts_with(&root) || !real.is_file() {
        return None;
    }
    let bytes = std::fs::read(&real).ok()?;
    let mime = mime_guess::from_path(&real).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body = if is_html {
        inject_live_script(bytes)
    } else {
        bytes
    };
    let content_type = match mime.type_() {
        mime_guess::mime::TEXT => format!("{}; charset=utf-8", mime.essence_str()),
        _ if mime.essence_str() == "application/javascript" => {
            "text/javascript; charset=utf-8".to_string()
        }
        _ => mime.essence_str().to_string(),
    };
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    let headers = resp.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Some(resp)
}

/// The site's own 404 page (in the language of the path when there is one), with status 404.
fn not_found(out: &Path, rel: &Path) -> Response {
    let lang_page = rel
        .iter()
        .next()
        .map(|first| out.join(first).join("404.html"));
    lang_page
        .filter(|p| p.is_file())
        .or_else(|| Some(out.join("404.html")))
        .and_then(|p| file_response(out, &p, StatusCode::NOT_FOUND))
        .unwrap_or_else(|| {
            let html = inject_live_script(
                b"<!doctype html><title>Not found</title><p>Not found.</p>".to_vec(),
            );
            (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                html,
            )
                .into_response()
        })
}

fn inject_live_script(mut html: Vec<u8>) -> Vec<u8> {
    const TAG: &[u8] = b"<script src=\"/__lore/live.js\" defer></script>";
    match html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
    {
        Some(i) => {
            html.splice(i..i, TAG.iter().copied());
        }
        None => html.extend_from_slice(TAG),
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out_even_when_encoded() {
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2e%2e/x",
            "/a\\..\\b",
            "/%00",
        ] {
            assert_eq!(safe_relative_path(bad), None, "{bad}");
        }
        assert_eq!(
            safe_relative_path("/guides/a%20b/"),
            Some(PathBuf::from("guides/a b"))
        );
    }

    #[test]
    fn injects_the_live_script_before_the_body_ends() {
        let html = String::from_utf8(inject_live_script(b"<body><p>x</p></body></html>".to_vec()))
            .unwrap_or_default();
        assert!(html.contains("<script src=\"/__lore/live.js\" defer></script></body>"));
    }
}
