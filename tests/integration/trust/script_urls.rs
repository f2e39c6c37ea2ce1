//! Addresses that run script are neutralised and reported (issue 19, point 8): a pull request
//! that slips `[x](javascript:…)` past review must not put script on the published site.

use crate::support::SiteTest;

#[test]
fn script_links_and_images_are_published_dead_and_reported_with_file_and_line() {
    let site = SiteTest::new();
    site.file("content/_index.md", "---\ntitle: Home\n---\n[a](a.md)\n[t](toolkits/t.md)\n")
        .file(
            "content/a.md",
            "---\ntitle: A\n---\nIntro\n\n[click](javascript:alert(1)) and [vb](VBScript:x)\n\n![img](data:text/html;base64,PHNjcmlwdD4=)\n\n<javascript:alert(2)>\n\n![ok](data:image/png;base64,iVBORw0KGgo=) [ok](https://example.org)\n",
        )
        .file(
            "content/toolkits/t.md",
            "---\ntitle: T\ntools:\n  - name: Bad\n    url: \" javascript:alert(3)\"\n---\n",
        );
    let run = site.run(&["check"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    for place in [
        "content/a.md:6:1: warning: this link goes to a `javascript:` address",
        "content/a.md:6:34: warning: this link goes to a `vbscript:` address",
        "content/a.md:8:1: warning: this image's address is a `data:` address",
        "content/a.md:10:1: warning: this link goes to a `javascript:` address",
        "content/toolkits/t.md:3:7: warning: `tools` holds a `javascript:` address",
    ] {
        assert!(stderr.contains(place), "`{place}` in:\n{stderr}");
    }
    site.build_ok();
    for page in ["a/index.html", "toolkits/t/index.html"] {
        let html = site.read(page).to_ascii_lowercase();
        assert!(
            !html.contains("=\"javascript:")
                && !html.contains("=\" javascript:")
                && !html.contains("=\"vbscript:")
                && !html.contains("=\"data:text"),
            "{page} publishes a script address"
        );
    }
    let main = site.main_of("a/index.html");
    assert!(
        main.contains("href=\"about:invalid#lore-blocked\">click</a>"),
        "{main}"
    );
    assert!(
        main.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""),
        "images stay"
    );
    assert!(main.contains("href=\"https://example.org\""), "{main}");
}

#[test]
fn raw_html_keeps_its_script_warnings() {
    let site = SiteTest::new();
    site.file(
        "content/_index.md",
        "---\ntitle: Home\n---\n<button onclick=\"go()\">Go</button>\n",
    );
    let stderr = String::from_utf8_lossy(&site.run(&["check"]).stderr).into_owned();
    assert!(
        stderr.contains("content/_index.md:4:9: warning: raw HTML attribute `onclick=`"),
        "{stderr}"
    );
}
