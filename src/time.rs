//! Dates for people: "26 November 2026". Written here rather than pulling in a date crate: this is
//! the one conversion the app needs, and it must also run natively (tests, prerendering).

const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

pub const DAY_MS: i64 = 86_400_000;

fn local_ms(ms: u64, utc_offset_minutes: i32) -> i64 {
    ms as i64 + i64::from(utc_offset_minutes) * 60_000
}

/// The local calendar date of `ms` (milliseconds since 1970, UTC) shifted by `utc_offset_minutes`.
pub fn date(ms: u64, utc_offset_minutes: i32) -> (i64, u32, u32) {
    civil_from_days(local_day(ms, utc_offset_minutes))
}

/// Which local calendar day `ms` falls on (days since 1970-01-01).
pub fn local_day(ms: u64, utc_offset_minutes: i32) -> i64 {
    local_ms(ms, utc_offset_minutes).div_euclid(DAY_MS)
}

/// Which local minute `ms` falls in (minutes since 1970-01-01): two times show the same "14:05"
/// on the same day when these are equal.
pub fn local_minute(ms: u64, utc_offset_minutes: i32) -> i64 {
    local_ms(ms, utc_offset_minutes).div_euclid(60_000)
}

pub fn format_date(ms: u64, utc_offset_minutes: i32) -> String {
    let (year, month, day) = date(ms, utc_offset_minutes);
    format!("{day} {} {year}", MONTHS[month as usize - 1])
}

/// "26 November 2026 at 14:05", for things saved more than once a day.
pub fn format_date_time(ms: u64, utc_offset_minutes: i32) -> String {
    format!("{} at {}", format_date(ms, utc_offset_minutes), format_time(ms, utc_offset_minutes))
}

/// "14:05", the local time on a 24-hour clock.
pub fn format_time(ms: u64, utc_offset_minutes: i32) -> String {
    let minutes = local_minute(ms, utc_offset_minutes).rem_euclid(24 * 60);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// "Nov", a month's name as chart labels show it.
pub fn short_month(month: u32) -> &'static str {
    &MONTHS[month as usize - 1][..3]
}

/// "26 Nov", for the chart's label of saves on one day.
pub fn format_short_date(ms: u64, utc_offset_minutes: i32) -> String {
    let (_, month, day) = date(ms, utc_offset_minutes);
    format!("{day} {}", short_month(month))
}

/// How long ago, by the local calendar: "today", "yesterday", "3 days ago", "2 weeks ago",
/// "5 months ago".
pub fn days_ago(then: u64, now: u64, utc_offset_minutes: i32) -> String {
    let days = (local_day(now, utc_offset_minutes) - local_day(then, utc_offset_minutes)).max(0);
    let plural = |n: i64, unit: &str| if n == 1 { format!("1 {unit} ago") } else { format!("{n} {unit}s ago") };
    match days {
        0 => "today".into(),
        1 => "yesterday".into(),
        2..=13 => plural(days, "day"),
        14..=60 => plural(days / 7, "week"),
        _ => plural(days / 30, "month"),
    }
}

/// The day (days since 1970-01-01) a month starts on: the inverse of `civil_from_days` for day 1
/// (Howard Hinnant's algorithm). `month` counts from 1.
pub fn month_start(year: i64, month: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let doy = (153 * i64::from((month + 9) % 12) + 2) / 5;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(format_date(0, 0), "1 January 1970");
        // 2026-11-26T00:30:00Z
        assert_eq!(format_date(1_795_653_000_000, 0), "26 November 2026");
        assert_eq!(format_date(951_782_400_000, 0), "29 February 2000");
        assert_eq!(format_short_date(951_782_400_000, 0), "29 Feb");
    }

    #[test]
    fn months_start_on_their_first_day() {
        for (year, month) in [(1970, 1), (2000, 2), (2000, 3), (2026, 12), (1969, 12), (1600, 1), (2400, 2)] {
            assert_eq!(civil_from_days(month_start(year, month)), (year, month, 1));
        }
        assert_eq!(month_start(1970, 1), 0);
        assert_eq!(short_month(11), "Nov");
    }

    #[test]
    fn times_are_local_and_24_hour() {
        // 2026-11-26T00:30:00Z
        assert_eq!(format_date_time(1_795_653_000_000, 0), "26 November 2026 at 00:30");
        assert_eq!(format_date_time(1_795_653_000_000, -60), "25 November 2026 at 23:30");
        assert_eq!(format_date_time(1_795_653_000_000 + 14 * 3_600_000 + 5 * 60_000, 0), "26 November 2026 at 14:35");
        // Before 1970 and across midnight, minutes still count forwards.
        assert_eq!(format_time(0, -1), "23:59");
        assert_eq!(local_day(0, -1), -1);
    }

    #[test]
    fn days_ago_counts_calendar_days() {
        let noon = 1_795_704_000_000; // 2026-11-26T12:00:00Z
        let day = 86_400_000;
        assert_eq!(days_ago(noon, noon + 3_600_000, 0), "today");
        assert_eq!(days_ago(noon, noon + 13 * 3_600_000, 0), "yesterday", "past midnight is yesterday");
        assert_eq!(days_ago(noon, noon + 3 * day, 0), "3 days ago");
        assert_eq!(days_ago(noon, noon + 20 * day, 0), "2 weeks ago");
        assert_eq!(days_ago(noon, noon + 95 * day, 0), "3 months ago");
        assert_eq!(days_ago(noon + day, noon, 0), "today", "a clock set back never says 'in the future'");
    }

    #[test]
    fn local_offset_moves_the_date() {
        // 23:30 UTC on 25 November is already 26 November in New Zealand (UTC+13).
        let late_evening_utc = 1_795_649_400_000;
        assert_eq!(format_date(late_evening_utc, 0), "25 November 2026");
        assert_eq!(format_date(late_evening_utc, 13 * 60), "26 November 2026");
    }
}
