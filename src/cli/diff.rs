//! `lore diff OLD_OUT NEW_OUT`: what a change does to the built site, for people (`human`), for
//! a pull request's summary (`markdown`) and for tools (`json`, one object per line).

use super::report::{markdown_table, markdown_text};
use super::{DiffArgs, DiffFormat};
use crate::output::diff::{diff_sites, Change, FileKind, SiteDiff, SiteTotals, Status};

/// Runs `lore diff`; prints the comparison to stdout and returns the exit code.
pub(super) fn run(args: DiffArgs) -> i32 {
    let diff = match diff_sites(&args.old, &args.new) {
        Ok(d) => d,
        Err(e) => {
            eprintln!(
                "error: cannot compare {} with {}: {e}",
                args.old.display(),
                args.new.display()
            );
            return 1;
        }
    };
    let text = match args.format {
        DiffFormat::Human => human(&diff),
        DiffFormat::Markdown => markdown(&diff),
        DiffFormat::Json => json(&diff),
    };
    print!("{text}");
    0
}

fn counts(diff: &SiteDiff, kind: FileKind) -> [usize; 3] {
    [Status::Added, Status::Changed, Status::Removed].map(|s| diff.of(kind, s).count())
}

fn human(diff: &SiteDiff) -> String {
    let [pa, pc, pr] = counts(diff, FileKind::Page);
    let [fa, fc, fr] = counts(diff, FileKind::File);
    let mut out = format!(
        "pages: {pa} added, {pc} changed, {pr} removed; other files: {fa} added, {fc} changed, {fr} removed\n{}\n{}\n",
        weight_line(&diff.old, &diff.new),
        index_line(&diff.old, &diff.new),
    );
    for c in &diff.changes {
        let kind = match c.kind {
            FileKind::Page => "page",
            FileKind::File => "file",
        };
        let name = if c.kind == FileKind::Page {
            &c.url
        } else {
            &c.path
        };
        let size = c.new.or(c.old).map_or(0, |w| w.gzip);
        let delta = match (c.old, c.new) {
            (Some(a), Some(b)) => format!("  ({})", signed(b.gzip as i64 - a.gzip as i64)),
            _ => String::new(),
        };
        out.push_str(&format!(
            "{:<8} {kind}  {name}  {}{delta}\n",
            status_word(c.status),
            size_text(size)
        ));
    }
    out
}

fn markdown(diff: &SiteDiff) -> String {
    let [pa, pc, pr] = counts(diff, FileKind::Page);
    let [fa, fc, fr] = counts(diff, FileKind::File);
    let mut out = String::from("### What this change does to the site\n\n");
    if diff.changes.is_empty() {
        out.push_str("No page or file changed.\n\n");
    } else {
        out.push_str(&format!(
            "| | pages | other files |\n| --- | ---: | ---: |\n| added | {pa} | {fa} |\n| changed | {pc} | {fc} |\n| removed | {pr} | {fr} |\n\n"
        ));
    }
    out.push_str(&format!(
        "- {}\n- {}\n\n",
        weight_line(&diff.old, &diff.new),
        index_line(&diff.old, &diff.new)
    ));
    for status in [Status::Added, Status::Changed, Status::Removed] {
        let pages: Vec<&Change> = diff.of(FileKind::Page, status).collect();
        if !pages.is_empty() {
            out.push_str(&format!(
                "#### Pages {} ({})\n\n",
                status_word(status),
                pages.len()
            ));
            out.push_str(&table(&pages, |c| &c.url));
        }
    }
    let files: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.kind == FileKind::File)
        .collect();
    if !files.is_empty() {
        out.push_str(&format!(
            "<details><summary>Other files: {fa} added, {fc} changed, {fr} removed</summary>\n\n"
        ));
        out.push_str(&table(&files, |c| &c.path));
        out.push_str("</details>\n");
    }
    out
}

/// A Markdown table of changes: name, status, gzipped size and its change.
fn table(changes: &[&Change], name: impl Fn(&Change) -> &str) -> String {
    let rows = changes.iter().map(|c| {
        let size = c.new.or(c.old).map_or(0, |w| w.gzip);
        let before = c.old.map_or(0, |w| w.gzip as i64);
        let after = c.new.map_or(0, |w| w.gzip as i64);
        format!(
            "| {} | {} | {} | {} |",
            code(name(c)),
            status_word(c.status),
            size_text(size),
            signed(after - before)
        )
    });
    markdown_table(
        "| | | gzipped | change |\n| --- | --- | ---: | ---: |",
        rows,
        "`lore diff` lists them all",
    )
}

fn json(diff: &SiteDiff) -> String {
    let mut out = String::new();
    for c in &diff.changes {
        out.push_str(&serde_json::to_string(c).unwrap_or_default());
        out.push('\n');
    }
    let totals = serde_json::json!({"kind": "totals", "old": diff.old, "new": diff.new});
    out.push_str(&totals.to_string());
    out.push('\n');
    out
}

fn weight_line(old: &SiteTotals, new: &SiteTotals) -> String {
    let average = |t: &SiteTotals| t.page_weight.gzip / t.pages.max(1) as u64;
    format!(
        "page weight (what readers download, gzipped HTML): {} pages, {} in all, {} on average → {} pages, {} in all, {} on average ({} on average)",
        old.pages,
        size_text(old.page_weight.gzip),
        size_text(average(old)),
        new.pages,
        size_text(new.page_weight.gzip),
        size_text(average(new)),
        signed(average(new) as i64 - average(old) as i64),
    )
}

fn index_line(old: &SiteTotals, new: &SiteTotals) -> String {
    let (a, b) = (old.search_index, new.search_index);
    format!(
        "search index: {} files, {} → {} files, {} ({})",
        a.files,
        size_text(a.bytes),
        b.files,
        size_text(b.bytes),
        signed(b.bytes as i64 - a.bytes as i64)
    )
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Added => "added",
        Status::Changed => "changed",
        Status::Removed => "removed",
    }
}

/// `812 B`, `4.1 kB`, `2.3 MB`.
fn size_text(bytes: u64) -> String {
    match bytes {
        0..1000 => format!("{bytes} B"),
        1000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

fn signed(delta: i64) -> String {
    let sign = if delta < 0 { "−" } else { "+" };
    format!("{sign}{}", size_text(delta.unsigned_abs()))
}

/// A file name as Markdown code that no `|` or backtick in it can break.
fn code(name: &str) -> String {
    format!("<code>{}</code>", markdown_text(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::diff::Weight;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size_text(812), "812 B");
        assert_eq!(size_text(4_130), "4.1 kB");
        assert_eq!(signed(-300), "−300 B");
        assert_eq!(code("a|b<c>"), "<code>a&#124;b&lt;c&gt;</code>");
    }

    #[test]
    fn an_unchanged_site_says_so() {
        let weight = Weight { bytes: 10, gzip: 8 };
        let totals = SiteTotals {
            pages: 1,
            page_weight: weight,
            search_index: Default::default(),
        };
        let diff = SiteDiff {
            changes: Vec::new(),
            old: totals,
            new: totals,
        };
        assert!(markdown(&diff).contains("No page or file changed."));
    }
}
