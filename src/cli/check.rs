//! `lore check`: prints every problem, then one summary line; exit 1 on errors (or on warnings
//! with `--strict`), 2 on a wrong command line (clap's).

use std::io::IsTerminal;
use std::time::Duration;

use super::report::{plural, print_diagnostics, Format};
use super::CheckArgs;
use crate::check::external::ExternalOptions;
use crate::pipeline::check::{check_site, CheckOptions};
use crate::BuildOptions;

/// Runs `lore check`; returns the exit code.
pub(super) fn run(args: CheckArgs) -> i32 {
    let format: Format = args.format.into();
    let mut build = BuildOptions::new(&args.root);
    build.drafts = args.drafts;
    build.context = crate::config::SiteContext::from_env();
    let external = args.external.then(|| {
        let mut e = ExternalOptions::new(&args.root);
        if args.timeout.is_finite() && args.timeout > 0.0 {
            e.timeout = Duration::from_secs_f64(args.timeout.min(3600.0));
        }
        e
    });
    if args.translations {
        return translation_status(&build, format, args.strict, &args.root);
    }
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
    if format == Format::Github {
        write_job_summary(&report.diagnostics, &args.root, report.pages);
    }
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

/// In a GitHub Actions job (`GITHUB_STEP_SUMMARY` set), adds the problems to the run's summary:
/// annotations stop at ten of each kind per step, the summary lists them all.
fn write_job_summary(
    diags: &[crate::diagnostics::Diagnostic],
    root: &std::path::Path,
    pages: usize,
) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return;
    };
    let text = super::report::github_summary(diags, root, pages);
    let written = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    if let Err(e) = written {
        eprintln!("warning: cannot write the job summary: {e}");
    }
}

/// `lore check --translations`: the status report alone, on stdout (a table, or one JSON
/// object with `--format json`). Exit 1 if the site cannot be loaded, or with `--strict` if a
/// translation is outdated.
fn translation_status(
    build: &BuildOptions,
    format: Format,
    strict: bool,
    root: &std::path::Path,
) -> i32 {
    let mut timings = crate::Timings::default();
    let loaded = match crate::load_site(build, crate::Retention::Everything, &mut timings, &|_| {})
    {
        Ok(l) => l,
        Err(d) => {
            print_diagnostics(&d.sorted(), format, root);
            return 1;
        }
    };
    let status = crate::check::translations::translation_status(&loaded.site);
    if format == Format::Json {
        match serde_json::to_string_pretty(&status) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("error: cannot write the status as JSON: {e}");
                return 1;
            }
        }
    } else {
        print!("{}", crate::check::translations::human_report(&status));
    }
    let outdated: usize = status.languages.iter().map(|l| l.outdated.len()).sum();
    i32::from(strict && outdated > 0)
}
