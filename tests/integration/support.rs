//! The test harness: a site copied or written into a temporary folder, built with the library
//! (or the real binary), with helpers to read its output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lore::diagnostics::Diagnostic;
use lore::{BuildOptions, BuildReport};

/// The repository root, where the example site lives.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site in a temporary folder.
pub struct SiteTest {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

/// The fixed "now" of test builds, so upcoming/past events do not change with the date.
pub const NOW: &str = "2026-11-27T12:00:00Z";

impl SiteTest {
    /// A copy of the example site (site.yaml and content/; layouts and assets are built in).
    pub fn example() -> Self {
        let t = Self::empty_dir();
        copy_dir(&repo().join("content"), &t.root.join("content"));
        std::fs::copy(repo().join("site.yaml"), t.root.join("site.yaml")).expect("copy site.yaml");
        t
    }

    /// A site with only a minimal site.yaml and the given pages.
    pub fn new() -> Self {
        let t = Self::empty_dir();
        t.file(
            "site.yaml",
            "title: Test site\nbase_url: https://test.example.org\n",
        );
        t
    }

    fn empty_dir() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).expect("site dir");
        Self { _dir: dir, root }
    }

    /// Writes a file of the site (creating folders).
    pub fn file(&self, rel: &str, text: &str) -> &Self {
        self.bytes(rel, text.as_bytes())
    }

    /// Writes raw bytes (for encodings tests).
    pub fn bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
        self
    }

    /// Build options for this site, into `public/`, at the fixed time.
    pub fn options(&self) -> BuildOptions {
        let mut o = BuildOptions::new(&self.root);
        o.now = Some(NOW.parse().expect("now"));
        o
    }

    /// Builds with the library.
    pub fn build(&self) -> Result<BuildReport, Vec<Diagnostic>> {
        lore::build(&self.options(), &|_| {})
    }

    /// Builds and panics with the diagnostics on failure.
    pub fn build_ok(&self) -> BuildReport {
        match self.build() {
            Ok(r) => r,
            Err(d) => panic!(
                "build failed:\n{}",
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    /// Builds, expecting failure, and returns the errors.
    pub fn build_err(&self) -> Vec<Diagnostic> {
        match self.build() {
            Ok(_) => panic!("build succeeded but errors were expected"),
            Err(d) => d,
        }
    }

    /// Path of an output file.
    pub fn out(&self, rel: &str) -> PathBuf {
        self.root.join("public").join(rel)
    }

    /// Text of an output file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out(rel))
            .unwrap_or_else(|e| panic!("cannot read public/{rel}: {e}"))
    }

    /// The `<main>` element of an output page, where a page's own content is.
    pub fn main_of(&self, rel: &str) -> String {
        let html = self.read(rel);
        let start = html.find("<main").expect("<main>");
        let end = html.find("</main>").expect("</main>") + "</main>".len();
        html[start..end].to_string()
    }

    /// Runs the real `lore` binary in the site folder.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_env(args, &[])
    }

    /// Runs the real binary with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lore"));
        cmd.args(args).current_dir(&self.root).env("NO_COLOR", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("run lore")
    }
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("walk");
        let rel = e.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    out.sort();
    out
}

/// The one diagnostic about `path`, with a helpful failure message.
pub fn only_for<'a>(diags: &'a [Diagnostic], path: &str) -> &'a Diagnostic {
    let matching: Vec<&Diagnostic> = diags.iter().filter(|d| d.path == Path::new(path)).collect();
    assert_eq!(
        matching.len(),
        1,
        "expected one diagnostic for {path}, got: {diags:#?}"
    );
    matching[0]
}

/// xorshift64*: a seeded generator, so a failing run can be repeated exactly.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The example site, built once for every test that only reads it (one build shared by the
/// test modules, not one each).
pub fn built_example() -> &'static SiteTest {
    static SITE: std::sync::OnceLock<SiteTest> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let site = SiteTest::example();
        site.build_ok();
        site
    })
}
