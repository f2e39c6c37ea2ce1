//! Text kept compressed in memory between the stage that makes it and the one that reads it.
//!
//! Every page's HTML and search text live from the Markdown stage until rendering and indexing
//! are over; at 100,000 pages that is over 1.5 GB as plain strings. LZ4 packs them three to four
//! times smaller and unpacks at several GB/s, so the build's peak memory drops by about a GB for
//! a few percent of CPU.

use super::TextSection;

/// A string stored LZ4-compressed.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PackedText(Box<[u8]>);

impl PackedText {
    /// Packs `text`.
    pub fn pack(text: &str) -> Self {
        if text.is_empty() {
            return Self::default();
        }
        Self(lz4_flex::compress_prepend_size(text.as_bytes()).into_boxed_slice())
    }

    /// The text back.
    pub fn unpack(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        // Only `pack` made these bytes, from a `str`: neither step can fail.
        lz4_flex::decompress_size_prepended(&self.0)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Bytes held.
    pub fn packed_len(&self) -> usize {
        self.0.len()
    }

    /// The packed bytes: equal exactly when the texts are equal (packing is deterministic and
    /// reversible), so fingerprints can hash them without unpacking.
    pub fn packed_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for PackedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PackedText({} bytes packed)", self.0.len())
    }
}

/// A page's search sections, packed as one text (sections compress far better together), with
/// their word counts, which the index needs for every page before it reads any page's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackedSections {
    text: PackedText,
    heading_words: u32,
    text_words: u32,
}

impl PackedSections {
    /// Packs `sections`.
    pub fn pack(sections: &[TextSection]) -> Self {
        let mut s = String::new();
        for section in sections {
            let anchor = section.anchor.as_deref();
            for field in [anchor.unwrap_or(""), &section.heading, &section.text] {
                // Length-prefixed, so no character of the content can break the framing.
                s.push_str(&field.len().to_string());
                s.push(':');
                s.push_str(field);
            }
            s.push(if anchor.is_some() { '#' } else { '-' });
        }
        Self {
            text: PackedText::pack(&s),
            heading_words: sections.iter().map(TextSection::heading_words).sum(),
            text_words: sections.iter().map(TextSection::text_words).sum(),
        }
    }

    /// Takes the packed text out, leaving the word counts (for a page whose text is kept
    /// elsewhere until the index reads it: [`PackedSections::with_text`]).
    pub fn take_text(&mut self) -> PackedText {
        std::mem::take(&mut self.text)
    }

    /// These word counts with `text` (taken from sections like these) put back.
    pub fn with_text(&self, text: PackedText) -> Self {
        Self {
            text,
            heading_words: self.heading_words,
            text_words: self.text_words,
        }
    }

    /// The packed text: equal exactly when the sections are equal.
    pub fn packed(&self) -> &PackedText {
        &self.text
    }

    /// Words of the headings and of the texts of all sections.
    pub fn word_counts(&self) -> (u32, u32) {
        (self.heading_words, self.text_words)
    }

    /// The sections back.
    pub fn unpack(&self) -> Vec<TextSection> {
        let s = self.text.unpack();
        let mut rest = s.as_str();
        fn field(rest: &mut &str) -> Option<String> {
            let (len, tail) = rest.split_once(':')?;
            let len: usize = len.parse().ok()?;
            let value = tail.get(..len)?.to_string();
            *rest = &tail[len..];
            Some(value)
        }
        let mut out = Vec::new();
        while let (Some(anchor), Some(heading), Some(text)) =
            (field(&mut rest), field(&mut rest), field(&mut rest))
        {
            let has_anchor = rest.starts_with('#');
            rest = rest.get(1..).unwrap_or("");
            out.push(TextSection {
                anchor: has_anchor.then_some(anchor),
                heading,
                text,
            });
        }
        out
    }
}

/// Packed texts moved out of memory into a scratch file and read back one at a time: at
/// 100,000 pages the packed HTML is half a gigabyte that nothing reads between the Markdown
/// stage and rendering. The file is unlinked at once where the system allows it (Unix), so
/// nothing is left behind even if the process is killed; elsewhere it is removed on drop.
pub(crate) struct Spill {
    file: std::sync::Mutex<std::fs::File>,
    /// Offset and length of each text, by index.
    spans: Vec<(u64, usize)>,
    /// The file's path while it still has one.
    path: Option<std::path::PathBuf>,
}

/// A [`Spill`] being written, text by text, from any thread and in any order (the Markdown
/// stage writes each page's texts as it renders the page, so they are never all held).
pub(crate) struct SpillWriter {
    out: std::sync::Mutex<SpillOut>,
    /// The scratch file, for reading back.
    file: std::fs::File,
    path: Option<std::path::PathBuf>,
}

