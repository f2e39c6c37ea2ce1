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

/// Parses an ISO 8601 / RFC 3339 date-time that carries its offset (`+03:00` or `Z`).
pub fn parse_datetime(s: &str) -> Result<DateTime<FixedOffset>, String> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s).map_err(|e| {
        if NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").is_ok()
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
}
