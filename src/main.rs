//! The `lore` command: parse the command line, run it, exit with its code.

fn main() {
    std::process::exit(lore::cli::run());
}
