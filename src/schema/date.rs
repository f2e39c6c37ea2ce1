//! Dates in front matter: calendar dates (`date`, `updated`) and event times with a time zone.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// Parses `2026-03-14`, or a full date-time whose date part is kept.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
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
pub fn impossible_reason(s: &str) -> Option<String> {
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
pub fn parse_datetime(s: &str) -> Result<DateTime<FixedOffset>, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
