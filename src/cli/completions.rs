//! `lore completions SHELL`: the completion script clap_complete writes from the command line's
//! own definition, so it always knows every subcommand and option.

use clap::CommandFactory;

use super::{Cli, CompletionsArgs};

/// Runs `lore completions`; prints the script to stdout and returns the exit code.
pub(super) fn run(args: CompletionsArgs) -> i32 {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "lore", &mut std::io::stdout());
    0
}
