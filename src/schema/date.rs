//! Dates in front matter: calendar dates (`date`, `updated`) and event times with a time zone,
//! written with an offset (`+03:00`) or as the wall-clock time of a named IANA zone
//! (`timezone: Europe/Paris`), whose offset on that day (daylight saving included) comes from
//! the zone database bundled into lore (jiff's), so no system time-zone files are needed and
//! every machine gives the same answer.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike};
use jiff::tz::{AmbiguousOffset, TimeZone};

/// Parses `2026-03-14`, or a full date-time whose date part is kept.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d);
    }
    if let Ok(dt) = parse_datetime(s) {
        return Ok(dt.date_naive());
    }
    if let Some(d) = s
        .get(..10)
        .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    {
        if s[10..].starts_with(['T', ' ']) {
            return Ok(d);
        }
    }
    Err(format!("`{s}` is not a date"))
}

/// Why text shaped like a date (`2026-02-30`, `2026-13-01T09:00:00Z`) names no real moment, in
/// plain words ("February 2026 has 28 days"); `None` when it is not that shape or is real.
pub(crate) fn impossible_reason(s: &str) -> Option<String> {
    let s = s.trim();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
    if s.get(4..5) != Some("-") || s.get(7..8) != Some("-") {
        return None;
    }
    let Some(name) = u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
    else {
        return Some(format!(
            "there is no month {month}: months run from 01 to 12"
        ));
    };
    let days = (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28);
    if day == 0 || day > days {
        return Some(format!("{} {year} has {days} days", name.name()));
    }
    if !s[10..].starts_with(['T', 't', ' ']) {
        return None;
    }
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19).unwrap_or(0));
    match (hour, minute, second) {
        (h, _, _) if h > 23 => Some(format!("there is no hour {h}: hours run from 00 to 23")),
        (_, m, _) if m > 59 => Some(format!("there is no minute {m}: minutes run from 00 to 59")),
        (_, _, sec) if sec > 60 => Some(format!("there is no second {sec}")),
        _ => None,
    }
}

/// Parses an ISO 8601 / RFC 3339 date-time that carries its offset (`+03:00` or `Z`).
pub(crate) fn parse_datetime(s: &str) -> Result<DateTime<FixedOffset>, String> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s).map_err(|e| {
        if let Some(why) = impossible_reason(s) {
            why
        } else if NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").is_ok()
            && !s.ends_with('Z')
            // The last six characters, not bytes: slicing bytes panicked inside a multi-byte
            // letter (`+العربية03:00`), found by the fuzz target (issue 7).
            && !s.chars().rev().take(6).any(|c| c == '+' || c == '-')
        {
            "the time zone is missing".to_string()
        } else {
            e.to_string()
        }
    })
}

/// The IANA time zone `name` names (`Africa/Nairobi`), or why not, with the closest name.
pub(crate) fn parse_zone(name: &str) -> Result<TimeZone, String> {
    let name = name.trim();
    TimeZone::get(name).map_err(|_| {
        let names: Vec<String> = jiff::tz::db()
            .available()
            .map(|n| n.as_str().to_string())
            .collect();
        format!(
            "`{name}` is not a time zone name{}",
            crate::diagnostics::did_you_mean(name, names.iter().map(String::as_str))
        )
    })
}

