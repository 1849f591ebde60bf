// The SarexFormats module; see ../../README.md and DESIGN in the repository notes.
