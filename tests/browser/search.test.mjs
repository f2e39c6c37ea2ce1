// `node --test tests/browser/` runs files named *.test.mjs; the scenarios live in
// search.spec.mjs (the name the project uses for browser specs), loaded from here.
import './search.spec.mjs';
