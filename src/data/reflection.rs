//! The reflection checklist: what is true for the person now, what they want to work on, their
//! notes and their own items (`Reflections`), and dated snapshots to look back on (`History`).
//! The two are stored apart so that ticking a box never rewrites a year of history.

use super::lww::LwwMap;
use super::versioned::Versioned;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflections {
    pub version: u32,
    /// Answers keyed by checklist item id (from the content, or an own item's id).
    pub checklist: LwwMap<Answer>,
    pub own_items: LwwMap<OwnItem>,
}

/// Saved reflections ("Save this reflection").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub version: u32,
    pub snapshots: LwwMap<Snapshot>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Unset fields are left out when stored: a year of daily reflections stays well inside the
/// browser's storage limit.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Answer {
    /// "True for me now".
    #[serde(default, skip_serializing_if = "is_default")]
    pub true_now: bool,
    /// "I want to work on this".
    #[serde(default, skip_serializing_if = "is_default")]
    pub work_on: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OwnItem {
    pub created_at: u64,
    pub text: String,
}

/// The whole checklist as it was when saved, text included, so it stays readable even if the
/// guide's wording changes later.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Snapshot {
    pub saved_at: u64,
    /// Minutes to add to UTC for the person's local time when it was saved.
    #[serde(default)]
    pub utc_offset_minutes: i32,
    pub items: Vec<SnapshotItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SnapshotItem {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub own: bool,
    #[serde(default, skip_serializing_if = "is_default")]
    pub answer: Answer,
}

impl Snapshot {
    pub fn true_now(&self) -> usize {
        self.items.iter().filter(|i| i.answer.true_now).count()
    }

    pub fn work_on(&self) -> usize {
        self.items.iter().filter(|i| i.answer.work_on).count()
    }
}

impl Default for Reflections {
    fn default() -> Self {
        Self { version: Self::VERSION, checklist: LwwMap::default(), own_items: LwwMap::default() }
    }
}

impl Versioned for Reflections {
    const NAME: &'static str = "checklist answers";
    const KEY: &'static str = "reflections";
    const VERSION: u32 = 1;
}

impl Default for History {
    fn default() -> Self {
        Self { version: Self::VERSION, snapshots: LwwMap::default() }
    }
}

impl Versioned for History {
    const NAME: &'static str = "past reflections";
    const KEY: &'static str = "history";
    const VERSION: u32 = 1;
}

/// One checklist item to show: from the guide's content or the person's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub own: bool,
}

impl Reflections {
    pub fn answer(&self, id: &str) -> Answer {
        self.checklist.get(id).cloned().unwrap_or_default()
    }

    pub fn update_answer(&mut self, id: &str, now: u64, change: impl FnOnce(&mut Answer)) {
        let mut answer = self.answer(id);
        change(&mut answer);
        self.checklist.set(id, answer, now);
    }

    pub fn add_own_item(&mut self, id: &str, text: &str, now: u64) {
        self.own_items.set(id, OwnItem { created_at: now, text: text.trim().to_string() }, now);
    }

    pub fn edit_own_item(&mut self, id: &str, text: &str, now: u64) {
        self.own_items.modify(id, now, |item| item.text = text.trim().to_string());
    }

    pub fn remove_own_item(&mut self, id: &str, now: u64) {
        self.own_items.remove(id, now);
        self.checklist.remove(id, now);
    }

    /// The person's own items, oldest first.
    pub fn own_items(&self) -> Vec<ChecklistItem<'_>> {
        let mut items: Vec<_> = self.own_items.live().collect();
        items.sort_by_key(|(id, item)| (item.created_at, *id));
        items.into_iter().map(|(id, item)| ChecklistItem { id, text: &item.text, own: true }).collect()
    }

    /// Today's answers to the guide's items, then the person's own, to keep in `History`.
    pub fn snapshot(&self, guide_items: &[ChecklistItem<'_>], now: u64, utc_offset_minutes: i32) -> Snapshot {
        let own = self.own_items();
        let items = guide_items
            .iter()
            .chain(own.iter())
            .map(|item| SnapshotItem {
                id: item.id.to_string(),
                text: item.text.to_string(),
                own: item.own,
                answer: self.answer(item.id),
            })
            .collect();
        Snapshot { saved_at: now, utc_offset_minutes, items }
    }
}

impl History {
    pub fn save(&mut self, id: &str, snapshot: Snapshot) {
        let now = snapshot.saved_at;
        self.snapshots.set(id, snapshot, now);
    }

    pub fn delete(&mut self, id: &str, now: u64) {
        self.snapshots.remove(id, now);
    }

    /// Saved reflections, oldest first.
    pub fn oldest_first(&self) -> Vec<(&str, &Snapshot)> {
        let mut list: Vec<_> = self.snapshots.live().collect();
        list.sort_by_key(|(id, s)| (s.saved_at, *id));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Vec<ChecklistItem<'static>> {
        vec![
            ChecklistItem { id: "good-relationships", text: "good relationships", own: false },
            ChecklistItem { id: "satisfying-work", text: "satisfying work", own: false },
        ]
    }

    #[test]
    fn a_snapshot_keeps_answers_notes_and_own_items() {
        let mut r = Reflections::default();
        r.update_answer("good-relationships", 1, |a| a.true_now = true);
        r.update_answer("satisfying-work", 2, |a| {
            a.work_on = true;
            a.note = "part-time first".into();
        });
        r.add_own_item("own-1", "  walking every day ", 3);
        r.update_answer("own-1", 4, |a| a.true_now = true);
        let snapshot = r.snapshot(&guide(), 5, 60);
        assert_eq!(snapshot.true_now(), 2);
        assert_eq!(snapshot.work_on(), 1);
        assert_eq!(snapshot.items[2].text, "walking every day");
        assert!(snapshot.items[2].own);
        assert_eq!(snapshot.items[1].answer.note, "part-time first");
    }

    #[test]
    fn later_changes_do_not_alter_a_saved_snapshot() {
        let mut r = Reflections::default();
        let mut history = History::default();
        r.update_answer("good-relationships", 1, |a| a.true_now = true);
        history.save("s1", r.snapshot(&guide(), 2, 0));
        r.update_answer("good-relationships", 3, |a| a.true_now = false);
        assert_eq!(history.oldest_first()[0].1.true_now(), 1);
    }

    #[test]
    fn removing_an_own_item_forgets_its_answer_but_not_old_snapshots() {
        let mut r = Reflections::default();
        let mut history = History::default();
        r.add_own_item("own-1", "sleep", 1);
        r.update_answer("own-1", 2, |a| a.true_now = true);
        history.save("s1", r.snapshot(&[], 3, 0));
        r.remove_own_item("own-1", 4);
        assert!(r.own_items().is_empty());
        assert_eq!(r.answer("own-1"), Answer::default());
        assert_eq!(history.oldest_first()[0].1.items[0].text, "sleep");
    }

    #[test]
    fn history_is_oldest_first_and_deleting_removes_one() {
        let r = Reflections::default();
        let mut history = History::default();
        history.save("b", r.snapshot(&guide(), 20, 0));
        history.save("a", r.snapshot(&guide(), 10, 0));
        let ids: Vec<&str> = history.oldest_first().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["a", "b"]);
        history.delete("a", 30);
        assert_eq!(history.oldest_first().len(), 1);
    }

    #[test]
    fn unset_answers_are_not_stored() {
        let r = Reflections::default();
        let snapshot = r.snapshot(&guide(), 1, 0);
        let json = serde_json::to_string(&snapshot).unwrap();
        assert!(!json.contains("answer") && !json.contains("own"), "{json}");
    }
}
