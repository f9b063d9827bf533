//! Quick exit: pressing Shift three times (the GOV.UK "Exit this page" shortcut), or the optional
//! Quick exit button, leaves the guide at once for a neutral website, and Back does not return
//! to the page that was open.
//!
//! `ShiftPresses` decides, from the keys alone, when the person has asked to leave; it needs no
//! browser and is tested natively. `leave` does the leaving (called from event handlers only).

/// Where quick exit goes: BBC Weather's home page, as GOV.UK's "Exit this page" does.
pub const NEUTRAL_SITE: &str = "https://www.bbc.co.uk/weather";

/// Presses of Shift that count towards leaving.
pub const PRESSES_TO_LEAVE: u8 = 3;

/// The About page's section that explains quick exit (also shown on "Your data").
pub const ABOUT_SECTION: &str = "quick-exit";

/// The longest wait between two presses, in milliseconds: after it, counting starts again.
pub const MAX_GAP_MS: u64 = 5_000;

/// A key going down or coming up, as the shortcut sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Shift goes down. `repeat` is the browser's auto-repeat while it is held down.
    ShiftDown {
        repeat: bool,
    },
    ShiftUp,
    /// Any other key goes down.
    OtherDown,
}

/// What a key means for the shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing changed.
    Unchanged,
    /// A press counted; this many more are needed.
    NeedMore(u8),
    /// Counting started again (another key was pressed), after at least one press had counted.
    Cancelled,
    /// The last press: leave now.
    Leave,
}

/// Counts presses of Shift on its own. A press counts when Shift comes up with no other key
/// pressed while it was down, so Shift used for a capital letter or Shift+Tab never counts (as in
/// GOV.UK's version); holding Shift down counts once. Another key between presses, or a gap of
/// more than `MAX_GAP_MS`, starts the count again.
#[derive(Debug, Clone, Copy, Default)]
pub struct ShiftPresses {
    counted: u8,
    last_counted_at: Option<u64>,
    /// Shift is down and nothing else has been pressed since it went down.
    shift_alone: bool,
}

impl ShiftPresses {
    /// Takes in one key, at `now` (milliseconds), and says what it means.
    pub fn key(&mut self, key: Key, now: u64) -> Progress {
        match key {
            Key::ShiftDown { repeat: true } => Progress::Unchanged,
            Key::ShiftDown { repeat: false } => {
                self.shift_alone = true;
                Progress::Unchanged
            }
            Key::OtherDown => {
                self.shift_alone = false;
                let had_presses = self.counted > 0;
                self.counted = 0;
                self.last_counted_at = None;
                if had_presses {
                    Progress::Cancelled
                } else {
                    Progress::Unchanged
                }
            }
            Key::ShiftUp if !self.shift_alone => Progress::Unchanged,
            Key::ShiftUp => {
                self.shift_alone = false;
                let in_time = self.last_counted_at.is_some_and(|last| now.saturating_sub(last) <= MAX_GAP_MS);
                self.counted = if in_time { self.counted + 1 } else { 1 };
                self.last_counted_at = Some(now);
                if self.counted >= PRESSES_TO_LEAVE {
                    *self = Self::default();
                    Progress::Leave
                } else {
                    Progress::NeedMore(PRESSES_TO_LEAVE - self.counted)
                }
            }
        }
    }
}

/// What screen readers hear after a press that counted.
pub fn announcement(more: u8) -> String {
    let times = if more == 1 { "time" } else { "times" };
    format!("Quick exit: press Shift {more} more {times} to leave this page.")
}

/// Leaves the guide: the page goes blank at once, then `lock` runs (the passphrase lock locks and
/// drops its key), then the browser goes to `NEUTRAL_SITE` in place of this page, so Back does not
/// return to it.
pub fn leave(lock: impl FnOnce()) {
    let Some(window) = web_sys::window() else { return };
    // Before anything else, so nothing personal stays on screen while the other site loads.
    if let Some(body) = window.document().and_then(|d| d.body()) {
        body.set_hidden(true);
    }
    // Nor is anything (a plan, perhaps) still being read aloud.
    if let Some(speech) = crate::browser::speech_synthesis() {
        speech.cancel();
    }
    lock();
    let _ = window.location().replace(NEUTRAL_SITE);
}