/// An event time written in zone `tz`: a wall-clock time (`2026-03-30T10:00`) gets the zone's
/// offset on that day; a time written with an offset must carry that same offset.
pub(crate) fn parse_in_zone(s: &str, tz: &TimeZone) -> Result<DateTime<FixedOffset>, String> {
    let s = s.trim();
    let zone = tz.iana_name().unwrap_or("the time zone");
    if let Ok(written) = DateTime::parse_from_rfc3339(s) {
        let instant =
            jiff::Timestamp::from_second(written.timestamp()).map_err(|e| e.to_string())?;
        let offset = fixed(tz.to_offset(instant))?;
        return if offset == *written.offset() {
            Ok(written)
        } else {
            Err(format!(
                "{zone} is {offset} on {}, not {}",
                written.date_naive(),
                written.offset()
            ))
        };
    }
    let local = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .ok_or_else(|| {
        impossible_reason(s).unwrap_or_else(|| format!("`{s}` is not a date and time"))
    })?;
    let civil = jiff::civil::DateTime::new(
        i16::try_from(local.year()).map_err(|e| e.to_string())?,
        local.month() as i8,
        local.day() as i8,
        local.hour() as i8,
        local.minute() as i8,
        local.second() as i8,
        0,
    )
    .map_err(|e| e.to_string())?;
    let offset = match tz.to_ambiguous_zoned(civil).offset() {
        AmbiguousOffset::Unambiguous { offset } => fixed(offset)?,
        AmbiguousOffset::Fold { before, after } => {
            return Err(format!(
                "{local} happens twice in {zone} (the clocks go back): write its offset, {} or {}",
                fixed(before)?,
                fixed(after)?
            ))
        }
        AmbiguousOffset::Gap { .. } => {
            return Err(format!(
                "{local} does not exist in {zone} (the clocks go forward that night)"
            ))
        }
    };
    local
        .and_local_timezone(offset)
        .single()
        .ok_or_else(|| format!("{local} has no single time in {zone}"))
}

/// A jiff offset as chrono's.
fn fixed(offset: jiff::tz::Offset) -> Result<FixedOffset, String> {
    FixedOffset::east_opt(offset.seconds()).ok_or_else(|| format!("no offset {offset}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_a_named_zone_its_offset_of_the_day_across_daylight_saving() {
        let paris = parse_zone("Europe/Paris").unwrap();
        let at = |s| parse_in_zone(s, &paris).unwrap().to_rfc3339();
        assert_eq!(at("2026-03-28T10:00"), "2026-03-28T10:00:00+01:00");
        assert_eq!(at("2026-03-30T10:00:00"), "2026-03-30T10:00:00+02:00");
        assert_eq!(at("2026-03-30T10:00:00+02:00"), "2026-03-30T10:00:00+02:00");
        let wrong = parse_in_zone("2026-03-30T10:00:00+01:00", &paris).unwrap_err();
        assert_eq!(wrong, "Europe/Paris is +02:00 on 2026-03-30, not +01:00");
        assert!(parse_in_zone("2026-03-29T02:30", &paris)
            .unwrap_err()
            .contains("does not exist"));
        assert!(parse_in_zone("2026-10-25T02:30", &paris)
            .unwrap_err()
            .contains("happens twice"));
        let nairobi = parse_zone("Africa/Nairobi").unwrap();
        assert_eq!(
            parse_in_zone("2027-03-16T09:00", &nairobi)
                .unwrap()
                .to_rfc3339(),
            "2027-03-16T09:00:00+03:00"
        );
        assert_eq!(
            parse_zone("Europe/Pariss").unwrap_err(),
            "`Europe/Pariss` is not a time zone name; did you mean `Europe/Paris`?"
        );
    }

    #[test]
    fn reads_dates_and_datetimes() {
        assert_eq!(parse_date("2026-03-14").unwrap().to_string(), "2026-03-14");
        assert_eq!(
            parse_date("2026-03-14T09:00:00+03:00").unwrap().to_string(),
            "2026-03-14"
        );
        assert!(parse_date("2026-02-30").is_err());
        assert_eq!(
            parse_datetime("2026-03-14T09:00:00").unwrap_err(),
            "the time zone is missing"
        );
        assert!(parse_datetime("2027-03-16T09:00:00+العربية03:00").is_err());
    }

    #[test]
    fn says_why_a_date_does_not_exist() {
        let why = |s| impossible_reason(s).unwrap_or_default();
        assert_eq!(why("2026-02-30"), "February 2026 has 28 days");
        assert_eq!(why("2028-02-30"), "February 2028 has 29 days");
        assert_eq!(why("2026-04-31"), "April 2026 has 30 days");
        assert!(why("2026-13-01").starts_with("there is no month 13"));
        assert_eq!(
            parse_datetime("2026-03-14T25:00:00Z").unwrap_err(),
            "there is no hour 25: hours run from 00 to 23"
        );
        assert_eq!(impossible_reason("2026-03-14"), None);
        assert_eq!(impossible_reason("14/03/2026"), None);
    }
}
