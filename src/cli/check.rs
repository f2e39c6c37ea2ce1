//! `lore check`: prints every problem, then one summary line; exit 1 on errors (or on warnings
//! with `--strict`), 2 on a wrong command line (clap's).

use std::io::IsTerminal;
use std::time::Duration;

use super::report::print_diagnostics;
use super::report::Format;
use super::CheckArgs;
use crate::check::external::ExternalOptions;
use crate::check::{check_site, CheckOptions};
use crate::BuildOptions;

/// Runs `lore check`; returns the exit code.
pub fn run(args: CheckArgs) -> i32 {
    let format: Format = args.format.into();
    let mut build = BuildOptions::new(&args.root);
    build.drafts = args.drafts;
    let external = args.external.then(|| {
        let mut e = ExternalOptions::new(&args.root);
        if args.timeout.is_finite() && args.timeout > 0.0 {
            e.timeout = Duration::from_secs_f64(args.timeout.min(3600.0));
        }
        e
    });
    let options = CheckOptions { build, external };
    let tty = std::io::stderr().is_terminal();
    let progress = |stage: &str| {
        if tty {
            eprint!("\r\x1b[2K{stage}…");
        }
    };
    let report = check_site(&options, &progress);
    if tty {
        eprint!("\r\x1b[2K");
    }
    print_diagnostics(&report.diagnostics, format, &args.root);
    let (errors, warnings) = (report.errors(), report.warnings());
    let mut line = format!(
        "checked {} page{}: {errors} error{}, {warnings} warning{}",
        report.pages,
        plural(report.pages),
        plural(errors),
        plural(warnings)
    );
    if let Some(e) = &report.external {
        line.push_str(&format!(
            "; {} external link{} ({} asked, {} from the cache, {} failing)",
            e.links,
            plural(e.links),
            e.requested,
            e.cached,
            e.failed
        ));
    }
    // For people, so on stderr whatever the format: stdout holds only the machine output.
    eprintln!("{line}");
    if errors > 0 || (args.strict && warnings > 0) {
        1
    } else {
        0
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
