//! The person's bookmarks: any resource or section of the guide, with an optional private note.

use super::lww::{clamp_time, LwwMap, Stamps};
use super::stores::Personal;
use super::versioned::Versioned;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmarks {
    pub version: u32,
    /// Keyed by the id of the resource or section (the same id as its deep link).
    pub bookmarks: LwwMap<Bookmark>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Bookmark {
    pub added_at: u64,
    /// The page it was on and its title when it was added, so a bookmark whose item has since left
    /// the guide can still be shown and grouped.
    pub page: String,
    pub title: String,
    #[serde(default)]
    pub note: String,
}

impl Default for Bookmarks {
    fn default() -> Self {
        Self { version: Self::VERSION, bookmarks: LwwMap::default() }
    }
}

impl Versioned for Bookmarks {
    const NAME: &'static str = "bookmarks";
    const KEY: &'static str = "bookmarks";
    const VERSION: u32 = 1;

    fn merge(&mut self, other: &Self) {
        self.bookmarks.merge(&other.bookmarks);
    }
}

impl Personal for Bookmarks {
    fn has_any(&self) -> bool {
        self.count() > 0
    }
    fn bring_back_removed(&mut self, file: &Self, now: u64) {
        self.bookmarks.bring_back(&file.bookmarks, now);
    }
}

impl Stamps for Bookmark {
    fn clamp_future(&mut self, now: u64) {
        clamp_time(&mut self.added_at, now);
    }
}

impl Stamps for Bookmarks {
    fn clamp_future(&mut self, now: u64) {
        self.bookmarks.clamp_future(now);
    }
}

impl Bookmarks {
    pub fn contains(&self, id: &str) -> bool {
        self.bookmarks.get(id).is_some()
    }

    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        self.bookmarks.get(id)
    }

    pub fn count(&self) -> usize {
        self.bookmarks.live_count()
    }

    /// Adds a bookmark; one removed earlier comes back with its note.
    pub fn add(&mut self, id: &str, page: &str, title: &str, now: u64) {
        if !self.contains(id) {
            let note = self.removed_note(id).unwrap_or_default().to_string();
            let bookmark = Bookmark { added_at: now, page: page.into(), title: title.into(), note };
            self.bookmarks.set(id, bookmark, now);
        }
    }

    /// The note of a removed bookmark, kept in case it is bookmarked again.
    pub fn removed_note(&self, id: &str) -> Option<&str> {
        self.bookmarks.removed(id).map(|b| b.note.as_str()).filter(|note| !note.is_empty())
    }

    /// Puts back a removed bookmark exactly as it was (for "Undo").
    pub fn restore(&mut self, id: &str, bookmark: Bookmark, now: u64) {
        self.bookmarks.set(id, bookmark, now);
    }

    /// Removes a bookmark, keeping its note with the removal (see `add`).
    pub fn remove(&mut self, id: &str, now: u64) {
        self.bookmarks.remove_keeping(id, now);
    }

    pub fn set_note(&mut self, id: &str, note: &str, now: u64) {
        self.bookmarks.modify(id, now, |b| b.note = note.to_string());
    }

    /// Newest first.
    pub fn newest_first(&self) -> Vec<(&str, &Bookmark)> {
        let mut list: Vec<_> = self.bookmarks.live().collect();
        crate::sort::sort_by(&mut list, |a, b| b.1.added_at.cmp(&a.1.added_at).then(a.0.cmp(b.0)));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_note_remove_and_undo() {
        let mut marks = Bookmarks::default();
        marks.add("pace", "publications", "PACE", 1);
        marks.set_note("pace", "ask my nurse", 2);
        let kept = marks.get("pace").cloned().unwrap();
        marks.remove("pace", 3);
        assert!(!marks.contains("pace"));
        marks.restore("pace", kept, 4);
        assert_eq!(marks.get("pace").unwrap().note, "ask my nurse");
    }

    #[test]
    fn adding_twice_keeps_the_first_note_and_date() {
        let mut marks = Bookmarks::default();
        marks.add("a", "p", "A", 1);
        marks.set_note("a", "mine", 2);
        marks.add("a", "p", "A", 3);
        assert_eq!(marks.get("a").unwrap().note, "mine");
        assert_eq!(marks.get("a").unwrap().added_at, 1);
    }

    #[test]
    fn adding_again_after_removing_brings_the_note_back() {
        let mut marks = Bookmarks::default();
        marks.add("pace", "publications", "PACE", 1);
        marks.set_note("pace", "ask my nurse", 2);
        marks.remove("pace", 3);
        assert_eq!(marks.removed_note("pace"), Some("ask my nurse"));
        marks.add("pace", "publications", "PACE", 4);
        assert_eq!(marks.get("pace").unwrap().note, "ask my nurse");
    }

    #[test]
    fn newest_first() {
        let mut marks = Bookmarks::default();
        marks.add("old", "p", "Old", 1);
        marks.add("new", "p", "New", 5);
        let ids: Vec<&str> = marks.newest_first().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["new", "old"]);
    }
}
