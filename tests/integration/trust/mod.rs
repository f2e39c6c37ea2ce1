//! Editors can trust lore (issue 19): nothing lost, nothing published wrong without a word.
//! One file per promise the README makes; the broken sites stay small.

mod well_formed;
