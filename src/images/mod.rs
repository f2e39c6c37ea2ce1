//! Images that cost little: each JPEG, PNG, GIF or WebP picture under `content/` is resized at
//! build time into a few widths, in WebP and in a fall-back format, and pages offer them with
//! `srcset`.
//!
//! 1. [`ImageSet::measure`] reads each image's header (its size and orientation, no pixels)
//!    before rendering, so that pages can name every variant and set `width`/`height`.
//! 2. [`rewrite_images`] runs over each rendered page: an `<img>` of a measured image gets
//!    `srcset`, `sizes`, `width`/`height`, `loading="lazy"` and `decoding="async"` (all but the
//!    page's first image, which is likely on the first screen), inside a `<picture>` with a
//!    WebP `<source>`.
//! 3. [`ImageSet::write_variants`] makes the variants, in parallel. Each image's variants are
//!    kept in `.lore-cache/images/` in the site folder under a key of the image's SHA-256 and
//!    the settings, so that a second build decodes and encodes nothing.
//!
//! The original file is still copied as it is (a page may link to it). Animated GIF and WebP
//! pass through unchanged (resizing every frame of an animation is a video's job, not a site
//! generator's), and so does SVG, made safe first ([`crate::output::svg`]).

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageReader};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::output::Staging;

/// Widths (CSS pixels at 1x) variants are made in; an image narrower than one is not enlarged.
pub(crate) const WIDTHS: [u32; 3] = [480, 960, 1440];
/// WebP quality (0–100) of the variants.
const WEBP_QUALITY: f32 = 75.0;
/// JPEG quality of the JPEG variants.
const JPEG_QUALITY: u8 = 80;
/// What the variants depend on besides the image: a change here makes every variant again.
const SETTINGS: &str = "v1 widths=480,960,1440 webp=75 jpeg=80 filter=triangle";
/// The site's image cache, under its root.
pub(crate) const CACHE_DIR: &str = ".lore-cache/images";
/// Width an EPUB's JPEG and PNG pictures are taken at: the variant nearest below it (an
/// e-reader's screen is about this wide; the 1440 px variant would double the file).
pub(crate) const EPUB_WIDTH: u32 = 960;
/// `sizes` of a content image: the text column on a wide screen, the screen on a phone.
const SIZES: &str = "(min-width: 48rem) 44rem, 100vw";

/// The format of a resized picture's source, which decides its fall-back variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JPEG (photographs): JPEG fall-backs.
    Jpeg,
    /// PNG (drawings, screenshots, transparency): PNG fall-backs.
    Png,
    /// A still GIF: PNG fall-backs (lossless, as the GIF was; every browser reads PNG).
    Gif,
    /// A still WebP: WebP only, since a browser that reads the source reads its variants.
    WebP,
}

impl Format {
    /// The extension of the fall-back variants.
    fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png | Format::Gif => "png",
            Format::WebP => "webp",
        }
    }

    /// The extensions of the variants made at each width: WebP first, then the fall-back.
    fn variant_extensions(self) -> &'static [&'static str] {
        match self {
            Format::Jpeg => &["webp", "jpg"],
            Format::Png | Format::Gif => &["webp", "png"],
            Format::WebP => &["webp"],
        }
    }
}

/// One measured image.
#[derive(Clone, Debug)]
pub struct Image {
    /// The file under `content/` (`guides/x/photo.jpg`).
    pub source: PathBuf,
    /// Its size once turned upright (EXIF orientation applied).
    pub width: u32,
    /// Its height, likewise.
    pub height: u32,
    /// The format of its fall-back variants.
    pub format: Format,
    /// The widths of its variants, ascending.
    pub widths: Vec<u32>,
}

impl Image {
    /// The output path of a variant: `guides/x/photo.jpg` -> `guides/x/photo-480w.webp`.
    pub fn variant_path(url_path: &str, width: u32, ext: &str) -> String {
        let stem = url_path.rsplit_once('.').map_or(url_path, |(s, _)| s);
        format!("{stem}-{width}w.{ext}")
    }

