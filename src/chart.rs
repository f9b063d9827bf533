//! The geometry of the reflection history chart (an inline SVG), worked out without a browser so
//! it can be tested: one line for "true for me now" and one for "want to work on", over time.
//!
//! One rule for dates: a save is placed by its instant (UTC), so the distance between two points
//! is the time between the saves, and saves made in other time zones never run backwards. It is
//! labelled with the date it falls on in the person's time zone now, like every date on the page.
//!
//! Whole units only: the chart is 360 units wide, so a unit is about a pixel on a phone and two on
//! a desktop, and formatting floats would add their machinery to the wasm.

use crate::data::reflection::Snapshot;
use crate::time::{civil_from_days, format_short_date, format_time, local_day, local_minute, month_start, short_month, DAY_MS};

/// Sized for a phone, so its text is read at about the size it is drawn; wider screens scale it up.
pub const WIDTH: i32 = 360;
pub const HEIGHT: i32 = 220;
const LEFT: i32 = 36;
const RIGHT: i32 = 20;
const TOP: i32 = 16;
const BOTTOM: i32 = 44;
const PLOT_WIDTH: i32 = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT: i32 = HEIGHT - TOP - BOTTOM;
/// More date labels than this would crowd a phone.
const MAX_X_LABELS: usize = 6;
/// Room kept between two labels, and between a label and the chart's edge.
const LABEL_GAP: i32 = 6;
/// A character of a label at 13 px is at most 8 units wide ("28 Nov" measures 46 in Chromium).
const CHAR_WIDTH: i32 = 8;
/// Markers closer than this would run into each other (a marker is 8 or 9 units wide).
const MARKER_SPACING: i32 = 16;
/// Saves less than a day apart are drawn within a day's width, so hours do not look like months.
const MIN_SPAN_MS: i64 = DAY_MS;

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// SVG path data ("M x y L x y ...").
    pub path: String,
    pub points: Vec<(i32, i32)>,
    /// The points drawn with a marker.
    pub markers: Vec<(i32, i32)>,
}

/// How a label lines up with its x: centred under its point, unless that would cut it off at the
/// chart's edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A date (or, within one day, a time) under the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct XLabel {
    pub x: i32,
    pub text: String,
    pub anchor: Anchor,
}

impl XLabel {
    fn at(x: i32, text: String) -> Self {
        let width = label_width(&text);
        let anchor = if x - width / 2 < LABEL_GAP {
            Anchor::Start
        } else if x + width / 2 > WIDTH - LABEL_GAP {
            Anchor::End
        } else {
            Anchor::Middle
        };
        Self { x, text, anchor }
    }

    /// The left and right edges of the drawn text (at most).
    fn extent(&self) -> (i32, i32) {
        let width = label_width(&self.text);
        match self.anchor {
            Anchor::Start => (self.x, self.x + width),
            Anchor::Middle => (self.x - width / 2, self.x + width / 2),
            Anchor::End => (self.x - width, self.x),
        }
    }

    fn clear_of(&self, other: &XLabel) -> bool {
        let ((a_left, a_right), (b_left, b_right)) = (self.extent(), other.extent());
        a_right + LABEL_GAP <= b_left || b_right + LABEL_GAP <= a_left
    }
}

fn label_width(text: &str) -> i32 {
    text.chars().count() as i32 * CHAR_WIDTH
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub true_now: Series,
    pub work_on: Series,
    /// The dates shown under the chart, left to right.
    pub x_labels: Vec<XLabel>,
    /// y position and value of the horizontal grid lines.
    pub y_ticks: Vec<(i32, usize)>,
    pub baseline: i32,
}

/// `history` oldest first; dates are labelled as they fall `utc_offset_minutes` from UTC.
pub fn history_chart(history: &[&Snapshot], utc_offset_minutes: i32) -> Chart {
    let max = history.iter().map(|s| s.items.len()).max().unwrap_or(0).max(1) as i32;
    let y = |value: usize| TOP + (PLOT_HEIGHT * (max - value as i32) + max / 2) / max;
    let xs = x_positions(history);
    let series = |value: fn(&Snapshot) -> usize| {
        let points: Vec<(i32, i32)> = history.iter().zip(&xs).map(|(s, &x)| (x, y(value(s)))).collect();
        let path = points.iter().enumerate().map(|(i, (x, y))| format!("{}{x} {y}", if i == 0 { "M" } else { " L" })).collect();
        Series { path, markers: markers(&points), points }
    };
    let mut y_ticks = [0, max as usize / 2, max as usize].map(|v| (y(v), v)).to_vec();
    y_ticks.dedup();
    Chart {
        true_now: series(Snapshot::true_now),
        work_on: series(Snapshot::work_on),
        x_labels: x_labels(history, &xs, utc_offset_minutes),
        y_ticks,
        baseline: y(0),
    }
}

