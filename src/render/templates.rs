//! The minijinja environment: built-in layouts overridden file by file by the site's `layouts/`,
//! autoescape on for HTML and XML, and the functions layouts use (`t`, `asset_url`, `url`,
//! `absolute_url`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, Value};

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Kind};
use crate::output::assets::Assets;

/// Folder of a site's own layouts.
pub(crate) const LAYOUTS_DIR: &str = "layouts";

/// Interface strings by language then key, built-in ones merged with the site's.
pub(crate) type Strings = BTreeMap<String, BTreeMap<String, String>>;

/// The compiled layouts of a site.
pub struct Templates {
    env: Environment<'static>,
    origins: BTreeMap<String, PathBuf>,
    fingerprint: u64,
    strings: Arc<Strings>,
}

impl Templates {
    /// Loads the layouts and checks every one's syntax, reporting each error with its line.
    pub fn load(
        config: &Config,
        assets: Arc<Assets>,
        strings: Arc<Strings>,
    ) -> Result<Self, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        let mut origins: BTreeMap<String, PathBuf> = BTreeMap::new();
        for (name, bytes) in crate::builtin::files(&crate::builtin::LAYOUTS) {
            origins.insert(
                name.clone(),
                PathBuf::from(format!("(built-in) layouts/{name}")),
            );
            sources.insert(name, String::from_utf8_lossy(bytes).into_owned());
        }
        let mut diags = Vec::new();
        let dir = config.root.join(LAYOUTS_DIR);
        if dir.is_dir() {
            for e in walkdir::WalkDir::new(&dir)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
            {
                if !e.file_type().is_file() {
                    continue;
                }
                let rel = e.path().strip_prefix(&dir).unwrap_or(e.path());
                let name = rel
                    .iter()
                    .map(|s| s.to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                match std::fs::read_to_string(e.path()) {
                    Ok(text) => {
                        origins.insert(name.clone(), Path::new(LAYOUTS_DIR).join(rel));
                        sources.insert(name, text);
                    }
                    Err(err) => diags.push(Diagnostic::error(
                        Path::new(LAYOUTS_DIR).join(rel),
                        format!("cannot read layout: {err}"),
                    )),
                }
            }
        }
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".svg") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Lenient);
        // minijinja's own escaping also escapes `/`, which bloats every URL on a page
        // (`&#x2f;`); `& < > "` are the characters that matter in text and quoted attributes.
        env.set_formatter(|out, state, value| match value.as_str() {
            Some(s) if state.auto_escape() != AutoEscape::None && !value.is_safe() => {
                let mut written = Ok(());
                crate::markdown::escape_attr_pieces(s, |piece| {
                    if written.is_ok() {
                        written = out.write_str(piece);
                    }
                });
                written.map_err(Error::from)
            }
            _ => minijinja::escape_formatter(out, state, value),
        });
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        for (name, text) in &sources {
            if name.ends_with(".yaml") {
                continue;
            }
            if let Err(e) = env.add_template_owned(name.clone(), text.clone()) {
                diags.push(template_diagnostic(&e, &origins, None));
            }
        }
        let kept_strings = strings.clone();
        let s = strings.clone();
        env.add_function("t", move |state: &State, key: &str| -> String {
            translate(&s, state, key)
        });
        // A string in another language than the page's: notices for readers of that language.
        env.add_function("t_in", move |lang: &str, key: &str| -> String {
            lookup(&strings, lang, key)
        });
        let base_path = base_path(&config.base_url);
        let bp = base_path.clone();
        let a = assets.clone();
        env.add_function("asset_url", move |path: &str| -> Result<String, Error> {
            a.url(path).map(|u| format!("{bp}{u}")).ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidOperation,
                    format!("no asset `{path}` in assets/"),
                )
            })
        });
        let bp = base_path.clone();
        env.add_function("url", move |path: &str| -> String {
            if path.starts_with('/') {
                format!("{bp}{path}")
            } else {
                path.to_string()
            }
        });
        // Share previews (`og:image`, `og:url`) need whole addresses; `asset_url` and page
        // URLs are root-relative.
        let origin = super::print::origin(&config.base_url);
        env.add_function("absolute_url", move |path: &str| -> String {
            if path.starts_with('/') && !path.starts_with("//") {
                format!("{origin}{path}")
            } else {
                path.to_string()
            }
        });
        if !diags.is_empty() {
            return Err(diags);
        }
        let fingerprint = sources
            .iter()
            .fold(
                crate::fingerprint::Fingerprint::new("layouts"),
                |f, (n, t)| f.text(n).text(t),
            )
            .finish();
        Ok(Self {
            env,
            origins,
            fingerprint,
            strings: kept_strings,
        })
    }

    /// A fingerprint of every layout's name and text (built-in and the site's own).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Where layout `name` comes from, as diagnostics name it: `layouts/page.html`, or
    /// `(built-in) layouts/page.html` for a built-in one.
    pub fn origin(&self, name: &str) -> PathBuf {
        self.origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| Path::new(LAYOUTS_DIR).join(name))
    }

    /// The interface string `key` in `lang`, as layouts' `t` gives it (for outputs written
    /// without a layout: the EPUBs).
    pub fn text(&self, lang: &str, key: &str) -> String {
        lookup(&self.strings, lang, key)
    }

    /// True if a layout of this name exists.
    pub fn has(&self, name: &str) -> bool {
        self.env.get_template(name).is_ok()
    }

    /// Renders layout `name` for the page at `source` (named in errors).
    pub fn render(&self, name: &str, ctx: Value, source: &Path) -> Result<String, Diagnostic> {
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| template_diagnostic(&e, &self.origins, Some(source)))?;
        tmpl.render(ctx)
            .map_err(|e| template_diagnostic(&e, &self.origins, Some(source)))
    }
}

