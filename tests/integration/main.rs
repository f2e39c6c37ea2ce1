//! lore's integration tests: one binary, a module per feature. Each test builds a real site
//! (the example site at the repository root, or a small one written by the test) and asserts on
//! the files a reader or a tool would get. `support.rs` holds the [`support::SiteTest`] harness.

mod authors;
mod build;
mod check;
mod cli;
mod corpus;
mod course;
mod dates;
mod determinism;
mod diff;
mod eject;
mod epub;
mod external;
mod images;
mod incremental;
mod init;
mod invalid;
mod languages;
mod modules;
mod new;
mod offline;
mod package;
mod robustness;
mod serve;
mod site;
mod snapshots;
mod stories;
mod support;
mod terms;
mod theme;
mod trust;