/// Where instants go across the chart: in proportion to the time since the first save, the last
/// save at the right edge, unless all the saves are less than a day apart: then they sit within a
/// day's width, in the middle.
struct TimeAxis {
    start: i64,
    span: i64,
}

impl TimeAxis {
    fn of(history: &[&Snapshot]) -> Option<Self> {
        let (first, last) = (history.first()?.saved_at as i64, history.last()?.saved_at as i64);
        let span = (last - first).max(MIN_SPAN_MS);
        Some(Self { start: first - (span - (last - first)) / 2, span })
    }

    fn x(&self, ms: i64) -> i32 {
        LEFT + (((ms - self.start) * i64::from(PLOT_WIDTH) + self.span / 2) / self.span) as i32
    }
}

fn x_positions(history: &[&Snapshot]) -> Vec<i32> {
    TimeAxis::of(history).map(|axis| history.iter().map(|s| axis.x(s.saved_at as i64)).collect()).unwrap_or_default()
}

/// The points that get a marker: the latest save always, then, going back, each point far enough
/// from the last one marked, so a year of daily saves is a line with a few markers, not a band.
fn markers(points: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut marked: Vec<(i32, i32)> = Vec::new();
    for &point in points.iter().rev() {
        if marked.last().is_none_or(|last| last.0 - point.0 >= MARKER_SPACING) {
            marked.push(point);
        }
    }
    marked.reverse();
    marked
}

/// 5 January 1970 (day 4) was a Monday.
const MONDAY: i64 = 4;

/// A step between date labels: a number of days (7 from a Monday), or of months.
#[derive(Clone, Copy)]
enum Step {
    Days(i64),
    Months(i64),
}

/// From the finest to the coarsest: the first whose labels fit is used.
const STEPS: [Step; 13] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Months(12),
    Step::Months(24),
    Step::Months(60),
    Step::Months(120),
    Step::Months(600),
];

/// Dates are labelled at the start of evenly spaced days, Mondays, months or years (whichever is
/// the finest that fits), placed by when that day starts, so the gaps between labels are equal
/// times. When the chart crosses a new year, the first label and the first in each new year say
/// the year (every label, over more than one new year). Saves within a day are labelled by time.
fn x_labels(history: &[&Snapshot], xs: &[i32], utc_offset_minutes: i32) -> Vec<XLabel> {
    let (Some(first), Some(last), Some(axis)) = (history.first(), history.last(), TimeAxis::of(history)) else { return Vec::new() };
    let (first_day, last_day) = (local_day(first.saved_at, utc_offset_minutes), local_day(last.saved_at, utc_offset_minutes));
    let (first_year, last_year) = (civil_from_days(first_day).0, civil_from_days(last_day).0);
    let crosses_a_year = first_year != last_year;
    // Over more than one new year, a month's name alone would come back ("Jul", "Jul").
    let year_on_every_label = last_year - first_year >= 2;
    // Enough to know a step gives too many labels (even after one is left out), without drawing
    // a label for every day of years of saves.
    const TOO_MANY: usize = MAX_X_LABELS + 2;
    // Local midnight at the start of `day`, as an instant; a day before the first save is not shown.
    let offset_ms = i64::from(utc_offset_minutes) * 60_000;
    let starts = |day: i64| day * DAY_MS - offset_ms;
    let within = |day: i64| starts(day) >= first.saved_at as i64 && day <= last_day;
    let labels_for = |step: Step| -> Vec<XLabel> {
        // The step's first day (a Monday for weeks; months counted from January, so every third
        // month is Jan, Apr, Jul, Oct), then every step after it up to the last save's day.
        let (year, month, _) = civil_from_days(first_day);
        let first_month = year * 12 + i64::from(month) - 1;
        let nth = |i: i64| match step {
            Step::Days(n) if n >= 7 => first_day + (7 - (first_day - MONDAY).rem_euclid(7)) % 7 + i * n,
            Step::Days(n) => first_day + i * n,
            Step::Months(n) => {
                let month = first_month + (n - first_month.rem_euclid(n)) % n + i * n;
                month_start(month.div_euclid(12), (month.rem_euclid(12) + 1) as u32)
            }
        };
        // Across a new year, the first label and each one in a new year say the year.
        let mut previous_year = None;
        let mut labels = Vec::new();
        for day in (0..).map(nth) {
            if day > last_day || labels.len() == TOO_MANY {
                break;
            }
            if !within(day) {
                continue;
            }
            let (year, month, date_of_month) = civil_from_days(day);
            let with_year = year_on_every_label || (crosses_a_year && previous_year.replace(year) != Some(year));
            // "7 Dec", "7 Dec 2026", "Dec", "Dec 2026" or "2026", written in one place.
            let (date_of_month, month, year) = match step {
                Step::Months(n) if n >= 12 => (None, None, Some(year)),
                Step::Months(_) => (None, Some(month), with_year.then_some(year)),
                Step::Days(_) => (Some(date_of_month), Some(month), with_year.then_some(year)),
            };
            let mut text = date_of_month.map(|d| d.to_string() + " ").unwrap_or_default();
            text.push_str(month.map_or("", short_month));
            if let Some(year) = year {
                if !text.is_empty() {
                    text.push(' ');
                }
                text += &year.to_string();
            }
            labels.push(XLabel::at(axis.x(starts(day)), text));
        }
        labels
    };
    // The finest step whose labels fit and are two or more (one date alone gives no sense of
    // time); saves on one day, or a few hours either side of a midnight, are labelled by time. A
    // last label pushed in from the right edge can run into the one before: it is left out.
    for &step in &STEPS {
        let mut labels = labels_for(step);
        let count = labels.len();
        if count > 2 && !labels[count - 2].clear_of(&labels[count - 1]) {
            labels.pop();
        }
        if labels.is_empty() || labels.len() > MAX_X_LABELS || !labels.windows(2).all(|pair| pair[0].clear_of(&pair[1])) {
            continue;
        }
        if labels.len() >= 2 {
            return labels;
        }
    }
    labels_by_time(history, xs, utc_offset_minutes)
}

