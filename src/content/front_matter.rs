//! Splitting a Markdown file into its YAML front matter and its body.
//!
//! Files are read as UTF-8; a byte-order mark is dropped and CRLF line endings become LF before
//! splitting, so line numbers stay those an editor sees.

/// A source file cut in two, with the 1-based line on which each part starts.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FrontMatterSplit<'a> {
    /// The YAML between the `---` lines (empty when the file has none).
    pub yaml: &'a str,
    /// Line of the first YAML line.
    pub yaml_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// Line of the first body line.
    pub body_line: usize,
}

/// Normalises text as read from disk: no BOM, LF line endings.
pub fn normalize_text(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Splits normalised text. `Err` carries the line of an opening `---` that is never closed.
pub(crate) fn split_front_matter(text: &str) -> Result<FrontMatterSplit<'_>, usize> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Ok(FrontMatterSplit {
            yaml: "",
            yaml_line: 1,
            body: text,
            body_line: 1,
        });
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (i, line) in text[yaml_start..].split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let body_start = offset + line.len();
            return Ok(FrontMatterSplit {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_body_lines() {
        let s = split_front_matter("---\ntitle: A\n---\nHello\n").unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Hello\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let t = normalize_text("\u{feff}---\r\ntitle: A\r\n---\r\nHi\r\n".to_string());
        let s = split_front_matter(&t).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Hi\n");
    }

    #[test]
    fn reports_unclosed_front_matter() {
        assert_eq!(split_front_matter("---\ntitle: A\nbody"), Err(1));
    }

    #[test]
    fn treats_a_file_without_front_matter_as_body() {
        let s = split_front_matter("# Hi\n").unwrap();
        assert_eq!((s.yaml, s.body), ("", "# Hi\n"));
    }
}
