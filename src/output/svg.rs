//! SVG files pass through the image pipeline unchanged but for what could run: `<script>` and
//! `<foreignObject>` elements, `on…` event attributes, and links to `javascript:` addresses are
//! removed, so that an SVG opened on its own (as a link, or a page's `image:`) runs nothing.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// Elements dropped whole, with what they hold.
const DROPPED: [&str; 2] = ["script", "foreignObject"];

/// The SVG `bytes` without scripts; an error when it is not well-formed XML.
pub(crate) fn sanitize_svg(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_reader(bytes);
    let mut writer = Writer::new(Vec::with_capacity(bytes.len()));
    let mut buf = Vec::new();
    // Depth inside a dropped element (0 outside one).
    let mut skipping = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            format!(
                "not well-formed XML at byte {}: {e}",
                reader.error_position()
            )
        })?;
        let out = match event {
            Event::Eof => break,
            Event::Start(e) => {
                if skipping > 0 || is_dropped(&e) {
                    skipping += 1;
                    None
                } else {
                    Some(Event::Start(safe_element(&e)?))
                }
            }
            Event::End(e) => {
                if skipping > 0 {
                    skipping -= 1;
                    None
                } else {
                    Some(Event::End(e))
                }
            }
            Event::Empty(e) => {
                if skipping > 0 || is_dropped(&e) {
                    None
                } else {
                    Some(Event::Empty(safe_element(&e)?))
                }
            }
            other if skipping == 0 => Some(other),
            _ => None,
        };
        if let Some(ev) = out {
            writer.write_event(ev).map_err(|e| e.to_string())?;
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

fn is_dropped(e: &BytesStart) -> bool {
    let name = e.local_name();
    DROPPED
        .iter()
        .any(|d| name.as_ref().eq_ignore_ascii_case(d))
}

/// The element with its event attributes and `javascript:` links removed.
fn safe_element(e: &BytesStart) -> Result<BytesStart<'static>, String> {
    let name = e.name().as_ref().to_string();
    let mut out = BytesStart::new(name);
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|e| e.to_string())?;
        let key = attr.key.local_name();
        let key = key.as_ref();
        if key.len() > 2 && key.is_char_boundary(2) && key[..2].eq_ignore_ascii_case("on") {
            continue;
        }
        let value: String = attr
            .value
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        if value.to_ascii_lowercase().starts_with("javascript:") {
            continue;
        }
        out.push_attribute(attr);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_event_attributes_and_script_links_are_removed() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><a href=" javascript:alert(3)"><rect width="10" height="10" onclick="x()"/></a><title>Tree</title></svg>"#;
        let out = String::from_utf8(sanitize_svg(svg).unwrap()).unwrap();
        assert!(!out.contains("alert"), "{out}");
        assert!(!out.contains("onclick"), "{out}");
        assert!(out.contains(r#"<rect width="10" height="10"/>"#), "{out}");
        assert!(out.contains("<title>Tree</title>"));
    }

    #[test]
    fn a_drawing_without_scripts_is_unchanged() {
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><path d="M0 0h4"/></svg>"#;
        assert_eq!(sanitize_svg(svg).unwrap(), svg.to_vec());
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(sanitize_svg(b"<svg><g></svg>").is_err());
    }
}