/// The path part of the base URL (`/kb` for `https://example.org/kb`), empty at a host's root.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    after_scheme.find('/').map_or(String::new(), |i| {
        after_scheme[i..].trim_end_matches('/').to_string()
    })
}

fn translate(strings: &Strings, state: &State, key: &str) -> String {
    let lang = state
        .lookup("lang")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    lookup(strings, &lang, key)
}

/// The interface string `key` in `lang`, falling back to English, then to the key itself.
pub(crate) fn lookup(strings: &Strings, lang: &str, key: &str) -> String {
    strings
        .get(lang)
        .and_then(|t| t.get(key))
        .or_else(|| strings.get("en").and_then(|t| t.get(key)))
        .cloned()
        .unwrap_or_else(|| key.replace('_', " "))
}

/// The interface string tables: `strings.yaml` of the site's layouts (or the built-in one),
/// then the site's `strings:` from site.yaml on top.
pub(crate) fn load_strings(config: &Config) -> Result<Strings, Diagnostic> {
    let own = config.root.join(LAYOUTS_DIR).join("strings.yaml");
    let (text, path) = match std::fs::read_to_string(&own) {
        Ok(t) => (t, PathBuf::from("layouts/strings.yaml")),
        Err(_) => {
            let builtin = crate::builtin::LAYOUTS
                .get_file("strings.yaml")
                .and_then(|f| f.contents_utf8())
                .unwrap_or("");
            (
                builtin.to_string(),
                PathBuf::from("(built-in) layouts/strings.yaml"),
            )
        }
    };
    let mut strings: Strings = if text.trim().is_empty() {
        Strings::new()
    } else {
        crate::yaml::parse(&text, &path, 1)?
    };
    for (lang, table) in &config.strings {
        strings
            .entry(lang.clone())
            .or_default()
            .extend(table.clone());
    }
    Ok(strings)
}

/// A layout error as a diagnostic at the layout and line where it happened. An error inside an
/// included layout comes wrapped in one error per `{% include %}`: the diagnostic names that
/// chain, and an include loop is said to be one (issue 19: "error in loop.html" said neither).
fn template_diagnostic(
    e: &Error,
    origins: &BTreeMap<String, PathBuf>,
    source: Option<&Path>,
) -> Diagnostic {
    let chain = include_chain(e);
    let place = |e: &Error| format!("{}:{}", e.name().unwrap_or("?"), e.line().unwrap_or(0));
    let looped = chain.iter().enumerate().find_map(|(i, step)| {
        let at = place(step);
        chain[..i].iter().any(|s| place(s) == at).then_some(i)
    });
    let inner = match looped {
        Some(i) => chain[i],
        None => chain.last().copied().unwrap_or(e),
    };
    let name = inner.name().unwrap_or("?");
    let path = origins
        .get(name)
        .cloned()
        .unwrap_or_else(|| PathBuf::from(format!("layouts/{name}")));
    let outer: Vec<String> = chain[..chain.len().min(looped.map_or(chain.len() - 1, |i| i + 1))]
        .iter()
        .map(|s| place(s))
        .collect();
    let mut msg = match looped {
        Some(_) => format!(
            "template error: include loop: `{name}` comes back to itself ({})",
            outer.join(" → ")
        ),
        None => {
            let mut m = format!("template error: {}", inner.kind());
            if let Some(detail) = inner.detail() {
                m.push_str(": ");
                m.push_str(detail);
            }
            if !outer.is_empty() {
                m.push_str(&format!(" (included from {})", outer.join(" → ")));
            }
            m
        }
    };
    let kind = Kind::Template { error: msg.clone() };
    if let Some(src) = source {
        msg.push_str(&format!(" (while rendering {})", src.display()));
    }
    let help = if looped.is_some() {
        "remove the `{% include %}` that leads back, or put it under an `{% if %}` that ends"
    } else {
        "fix the layout at this line; `lore build` shows the page it was rendering"
    };
    Diagnostic::error(path, msg)
        .at(inner.line().unwrap_or(0), 0)
        .help(help)
        .kind(kind)
}

/// The error and the errors it wraps, outermost first: one per `{% include %}` crossed.
fn include_chain(e: &Error) -> Vec<&Error> {
    let mut chain = vec![e];
    let mut current: &dyn std::error::Error = e;
    while let Some(next) = current.source() {
        if let Some(inner) = next.downcast_ref::<Error>() {
            chain.push(inner);
        }
        current = next;
    }
    chain
}
