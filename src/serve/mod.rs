//! `lore serve`: build into a temporary folder, serve it on 127.0.0.1, rebuild on change and
//! tell open pages to reload.
//!
//! `serve` drives the same pipeline as `build` (with `base_url` pointed at the local address)
//! through [`crate::incremental::IncrementalBuild`], which redoes only what a change touched;
//! it adds a file watcher (`watch`), an HTTP server (`server`) and a live-reload channel
//! (Server-Sent Events at `/__lore/events`). A failed rebuild replaces nothing: the last good
//! site stays served and open pages show the errors in an overlay until they are fixed. The
//! search index is brought up to date after the reload message, once the edits pause, on
//! another thread: a rebuild stops it (within milliseconds) rather than wait for it, so a page
//! never waits for the search index, which catches up when the edits pause long enough.

mod server;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::broadcast;

use crate::diagnostics::Diagnostic;
use crate::incremental::{IncrementalBuild, SearchJob};
use crate::BuildOptions;

/// What `lore serve` was asked for.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Site folder.
    pub root: PathBuf,
    /// Address to bind (127.0.0.1 unless told otherwise).
    pub bind: IpAddr,
    /// First port to try; the next free one is taken if it is busy. 0 picks any free port.
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Stops the server once it runs, or as soon as it starts if stopped before (a Ctrl-C
    /// during the first build).
    pub stopper: Stopper,
}

/// What happened, for the command line to print (the library never prints).
#[derive(Clone, Debug)]
pub enum ServeEvent {
    /// The server listens.
    Listening {
        /// Its URL.
        url: String,
        /// The port asked for, when it was busy and another was taken.
        requested: Option<u16>,
    },
    /// A build finished.
    Built {
        /// Pages built.
        pages: usize,
        /// Outputs rendered again (pages, lists, feeds...), and outputs in all.
        rendered: usize,
        /// Outputs in all.
        jobs: usize,
        /// How long it took.
        elapsed: Duration,
        /// Its warnings.
        warnings: Vec<Diagnostic>,
        /// Time per stage.
        stages: crate::Timings,
    },
    /// The search index of the last build is being built (on another thread).
    SearchStarted,
    /// The search index caught up with the last build.
    SearchUpdated {
        /// Files written.
        files: usize,
        /// How long it took.
        elapsed: Duration,
    },
    /// The search index being built was given up: an edit came, and a newer one will be
    /// built once the edits pause.
    SearchStopped {
        /// How long it had run.
        elapsed: Duration,
    },
    /// A build failed; the previous site is still served.
    Failed(Vec<Diagnostic>),
    /// The watcher could not be started or failed.
    WatchError(String),
}

/// A message to open pages.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(crate) enum LiveMessage {
    /// Reload the page.
    Reload {
        /// Only stylesheets changed: pages swap them in place.
        css: bool,
    },
    /// The last build failed: show these problems.
    Errors {
        /// The problems.
        diagnostics: Vec<Diagnostic>,
    },
}

/// State shared by the server, the watcher and the rebuilds.
pub(crate) struct Live {
    pub out: PathBuf,
    pub messages: broadcast::Sender<LiveMessage>,
    pub errors: Mutex<Option<Vec<Diagnostic>>>,
    build: Mutex<IncrementalBuild>,
    /// The search index being built on another thread, if any.
    search: Mutex<Option<Background>>,
    report: Arc<dyn Fn(ServeEvent) + Send + Sync>,
}

