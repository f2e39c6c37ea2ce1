//! Editors can trust lore (issue 19): nothing lost, nothing published wrong without a word.
//! One file per promise the README makes; the broken sites stay small.

mod agreement;
mod leftovers;
mod machine_output;
mod messages;
mod out_folder;
mod script_urls;
mod well_formed;
