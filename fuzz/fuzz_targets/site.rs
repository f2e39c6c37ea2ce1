//! Fuzz target over site.yaml + front matter + Markdown: `cargo +nightly fuzz run site`.
//! The input format and what is run are in `../harness.rs`, shared with the regression tests
//! (`tests/integration/robustness.rs`), which replay `tests/fixtures/fuzz/*` on stable.

#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::run(data);
});
