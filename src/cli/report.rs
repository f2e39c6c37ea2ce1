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
pub enum Format {
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
pub fn format_diagnostic(d: &Diagnostic, format: Format, root: &Path, color: bool) -> String {
    match format {
        Format::Human => human(d, root, color),
        Format::Github => github(d),
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

fn github(d: &Diagnostic) -> String {
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
        props.push(format!("file={}", esc_prop(&d.path.to_string_lossy())));
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
pub fn print_diagnostics(diags: &[Diagnostic], format: Format, root: &Path) {
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