struct SpillOut {
    out: std::io::BufWriter<std::fs::File>,
    end: u64,
    spans: Vec<(u64, usize)>,
}

impl SpillWriter {
    /// A new, empty scratch file at `path`, which must not exist.
    pub(crate) fn create(path: &std::path::Path) -> std::io::Result<Self> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(path)?;
        // Unlinked at once where the system allows an open file to be: nothing is left behind
        // however the build ends. Elsewhere the path is kept, to remove the file when dropped.
        let unlinked = cfg!(unix) && std::fs::remove_file(path).is_ok();
        let path = (!unlinked).then(|| path.to_path_buf());
        Ok(Self {
            out: std::sync::Mutex::new(SpillOut {
                out: std::io::BufWriter::with_capacity(1 << 20, file.try_clone()?),
                end: 0,
                spans: Vec::new(),
            }),
            file,
            path,
        })
    }

    /// Writes `text` as text `i`.
    pub(crate) fn put(&self, i: usize, text: &PackedText) -> std::io::Result<()> {
        use std::io::Write;
        let mut out = self
            .out
            .lock()
            .map_err(|_| std::io::Error::other("the spill file's lock is poisoned"))?;
        out.out.write_all(&text.0)?;
        if out.spans.len() <= i {
            out.spans.resize(i + 1, (0, 0));
        }
        let end = out.end;
        out.spans[i] = (end, text.0.len());
        out.end += text.0.len() as u64;
        Ok(())
    }

    /// The file, written, to read back from.
    pub(crate) fn finish(self) -> std::io::Result<Spill> {
        use std::io::Write;
        let mut out = self
            .out
            .into_inner()
            .map_err(|_| std::io::Error::other("the spill file's lock is poisoned"))?;
        out.out.flush()?;
        Ok(Spill {
            file: std::sync::Mutex::new(self.file),
            spans: out.spans,
            path: self.path,
        })
    }
}

impl Spill {
    /// Writes `texts` into a new file at `path`, which must not exist.
    pub(crate) fn write<'t>(
        path: &std::path::Path,
        texts: impl Iterator<Item = &'t PackedText>,
    ) -> std::io::Result<Self> {
        let writer = SpillWriter::create(path)?;
        for (i, text) in texts.enumerate() {
            writer.put(i, text)?;
        }
        writer.finish()
    }

    /// Text `i` back.
    pub(crate) fn unpack(&self, i: usize) -> std::io::Result<String> {
        Ok(self.packed(i)?.unpack())
    }

    /// Text `i` back, still packed.
    pub(crate) fn packed(&self, i: usize) -> std::io::Result<PackedText> {
        use std::io::{Read, Seek, SeekFrom};
        let (offset, len) = self.spans.get(i).copied().unwrap_or_default();
        let mut bytes = vec![0; len];
        {
            let mut file = self
                .file
                .lock()
                .map_err(|_| std::io::Error::other("the spill file's lock is poisoned"))?;
            file.seek(SeekFrom::Start(offset))?;
            file.read_exact(&mut bytes)?;
        }
        Ok(PackedText(bytes.into_boxed_slice()))
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        if let Some(path) = &self.path {
            std::fs::remove_file(path).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips() {
        for text in ["", "a", "<p>Ça marche — مرحبا</p>\n", &"word ".repeat(5000)] {
            assert_eq!(PackedText::pack(text).unpack(), text);
        }
        let long = "<p>the same paragraph again</p>\n".repeat(300);
        assert!(PackedText::pack(&long).packed_len() < long.len() / 4);
    }

    #[test]
    fn spilled_texts_come_back_and_leave_no_file() {
        let texts: Vec<PackedText> = ["<p>one</p>", "", "<p>مرحبا</p>", &"x".repeat(9000)]
            .iter()
            .map(|t| PackedText::pack(t))
            .collect();
        let dir = std::env::temp_dir().join(format!("lore-spill-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("spill");
        let spill = Spill::write(&path, texts.iter()).unwrap();
        for i in [3, 0, 2, 1] {
            assert_eq!(spill.unpack(i).unwrap(), texts[i].unpack());
        }
        drop(spill);
        assert!(!path.exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sections_round_trip_whatever_their_characters() {
        let sections = vec![
            TextSection {
                anchor: None,
                heading: String::new(),
                text: "Intro 12:30 with # and - and 3:x".into(),
            },
            TextSection {
                anchor: Some("steps".into()),
                heading: "Étapes : 1".into(),
                text: String::new(),
            },
            TextSection {
                anchor: Some(String::new()),
                heading: "خطوات".into(),
                text: "نص".into(),
            },
        ];
        let packed = PackedSections::pack(&sections);
        assert_eq!(packed.unpack(), sections);
        assert_eq!(packed.word_counts(), (4, 9));
        assert!(PackedSections::pack(&[]).unpack().is_empty());
    }
}
