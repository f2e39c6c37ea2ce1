//! Dates and times as the reader reads them (issue 16): dates in each language's own words,
//! events in named IANA time zones with daylight saving right, in HTML and in `.ics`.

use crate::support::SiteTest;

/// An event in Europe/Paris on `day`, 10:00 to 12:30 as the clocks there show it.
fn paris_event(t: &SiteTest, slug: &str, day: &str) {
    t.file(
        &format!("content/events/{slug}.md"),
        &format!(
            "---\ntitle: Meeting {day}\ndate: 2026-01-05\ntimezone: Europe/Paris\nstart: {day}T10:00\nend: {day}T12:30\n---\nText.\n"
        ),
    );
}

/// The value of `name` of the event whose SUMMARY is `summary` in an iCalendar text.
fn ics_value(ics: &str, summary: &str, name: &str) -> String {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("the calendar parses");
    let event = cal
        .components
        .iter()
        .find(|c| {
            c.name == "VEVENT"
                && c.properties
                    .iter()
                    .any(|p| p.name == "SUMMARY" && p.val == summary)
        })
        .unwrap_or_else(|| panic!("no event {summary}"));
    let prop = event.properties.iter().find(|p| p.name == name);
    prop.unwrap_or_else(|| panic!("no {name}")).val.to_string()
}

#[test]
fn a_named_zone_gives_each_day_its_own_offset_across_daylight_saving_in_html_and_ics() {
    let t = SiteTest::new();
    t.file("content/_index.md", "---\ntitle: Home\n---\n")
        .file("content/events/_index.md", "---\ntitle: Events\n---\n");
    // Clocks in Paris go forward on the night of 28 to 29 March 2026.
    paris_event(&t, "before", "2026-03-28");
    paris_event(&t, "after", "2026-03-30");
    t.build_ok();
    let before = t.main_of("events/before/index.html");
    let after = t.main_of("events/after/index.html");
    assert!(
        before.contains(r#"datetime="2026-03-28T10:00:00+01:00""#),
        "{before}"
    );
    assert!(
        after.contains(r#"datetime="2026-03-30T10:00:00+02:00""#),
        "{after}"
    );
    assert!(before.contains("Europe/Paris, UTC+01:00"), "{before}");
    assert!(after.contains("Europe/Paris, UTC+02:00"), "{after}");
    assert!(after.contains("March 30, 2026"), "{after}");

    let ics = t.read("events.ics");
    assert_eq!(
        ics_value(&ics, "Meeting 2026-03-28", "DTSTART"),
        "20260328T090000Z"
    );
    assert_eq!(
        ics_value(&ics, "Meeting 2026-03-30", "DTSTART"),
        "20260330T080000Z"
    );
    assert_eq!(
        ics_value(&ics, "Meeting 2026-03-30", "DTEND"),
        "20260330T103000Z"
    );
    let own = t.read("events/after/event.ics");
    assert_eq!(
        ics_value(&own, "Meeting 2026-03-30", "DTSTART"),
        "20260330T080000Z"
    );
}

#[test]
fn dates_on_the_example_site_are_written_in_each_languages_own_words() {
    let t = SiteTest::example();
    t.build_ok();
    // The French event page and list: its start in French, the date in the event's zone.
    let fr = t.main_of("fr/events/west-africa-writeshop-2027/index.html");
    assert!(fr.contains("16 mars 2027"), "{fr}");
    // A term page lists pages with their dates, in the reader's language and direction.
    for (page, month, dir) in [
        ("fr/themes/facilitation/index.html", "février", "ltr"),
        ("es/themes/facilitation/index.html", "de febrero de", "ltr"),
        ("ar/themes/facilitation/index.html", "فبراير", "rtl"),
    ] {
        let main = t.main_of(page);
        let dates: Vec<&str> = main
            .split("<time ")
            .skip(1)
            .map(|s| &s[..s.find("</time>").unwrap_or(s.len())])
            .collect();
        assert!(!dates.is_empty(), "{page}: no dates");
        assert!(
            dates.iter().all(|d| d.contains(&format!("dir=\"{dir}\""))),
            "{page}: {dates:?}"
        );
        assert!(
            dates.iter().any(|d| d.contains(month)),
            "{page}: no date in {month}: {dates:?}"
        );
        assert!(
            !dates.iter().any(|d| d.contains(">20")),
            "{page}: a date left in ISO form: {dates:?}"
        );
    }
    // An event in a named zone shows the zone's name; one with an offset keeps working.
    let nairobi = t.main_of("events/east-africa-knowledge-share-fair-2024/index.html");
    assert!(
        nairobi.contains(r#"datetime="2024-11-12T08:30:00+03:00""#),
        "{nairobi}"
    );
    assert!(nairobi.contains("Africa/Nairobi, UTC+03:00"), "{nairobi}");
    let dakar = t.main_of("events/west-africa-writeshop-2027/index.html");
    assert!(dakar.contains("<bdi>UTC+00:00</bdi>"), "{dakar}");
}

#[test]
fn an_unknown_time_zone_is_an_error_at_its_line() {
    let t = SiteTest::new();
    t.file("content/_index.md", "---\ntitle: Home\n---\n").file(
        "content/events/a.md",
        "---\ntitle: A\ntimezone: Europe/Pariss\nstart: 2026-03-28T10:00\n---\n",
    );
    let errors = t.build_err();
    let d = crate::support::only_for(&errors, "content/events/a.md");
    assert_eq!((d.line, d.col), (3, 11), "{d}");
    assert!(
        d.message
            .contains("`Europe/Pariss` is not a time zone name; did you mean `Europe/Paris`?"),
        "{d}"
    );
}

#[test]
fn a_time_the_zone_skips_or_an_offset_it_lacks_is_an_error_at_its_line() {
    let t = SiteTest::new();
    t.file("content/_index.md", "---\ntitle: Home\n---\n").file(
        "content/events/a.md",
        "---\ntitle: A\ntimezone: Europe/Paris\nstart: 2026-03-29T02:30\nend: 2026-03-30T10:00:00+01:00\n---\n",
    );
    let errors = t.build_err();
    let mine: Vec<_> = errors
        .iter()
        .filter(|d| d.path.to_string_lossy() == "content/events/a.md")
        .collect();
    assert_eq!(mine.len(), 2, "{mine:?}");
    assert_eq!(mine[0].line, 4, "{}", mine[0]);
    assert!(
        mine[0].message.contains("does not exist in Europe/Paris"),
        "{}",
        mine[0]
    );
    assert_eq!(mine[1].line, 5, "{}", mine[1]);
    assert!(
        mine[1]
            .message
            .contains("Europe/Paris is +02:00 on 2026-03-30, not +01:00"),
        "{}",
        mine[1]
    );
}