/// Saves within a day (on one date, or either side of a midnight): the first save's date and time,
/// and the last save's time when it is another minute and there is room beside the first.
fn labels_by_time(history: &[&Snapshot], xs: &[i32], utc_offset_minutes: i32) -> Vec<XLabel> {
    let (first, last) = (history[0].saved_at, history[history.len() - 1].saved_at);
    let time = |at: u64| format_time(at, utc_offset_minutes);
    let start = XLabel::at(xs[0], format!("{} {}", format_short_date(first, utc_offset_minutes), time(first)));
    let end = XLabel::at(xs[xs.len() - 1], time(last));
    let end = (local_minute(first, utc_offset_minutes) != local_minute(last, utc_offset_minutes) && end.clear_of(&start)).then_some(end);
    [start].into_iter().chain(end).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::reflection::{Answer, SnapshotItem};
    use proptest::prelude::*;

    const HOUR: u64 = 3_600_000;
    const DAY: u64 = 24 * HOUR;
    /// 2026-11-27T00:00:00Z
    const NOV_27: u64 = 1_795_737_600_000;

    fn snapshot_at(saved_at: u64, true_now: usize, work_on: usize, total: usize) -> Snapshot {
        let items = (0..total)
            .map(|i| SnapshotItem {
                id: i.to_string(),
                text: String::new(),
                own: false,
                answer: Answer { true_now: i < true_now, work_on: i < work_on, note: String::new() },
            })
            .collect();
        Snapshot { saved_at, utc_offset_minutes: 0, items }
    }

    fn snapshot(day: u64, true_now: usize, work_on: usize, total: usize) -> Snapshot {
        snapshot_at(day * DAY, true_now, work_on, total)
    }

    fn chart_of(history: &[Snapshot], utc_offset_minutes: i32) -> Chart {
        history_chart(&history.iter().collect::<Vec<_>>(), utc_offset_minutes)
    }

    fn texts(chart: &Chart) -> Vec<&str> {
        chart.x_labels.iter().map(|l| l.text.as_str()).collect()
    }

    /// Every label is inside the chart, none touches the next, none says the same as another.
    fn assert_labels_readable(chart: &Chart) {
        for label in &chart.x_labels {
            let (left, right) = label.extent();
            assert!(left >= 0 && right <= WIDTH, "{label:?} is cut off");
        }
        for pair in chart.x_labels.windows(2) {
            assert!(pair[0].extent().1 + LABEL_GAP <= pair[1].extent().0, "{pair:?} touch");
        }
        let mut unique = texts(chart);
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), chart.x_labels.len(), "{:?}", texts(chart));
    }

    #[test]
    fn more_true_is_higher_up_and_time_runs_left_to_right() {
        let chart = chart_of(&[snapshot(1, 2, 5, 10), snapshot(2, 8, 1, 10)], 0);
        let (first, last) = (chart.true_now.points[0], chart.true_now.points[1]);
        assert_eq!((first.0, last.0), (LEFT, WIDTH - RIGHT), "the first and last saves are at the edges");
        assert!(last.1 < first.1, "8 true is drawn above 2 true");
        assert_eq!(chart.true_now.path, format!("M36 {} L340 {}", first.1, last.1));
        assert_eq!(chart.y_ticks.iter().map(|t| t.1).collect::<Vec<_>>(), [0, 5, 10]);
        assert_eq!(chart.y_ticks[2].0, TOP);
        assert_eq!(chart.baseline, HEIGHT - BOTTOM);
    }

    #[test]
    fn one_reflection_is_a_point_in_the_middle_and_nothing_breaks_when_empty() {
        let chart = chart_of(&[snapshot(1, 1, 1, 4)], 0);
        assert_eq!(chart.true_now.points.len(), 1);
        assert_eq!(chart.true_now.points[0].0, LEFT + PLOT_WIDTH / 2);
        assert_eq!(chart.x_labels, [XLabel { x: LEFT + PLOT_WIDTH / 2, text: "2 Jan 00:00".into(), anchor: Anchor::Middle }]);
        let empty = history_chart(&[], 0);
        assert!(empty.true_now.points.is_empty() && empty.x_labels.is_empty());
        let one_item = chart_of(&[snapshot(1, 1, 0, 1)], 0);
        assert_eq!(one_item.y_ticks.iter().map(|t| t.1).collect::<Vec<_>>(), [0, 1], "no grid line twice");
    }

    #[test]
    fn the_distance_between_points_is_the_time_between_saves() {
        // Two saves 12 hours apart, then one 49 days later: the first two nearly touch.
        let history = [snapshot_at(NOV_27, 1, 1, 4), snapshot_at(NOV_27 + 12 * HOUR, 2, 1, 4), snapshot_at(NOV_27 + 49 * DAY, 3, 1, 4)];
        let xs: Vec<i32> = chart_of(&history, 0).true_now.points.iter().map(|p| p.0).collect();
        assert_eq!(xs, [LEFT, LEFT + 3, WIDTH - RIGHT], "12 hours of 49 days is 3 of 304 units");
        // Evenly spaced saves stay evenly spaced; a gap of three weeks is three times a week's.
        let history = [snapshot(0, 1, 1, 4), snapshot(7, 1, 1, 4), snapshot(14, 1, 1, 4), snapshot(35, 1, 1, 4)];
        let xs: Vec<i32> = chart_of(&history, 0).work_on.points.iter().map(|p| p.0).collect();
        assert_eq!(xs, [36, 97, 158, 340]);
    }

    #[test]
    fn saves_within_a_day_sit_within_a_day_and_are_labelled_by_time() {
        let history = [snapshot_at(NOV_27 + 8 * HOUR, 1, 1, 4), snapshot_at(NOV_27 + 20 * HOUR, 2, 1, 4)];
        let chart = chart_of(&history, 0);
        let xs: Vec<i32> = chart.true_now.points.iter().map(|p| p.0).collect();
        assert_eq!(xs, [LEFT + PLOT_WIDTH / 4, LEFT + PLOT_WIDTH * 3 / 4], "12 hours is half a day's width");
        assert_eq!(texts(&chart), ["27 Nov 08:00", "20:00"]);
        assert_labels_readable(&chart);
    }

    #[test]
    fn a_day_is_never_named_twice_and_no_label_is_cut_off() {
        // Two saves on the last day: its date is never named twice.
        let history = [snapshot_at(NOV_27 - 20 * DAY, 1, 1, 4), snapshot_at(NOV_27 + 9 * HOUR, 1, 1, 4), snapshot_at(NOV_27 + 15 * HOUR, 1, 1, 4)];
        let chart = chart_of(&history, 0);
        assert_eq!(texts(&chart), ["9 Nov", "16 Nov", "23 Nov"]);
        assert_labels_readable(&chart);
        let chart = chart_of(&[snapshot_at(NOV_27 - 3 * DAY, 1, 1, 4), snapshot_at(NOV_27 + 9 * HOUR, 1, 1, 4), snapshot_at(NOV_27 + 15 * HOUR, 1, 1, 4)], 0);
        assert_eq!(texts(&chart), ["24 Nov", "25 Nov", "26 Nov", "27 Nov"]);
        assert_labels_readable(&chart);
    }

    #[test]
    fn a_date_between_carries_its_year_only_where_the_year_changes() {
        let days = [0, 21, 30, 47];
        let history: Vec<Snapshot> = days.iter().map(|d| snapshot_at(NOV_27 + 13 * DAY + d * DAY, 1, 1, 4)).collect();
        let chart = chart_of(&history, 0);
        assert_eq!(texts(&chart), ["14 Dec 2026", "28 Dec", "11 Jan 2027"]);
        assert_labels_readable(&chart);
    }

    #[test]
    fn labels_carry_the_year_when_the_chart_crosses_one() {
        let history = [snapshot_at(NOV_27 + 30 * DAY, 1, 1, 4), snapshot_at(NOV_27 + 44 * DAY, 1, 1, 4), snapshot_at(NOV_27 + 60 * DAY, 1, 1, 4)];
        let chart = chart_of(&history, 0);
        assert_eq!(texts(&chart), ["28 Dec 2026", "11 Jan 2027", "25 Jan"]);
        assert_eq!(chart.x_labels[0].anchor, Anchor::Start, "a long first label starts at its point rather than being cut off");
        assert_labels_readable(&chart);
        let same_year = chart_of(&history[1..], 0);
        assert_eq!(texts(&same_year), ["11 Jan", "18 Jan", "25 Jan"]);
    }

    #[test]
    fn saves_from_other_time_zones_never_run_backwards() {
        // Saved in New Zealand (UTC+13) at 01:00 on 28 November, then in Hawaii (UTC-10) at 04:00
        // on 27 November, two hours later: in place and in date, the second is after the first.
        let mut new_zealand = snapshot_at(NOV_27 + 12 * HOUR, 1, 1, 4);
        new_zealand.utc_offset_minutes = 13 * 60;
        let mut hawaii = snapshot_at(NOV_27 + 14 * HOUR, 1, 1, 4);
        hawaii.utc_offset_minutes = -10 * 60;
        let history = [snapshot_at(NOV_27 - 10 * DAY, 1, 1, 4), new_zealand, hawaii];
        // Labels are at the start of days as they fall in today's time zone, from the first save.
        let at_zero: &[&str] = &["17 Nov", "19 Nov", "21 Nov", "23 Nov", "25 Nov", "27 Nov"];
        let in_new_zealand: &[&str] = &["19 Nov", "21 Nov", "23 Nov", "25 Nov", "27 Nov"];
        let in_hawaii: &[&str] = &["18 Nov", "20 Nov", "22 Nov", "24 Nov", "26 Nov"];
        for (offset, expected) in [(0, at_zero), (13 * 60, in_new_zealand), (-10 * 60, in_hawaii)] {
            let chart = chart_of(&history, offset);
            assert_eq!(texts(&chart), expected, "labelled in today's time zone ({offset})");
            assert!(chart.true_now.points.windows(2).all(|p| p[0].0 < p[1].0));
        }
    }

    /// Noon UTC on a day of the calendar.
    fn noon(year: i64, month: u32, day: u32) -> u64 {
        ((month_start(year, month) + i64::from(day) - 1) as u64) * DAY + 12 * HOUR
    }

    /// A save every day from `first`, `days` of them, the answers moving day by day.
    fn daily(first: u64, days: u64) -> Vec<Snapshot> {
        (0..days).map(|d| snapshot_at(first + d * DAY, (d % 10) as usize, (d % 7) as usize, 24)).collect()
    }

    /// The gaps between labels, in units, differ no more than the months' lengths do.
    fn assert_evenly_spaced(chart: &Chart) {
        let gaps: Vec<i32> = chart.x_labels.windows(2).map(|p| p[1].x - p[0].x).collect();
        let (Some(&least), Some(&most)) = (gaps.iter().min(), gaps.iter().max()) else { return };
        assert!(most - least <= most / 8 + 2, "uneven gaps {gaps:?} in {:?}", texts(chart));
    }

    #[test]
    fn a_year_within_one_calendar_year_is_labelled_by_months() {
        let year: Vec<Snapshot> = (0..365).map(|d| snapshot(d, (d % 10) as usize, 3, 24)).collect();
        let chart = chart_of(&year, 0);
        assert_eq!(chart.true_now.points.len(), 365);
        assert_eq!(texts(&chart), ["Jan", "Mar", "May", "Jul", "Sep", "Nov"]);
        assert_evenly_spaced(&chart);
        assert_labels_readable(&chart);
    }

    #[test]
    fn a_year_across_new_year_is_labelled_by_month_starts_with_their_year() {
        // What the issue saw: "7 Dec 2025, 7 May 2026, 1 Aug, 7 Dec 2026".
        let chart = chart_of(&daily(noon(2025, 12, 7), 365), 0);
        assert_eq!(texts(&chart), ["Jan 2026", "Mar", "May", "Jul", "Sep", "Nov"]);
        let january = LEFT + ((noon(2026, 1, 1) - 12 * HOUR - noon(2025, 12, 7)) as i64 * i64::from(PLOT_WIDTH) / (364 * DAY as i64)) as i32;
        assert!((chart.x_labels[0].x - january).abs() <= 1, "at the start of January, not at a save");
        assert_evenly_spaced(&chart);
        assert_labels_readable(&chart);
    }

    #[test]
    fn five_years_are_labelled_by_year() {
        let chart = chart_of(&daily(noon(2021, 12, 8), 1825), 0);
        assert_eq!(texts(&chart), ["2022", "2023", "2024", "2025", "2026"]);
        assert_evenly_spaced(&chart);
        assert_labels_readable(&chart);
    }

    #[test]
    fn a_few_weeks_are_labelled_by_mondays() {
        // 27 November 2026 is a Friday; three weeks of saves.
        let chart = chart_of(&daily(noon(2026, 11, 27), 21), 0);
        assert_eq!(texts(&chart), ["30 Nov", "7 Dec", "14 Dec"]);
        assert_evenly_spaced(&chart);
        assert_labels_readable(&chart);
        // A few days: every day, or every other.
        let chart = chart_of(&daily(noon(2026, 11, 27), 4), 0);
        assert_eq!(texts(&chart), ["28 Nov", "29 Nov", "30 Nov"]);
    }

    #[test]
    fn markers_thin_out_as_saves_get_close() {
        // A save a week for five weeks: every save has its marker.
        let weekly: Vec<Snapshot> = (0..5).map(|w| snapshot(w * 7, 1, 1, 4)).collect();
        let chart = chart_of(&weekly, 0);
        assert_eq!(chart.true_now.markers, chart.true_now.points);
        assert_eq!(chart.work_on.markers, chart.work_on.points);
        for (days, most) in [(365, 20), (1825, 20)] {
            let chart = chart_of(&daily(noon(2026, 1, 1), days), 0);
            for series in [&chart.true_now, &chart.work_on] {
                let markers = &series.markers;
                assert!(markers.len() <= most && markers.len() >= 10, "{} markers for {days} saves", markers.len());
                assert_eq!(markers.last(), series.points.last(), "the latest save always has its marker");
                assert!(markers.iter().all(|m| series.points.contains(m)));
                assert!(markers.windows(2).all(|m| m[1].0 - m[0].0 >= MARKER_SPACING), "markers do not overlap");
            }
        }
    }

    proptest! {
        #[test]
        fn any_history_draws_in_bounds_with_readable_labels(
            mut times in proptest::collection::vec(0u64..4_000_000_000_000, 1..60),
            offset in -12 * 60..14 * 60i32,
        ) {
            times.sort_unstable();
            let history: Vec<Snapshot> = times.iter().map(|&t| snapshot_at(t, 1, 2, 24)).collect();
            let chart = chart_of(&history, offset);
            for &(x, y) in chart.true_now.points.iter().chain(&chart.work_on.points) {
                prop_assert!((LEFT..=WIDTH - RIGHT).contains(&x) && (TOP..=HEIGHT - BOTTOM).contains(&y));
            }
            prop_assert!(chart.true_now.points.windows(2).all(|p| p[0].0 <= p[1].0));
            prop_assert!(!chart.x_labels.is_empty() && chart.x_labels.len() <= MAX_X_LABELS);
            assert_labels_readable(&chart);
            if local_day(times[0], offset) != local_day(times[times.len() - 1], offset) {
                assert_evenly_spaced(&chart);
            }
            for series in [&chart.true_now, &chart.work_on] {
                prop_assert_eq!(series.markers.last(), series.points.last());
                prop_assert!(series.markers.windows(2).all(|m| m[1].0 - m[0].0 >= MARKER_SPACING));
            }
        }
    }
}