    /// The height of the variant `width` wide.
    fn height_at(&self, width: u32) -> u32 {
        ((u64::from(self.height) * u64::from(width) + u64::from(self.width) / 2)
            / u64::from(self.width.max(1))) as u32
    }
}

/// The site's measured images, by output path (`guides/x/photo.jpg`).
#[derive(Clone, Debug, Default)]
pub struct ImageSet {
    images: BTreeMap<String, Image>,
    /// SVG files and animated GIF and WebP, which pass through unresized (an EPUB takes them as
    /// they are), by output path: their source under `content/`.
    others: BTreeMap<String, PathBuf>,
}

impl ImageSet {
    /// Measures every JPEG and PNG among `resources` (paths under `content/`); a file that is
    /// no image of its kind is an error naming it.
    pub fn measure(root: &Path, resources: &[PathBuf]) -> (Self, Vec<Diagnostic>) {
        let others = resources
            .iter()
            .filter(|rel| {
                rel.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    ["svg", "gif", "webp"].contains(&e.to_ascii_lowercase().as_str())
                })
            })
            .filter_map(|rel| {
                let url = crate::content::load::resource_url(rel)?;
                Some((url.trim_start_matches('/').to_string(), rel.clone()))
            })
            .collect();
        let results: Vec<_> = resources
            .par_iter()
            .filter_map(|rel| {
                let format = raster_format(rel)?;
                let url = crate::content::load::resource_url(rel)?;
                let site_path = Path::new(crate::content::CONTENT_DIR).join(rel);
                Some(match measure_one(&root.join(&site_path), format) {
                    Ok(None) => return None,
                    Ok(Some((width, height))) => {
                        let mut widths: Vec<u32> =
                            WIDTHS.iter().copied().filter(|&w| w < width).collect();
                        widths.push(width.min(WIDTHS[WIDTHS.len() - 1]));
                        widths.dedup();
                        Ok((
                            url.trim_start_matches('/').to_string(),
                            Image {
                                source: rel.clone(),
                                width,
                                height,
                                format,
                                widths,
                            },
                        ))
                    }
                    Err(why) => Err(corrupt(&site_path, &why)),
                })
            })
            .collect();
        let mut set = Self {
            others,
            ..Self::default()
        };
        let mut diags = Vec::new();
        for r in results {
            match r {
                Ok((url, image)) => {
                    set.images.insert(url, image);
                }
                Err(d) => diags.push(d),
            }
        }
        (set, diags)
    }

    /// The image at an output path (`guides/x/photo.jpg`), if measured.
    pub fn get(&self, path: &str) -> Option<&Image> {
        self.images.get(path.trim_start_matches('/'))
    }

    /// The picture an EPUB holds for the site's image at `path` (`/guides/x/photo.jpg`), with
    /// its extension: a resized picture as its fall-back variant nearest below [`EPUB_WIDTH`]
    /// (from the image cache, made there if missing), an SVG made safe, an animation as it is.
    /// `None` when the site has no such image.
    pub fn for_epub(
        &self,
        root: &Path,
        path: &str,
    ) -> Option<Result<(Vec<u8>, &'static str), String>> {
        let path = path.trim_start_matches('/');
        let content = Path::new(crate::content::CONTENT_DIR);
        if let Some(image) = self.images.get(path) {
            let site_path = content.join(&image.source);
            let width = image
                .widths
                .iter()
                .rev()
                .find(|&&w| w <= EPUB_WIDTH)
                .or(image.widths.first())
                .copied()?;
            let ext = image.format.extension();
            return Some(
                variants_of(root, &site_path, image, &root.join(CACHE_DIR)).and_then(|files| {
                    files
                        .into_iter()
                        .find(|(w, e, _)| *w == width && *e == ext)
                        .map(|(_, e, b)| (b, e))
                        .ok_or_else(|| "no variant of that width".to_string())
                }),
            );
        }
        let rel = self.others.get(path)?;
        let ext = match rel.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => "svg",
            "gif" => "gif",
            _ => "webp",
        };
        Some(
            std::fs::read(root.join(content).join(rel))
                .map_err(|e| e.to_string())
                .and_then(|b| {
                    if ext == "svg" {
                        crate::output::svg::sanitize_svg(&b)
                    } else {
                        Ok(b)
                    }
                })
                .map(|b| (b, ext)),
        )
    }

    /// True for a file a `<picture>` offers only as the fall-back (`rel` an output path without
    /// the base path): a measured image's original, or one of its variants in a format other
    /// than WebP. A reader keeping pages offline needs the WebP files only.
    pub fn is_fallback(&self, rel: &str) -> bool {
        let rel = rel.trim_start_matches('/');
        if self.get(rel).is_some() {
            return true;
        }
        let Some((stem, ext)) = rel.rsplit_once('.') else {
            return false;
        };
        let Some((original, width)) = stem.rsplit_once('-') else {
            return false;
        };
        let is_width = width
            .strip_suffix('w')
            .is_some_and(|w| w.parse::<u32>().is_ok());
        if ext == "webp" || !is_width {
            return false;
        }
        // The originals `x.<any extension>` sort together: look at those only.
        let prefix = format!("{original}.");
        self.images
            .range(prefix.clone()..)
            .take_while(|(path, _)| path.starts_with(&prefix))
            .any(|(path, image)| {
                !path[prefix.len()..].contains('/') && image.format.extension() == ext
            })
    }

    /// True when the site has no image to resize.
    pub fn is_empty(&self) -> bool {
        self.images.is_empty()
    }

    /// Writes every variant of every image, from the cache in `cache` (made where missing).
    pub fn write_variants(&self, root: &Path, cache: &Path, staging: &Staging) -> Vec<Diagnostic> {
        self.images
            .par_iter()
            .flat_map_iter(|(url, image)| {
                let site_path = Path::new(crate::content::CONTENT_DIR).join(&image.source);
                match variants_of(root, &site_path, image, cache) {
                    Ok(files) => files
                        .into_iter()
                        .filter_map(|(width, ext, bytes)| {
                            let rel = Image::variant_path(url, width, ext);
                            staging.write(&rel, &bytes).err()
                        })
                        .collect::<Vec<_>>(),
                    Err(why) => vec![corrupt(&site_path, &why)],
                }
            })
            .collect()
    }
}

