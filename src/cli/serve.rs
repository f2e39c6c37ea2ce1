//! `lore serve`.

use std::sync::Arc;

use super::report::{print_diagnostics, Format};
use super::ServeArgs;
use crate::serve::{ServeEvent, ServeOptions, Stopper};

/// Runs `lore serve` until interrupted; returns the exit code.
pub(super) fn run(args: ServeArgs) -> i32 {
    let root = args.root.clone();
    let timings = args.timings;
    let report = Arc::new(move |event: ServeEvent| match event {
        ServeEvent::Listening { url, requested } => {
            if let Some(p) = requested {
                eprintln!("port {p} is busy; using the next free one");
            }
            eprintln!("serving the site at {url}/ (Ctrl-C to stop)");
        }
        ServeEvent::Built {
            pages,
            rendered,
            jobs,
            elapsed,
            warnings,
            stages,
        } => {
            print_diagnostics(&warnings, Format::Human, &root);
            if timings {
                super::build::print_timings(&stages.0);
            }
            eprintln!(
                "built {pages} pages in {} ms ({rendered} of {jobs} outputs rendered)",
                elapsed.as_millis()
            );
        }
        ServeEvent::SearchUpdated { files, elapsed } => {
            eprintln!(
                "search index updated in {} ms ({files} files)",
                elapsed.as_millis()
            );
        }
        ServeEvent::SearchStarted => {}
        ServeEvent::SearchStopped { elapsed } => {
            if timings {
                eprintln!(
                    "search index given up after {} ms for a newer edit",
                    elapsed.as_millis()
                );
            }
        }
        ServeEvent::Failed(diags) => {
            print_diagnostics(&diags, Format::Human, &root);
            eprintln!("build failed; still serving the last good version");
        }
        ServeEvent::WatchError(e) => eprintln!("warning: cannot watch for changes: {e}"),
    });
    // Ctrl-C, SIGTERM and SIGHUP stop the server (once its first build is done), and the
    // dropped handle removes its folder; a killed server's is removed by the next `lore serve`.
    let stopper = Stopper::default();
    let on_signal = stopper.clone();
    if let Err(e) = ctrlc::set_handler(move || on_signal.stop()) {
        eprintln!("warning: cannot catch Ctrl-C ({e}); its build folder stays in the temporary folder until the next `lore serve`");
    }
    let options = ServeOptions {
        stopper,
        root: args.root,
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
    };
    match crate::serve::start(options, report) {
        Ok(handle) => {
            if args.open {
                open_browser(&format!("http://{}/", handle.addr));
            }
            handle.wait();
            eprintln!("stopped");
            0
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            1
        }
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("could not open a browser; visit {url}");
    }
}
