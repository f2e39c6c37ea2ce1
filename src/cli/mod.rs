//! The command line: parses arguments (clap), drives the pipeline, prints. The only module that
//! writes to the terminal.

mod build;
mod report;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use report::{format_diagnostic, Format};

/// lore: a static knowledge-site generator for guides, toolkits, technique cards and events.
#[derive(Debug, Parser)]
#[command(name = "lore", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (swapped in whole; untouched on error).
    Build(BuildArgs),
}

/// Options of `lore build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Site folder, holding site.yaml (default: the current folder).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder (default: ROOT/public).
    #[arg(long)]
    pub out: Option<PathBuf>,
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
pub enum FormatArg {
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
    }
}