fn corrupt(site_path: &Path, why: &str) -> Diagnostic {
    Diagnostic::error(site_path, format!("cannot read this image: {why}")).help(
        "the file is damaged or not the format its name says; export it again as JPEG, PNG or WebP",
    )
}

/// The fall-back format of a file resized by the pipeline, from its name.
fn raster_format(rel: &Path) -> Option<Format> {
    let ext = rel.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => Some(Format::Jpeg),
        "png" => Some(Format::Png),
        "gif" => Some(Format::Gif),
        "webp" => Some(Format::WebP),
        _ => None,
    }
}

/// Width and height of an image once upright, from its header; `None` for an animation, which
/// passes through unresized.
fn measure_one(path: &Path, format: Format) -> Result<Option<(u32, u32)>, String> {
    if is_animated(path, format)? {
        return Ok(None);
    }
    let reader = ImageReader::open(path)
        .map_err(|e| e.to_string())?
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions();
    let turned = decoder.orientation().is_ok_and(|o| {
        use image::metadata::Orientation::*;
        matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
    });
    if w == 0 || h == 0 {
        return Err("it has no pixels".into());
    }
    Ok(Some(if turned { (h, w) } else { (w, h) }))
}

/// True for a GIF of more than one frame or an animated WebP.
fn is_animated(path: &Path, format: Format) -> Result<bool, String> {
    use image::AnimationDecoder;
    let open = || {
        std::fs::File::open(path)
            .map(std::io::BufReader::new)
            .map_err(|e| e.to_string())
    };
    match format {
        Format::Gif => {
            let decoder =
                image::codecs::gif::GifDecoder::new(open()?).map_err(|e| e.to_string())?;
            Ok(decoder
                .into_frames()
                .take(2)
                .take_while(Result::is_ok)
                .count()
                > 1)
        }
        Format::WebP => {
            let decoder =
                image::codecs::webp::WebPDecoder::new(open()?).map_err(|e| e.to_string())?;
            Ok(decoder.has_animation())
        }
        Format::Jpeg | Format::Png => Ok(false),
    }
}

