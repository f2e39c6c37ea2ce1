//! `lore eject layout NAME`: copies one built-in layout into the site's `layouts/`, where it
//! replaces the built-in one, with a first line naming the built-in version it was copied from
//! (see [`crate::render::overrides`]), so `lore check` can say when the built-in has changed since.

use super::{EjectArgs, EjectKind};
use crate::builtin;
use crate::render::overrides::{builtin_layout, ejected_layout};
use crate::render::templates::LAYOUTS_DIR;

/// Runs `lore eject`; returns the exit code.
pub(super) fn run(args: EjectArgs) -> i32 {
    let EjectKind::Layout = args.kind;
    let Some(name) = args.name else {
        for (name, _) in builtin::files(&builtin::LAYOUTS) {
            println!("{name}");
        }
        return 0;
    };
    if args.print {
        return match builtin_layout(&name) {
            Some(bytes) => {
                print!("{}", ejected_layout(&name, bytes));
                0
            }
            None => {
                eprintln!("error: {}", unknown_layout(&name));
                1
            }
        };
    }
    match eject_layout(&args.root, &name) {
        Ok(path) => {
            println!("{}", path.display());
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

fn eject_layout(root: &std::path::Path, name: &str) -> Result<std::path::PathBuf, String> {
    let Some(bytes) = builtin_layout(name) else {
        return Err(unknown_layout(name));
    };
    if !root.join(crate::config::CONFIG_FILE).is_file() {
        return Err(format!(
            "{} has no site.yaml: run lore eject in a site folder, or pass --root DIR",
            root.display()
        ));
    }
    let path = root.join(LAYOUTS_DIR).join(name);
    let text = ejected_layout(name, bytes);
    std::fs::create_dir_all(root.join(LAYOUTS_DIR))
        .map_err(|e| format!("cannot create {}: {e}", root.join(LAYOUTS_DIR).display()))?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists: the site overrides {name} already (delete it to copy the built-in again)",
                path.display()
            ),
            _ => format!("cannot write {}: {e}", path.display()),
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

fn unknown_layout(name: &str) -> String {
    let names: Vec<String> = builtin::files(&builtin::LAYOUTS)
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    format!(
        "there is no built-in layout `{name}`; the built-in layouts are {} (`lore eject layout` lists them)",
        names.join(", ")
    )
}
