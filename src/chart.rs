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
use crate::time::{date, format_short_date, format_time, local_day, local_minute};

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
/// How far apart labels between the first and the last are, at least.
const LABEL_SPACING: i32 = PLOT_WIDTH / (MAX_X_LABELS as i32 - 1);
/// Room kept between two labels, and between a label and the chart's edge.
const LABEL_GAP: i32 = 6;
/// A character of a label at 13 px is at most 8 units wide ("28 Nov" measures 46 in Chromium).
const CHAR_WIDTH: i32 = 8;
/// Markers closer than this would run into each other (a marker is 8 or 9 units wide).
const MARKER_SPACING: i32 = 16;
/// Saves less than a day apart are drawn within a day's width, so hours do not look like months.
const MIN_SPAN_MS: i64 = 86_400_000;

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

/// x in proportion to the time since the first save; the last save is at the right edge, unless
/// all the saves are less than a day apart: then they sit within a day's width, in the middle.
fn x_positions(history: &[&Snapshot]) -> Vec<i32> {
    let (Some(first), Some(last)) = (history.first(), history.last()) else { return Vec::new() };
    let (first, last) = (first.saved_at as i64, last.saved_at as i64);
    let span = (last - first).max(MIN_SPAN_MS);
    let start = first - (span - (last - first)) / 2;
    history.iter().map(|s| LEFT + (((s.saved_at as i64 - start) * i64::from(PLOT_WIDTH) + span / 2) / span) as i32).collect()
}