/// One variant: its width, extension and bytes.
type Variant = (u32, &'static str, Vec<u8>);

/// An image's variants, from the cache or made (and then cached).
fn variants_of(
    root: &Path,
    site_path: &Path,
    image: &Image,
    cache: &Path,
) -> Result<Vec<Variant>, String> {
    let bytes = std::fs::read(root.join(site_path)).map_err(|e| e.to_string())?;
    let key = crate::output::assets::content_hash(&[&bytes[..], SETTINGS.as_bytes()].concat());
    let dir = cache.join(&key);
    let exts = image.format.variant_extensions();
    let names: Vec<(u32, &'static str)> = image
        .widths
        .iter()
        .flat_map(|&w| exts.iter().map(move |&e| (w, e)))
        .collect();
    let cached: Option<Vec<Variant>> = names
        .iter()
        .map(|&(w, e)| {
            std::fs::read(dir.join(format!("{w}.{e}")))
                .ok()
                .map(|b| (w, e, b))
        })
        .collect();
    if let Some(files) = cached {
        return Ok(files);
    }
    let files = make_variants(&bytes, image)?;
    // A cache that cannot be written costs the next build time, not this one its images.
    if std::fs::create_dir_all(&dir).is_ok() {
        for (w, e, b) in &files {
            let tmp = dir.join(format!(".{w}.{e}.tmp"));
            if std::fs::write(&tmp, b).is_ok() {
                let _ = std::fs::rename(&tmp, dir.join(format!("{w}.{e}")));
            }
        }
    }
    Ok(files)
}

/// Decodes an image, turns it upright and encodes each width in WebP and its own format,
/// each resized from the next larger one (cheaper than from the original each time).
fn make_variants(bytes: &[u8], image: &Image) -> Result<Vec<Variant>, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().ok();
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    let mut out = Vec::new();
    let mut current = img;
    for &w in image.widths.iter().rev() {
        if current.width() != w {
            current = current.resize_exact(
                w,
                image.height_at(w).max(1),
                image::imageops::FilterType::Triangle,
            );
        }
        // Pushed in reverse order of `variant_extensions`, since `out` is reversed below.
        if image.format != Format::WebP {
            out.push((
                w,
                image.format.extension(),
                encode_fallback(&current, image.format)?,
            ));
        }
        out.push((w, "webp", encode_webp(&current)?));
    }
    out.reverse();
    Ok(out)
}

fn encode_webp(img: &DynamicImage) -> Result<Vec<u8>, String> {
    let (w, h) = (img.width(), img.height());
    let memory = if img.color().has_alpha() {
        let rgba = img.to_rgba8();
        webp::Encoder::from_rgba(&rgba, w, h).encode(WEBP_QUALITY)
    } else {
        let rgb = img.to_rgb8();
        webp::Encoder::from_rgb(&rgb, w, h).encode(WEBP_QUALITY)
    };
    Ok(memory.to_vec())
}

fn encode_fallback(img: &DynamicImage, format: Format) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = img.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
        }
        Format::Png | Format::Gif => {
            img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
                .map_err(|e| e.to_string())?;
        }
        Format::WebP => return encode_webp(img),
    }
    Ok(out)
}

