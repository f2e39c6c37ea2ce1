//! Printing diagnostics for people (`human`), for GitHub Actions (`github`) and for tools
//! (`json`, one object per line).
//!
//! Machine-readable formats go to stdout and nothing else does, so a tool can read it whole;
//! human text (problems, progress, summaries) goes to stderr.

use std::io::IsTerminal;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Severity};

/// Output format of diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// For people.
    Human,
    /// GitHub workflow commands.
    Github,
    /// JSON lines.
    Json,
}

impl From<super::FormatArg> for Format {
    fn from(f: super::FormatArg) -> Self {
        match f {
            super::FormatArg::Human => Format::Human,
            super::FormatArg::Github => Format::Github,
            super::FormatArg::Json => Format::Json,
        }
    }
}

/// Formats one diagnostic; `root` is used to show the source line in human output.
pub(crate) fn format_diagnostic(
    d: &Diagnostic,
    format: Format,
    root: &Path,
    color: bool,
) -> String {
    match format {
        Format::Human => human(d, root, color),
        Format::Github => github(d, root),
        Format::Json => serde_json::to_string(d).unwrap_or_default(),
    }
}

fn human(d: &Diagnostic, root: &Path, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let (label, code) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
    };
    let place = match (d.path.as_os_str().is_empty(), d.line, d.col) {
        (true, _, _) => String::new(),
        (false, 0, _) => format!("{}: ", d.path.display()),
        (false, l, 0) => format!("{}:{l}: ", d.path.display()),
        (false, l, c) => format!("{}:{l}:{c}: ", d.path.display()),
    };
    let mut out = format!(
        "{}{}: {}",
        paint("1", &place),
        paint(code, label),
        d.message
    );
    if d.line > 0 {
        if let Some(src) = std::fs::read_to_string(root.join(&d.path))
            .ok()
            .and_then(|t| t.lines().nth(d.line - 1).map(printable))
        {
            let gutter = d.line.to_string();
            out.push_str(&format!("\n {} | {}", paint("2", &gutter), src));
            if d.col > 0 {
                let pad: String = src
                    .chars()
                    .take(d.col - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!(
                    "\n {} | {}{}",
                    " ".repeat(gutter.len()),
                    pad,
                    paint(code, "^")
                ));
            }
        }
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("\n  {} {h}", paint("1;36", "help:")));
    }
    out
}

/// A diagnostic's file as GitHub names it: from the top of the checkout (the current folder), so
/// a site in a subfolder (`--root docs`) gets its annotations on the right file.
fn workspace_path(d: &Diagnostic, root: &Path) -> std::path::PathBuf {
    if d.path.as_os_str().is_empty() {
        return d.path.clone();
    }
    let full = root.join(&d.path);
    let full = match std::env::current_dir() {
        Ok(cwd) if full.is_absolute() => full
            .strip_prefix(&cwd)
            .map_or(full.clone(), Path::to_path_buf),
        _ => full,
    };
    full.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// A source line as a terminal can show it: a control character (which could move the cursor
/// or change colours) shows as `�`, one column wide like what it replaces.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| {
            if crate::content::controls::is_forbidden(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

fn github(d: &Diagnostic, root: &Path) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let esc_prop = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
            .replace(':', "%3A")
            .replace(',', "%2C")
    };
    let esc_msg = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let mut props = Vec::new();
    if !d.path.as_os_str().is_empty() {
        let file = workspace_path(d, root);
        props.push(format!("file={}", esc_prop(&file.to_string_lossy())));
    }
    if d.line > 0 {
        props.push(format!("line={}", d.line));
    }
    if d.col > 0 {
        props.push(format!("col={}", d.col));
    }
    let mut msg = d.message.clone();
    if let Some(h) = &d.help {
        msg.push_str(&format!("\nhelp: {h}"));
    }
    format!("::{level} {}::{}", props.join(","), esc_msg(&msg))
}

/// Prints diagnostics in `format`: `json` and `github` to stdout, `human` to stderr.
pub(super) fn print_diagnostics(diags: &[Diagnostic], format: Format, root: &Path) {
    use std::io::Write;
    if format == Format::Human {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        for d in diags {
            eprintln!("{}", format_diagnostic(d, format, root, color));
        }
        return;
    }
    let mut out = std::io::stdout().lock();
    for d in diags {
        // A closed pipe (`lore check --format json | head -1`) is not lore's problem.
        if writeln!(out, "{}", format_diagnostic(d, format, root, false)).is_err() {
            return;
        }
    }
    out.flush().ok();
}

/// Markdown for a GitHub job summary: the problems found, as a table with their place and fix.
pub(super) fn github_summary(diags: &[Diagnostic], root: &Path, pages: usize) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let mut out = format!(
        "### lore check: {errors} error{}, {warnings} warning{} in {pages} page{}\n\n",
        plural(errors),
        plural(warnings),
        plural(pages)
    );
    if diags.is_empty() {
        out.push_str("No problems found.\n\n");
        return out;
    }
    let rows = diags.iter().map(|d| {
        let level = if d.is_error() { "error" } else { "warning" };
        let mut place = workspace_path(d, root).to_string_lossy().into_owned();
        if d.line > 0 {
            place.push_str(&format!(":{}", d.line));
        }
        let mut problem = markdown_text(&d.message);
        if let Some(h) = &d.help {
            problem.push_str(&format!("<br>help: {}", markdown_text(h)));
        }
        format!(
            "| {level} | <code>{}</code> | {problem} |",
            markdown_text(&place)
        )
    });
    out.push_str(&markdown_table(
        "| | where | problem |\n| --- | --- | --- |",
        rows,
        "run `lore check` to see them all",
    ));
    out
}

/// Rows of one table in a job summary; the rest are counted (GitHub caps a summary at 1 MiB).
const SUMMARY_ROWS: usize = 200;

/// A Markdown table: its header lines, then at most [`SUMMARY_ROWS`] rows and a line counting
/// the others, saying where to see them.
pub(super) fn markdown_table(
    header: &str,
    rows: impl ExactSizeIterator<Item = String>,
    see_all: &str,
) -> String {
    let total = rows.len();
    let mut out = format!("{header}\n");
    for row in rows.take(SUMMARY_ROWS) {
        out.push_str(&row);
        out.push('\n');
    }
    if total > SUMMARY_ROWS {
        out.push_str(&format!(
            "\n… and {} more: {see_all}.\n",
            total - SUMMARY_ROWS
        ));
    }
    out.push('\n');
    out
}

/// Text that a Markdown table cell shows as it is: no markup, no cell break, one line.
pub(super) fn markdown_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "&#124;")
        .replace('`', "&#96;")
        .replace('\n', "<br>")
}

/// `s` after a count other than one.
pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