/// A page restored by Back from the browser's memory (the back-forward cache) comes back blank:
/// show it again.
pub fn show_page_again() {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        body.set_hidden(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One press of Shift on its own, at `at`.
    fn press(shortcut: &mut ShiftPresses, at: u64) -> Progress {
        assert_eq!(shortcut.key(Key::ShiftDown { repeat: false }, at), Progress::Unchanged);
        shortcut.key(Key::ShiftUp, at + 80)
    }

    #[test]
    fn three_presses_leave_and_the_first_two_say_how_many_are_left() {
        let mut shortcut = ShiftPresses::default();
        assert_eq!(press(&mut shortcut, 0), Progress::NeedMore(2));
        assert_eq!(press(&mut shortcut, 1_000), Progress::NeedMore(1));
        assert_eq!(press(&mut shortcut, 2_000), Progress::Leave);
        // Counting starts again afterwards (a page restored by Back must not leave at one press).
        assert_eq!(press(&mut shortcut, 3_000), Progress::NeedMore(2));
    }

    #[test]
    fn another_key_between_presses_starts_again() {
        let mut shortcut = ShiftPresses::default();
        press(&mut shortcut, 0);
        press(&mut shortcut, 500);
        assert_eq!(shortcut.key(Key::OtherDown, 700), Progress::Cancelled);
        assert_eq!(press(&mut shortcut, 900), Progress::NeedMore(2));
        assert_eq!(shortcut.key(Key::OtherDown, 1_000), Progress::Cancelled);
        assert_eq!(shortcut.key(Key::OtherDown, 1_100), Progress::Unchanged, "nothing to cancel");
    }

    #[test]
    fn a_gap_of_more_than_five_seconds_starts_again_and_five_exactly_does_not() {
        let mut shortcut = ShiftPresses::default();
        press(&mut shortcut, 0);
        assert_eq!(press(&mut shortcut, MAX_GAP_MS), Progress::NeedMore(1), "5 s after the last");
        assert_eq!(press(&mut shortcut, 2 * MAX_GAP_MS + 1), Progress::NeedMore(2), "5 s and 1 ms after the last");
        assert_eq!(press(&mut shortcut, 12_000), Progress::NeedMore(1));
        assert_eq!(press(&mut shortcut, 14_000), Progress::Leave);
    }

    #[test]
    fn holding_shift_down_counts_once() {
        let mut shortcut = ShiftPresses::default();
        assert_eq!(shortcut.key(Key::ShiftDown { repeat: false }, 0), Progress::Unchanged);
        for at in (500..3_000).step_by(33) {
            assert_eq!(shortcut.key(Key::ShiftDown { repeat: true }, at), Progress::Unchanged);
        }
        assert_eq!(shortcut.key(Key::ShiftUp, 3_000), Progress::NeedMore(2));
    }

    #[test]
    fn shift_used_for_another_key_never_counts() {
        let mut shortcut = ShiftPresses::default();
        // Three capital letters (or three Shift+Tab), typed quickly.
        for at in [0, 300, 600] {
            shortcut.key(Key::ShiftDown { repeat: false }, at);
            shortcut.key(Key::OtherDown, at + 50);
            // Still holding Shift: the browser repeats it, which must not make it count again.
            shortcut.key(Key::ShiftDown { repeat: true }, at + 100);
            assert_eq!(shortcut.key(Key::ShiftUp, at + 150), Progress::Unchanged);
        }
        assert_eq!(press(&mut shortcut, 1_000), Progress::NeedMore(2));
    }

    #[test]
    fn shift_coming_up_without_going_down_here_does_not_count() {
        // Shift was held down before the page had focus.
        let mut shortcut = ShiftPresses::default();
        assert_eq!(shortcut.key(Key::ShiftUp, 0), Progress::Unchanged);
    }

    #[test]
    fn the_about_page_explains_what_quick_exit_cannot_do() {
        let section = &crate::content::about_section(ABOUT_SECTION)[0];
        let text = format!("{:?}", section.blocks);
        assert!(text.contains("does not clear your browser's history"), "{text}");
        assert!(text.contains("Cookies and site data"), "{text}");
    }

    #[test]
    fn announcements_count_down_in_plain_words() {
        assert_eq!(announcement(2), "Quick exit: press Shift 2 more times to leave this page.");
        assert_eq!(announcement(1), "Quick exit: press Shift 1 more time to leave this page.");
    }
}
