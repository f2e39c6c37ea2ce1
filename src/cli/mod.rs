//! The command line: parses arguments (clap), drives the pipeline, prints. The only module that
//! writes to the terminal.

mod build;
mod check;
mod completions;
mod diff;
mod eject;
mod init;
mod new;
mod report;
mod serve;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// lore: a static knowledge-site generator for guides, toolkits, technique cards and events.
#[derive(Debug, Parser)]
#[command(name = "lore", version = env!("LORE_VERSION"), about)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the site into the output folder (swapped in whole; untouched on error).
    Build(BuildArgs),
    /// Build, serve on 127.0.0.1, rebuild on change and reload open pages.
    Serve(ServeArgs),
    /// Check the site without writing it: the build's errors plus links, anchors, files,
    /// orphans, translations, alt text, event dates, tool files and scripts.
    Check(CheckArgs),
    /// Write a new page with every field of its type, each with a comment on what to write.
    New(NewArgs),
    /// Start a site: site.yaml, a home page and one page of each type per language, a
    /// .gitignore and a GitHub Actions workflow. Layouts and assets stay built in.
    Init(InitArgs),
    /// Copy a built-in layout into the site's layouts/ folder, to change it there.
    Eject(EjectArgs),
    /// Compare two built sites: pages added, changed and removed, and page weight (for a pull
    /// request's summary).
    Diff(DiffArgs),
    /// Print the shell completion script for bash, zsh, fish or powershell.
    Completions(CompletionsArgs),
}

/// Options of `lore check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Site folder, holding site.yaml (default: the current folder).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Also check links to other sites (cached in ROOT/.lore-link-cache.json).
    #[arg(long)]
    pub external: bool,
    /// Seconds to wait for each external link.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Print only the translation status instead: per language, the pages not translated yet
    /// and the translations older than their source (`updated`, else `date`, in the front
    /// matter). With `--format json`, one JSON object on stdout.
    #[arg(long)]
    pub translations: bool,
}

/// Options of `lore new`.
#[derive(Debug, clap::Args)]
pub(crate) struct NewArgs {
    /// Content type: guide, toolkit, technique, event, story, author, page, or one declared in
    /// site.yaml (`course` writes a course's folder).
    /// May be left out with --translate.
    #[arg(value_name = "TYPE")]
    pub type_name: Option<String>,
    /// The page title; the file name is made from it.
    #[arg(value_name = "TITLE")]
    pub title: Option<String>,
    /// Language of the new page (a code from site.yaml).
    #[arg(long)]
    pub lang: Option<String>,
    /// Folder under content/ to write into (default: the type's section).
    #[arg(long, value_name = "DIR")]
    pub section: Option<String>,
    /// Start a translation of this page (with --lang) instead of a new page.
    #[arg(long, value_name = "PAGE")]
    pub translate: Option<PathBuf>,
    /// Site folder, holding site.yaml (default: the current folder).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Options of `lore init`.
#[derive(Debug, clap::Args)]
pub(crate) struct InitArgs {
    /// Folder for the new site (default: the current folder). It may hold other files, a Git
    /// repository for one, but no site.yaml or content/ folder.
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The site's languages, the first the default: e.g. en,fr,ar (default: en).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "CODES",
        conflicts_with = "example"
    )]
    pub lang: Vec<String>,
    /// Write the full example site (51 pages in four languages) instead of a small one.
    #[arg(long)]
    pub example: bool,
}

/// Options of `lore eject`.
#[derive(Debug, clap::Args)]
pub(crate) struct EjectArgs {
    /// What to copy (only layouts for now).
    #[arg(value_enum)]
    pub kind: EjectKind,
    /// The built-in layout's file name, e.g. base.html; leave it out to list them.
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// Print the copy (with its first line) instead of writing it, e.g. to compare it with
    /// the site's own.
    #[arg(long)]
    pub print: bool,
    /// Site folder, holding site.yaml (default: the current folder).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// What `lore eject` copies.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum EjectKind {
    /// A built-in layout (`layouts/NAME`).
    Layout,
}

/// Options of `lore diff`.
#[derive(Debug, clap::Args)]
pub(crate) struct DiffArgs {
    /// The site before the change (an output folder; a missing one counts as empty).
    #[arg(value_name = "OLD_OUT")]
    pub old: PathBuf,
    /// The site after the change.
    #[arg(value_name = "NEW_OUT")]
    pub new: PathBuf,
    /// How to print the comparison.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
}

/// `lore diff --format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// Plain lines for a terminal.
    Human,
    /// A Markdown summary, e.g. for `$GITHUB_STEP_SUMMARY`.
    Markdown,
    /// One JSON object per line.
    Json,
}

/// Options of `lore completions`.
#[derive(Debug, clap::Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `lore serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// Site folder, holding site.yaml (default: the current folder).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port to listen on; the next free one is taken if it is busy.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on. Other machines can reach the preview only if this is not 127.0.0.1.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Print the time of each stage of every rebuild.
    #[arg(long)]
    pub timings: bool,
}

/// Options of `lore build`.
#[derive(Debug, clap::Args)]
pub(crate) struct BuildArgs {
    /// Site folder, holding site.yaml (default: the current folder).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder (default: ROOT/public). It is replaced whole, so it must be new, empty or
    /// written by an earlier build.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the --out folder even though it holds files lore did not write (never a file,
    /// the site itself or a folder holding sources or a repository).
    #[arg(long)]
    pub force: bool,
    /// Base URL to build for, instead of site.yaml's `base_url`.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Treat this moment as now for upcoming/past events (2026-03-14 or RFC 3339), so builds
    /// are reproducible.
    #[arg(long)]
    pub now: Option<String>,
    /// Print the wall time of each stage and the peak memory.
    #[arg(long)]
    pub timings: bool,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
}

/// `--format` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum FormatArg {
    /// `file:line:col: error: message`, the source line and a fix.
    Human,
    /// GitHub Actions workflow annotations.
    Github,
    /// One JSON object per line.
    Json,
}

/// Runs the command line and returns the process exit code (0 success, 1 site errors, 2 usage).
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            e.print().ok();
            return code;
        }
    };
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Check(args) => check::run(args),
        Command::New(args) => new::run(args),
        Command::Init(args) => init::run(args),
        Command::Eject(args) => eject::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Completions(args) => completions::run(args),
    }
}
