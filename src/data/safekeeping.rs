//! What the app knows about keeping the person's data safe on this device: whether the browser
//! agreed to keep it, when a copy was last downloaded, and when to remind them to download one.
//! A record of this device only: it is not part of an export.

use super::lww::{clamp_time, Stamps};
use super::versioned::Versioned;
use serde::{Deserialize, Serialize};

pub const DAY: u64 = 24 * 60 * 60 * 1000;
/// No copy for this long, and the person is reminded to download one.
const DOWNLOAD_EVERY: u64 = 30 * DAY;
/// Never downloaded: the reminder waits until the data is this old, and comes at most this often.
const WEEK: u64 = 7 * DAY;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Safekeeping {
    pub version: u32,
    /// When the person first saved something of their own.
    #[serde(default)]
    pub first_saved_at: Option<u64>,
    /// When the app asked the browser to keep the data (once, during a save), and its answer.
    #[serde(default)]
    pub keep_asked_at: Option<u64>,
    #[serde(default)]
    pub keep_granted: Option<bool>,
    #[serde(default)]
    pub downloaded_at: Option<u64>,
    #[serde(default)]
    pub reminder_dismissed_at: Option<u64>,
}

impl Default for Safekeeping {
    fn default() -> Self {
        Self { version: Self::VERSION, first_saved_at: None, keep_asked_at: None, keep_granted: None, downloaded_at: None, reminder_dismissed_at: None }
    }
}

impl Versioned for Safekeeping {
    const NAME: &'static str = "record of your downloads";
    const KEY: &'static str = "safekeeping";
    const VERSION: u32 = 1;

    /// The first save and the browser's answer are the earliest seen; the rest the latest.
    fn merge(&mut self, other: &Self) {
        let earliest = |a: Option<u64>, b: Option<u64>| a.into_iter().chain(b).min();
        if other.keep_asked_at.is_some_and(|theirs| self.keep_asked_at.is_none_or(|ours| theirs > ours)) {
            self.keep_granted = other.keep_granted;
        }
        self.first_saved_at = earliest(self.first_saved_at, other.first_saved_at);
        self.keep_asked_at = self.keep_asked_at.max(other.keep_asked_at);
        self.downloaded_at = self.downloaded_at.max(other.downloaded_at);
        self.reminder_dismissed_at = self.reminder_dismissed_at.max(other.reminder_dismissed_at);
    }
}

/// A download dated 2099 would keep the reminder away for ever.
impl Stamps for Safekeeping {
    fn clamp_future(&mut self, now: u64) {
        for time in [&mut self.first_saved_at, &mut self.keep_asked_at, &mut self.downloaded_at, &mut self.reminder_dismissed_at].into_iter().flatten() {
            clamp_time(time, now);
        }
    }
}

impl Safekeeping {
    /// Whether to show the reminder to download a copy: there is something to keep, no copy for
    /// 30 days (or none ever, once the data is a week old), and not put away in the last week.
    pub fn reminder_due(&self, has_personal_data: bool, now: u64) -> bool {
        let since = |at: Option<u64>, long: u64| at.is_some_and(|at| now.saturating_sub(at) >= long);
        let dismissed_lately = self.reminder_dismissed_at.is_some_and(|at| now.saturating_sub(at) < WEEK);
        let copy_is_old = match self.downloaded_at {
            Some(_) => since(self.downloaded_at, DOWNLOAD_EVERY),
            None => since(self.first_saved_at, WEEK),
        };
        has_personal_data && copy_is_old && !dismissed_lately
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: u64 = 1_800_000_000_000;

    fn record(first_saved_days_ago: Option<u64>, downloaded_days_ago: Option<u64>, dismissed_days_ago: Option<u64>) -> Safekeeping {
        let ago = |days: Option<u64>| days.map(|d| NOW - d * DAY);
        Safekeeping {
            first_saved_at: ago(first_saved_days_ago),
            downloaded_at: ago(downloaded_days_ago),
            reminder_dismissed_at: ago(dismissed_days_ago),
            ..Safekeeping::default()
        }
    }

    #[test]
    fn reminds_only_when_there_is_something_to_keep_and_no_recent_copy() {
        assert!(!record(Some(100), None, None).reminder_due(false, NOW), "nothing to keep");
        assert!(!record(Some(6), None, None).reminder_due(true, NOW), "data less than a week old");
        assert!(record(Some(7), None, None).reminder_due(true, NOW), "a week old, never downloaded");
        assert!(!record(Some(100), Some(29), None).reminder_due(true, NOW), "downloaded this month");
        assert!(record(Some(100), Some(30), None).reminder_due(true, NOW), "no copy for 30 days");
    }

    #[test]
    fn a_dismissed_reminder_stays_away_for_a_week() {
        assert!(!record(Some(100), None, Some(6)).reminder_due(true, NOW));
        assert!(record(Some(100), None, Some(7)).reminder_due(true, NOW));
    }

    #[test]
    fn old_stored_records_read_with_missing_fields() {
        let read = crate::data::decode::<Safekeeping>(r#"{"version":1}"#).unwrap();
        assert_eq!(read, Safekeeping::default());
    }

    proptest! {
        #[test]
        fn merging_is_order_free_and_keeps_the_latest_download(a in proptest::option::of(0u64..1000), b in proptest::option::of(0u64..1000), c in proptest::option::of(0u64..1000), d in proptest::option::of(0u64..1000)) {
            let one = Safekeeping { downloaded_at: a, first_saved_at: b, ..Safekeeping::default() };
            let two = Safekeeping { downloaded_at: c, first_saved_at: d, ..Safekeeping::default() };
            let (mut x, mut y) = (one.clone(), two.clone());
            x.merge(&two);
            y.merge(&one);
            prop_assert_eq!(&x, &y);
            prop_assert_eq!(x.downloaded_at, a.max(c));
        }
    }
}