/// The first save's date always shows, the last's when there is room beside it, and a few between
/// where they fit: never cut off by the edge, never touching, never the same date twice. When the
/// chart crosses a year, the first and last dates carry their year, and so does any date between
/// whose year is not the one before it. Saves all on one day are labelled by time.
fn x_labels(history: &[&Snapshot], xs: &[i32], utc_offset_minutes: i32) -> Vec<XLabel> {
    let (Some(first), Some(last)) = (history.first(), history.last()) else { return Vec::new() };
    let day = |s: &Snapshot| local_day(s.saved_at, utc_offset_minutes);
    let year = |i: usize| date(history[i].saved_at, utc_offset_minutes).0;
    let n = history.len();
    let one_day = day(first) == day(last);
    let crosses_a_year = year(0) != year(n - 1);
    // What a label says, as a number: two labels never say the same.
    let key = |i: usize| if one_day { local_minute(history[i].saved_at, utc_offset_minutes) } else { day(history[i]) };
    let label = |i: usize, with_year: bool| {
        let at = history[i].saved_at;
        let text = match (one_day, i) {
            (false, _) => format_short_date(at, utc_offset_minutes, with_year),
            (true, 0) => format!("{} {}", format_short_date(at, utc_offset_minutes, false), format_time(at, utc_offset_minutes)),
            (true, _) => format_time(at, utc_offset_minutes),
        };
        (i, XLabel::at(xs[i], text))
    };
    let mut chosen = vec![label(0, crosses_a_year)];
    let end = Some(label(n - 1, crosses_a_year)).filter(|(end, label)| key(*end) != key(0) && label.clear_of(&chosen[0].1));
    for i in 1..n.saturating_sub(1) {
        if chosen.len() + usize::from(end.is_some()) >= MAX_X_LABELS {
            break;
        }
        let (previous, previous_label) = chosen.last().expect("the first label is always chosen");
        let (_, candidate) = label(i, crosses_a_year && year(i) != year(*previous));
        let fits = candidate.x - previous_label.x >= LABEL_SPACING
            && candidate.clear_of(previous_label)
            && end.as_ref().is_none_or(|(end, end_label)| key(i) != key(*end) && candidate.clear_of(end_label));
        if fits && key(i) != key(*previous) {
            chosen.push((i, candidate));
        }
    }
    chosen.into_iter().chain(end).map(|(_, label)| label).collect()
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
    fn the_last_label_is_never_cut_off_and_a_day_is_never_named_twice() {
        // Saves on one day at both ends of the chart: "27 Nov" once, drawn inside the edge.
        let history = [snapshot_at(NOV_27 - 20 * DAY, 1, 1, 4), snapshot_at(NOV_27 + 9 * HOUR, 1, 1, 4), snapshot_at(NOV_27 + 15 * HOUR, 1, 1, 4)];
        let chart = chart_of(&history, 0);
        assert_eq!(texts(&chart), ["7 Nov", "27 Nov"]);
        assert_eq!(chart.x_labels[1].anchor, Anchor::End);
        assert_labels_readable(&chart);
    }

    #[test]
    fn a_date_between_carries_its_year_only_where_the_year_changes() {
        let days = [0, 21, 30, 47];
        let history: Vec<Snapshot> = days.iter().map(|d| snapshot_at(NOV_27 + 13 * DAY + d * DAY, 1, 1, 4)).collect();
        let chart = chart_of(&history, 0);
        assert_eq!(texts(&chart), ["10 Dec 2026", "31 Dec", "26 Jan 2027"]);
        assert_labels_readable(&chart);
    }

    #[test]
    fn labels_carry_the_year_when_the_chart_crosses_one() {
        let history = [snapshot_at(NOV_27 + 30 * DAY, 1, 1, 4), snapshot_at(NOV_27 + 44 * DAY, 1, 1, 4), snapshot_at(NOV_27 + 60 * DAY, 1, 1, 4)];
        let chart = chart_of(&history, 0);
        assert_eq!(texts(&chart), ["27 Dec 2026", "10 Jan 2027", "26 Jan 2027"]);
        assert_eq!(chart.x_labels[0].anchor, Anchor::Start, "a long first label starts at its point rather than being cut off");
        assert_labels_readable(&chart);
        let same_year = chart_of(&history[1..], 0);
        assert_eq!(texts(&same_year), ["10 Jan", "26 Jan"]);
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
        for (offset, expected) in [(0, ["17 Nov", "27 Nov"]), (13 * 60, ["17 Nov", "28 Nov"]), (-10 * 60, ["16 Nov", "27 Nov"])] {
            let chart = chart_of(&history, offset);
            assert_eq!(texts(&chart), expected, "labelled in today's time zone ({offset})");
            assert!(chart.true_now.points.windows(2).all(|p| p[0].0 < p[1].0));
        }
    }

    #[test]
    fn a_year_of_reflections_gets_a_few_readable_date_labels() {
        let year: Vec<Snapshot> = (0..365).map(|d| snapshot(d, (d % 10) as usize, 3, 24)).collect();
        let chart = chart_of(&year, 0);
        assert_eq!(chart.true_now.points.len(), 365);
        assert!((3..=MAX_X_LABELS).contains(&chart.x_labels.len()), "{:?}", texts(&chart));
        assert_eq!(chart.x_labels.first().map(|l| l.text.as_str()), Some("1 Jan"));
        assert_eq!(chart.x_labels.last().map(|l| l.text.as_str()), Some("31 Dec"));
        assert_labels_readable(&chart);
    }

    #[test]
    fn markers_thin_out_as_saves_get_close() {
        // A save a week for five weeks: every save has its marker.
        let weekly: Vec<Snapshot> = (0..5).map(|w| snapshot(w * 7, 1, 1, 4)).collect();
        let chart = chart_of(&weekly, 0);
        assert_eq!(chart.true_now.markers, chart.true_now.points);
        assert_eq!(chart.work_on.markers, chart.work_on.points);
        for days in [365, 5 * 365] {
            let saves: Vec<Snapshot> = (0..days).map(|d| snapshot(d, (d % 10) as usize, (d % 7) as usize, 24)).collect();
            let chart = chart_of(&saves, 0);
            for series in [&chart.true_now, &chart.work_on] {
                let markers = &series.markers;
                assert!((10..=20).contains(&markers.len()), "{} markers for {days} saves", markers.len());
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
            for series in [&chart.true_now, &chart.work_on] {
                prop_assert_eq!(series.markers.last(), series.points.last());
                prop_assert!(series.markers.windows(2).all(|m| m[1].0 - m[0].0 >= MARKER_SPACING));
            }
        }
    }
}
