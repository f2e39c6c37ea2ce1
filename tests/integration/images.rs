//! Images that cost little (issue 18): content pictures resized into `srcset` widths in WebP
//! and their own format, cached between builds; SVG made safe; a damaged picture, a missing
//! one or one without alt text refused with its file and line.

use crate::support::SiteTest;

/// A PNG of `w` × `h` pixels (a gradient, so that encoders have something to do).
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

fn site_with_pictures() -> SiteTest {
    let t = SiteTest::new();
    t.bytes("content/guides/wide.png", &png(2000, 1000));
    t.bytes("content/guides/small.png", &png(300, 200));
    t.file(
        "content/guides/field.md",
        "---\ntitle: Field\n---\n\n![A wide field](wide.png)\n\nText.\n\n![A small field](small.png)\n",
    );
    t
}

#[test]
fn content_pictures_get_srcset_widths_in_webp_with_their_size_and_lazy_loading() {
    let t = site_with_pictures();
    t.build_ok();
    let main = t.main_of("guides/field/index.html");
    assert!(main.contains(r#"<picture><source type="image/webp" srcset="/guides/wide-480w.webp 480w, /guides/wide-960w.webp 960w, /guides/wide-1440w.webp 1440w""#), "{main}");
    assert!(main.contains(r#"src="/guides/wide-960w.png""#), "{main}");
    assert!(main.contains(r#"width="1440" height="720""#), "{main}");
    // The first picture may be on the first screen; the next waits until it is scrolled to.
    let first = &main[main.find("wide-960w.png").unwrap()..main.find("small").unwrap()];
    assert!(!first.contains("loading="), "{first}");
    assert!(
        main.contains(r#"width="300" height="200" decoding="async" loading="lazy""#),
        "{main}"
    );
    let webp = std::fs::read(t.out("guides/wide-480w.webp")).unwrap();
    assert_eq!((&webp[..4], &webp[8..12]), (&b"RIFF"[..], &b"WEBP"[..]));
    let small =
        image::load_from_memory(&std::fs::read(t.out("guides/wide-480w.png")).unwrap()).unwrap();
    assert_eq!((small.width(), small.height()), (480, 240));
    // A picture narrower than every width keeps its own, never enlarged.
    assert!(t.out("guides/small-300w.webp").is_file());
    assert!(!t.out("guides/small-480w.webp").exists());
    assert!(
        t.out("guides/wide.png").is_file(),
        "the original stays for links to it"
    );
}

#[test]
fn a_second_build_takes_every_variant_from_the_cache() {
    let t = site_with_pictures();
    t.build_ok();
    let cache = t.root.join(".lore-cache/images");
    let entries: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(entries.len(), 2, "one cache entry per picture");
    // Marked copies in the cache: a second build that encoded again would not write them.
    for dir in &entries {
        for f in std::fs::read_dir(dir).unwrap() {
            std::fs::write(f.unwrap().path(), b"from the cache").unwrap();
        }
    }
    t.build_ok();
    assert_eq!(
        std::fs::read(t.out("guides/wide-960w.webp")).unwrap(),
        b"from the cache"
    );
    assert_eq!(
        std::fs::read(t.out("guides/small-300w.png")).unwrap(),
        b"from the cache"
    );
    // A changed picture is a new cache entry.
    t.bytes("content/guides/small.png", &png(310, 200));
    t.build_ok();
    assert_ne!(
        std::fs::read(t.out("guides/small-310w.png")).unwrap(),
        b"from the cache"
    );
}

#[test]
fn a_damaged_picture_is_an_error_naming_its_file() {
    let t = SiteTest::new();
    let mut bytes = png(100, 100);
    bytes.truncate(60);
    t.bytes("content/broken.png", &bytes);
    t.bytes("content/fake.jpg", b"not a picture at all");
    t.file(
        "content/page.md",
        "---\ntitle: P\n---\n\n![A picture](broken.png) ![Another](fake.jpg)\n",
    );
    let diags = t.build_err();
    let broken = diags
        .iter()
        .find(|d| d.path.ends_with("content/broken.png"))
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert!(
        broken.message.starts_with("cannot read this image"),
        "{broken:?}"
    );
    assert!(
        diags.iter().any(|d| d.path.ends_with("content/fake.jpg")),
        "{diags:?}"
    );
}

#[test]
fn a_picture_without_alt_text_fails_the_build_at_its_line() {
    let t = SiteTest::new();
    t.bytes("content/room.png", &png(40, 40));
    t.file(
        "content/page.md",
        "---\ntitle: P\n---\n\nThe room:\n\n![](room.png)\n",
    );
    let diags = t.build_err();
    let d = crate::support::only_for(&diags, "content/page.md");
    assert_eq!((d.line, d.col), (7, 1));
    assert_eq!(d.message, "image `room.png` has no alt text");
}

#[test]
fn a_missing_picture_fails_the_build() {
    let t = SiteTest::new();
    t.file(
        "content/page.md",
        "---\ntitle: P\n---\n\n![The room](room.png)\n",
    );
    let diags = t.build_err();
    assert!(
        diags
            .iter()
            .any(|d| d.is_error() && d.message.contains("room.png")),
        "{diags:?}"
    );
}

#[test]
fn svg_files_are_copied_without_their_scripts() {
    let t = SiteTest::new();
    t.file(
        "content/tree.svg",
        r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><circle r="4"/></svg>"#,
    );
    t.file(
        "content/page.md",
        "---\ntitle: P\n---\n\n![A tree](tree.svg)\n",
    );
    t.build_ok();
    let svg = t.read("tree.svg");
    assert!(!svg.contains("alert"), "{svg}");
    assert!(svg.contains(r#"<circle r="4"/>"#), "{svg}");
}

#[test]
fn the_example_guides_show_their_pictures_in_webp() {
    let t = SiteTest::example();
    t.build_ok();
    let main = t.main_of("guides/joint-learning-events/planning/index.html");
    assert!(
        main.contains(r#"srcset="/guides/joint-learning-events/field-visit-480w.webp 480w"#),
        "{main}"
    );
    assert!(main.contains(r#"alt="Green hills under an open sky"#));
}

/// `frames` frames of `w` × `h` pixels as one GIF (one frame: a still picture).
fn gif(w: u32, h: u32, frames: u8) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
        for f in 0..frames {
            let img = image::RgbaImage::from_fn(w, h, |x, y| {
                image::Rgba([(x % 256) as u8, (y % 256) as u8, f.wrapping_mul(60), 255])
            });
            encoder
                .encode_frame(image::Frame::new(img))
                .expect("gif frame");
        }
    }
    out
}

/// A still WebP of `w` × `h` pixels.
fn webp(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, 40, (y % 256) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::WebP)
        .expect("webp");
    out.into_inner()
}

#[test]
fn gif_and_webp_pictures_are_resized_too_but_animations_pass_through() {
    let t = SiteTest::new();
    t.bytes("content/guides/chart.gif", &gif(1200, 600, 1));
    t.bytes("content/guides/spinner.gif", &gif(800, 400, 3));
    t.bytes("content/guides/photo.webp", &webp(1600, 900));
    t.file(
        "content/guides/field.md",
        "---\ntitle: Field\n---\n\n![A chart](chart.gif)\n\n![Turning](spinner.gif)\n\n![A photo](photo.webp)\n",
    );
    t.build_ok();
    let main = t.main_of("guides/field/index.html");
    // A still GIF: WebP variants, and PNG ones (lossless, as the GIF) for the fall-back.
    assert!(
        main.contains(r#"<picture><source type="image/webp" srcset="/guides/chart-480w.webp 480w, /guides/chart-960w.webp 960w, /guides/chart-1200w.webp 1200w""#),
        "{main}"
    );
    assert!(main.contains(r#"src="/guides/chart-960w.png""#), "{main}");
    let png =
        image::load_from_memory(&std::fs::read(t.out("guides/chart-480w.png")).unwrap()).unwrap();
    assert_eq!((png.width(), png.height()), (480, 240));
    // An animation is left as it is: no variants, no srcset.
    assert!(
        main.contains(r#"<img src="/guides/spinner.gif" alt="Turning""#),
        "{main}"
    );
    assert!(!t.out("guides/spinner-480w.webp").exists());
    assert!(t.out("guides/spinner.gif").is_file());
    // A still WebP: WebP variants only, with no second source to offer.
    assert!(
        main.contains(r#"<p><img src="/guides/photo-960w.webp" alt="A photo" srcset="/guides/photo-480w.webp 480w, /guides/photo-960w.webp 960w, /guides/photo-1440w.webp 1440w""#),
        "{main}"
    );
    assert!(!main.contains("photo-480w.png") && !main.contains("photo-480w.jpg"));
    let small =
        image::load_from_memory(&std::fs::read(t.out("guides/photo-480w.webp")).unwrap()).unwrap();
    assert_eq!((small.width(), small.height()), (480, 270));
}

#[test]
fn check_names_a_page_whose_first_screen_pictures_are_over_their_budget() {
    let t = SiteTest::new();
    // Noise: the one kind of picture no encoder makes small.
    let mut rng = crate::support::Rng(7);
    let noise = image::RgbImage::from_fn(1600, 1000, |_, _| {
        let v = rng.next();
        image::Rgb([v as u8, (v >> 8) as u8, (v >> 16) as u8])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    noise
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("png");
    t.bytes("content/guides/noise.png", bytes.get_ref());
    t.bytes("content/guides/wide.png", &png(2000, 1000));
    t.file(
        "content/guides/heavy.md",
        "---\ntitle: Heavy\n---\n\n![Static on a screen](noise.png)\n",
    );
    // The same picture further down loads lazily: not on the first screen.
    t.file(
        "content/guides/light.md",
        "---\ntitle: Light\n---\n\n![A wide field](wide.png)\n\nText.\n\n![Static on a screen](noise.png)\n",
    );
    t.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nbudget: {first_screen_images_kb: 100}\n",
    );
    let out = t.run(&["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("content/guides/heavy.md: warning: the pictures on the first screen of page guides/heavy/index.html weigh")
            && stderr.contains("/guides/noise-960w.webp), over the budget of 100 KB"),
        "{stderr}"
    );
    assert!(!stderr.contains("page guides/light/"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "a warning: {stderr}");
    assert_eq!(t.run(&["check", "--strict"]).status.code(), Some(1));
}
