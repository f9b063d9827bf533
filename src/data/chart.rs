//! The geometry of the reflection history chart (an inline SVG), worked out without a browser so
//! it can be tested: one line for "true for me now" and one for "want to work on", over time.

use super::reflection::Snapshot;
use super::time::format_short_date;

/// Sized for a phone, so its text is read at about the size it is drawn; wider screens scale it up.
pub const WIDTH: f32 = 360.0;
pub const HEIGHT: f32 = 220.0;
const LEFT: f32 = 36.0;
const RIGHT: f32 = 20.0;
const TOP: f32 = 16.0;
const BOTTOM: f32 = 44.0;
/// More date labels than this would overlap on a phone.
const MAX_X_LABELS: usize = 6;
/// The width of the widest date labels ("28 Nov" at 13 px measures 46 in Chromium).
const LABEL_WIDTH: f32 = 48.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// SVG path data ("M x y L x y ...").
    pub path: String,
    pub points: Vec<(f32, f32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub true_now: Series,
    pub work_on: Series,
    /// x position and label ("26 Nov") of the dates shown under the chart.
    pub x_labels: Vec<(f32, String)>,
    /// y position and value of the horizontal grid lines.
    pub y_ticks: Vec<(f32, usize)>,
    pub baseline: f32,
}

pub fn history_chart(history: &[&Snapshot]) -> Chart {
    let max = history.iter().map(|s| s.items.len()).max().unwrap_or(0).max(1);
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| match history.len() {
        0 | 1 => LEFT + plot_width / 2.0,
        n => LEFT + plot_width * i as f32 / (n - 1) as f32,
    };
    let y = |value: usize| TOP + plot_height * (1.0 - value as f32 / max as f32);
    let series = |value: fn(&Snapshot) -> usize| {
        let points: Vec<(f32, f32)> = history.iter().enumerate().map(|(i, s)| (x(i), y(value(s)))).collect();
        let path = points
            .iter()
            .enumerate()
            .map(|(i, (px, py))| format!("{}{px:.1} {py:.1}", if i == 0 { "M" } else { " L" }))
            .collect();
        Series { path, points }
    };
    let step = history.len().div_ceil(MAX_X_LABELS).max(1);
    let mut x_labels: Vec<(f32, String)> = history
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0 || *i == history.len() - 1)
        .map(|(i, s)| (x(i), format_short_date(s.saved_at, s.utc_offset_minutes)))
        .collect();
    // The first and last dates always show, aligned to the chart's edges so they reach inwards
    // (a whole label's width, where the others reach half): drop their neighbour when the two
    // would touch, or would say the same day twice.
    let crowded = |(a_x, a): &(f32, String), (b_x, b): &(f32, String)| b_x - a_x < LABEL_WIDTH * 1.5 || a == b;
    if let [.., before, last] = x_labels.as_slice() {
        if crowded(before, last) {
            x_labels.remove(x_labels.len() - 2);
        }
    }
    if let [first, after, _, ..] = x_labels.as_slice() {
        if crowded(first, after) {
            x_labels.remove(1);
        }
    }
    let y_ticks = [0, max / 2, max].into_iter().map(|v| (y(v), v)).collect::<Vec<_>>();
    Chart {
        true_now: series(Snapshot::true_now),
        work_on: series(Snapshot::work_on),
        x_labels,
        y_ticks,
        baseline: y(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::reflection::{Answer, SnapshotItem};

    fn snapshot(day: u64, true_now: usize, work_on: usize, total: usize) -> Snapshot {
        let items = (0..total)
            .map(|i| SnapshotItem {
                id: i.to_string(),
                text: String::new(),
                own: false,
                answer: Answer { true_now: i < true_now, work_on: i < work_on, note: String::new() },
            })
            .collect();
        Snapshot { saved_at: day * 86_400_000, utc_offset_minutes: 0, items }
    }

    #[test]
    fn more_true_is_higher_up_and_time_runs_left_to_right() {
        let history = [snapshot(1, 2, 5, 10), snapshot(2, 8, 1, 10)];
        let chart = history_chart(&history.iter().collect::<Vec<_>>());
        let (first, last) = (chart.true_now.points[0], chart.true_now.points[1]);
        assert!(first.0 < last.0);
        assert!(last.1 < first.1, "8 true is drawn above 2 true");
        assert!(chart.true_now.path.starts_with("M36.0 "));
        assert_eq!(chart.y_ticks.iter().map(|t| t.1).collect::<Vec<_>>(), [0, 5, 10]);
    }

    #[test]
    fn one_reflection_is_a_point_in_the_middle_and_nothing_breaks_when_empty() {
        let one = [snapshot(1, 1, 1, 4)];
        let chart = history_chart(&one.iter().collect::<Vec<_>>());
        assert_eq!(chart.true_now.points.len(), 1);
        assert!((chart.true_now.points[0].0 - (LEFT + (WIDTH - LEFT - RIGHT) / 2.0)).abs() < 0.01);
        let empty = history_chart(&[]);
        assert!(empty.true_now.points.is_empty());
    }

    /// No two date labels touch: the first is drawn left-aligned, the last right-aligned, the
    /// others centred (as in the page's SVG).
    fn assert_labels_apart(chart: &Chart) {
        let last = chart.x_labels.len() - 1;
        let extent = |i: usize, x: f32| match i {
            0 => (x, x + LABEL_WIDTH),
            i if i == last => (x - LABEL_WIDTH, x),
            _ => (x - LABEL_WIDTH / 2.0, x + LABEL_WIDTH / 2.0),
        };
        for i in 1..=last {
            assert!(extent(i - 1, chart.x_labels[i - 1].0).1 <= extent(i, chart.x_labels[i].0).0, "{:?}", chart.x_labels);
        }
    }

    #[test]
    fn a_year_of_reflections_gets_a_few_readable_date_labels() {
        let year: Vec<Snapshot> = (0..365).map(|d| snapshot(d, (d % 10) as usize, 3, 24)).collect();
        let chart = history_chart(&year.iter().collect::<Vec<_>>());
        assert!(chart.x_labels.len() <= MAX_X_LABELS, "{}", chart.x_labels.len());
        assert_labels_apart(&chart);
        assert_eq!(chart.true_now.points.len(), 365);
    }

    #[test]
    fn two_reflections_on_one_day_get_one_date_label() {
        let mut history: Vec<Snapshot> = (0..5).map(|d| snapshot(d * 15, 1, 1, 4)).collect();
        history.push(Snapshot { saved_at: history[4].saved_at + 3_600_000, ..history[4].clone() });
        let chart = history_chart(&history.iter().collect::<Vec<_>>());
        let labels: Vec<&str> = chart.x_labels.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["1 Jan", "31 Jan", "15 Feb", "2 Mar"]);
        assert_labels_apart(&chart);
    }
}