/// Adds `srcset` and its companions to every `<img>` of `html` whose `src` is a measured image
/// (`base_path` is the site's, `/kb` or empty). Pages without images are returned untouched.
pub(crate) fn rewrite_images(html: Vec<u8>, images: &ImageSet, base_path: &str) -> Vec<u8> {
    if images.is_empty() || !html.windows(4).any(|w| w == b"<img") {
        return html;
    }
    use lol_html::html_content::ContentType;
    use lol_html::{element, rewrite_str, RewriteStrSettings};
    let text = match String::from_utf8(html) {
        Ok(t) => t,
        Err(e) => return e.into_bytes(),
    };
    let mut seen = 0usize;
    let result = rewrite_str(
        &text,
        RewriteStrSettings::new().append_element_content_handler(element!("img[src]", |el| {
            let src = el.get_attribute("src").unwrap_or_default();
            let path = src.strip_prefix(base_path).unwrap_or(&src);
            let Some(image) = images.get(path) else {
                return Ok(());
            };
            seen += 1;
            let url = |w: u32, ext: &str| {
                format!(
                    "{base_path}/{}",
                    Image::variant_path(path.trim_start_matches('/'), w, ext)
                )
            };
            let srcset = |ext: &str| {
                image
                    .widths
                    .iter()
                    .map(|&w| format!("{} {w}w", url(w, ext)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let largest = image.widths[image.widths.len() - 1];
            let middle = image.widths[image.widths.len() / 2];
            let ext = image.format.extension();
            el.set_attribute("src", &url(middle, ext))?;
            el.set_attribute("srcset", &srcset(ext))?;
            el.set_attribute("sizes", SIZES)?;
            if el.get_attribute("width").is_none() {
                el.set_attribute("width", &largest.to_string())?;
                el.set_attribute("height", &image.height_at(largest).to_string())?;
            }
            el.set_attribute("decoding", "async")?;
            if seen > 1 && el.get_attribute("loading").is_none() {
                el.set_attribute("loading", "lazy")?;
            }
            // A WebP picture's own variants are WebP: no second source to offer.
            if image.format != Format::WebP {
                el.before(
                    &format!(
                        "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{SIZES}\">",
                        crate::markdown::escape_attr(&srcset("webp"))
                    ),
                    ContentType::Html,
                );
                el.after("</picture>", ContentType::Html);
            }
            Ok(())
        })),
    );
    // lol_html fails only past a memory limit lore does not set; the page as rendered is
    // still a page.
    result.unwrap_or(text).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_named_after_the_image_and_their_width() {
        assert_eq!(
            Image::variant_path("guides/x/photo.jpg", 480, "webp"),
            "guides/x/photo-480w.webp"
        );
    }

    #[test]
    fn fall_backs_are_the_originals_and_their_variants_in_other_formats_than_webp() {
        let mut set = ImageSet::default();
        for (path, format) in [
            ("g/a.jpeg", Format::Jpeg),
            ("g/b.gif", Format::Gif),
            ("g/c.webp", Format::WebP),
        ] {
            set.images.insert(
                path.into(),
                Image {
                    source: path.into(),
                    width: 2000,
                    height: 1000,
                    format,
                    widths: vec![480, 960, 1440],
                },
            );
        }
        for fallback in [
            "/g/a.jpeg",
            "g/a-480w.jpg",
            "g/b.gif",
            "g/b-960w.png",
            "g/c.webp",
        ] {
            assert!(set.is_fallback(fallback), "{fallback}");
        }
        for kept in [
            "g/a-480w.webp",
            "g/b-960w.webp",
            "g/c-480w.webp",
            "g/a-480w.png",
            "g/d-480w.jpg",
            "g/a-big.jpg",
            "g/a.b-480w.jpg",
        ] {
            assert!(!set.is_fallback(kept), "{kept}");
        }
    }
}
