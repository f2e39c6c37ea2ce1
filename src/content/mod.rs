//! Content: from files under `content/` to checked [`Page`]s.
//!
//! `load` walks and reads the files, `front_matter` splits them (the content types and their
//! fields are [`crate::schema`]'s), and `page` turns each file into a [`Page`] with its language, type
//! and URL. Every problem is a diagnostic; a file with errors is left out and the others go on.

pub mod controls;
pub mod front_matter;
pub(crate) mod load;
pub(crate) mod page;
pub(crate) mod script_url;

// Re-exported where pages use them (the rules live below `config`, in `crate::schema`).
pub(crate) use crate::schema::{self};
pub use load::{load_sources, ContentFiles, SourceFile, CONTENT_DIR};
pub use page::{parse_pages, Page};
