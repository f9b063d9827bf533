//! What the person is told after acting on their data: one short message at a time in the status
//! region (`components::status`), with Undo where a removal can be undone. The state it reports
//! on is in the parent module; this is only what is said, and the actions whose result is said.

use super::UserData;
use crate::data::plan::Removed;
use crate::data::Bookmark;
use leptos::prelude::*;

/// A short message about what just happened, announced to screen readers, with an optional undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub undo: Option<Undo>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    RestoreBookmark { id: String, bookmark: Bookmark },
    RestorePlanEntry { id: String, removed: Removed },
}

/// How much of what a person wrote a message quotes, at most: enough to know which entry it was,
/// while the bar stays short and a screen reader does not read a whole private entry aloud.
const QUOTE_CHARS: usize = 60;

/// What a person wrote (or a title), as a message quotes it: in quotation marks, on one line, its
/// first 60 characters or so cut at a word with "…" when it is longer.
pub fn quote(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((cut, _)) = text.char_indices().nth(QUOTE_CHARS) else { return format!("“{text}”") };
    let start = &text[..cut];
    // At the last space, unless a long word would leave too little.
    let start = match start.rfind(' ') {
        Some(space) if space >= cut / 2 => &start[..space],
        _ => start,
    };
    format!("“{}…”", start.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// What a change to locked data says (the controls that make one are not offered while locked).
pub const LOCKED: &str = "Your saved data is locked. Unlock it with your passphrase first, on “Your data”.";

impl UserData {
    /// Shows `text` in the status region, replacing what was there.
    pub fn say(&self, text: impl Into<String>) {
        self.status.set(Some(Status { text: text.into(), undo: None }));
    }

    pub fn toggle_bookmark(&self, id: &str, page: &str, title: &str) {
        if self.bookmarks.with_untracked(|b| b.contains(id)) {
            self.remove_bookmark(id);
        } else {
            let had_note = self.bookmarks.with_untracked(|b| b.removed_note(id).is_some());
            if self.change_bookmarks(|b, now| b.add(id, page, title, now)) {
                let note = if had_note { " Its note is back too." } else { "" };
                self.say(format!("Added {} to your bookmarks.{note}", quote(title)));
            }
        }
    }

    /// Removes a bookmark, offering to undo it. Its note is kept with the removal, so bookmarking
    /// it again brings the note back.
    pub fn remove_bookmark(&self, id: &str) {
        let Some(bookmark) = self.bookmarks.with_untracked(|b| b.get(id).cloned()) else { return };
        if self.change_bookmarks(|b, now| b.remove(id, now)) {
            let kept = if bookmark.note.is_empty() { "" } else { " Its note is kept: bookmark it again to get it back." };
            let text = format!("Removed {} from your bookmarks.{kept}", quote(&bookmark.title));
            self.status.set(Some(Status { text, undo: Some(Undo::RestoreBookmark { id: id.to_string(), bookmark }) }));
        }
    }

    /// Removes an entry from the plan, offering to undo it.
    pub fn remove_plan_entry(&self, id: &str) {
        let mut removed = None;
        if self.change_plan(|p, now| removed = p.remove(id, now)) {
            if let Some(removed) = removed {
                let text = format!("Removed {} from your plan.", quote(&removed.entry.text));
                self.status.set(Some(Status { text, undo: Some(Undo::RestorePlanEntry { id: id.to_string(), removed }) }));
            }
        }
    }

    pub fn undo(&self, undo: Undo) {
        match undo {
            Undo::RestoreBookmark { id, bookmark } => {
                let title = quote(&bookmark.title);
                if self.change_bookmarks(|b, now| b.restore(&id, bookmark, now)) {
                    self.say(format!("{title} is back in your bookmarks."));
                }
            }
            Undo::RestorePlanEntry { id, removed } => {
                let text = quote(&removed.entry.text);
                if self.change_plan(|p, now| p.restore(&id, removed, now)) {
                    self.say(format!("{text} is back in your plan."));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{open_app, plan_texts, stored};
    use crate::data::Plan;
    use leptos::prelude::*;

    use super::quote;

    #[test]
    fn a_short_quote_is_whole_and_a_long_one_is_cut_at_a_word() {
        assert_eq!(quote("My dog"), "“My dog”");
        assert_eq!(quote("  two\nlines  "), "“two lines”");
        let long = "I will call my sister first, and if she does not answer I will ring the crisis team and tell them how I feel";
        assert_eq!(quote(long), "“I will call my sister first, and if she does not answer I…”");
        let one_word = "a".repeat(200);
        assert_eq!(quote(&one_word).chars().count(), 60 + 3);
    }

    /// Issue 28: removing a 900-character entry quoted all of it, in a bar 1,091 px tall that a
    /// screen reader read aloud in full.
    #[test]
    fn a_message_quotes_only_the_start_of_a_long_entry() {
        use crate::data::plan::Entry;
        let data = open_app();
        let long = "I want to remember that this feeling passes. ".repeat(20);
        data.change_plan(|p, now| p.add("long", Entry::new("reasons", &long, "", now), now));
        data.remove_plan_entry("long");
        let status = data.status.get_untracked().unwrap();
        assert_eq!(status.text, "Removed “I want to remember that this feeling passes. I want to…” from your plan.");
        data.undo(status.undo.unwrap());
        assert_eq!(data.status.get_untracked().unwrap().text, "“I want to remember that this feeling passes. I want to…” is back in your plan.");
    }

    #[test]
    fn removing_then_adding_a_bookmark_brings_its_note_back() {
        let data = open_app();
        data.toggle_bookmark("pace", "publications", "PACE");
        data.change_bookmarks(|b, now| b.set_note("pace", "ask my nurse", now));
        data.toggle_bookmark("pace", "publications", "PACE");
        assert!(data.status.get_untracked().unwrap().text.contains("Its note is kept"));
        data.toggle_bookmark("pace", "publications", "PACE");
        assert_eq!(data.bookmarks.with_untracked(|b| b.get("pace").unwrap().note.clone()), "ask my nurse");
        assert!(data.status.get_untracked().unwrap().text.contains("Its note is back"));
    }

    #[test]
    fn a_removed_plan_entry_comes_back_with_undo_in_its_place() {
        use crate::data::plan::Entry;
        let data = open_app();
        data.change_plan(|p, now| {
            p.add("dog", Entry::new("reasons", "My dog", "", now), now);
            p.add("sea", Entry::new("reasons", "The sea", "", now), now);
        });
        data.remove_plan_entry("dog");
        let status = data.status.get_untracked().unwrap();
        assert_eq!(status.text, "Removed “My dog” from your plan.");
        assert_eq!(plan_texts(&stored::<Plan>(), "reasons"), ["The sea"]);
        data.undo(status.undo.unwrap());
        assert_eq!(plan_texts(&stored::<Plan>(), "reasons"), ["My dog", "The sea"]);
        assert_eq!(data.status.get_untracked().unwrap().text, "“My dog” is back in your plan.");
        assert!(data.has_personal_data());
    }
}