/// A search index being built on its own thread.
struct Background {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Live {
    /// Rebuilds what changed and tells pages; `css_only` when only stylesheets changed.
    /// `changed`: the paths that changed (relative to the site folder), when the watcher is
    /// sure it saw every change; `None` looks at every file.
    pub(crate) fn rebuild(&self, css_only: bool, changed: Option<&[PathBuf]>) {
        let start = Instant::now();
        // The search index being built is for the sources before this change: given up.
        let stopped = self.stop_search().then(|| crate::StageTiming {
            stage: "stop search index",
            wall: start.elapsed(),
            rss_kib: None,
            beside: None,
        });
        let result = match (self.build.lock(), changed) {
            (Ok(mut b), Some(paths)) => b.rebuild_changed(paths),
            (Ok(mut b), None) => b.rebuild(),
            (Err(_), _) => return,
        };
        if !result.as_ref().is_ok_and(|r| r.patched) {
            crate::release_freed_memory();
        }
        match result {
            Ok(mut report) => {
                report.timings.0.splice(0..0, stopped);
                let had_errors = self
                    .errors
                    .lock()
                    .map(|mut e| e.take().is_some())
                    .unwrap_or(false);
                (self.report)(ServeEvent::Built {
                    pages: report.pages,
                    rendered: report.rendered,
                    jobs: report.jobs,
                    elapsed: start.elapsed(),
                    warnings: report.warnings,
                    stages: report.timings,
                });
                self.messages
                    .send(LiveMessage::Reload {
                        css: css_only && !had_errors,
                    })
                    .ok();
            }
            Err(diags) => {
                if let Ok(mut e) = self.errors.lock() {
                    *e = Some(diags.clone());
                }
                (self.report)(ServeEvent::Failed(diags.clone()));
                self.messages
                    .send(LiveMessage::Errors { diagnostics: diags })
                    .ok();
            }
        }
    }

    /// Starts bringing the search index up to date with the last good rebuild on another
    /// thread, unless it is up to date or being brought up to date.
    pub(crate) fn start_search(self: &Arc<Self>) {
        let Ok(mut slot) = self.search.lock() else {
            return;
        };
        if slot.as_ref().is_some_and(|b| !b.thread.is_finished()) {
            return;
        }
        let Some(job) = self.build.lock().ok().and_then(|b| b.search_job()) else {
            return;
        };
        let stop = Arc::new(AtomicBool::new(false));
        let (live, flag) = (self.clone(), stop.clone());
        let thread = std::thread::spawn(move || live.run_search(job, &flag));
        *slot = Some(Background { stop, thread });
    }

    /// Waits for the search index being built, if any, to be done.
    pub(crate) fn wait_search(&self) {
        let running = self.search.lock().ok().and_then(|mut s| s.take());
        if let Some(b) = running {
            b.thread.join().ok();
        }
    }

    /// Gives up the search index being built, if any, and waits for its thread to end, so
    /// that a rebuild has the site to itself. True when one was running.
    pub(crate) fn stop_search(&self) -> bool {
        let running = self.search.lock().ok().and_then(|mut s| s.take());
        match running {
            Some(b) if !b.thread.is_finished() => {
                b.stop.store(true, Ordering::Relaxed);
                b.thread.join().ok();
                true
            }
            Some(b) => {
                // Done already (its index may still be moving in): wait for that.
                b.thread.join().ok();
                false
            }
            None => false,
        }
    }

    /// Builds the search index of `job` and moves it into the served folder, unless `stop`
    /// is set first.
    fn run_search(&self, job: SearchJob, stop: &AtomicBool) {
        let start = Instant::now();
        (self.report)(ServeEvent::SearchStarted);
        // Fast-path rebuilds leave their freed memory; the index's peak comes on top.
        crate::release_freed_memory();
        let result = match job.run(stop) {
            None => {
                // Its memory is left to the next index (which releases it first): the rebuild
                // that stopped it is waiting.
                (self.report)(ServeEvent::SearchStopped {
                    elapsed: start.elapsed(),
                });
                return;
            }
            Some(Ok(staged)) => match self.build.lock() {
                Ok(mut b) => b.install_search(staged),
                Err(_) => return,
            },
            Some(Err(diags)) => Err(diags),
        };
        crate::release_freed_memory();
        match result {
            Ok(files) => (self.report)(ServeEvent::SearchUpdated {
                files,
                elapsed: start.elapsed(),
            }),
            Err(diags) => (self.report)(ServeEvent::Failed(diags)),
        }
    }
}

/// A running server.
pub struct ServerHandle {
    /// The address it listens on.
    pub addr: SocketAddr,
    stopper: Stopper,
    thread: Option<std::thread::JoinHandle<()>>,
    live: Arc<Live>,
    _watcher: Option<watch::Watcher>,
    _out: crate::output::leftovers::ServeFolder,
}

impl ServerHandle {
    /// Blocks until the server stops (see [`ServeOptions::stopper`]); its folder is removed
    /// when the handle is dropped.
    pub(crate) fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            t.join().ok();
        }
        self.live.stop_search();
    }

    /// Stops the server and the watcher.
    pub fn stop(mut self) {
        self.stopper.stop();
        if let Some(t) = self.thread.take() {
            t.join().ok();
        }
        self.live.stop_search();
    }
}

