//! Dates and times as each language writes them (`14 mars 2026`, `١٤ مارس ٢٠٢٦`,
//! `14 de marzo de 2026`), with ICU4X's formatters and the CLDR data compiled into lore.
//!
//! Layouts get the text; the machine-readable value stays in `<time datetime>`. The Gregorian
//! calendar is asked for in every language, since front matter dates are Gregorian.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use icu_datetime::fieldsets::{T, YMD, YMDT};
use icu_datetime::input::{Date, Time};
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_locale_core::Locale;

/// One language's formatters: a date, a date with its time, a time of day.
struct Formatters {
    date: DateTimeFormatter<YMD>,
    date_time: DateTimeFormatter<YMDT>,
    time: NoCalendarFormatter<T>,
}

impl Formatters {
    /// The formatters of language `code` (a BCP 47 tag); a tag ICU4X cannot read, or a
    /// language it has no data for, falls back to CLDR's root forms (`2026 M03 14`).
    fn new(code: &str) -> Option<Self> {
        let locale = Locale::try_from_str(&format!("{code}-u-ca-gregory"))
            .or_else(|_| Locale::try_from_str("und-u-ca-gregory"))
            .ok()?;
        let prefs = (&locale).into();
        Some(Self {
            date: DateTimeFormatter::try_new(prefs, YMD::long()).ok()?,
            date_time: DateTimeFormatter::try_new(prefs, YMD::long().with_time_hm()).ok()?,
            time: NoCalendarFormatter::try_new(prefs, T::hm()).ok()?,
        })
    }
}

/// Formatters for every language of a site, made once per build.
pub(crate) struct LocalDates {
    by_lang: BTreeMap<String, Formatters>,
}

impl LocalDates {
    /// Formatters for each of `languages` (codes).
    pub(crate) fn new<'a>(languages: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            by_lang: languages
                .into_iter()
                .filter_map(|code| Some((code.to_string(), Formatters::new(code)?)))
                .collect(),
        }
    }

    /// `date` as `lang` writes it; ISO form (`2026-03-14`) for a language without formatters.
    pub(crate) fn date(&self, lang: &str, date: NaiveDate) -> String {
        let (y, m, d) = ymd(date);
        match (self.by_lang.get(lang), Date::try_new_iso(y, m, d)) {
            (Some(f), Ok(d)) => f.date.format(&d).to_string(),
            _ => date.to_string(),
        }
    }

    /// A date and time of day, in the offset it carries, as `lang` writes it.
    pub(crate) fn date_time(&self, lang: &str, t: &DateTime<FixedOffset>) -> String {
        let (y, m, d) = ymd(t.date_naive());
        match (
            self.by_lang.get(lang),
            Date::try_new_iso(y, m, d),
            time_of(t),
        ) {
            (Some(f), Ok(date), Some(time)) => f
                .date_time
                .format(&icu_datetime::input::DateTime { date, time })
                .to_string(),
            _ => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    /// The time of day only (`09:00`, `9:00 AM`), as `lang` writes it.
    pub(crate) fn time(&self, lang: &str, t: &DateTime<FixedOffset>) -> String {
        match (self.by_lang.get(lang), time_of(t)) {
            (Some(f), Some(time)) => f.time.format(&time).to_string(),
            _ => t.format("%H:%M").to_string(),
        }
    }
}

/// Year, month and day as ICU4X takes them (chrono's month and day always fit a byte).
fn ymd(d: NaiveDate) -> (i32, u8, u8) {
    (d.year(), d.month() as u8, d.day() as u8)
}

fn time_of(t: &DateTime<FixedOffset>) -> Option<Time> {
    Time::try_new(
        u8::try_from(t.hour()).ok()?,
        u8::try_from(t.minute()).ok()?,
        0,
        0,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_with_each_languages_month_names() {
        let dates = LocalDates::new(["en", "fr", "es", "ar"]);
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        for (lang, text) in [
            ("en", "March 14, 2026"),
            ("fr", "14 mars 2026"),
            ("es", "14 de marzo de 2026"),
        ] {
            assert_eq!(dates.date(lang, day), text);
        }
        assert!(
            dates.date("ar", day).contains("مارس"),
            "{}",
            dates.date("ar", day)
        );
        let t = DateTime::parse_from_rfc3339("2026-03-30T10:00:00+02:00").unwrap();
        assert_eq!(dates.time("fr", &t), "10:00");
        assert!(dates.date_time("fr", &t).starts_with("30 mars 2026"));
    }
}
