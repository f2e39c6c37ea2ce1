//! `lore build`.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveTime, Utc};
use indicatif::{ProgressBar, ProgressStyle};

use super::report::{print_diagnostics, Format};
use super::BuildArgs;
use crate::diagnostics::Diagnostic;
use crate::BuildOptions;

/// Runs `lore build`; returns the exit code: 0 built, 1 the site has errors, 2 the command
/// line is wrong (a bad `--now`, `--base-url` or `--out`).
pub(super) fn run(args: BuildArgs) -> i32 {
    let format: Format = args.format.into();
    let options = match options(&args) {
        Ok(o) => o,
        Err(usage) => {
            print_diagnostics(&[usage], format, &args.root);
            eprintln!("nothing was built");
            return 2;
        }
    };
    let start = Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        b.enable_steady_tick(Duration::from_millis(100));
        b
    });
    let progress = |stage: &str| {
        if let Some(b) = &bar {
            b.set_message(format!("{stage}…"));
        }
    };
    let result = crate::build(&options, &progress);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let elapsed = start.elapsed();
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings, format, &options.root);
            if args.timings {
                print_timings(&report.timings.0);
            }
            let warn = match report.warnings.len() {
                0 => String::new(),
                n => format!(", {n} warning{}", if n == 1 { "" } else { "s" }),
            };
            eprintln!(
                "built {} pages into {} ({} files, {:.1} MB) in {:.2} s{warn}",
                report.pages,
                options.out.display(),
                report.files,
                report.bytes as f64 / 1e6,
                elapsed.as_secs_f64()
            );
            0
        }
        Err(diags) => {
            print_diagnostics(&diags, format, &options.root);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "build failed: {errors} error{} (the previous output, if any, is untouched)",
                if errors == 1 { "" } else { "s" }
            );
            1
        }
    }
}

/// The build's options from the command line, or the error in it.
fn options(args: &BuildArgs) -> Result<BuildOptions, Diagnostic> {
    let now = args
        .now
        .as_deref()
        .map(parse_now)
        .transpose()
        .map_err(|e| Diagnostic::error("", format!("--now {e}")))?;
    if let Some(url) = &args.base_url {
        crate::config::check_base_url(url).map_err(|why| crate::base_url_error(&why))?;
    }
    let out = args.out.clone().unwrap_or_else(|| args.root.join("public"));
    crate::output::check_output_dir(&args.root, &out, args.force)?;
    Ok(BuildOptions {
        out,
        force: args.force,
        root: args.root.clone(),
        base_url: args.base_url.clone(),
        context: crate::config::SiteContext::from_env(),
        drafts: args.drafts,
        now,
        spill_html_above: crate::SPILL_HTML_ABOVE,
        offline: true,
    })
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(d) = crate::schema::date::parse_datetime(s) {
        return Ok(d.with_timezone(&Utc));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.and_time(NaiveTime::MIN).and_utc())
        .map_err(|_| {
            format!("`{s}` is not a date (2026-03-14) or date-time (2026-03-14T09:00:00Z)")
        })
}

/// Prints each stage's time and memory, then the peak memory (`--timings`).
pub(super) fn print_timings(stages: &[crate::StageTiming]) {
    eprintln!("  {:<14} {:>12} {:>12}", "stage", "wall", "memory after");
    for t in stages {
        let rss = t
            .rss_kib
            .map(|kb| format!(" {:>9.1} MB", kb as f64 / 1024.0))
            .unwrap_or_default();
        let beside = t
            .beside
            .map(|other| format!("   (beside {other})"))
            .unwrap_or_default();
        eprintln!(
            "  {:<14} {:>9.1} ms{rss}{beside}",
            t.stage,
            t.wall.as_secs_f64() * 1000.0
        );
    }
    if let Some(kb) = crate::memory_kib("VmHWM:") {
        eprintln!("  {:<14} {:>9.1} MB", "peak memory", kb as f64 / 1024.0);
    }
}