/// Stops a server from any thread (a Ctrl-C handler); cheap to clone.
#[derive(Clone, Default)]
pub struct Stopper(Arc<Mutex<StopState>>);

#[derive(Default)]
struct StopState {
    stopped: bool,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl std::fmt::Debug for Stopper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stopper")
    }
}

impl Stopper {
    /// Tells the server to stop: now if it runs, as soon as it starts otherwise.
    pub(crate) fn stop(&self) {
        if let Ok(mut state) = self.0.lock() {
            state.stopped = true;
            if let Some(tx) = state.shutdown.take() {
                tx.send(()).ok();
            }
        }
    }

    /// Hands over the running server's shutdown signal (sent at once if already stopped).
    fn arm(&self, tx: tokio::sync::oneshot::Sender<()>) {
        if let Ok(mut state) = self.0.lock() {
            if state.stopped {
                tx.send(()).ok();
            } else {
                state.shutdown = Some(tx);
            }
        }
    }
}

/// Binds, builds, starts the watcher and the server; returns once the site is served.
pub fn start(
    options: ServeOptions,
    report: Arc<dyn Fn(ServeEvent) + Send + Sync>,
) -> anyhow::Result<ServerHandle> {
    let (listener, requested) = bind(options.bind, options.port)?;
    let addr = listener.local_addr()?;
    let host = if addr.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        addr.ip().to_string()
    };
    let url = format!("http://{host}:{}", addr.port());
    let out = crate::output::leftovers::ServeFolder::create(&std::env::temp_dir())?;
    let build = BuildOptions {
        root: options.root.clone(),
        out: out.path().join("site"),
        force: false,
        base_url: Some(url.clone()),
        // A preview needs neither the published address nor the edit links' repository.
        context: Default::default(),
        drafts: options.drafts,
        now: None,
        spill_html_above: crate::SPILL_HTML_ABOVE,
        // No service worker in a preview: it would serve the pages an editor is changing from
        // its cache (and stay registered on localhost).
        offline: false,
    };
    let (messages, _) = broadcast::channel(64);
    let live = Arc::new(Live {
        out: build.out.clone(),
        messages,
        errors: Mutex::new(None),
        build: Mutex::new(IncrementalBuild::new(build)),
        search: Mutex::new(None),
        report: report.clone(),
    });
    live.rebuild(false, None);
    live.start_search();
    live.wait_search();
    let watcher = match watch::Watcher::start(&options.root, live.clone()) {
        Ok(w) => Some(w),
        Err(e) => {
            report(ServeEvent::WatchError(e.to_string()));
            None
        }
    };
    report(ServeEvent::Listening { url, requested });
    let (tx, rx) = tokio::sync::oneshot::channel();
    options.stopper.arm(tx);
    listener.set_nonblocking(true)?;
    let served = live.clone();
    let thread = std::thread::spawn(move || server::run(listener, served, rx));
    Ok(ServerHandle {
        addr,
        stopper: options.stopper.clone(),
        thread: Some(thread),
        live,
        _watcher: watcher,
        _out: out,
    })
}

/// Binds `port`, or the next free one when it is busy (reporting the one asked for).
fn bind(ip: IpAddr, port: u16) -> anyhow::Result<(TcpListener, Option<u16>)> {
    if port == 0 {
        return Ok((TcpListener::bind((ip, 0))?, None));
    }
    let mut last = None;
    for p in port..port.saturating_add(50) {
        match TcpListener::bind((ip, p)) {
            Ok(l) => return Ok((l, (p != port).then_some(port))),
            Err(e) => last = Some(e),
        }
    }
    Err(anyhow::anyhow!(
        "no free port from {port} to {}: {}",
        port.saturating_add(49),
        last.map(|e| e.to_string()).unwrap_or_default()
    ))
}
