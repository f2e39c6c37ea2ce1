//! `lore init DIR`: a new, working site from the built-in example: `site.yaml`, `content/`,
//! `layouts/`, `assets/`, a `.gitignore`, and a GitHub Actions workflow that checks pull
//! requests and publishes on merge. `lore build` in DIR succeeds at once.

use std::path::Path;

use include_dir::Dir;

use super::InitArgs;
use crate::builtin;

/// The CI workflow written to `.github/workflows/lore.yml`.
const WORKFLOW: &str = include_str!("init/workflow.yml");

/// Files kept out of Git in a new site.
const GITIGNORE: &str =
    "# lore's output and caches\n/public/\n/.public.lore-*\n/.lore-link-cache.json\n";

/// Runs `lore init`; returns the exit code.
pub fn run(args: InitArgs) -> i32 {
    match init_site(&args.dir) {
        Ok(files) => {
            println!(
                "wrote a new site in {} ({files} files); next: cd {} && lore build",
                args.dir.display(),
                args.dir.display()
            );
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// Writes the example site into `dir`, which must be absent or empty. Returns the file count.
fn init_site(dir: &Path) -> Result<usize, String> {
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; lore init writes a new site only into an empty or new folder",
                dir.display()
            ));
        }
    } else if dir.exists() {
        return Err(format!("{} exists and is not a folder", dir.display()));
    }
    let mut count = 0;
    let mut write = |rel: &str, bytes: &[u8]| -> Result<(), String> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        count += 1;
        Ok(())
    };
    write("site.yaml", builtin::SITE_YAML.as_bytes())?;
    write(".gitignore", GITIGNORE.as_bytes())?;
    write(".github/workflows/lore.yml", WORKFLOW.as_bytes())?;
    for (folder, files) in [
        ("content", &builtin::CONTENT),
        ("layouts", &builtin::LAYOUTS),
        ("assets", &builtin::ASSETS),
    ] {
        for (rel, bytes) in embedded(files) {
            write(&format!("{folder}/{rel}"), bytes)?;
        }
    }
    Ok(count)
}

fn embedded(dir: &'static Dir<'static>) -> Vec<(String, &'static [u8])> {
    builtin::files(dir)
}
