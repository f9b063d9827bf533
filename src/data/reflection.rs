//! The reflection checklist: what is true for the person now, what they want to work on, their
//! notes and their own items (`Reflections`), and dated snapshots to look back on (`History`).
//! The two are stored apart so that ticking a box never rewrites a year of history.

use super::lww::{clamp_time, LwwMap, Stamps};
use super::stores::Personal;
use super::versioned::{decode, Unreadable, Versioned};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Each part of an answer is kept, and stamped, apart: a box ticked on one device and a note
/// written on another both survive a merge. (Version 1 kept a whole answer as one entry, so the
/// later of the two replaced the other.) All keyed by checklist item id, from the content or an
/// own item's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflections {
    pub version: u32,
    pub true_now: LwwMap<bool>,
    pub work_on: LwwMap<bool>,
    pub notes: LwwMap<String>,
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

    pub fn notes(&self) -> usize {
        self.items.iter().filter(|i| !i.answer.note.trim().is_empty()).count()
    }

    /// "5 true for you now, 3 to work on, 2 notes".
    pub fn summary(&self) -> String {
        let notes = match self.notes() {
            0 => "no notes".to_string(),
            1 => "1 note".to_string(),
            n => format!("{n} notes"),
        };
        format!("{} true for you now, {} to work on, {notes}", self.true_now(), self.work_on())
    }
}

/// What "Save this reflection" would do with a new snapshot.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveCheck<'a> {
    New,
    /// The same items, words and answers as the latest saved reflection (at whatever time): a
    /// second copy would add nothing.
    Unchanged(&'a Snapshot),
    /// Nothing ticked and no notes.
    Blank,
}

/// The most characters an own item keeps: it is one line of a checklist (more goes in its note).
pub const OWN_ITEM_MAX_CHARS: usize = 300;

/// How many characters `text` has beyond `OWN_ITEM_MAX_CHARS` (0 when it fits), as it would be saved.
pub fn own_item_too_long_by(text: &str) -> usize {
    text.trim().chars().count().saturating_sub(OWN_ITEM_MAX_CHARS)
}

/// The item in `items` with the same words as `text`, whatever their case and spacing.
pub fn same_item<'a, 'b>(items: &'b [ChecklistItem<'a>], text: &str) -> Option<&'b ChecklistItem<'a>> {
    let words = |text: &str| text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let wanted = words(text);
    items.iter().find(|item| words(item.text) == wanted)
}

impl Default for Reflections {
    fn default() -> Self {
        Self { version: Self::VERSION, true_now: LwwMap::default(), work_on: LwwMap::default(), notes: LwwMap::default(), own_items: LwwMap::default() }
    }
}

impl Versioned for Reflections {
    const NAME: &'static str = "checklist answers";
    const KEY: &'static str = "reflections";
    const VERSION: u32 = 2;

    /// Part by part: a tick from one copy and a note from the other both survive.
    fn merge(&mut self, other: &Self) {
        self.true_now.merge(&other.true_now);
        self.work_on.merge(&other.work_on);
        self.notes.merge(&other.notes);
        self.own_items.merge(&other.own_items);
    }

    fn upgrade(from: u32, mut value: Value) -> Result<Value, String> {
        if from != 1 {
            return Err(format!("there is no upgrade from version {from}"));
        }
        // Version 1: "checklist": { id: { "at": t, "value": { "true_now", "work_on", "note" } } },
        // unset parts left out, "value" left out for a deleted answer. Each part keeps the time.
        let store = value.as_object_mut().ok_or("not a map")?;
        let checklist = store.remove("checklist").ok_or("no checklist")?;
        let checklist = checklist.as_object().ok_or("the checklist is not a map")?;
        let mut parts: [(&str, Value, Map<String, Value>); 3] =
            [("true_now", false.into(), Map::new()), ("work_on", false.into(), Map::new()), ("note", "".into(), Map::new())];
        for (id, stamped) in checklist {
            let at = stamped.get("at").ok_or_else(|| format!("the answer to {id} has no time"))?;
            // An answer that is not a map would otherwise read as "nothing ticked" and count as new.
            let answer = match stamped.get("value") {
                Some(Value::Object(answer)) => Some(answer),
                None | Some(Value::Null) => None,
                Some(_) => return Err(format!("the answer to {id} is not a map")),
            };
            for (name, unset, map) in &mut parts {
                let mut entry = Map::from_iter([("at".to_string(), at.clone())]);
                if let Some(answer) = answer {
                    entry.insert("value".into(), answer.get(*name).cloned().unwrap_or_else(|| unset.clone()));
                }
                map.insert(id.clone(), Value::Object(entry));
            }
        }
        for ((_, _, map), field) in parts.into_iter().zip(["true_now", "work_on", "notes"]) {
            store.insert(field.into(), Value::Object(map));
        }
        Ok(value)
    }
}

impl Personal for Reflections {
    fn has_any(&self) -> bool {
        !self.answers().is_empty() || !self.own_items().is_empty()
    }
    fn bring_back_removed(&mut self, file: &Self, now: u64) {
        self.bring_back_own_items(file, now);
    }
}

impl Default for History {
    fn default() -> Self {
        Self { version: Self::VERSION, snapshots: LwwMap::default() }
    }
}

impl Versioned for History {
    const NAME: &'static str = "past reflections";
    const KEY: &'static str = "history";
    /// In export files. On the device it is `STORED_HISTORY_VERSION`.
    const VERSION: u32 = 1;

    fn merge(&mut self, other: &Self) {
        self.snapshots.merge(&other.snapshots);
    }

    /// Each checklist item's words once, in `"words": { id: text }` (as the latest saved reflection
    /// has them), and in a saved reflection only where they differ: the words are most of a saved
    /// reflection's size, so this nearly halves it, and five years of daily reflections fit in the
    /// browser's storage. Export files keep the words in every reflection, as before.
    fn to_stored(&self) -> String {
        let mut words = BTreeMap::new();
        for (_, snapshot) in self.oldest_first() {
            for item in &snapshot.items {
                words.insert(item.id.as_str(), item.text.as_str());
            }
        }
        let snapshots = self.snapshots.map_values(|snapshot| StoredSnapshot {
            saved_at: snapshot.saved_at,
            utc_offset_minutes: snapshot.utc_offset_minutes,
            items: snapshot
                .items
                .iter()
                .map(|item| StoredItem {
                    id: &item.id,
                    text: (words.get(item.id.as_str()) != Some(&item.text.as_str())).then_some(&item.text),
                    own: item.own,
                    answer: &item.answer,
                })
                .collect(),
        });
        serde_json::to_string(&StoredHistory { version: STORED_HISTORY_VERSION, snapshots, words }).expect("saved reflections serialise to JSON")
    }

    fn from_stored(raw: &str) -> Result<Self, Unreadable> {
        let mut value: Value = super::file_json::value(raw).map_err(|_| Unreadable::NotJson)?;
        match value.get("version").and_then(Value::as_u64) {
            Some(version) if version == u64::from(STORED_HISTORY_VERSION) => {}
            Some(version) if version > u64::from(STORED_HISTORY_VERSION) => return Err(Unreadable::NewerVersion(u32::try_from(version).unwrap_or(u32::MAX))),
            _ => return decode(raw),
        }
        let store = value.as_object_mut().ok_or_else(|| Unreadable::WrongShape("not a map".into()))?;
        let words = match store.remove("words") {
            Some(Value::Object(words)) => words,
            _ => return Err(Unreadable::WrongShape("no words for the saved reflections".into())),
        };
        for stamped in store.get_mut("snapshots").and_then(Value::as_object_mut).into_iter().flat_map(|all| all.values_mut()) {
            for item in stamped.pointer_mut("/value/items").and_then(Value::as_array_mut).into_iter().flatten() {
                let Some(item) = item.as_object_mut().filter(|item| !item.contains_key("text")) else { continue };
                let text = item.get("id").and_then(Value::as_str).and_then(|id| words.get(id)).cloned();
                item.insert("text".into(), text.ok_or_else(|| Unreadable::WrongShape("an item of a saved reflection has no words".into()))?);
            }
        }
        store.insert("version".into(), Self::VERSION.into());
        serde_json::from_value(value).map_err(|e| Unreadable::WrongShape(e.to_string()))
    }
}

impl Personal for History {
    fn has_any(&self) -> bool {
        self.snapshots.live().next().is_some()
    }
    fn bring_back_removed(&mut self, file: &Self, now: u64) {
        self.snapshots.bring_back(&file.snapshots, now);
    }
}

/// The version of saved reflections as stored on the device (2: each item's words once).
pub const STORED_HISTORY_VERSION: u32 = 2;

/// `History` as stored since version 2, borrowing from it (see `History::to_stored`).
#[derive(Serialize)]
struct StoredHistory<'a> {
    version: u32,
    snapshots: LwwMap<StoredSnapshot<'a>>,
    words: BTreeMap<&'a str, &'a str>,
}

#[derive(Serialize)]
struct StoredSnapshot<'a> {
    saved_at: u64,
    utc_offset_minutes: i32,
    items: Vec<StoredItem<'a>>,
}

/// A `SnapshotItem` with its words left out when they are the store's `words` for its id.
#[derive(Serialize)]
struct StoredItem<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a String>,
    #[serde(skip_serializing_if = "is_default")]
    own: bool,
    #[serde(skip_serializing_if = "is_unset")]
    answer: &'a Answer,
}

fn is_unset(answer: &&Answer) -> bool {
    **answer == Answer::default()
}

impl Stamps for OwnItem {
    fn clamp_future(&mut self, now: u64) {
        clamp_time(&mut self.created_at, now);
    }
}

impl Stamps for Snapshot {
    fn clamp_future(&mut self, now: u64) {
        clamp_time(&mut self.saved_at, now);
    }
}

/// Each part's times and own items' creation times.
impl Stamps for Reflections {
    fn clamp_future(&mut self, now: u64) {
        self.true_now.clamp_future(now);
        self.work_on.clamp_future(now);
        self.notes.clamp_future(now);
        self.own_items.clamp_future(now);
    }
}

/// Each saved reflection's time as an entry and the time it says it was saved.
impl Stamps for History {
    fn clamp_future(&mut self, now: u64) {
        self.snapshots.clamp_future(now);
    }
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
        Answer {
            true_now: self.true_now.get(id).copied().unwrap_or_default(),
            work_on: self.work_on.get(id).copied().unwrap_or_default(),
            note: self.notes.get(id).cloned().unwrap_or_default(),
        }
    }

    /// Every item with an answer (even one set back to unset), in id order.
    pub fn answers(&self) -> Vec<(&str, Answer)> {
        let mut ids: Vec<&str> = self.true_now.live().chain(self.work_on.live()).map(|(id, _)| id).chain(self.notes.live().map(|(id, _)| id)).collect();
        crate::sort::sort(&mut ids);
        ids.dedup();
        ids.into_iter().map(|id| (id, self.answer(id))).collect()
    }

    /// Changes an answer; only the parts that changed get a new time.
    pub fn update_answer(&mut self, id: &str, now: u64, change: impl FnOnce(&mut Answer)) {
        let before = self.answer(id);
        let mut after = before.clone();
        change(&mut after);
        if after.true_now != before.true_now {
            self.true_now.set(id, after.true_now, now);
        }
        if after.work_on != before.work_on {
            self.work_on.set(id, after.work_on, now);
        }
        if after.note != before.note {
            self.notes.set(id, after.note, now);
        }
    }

    /// Moves answers kept under an item's old id to its new one (`renames` is (old, new), from the
    /// content's `renamed_from`), part by part: a part already answered later under the new id is
    /// kept. The old id is then deleted, so this is done once however often it is called, and an
    /// older copy merged later does not bring the old id back.
    pub fn carry_over_renamed(&mut self, renames: &[(&str, &str)], now: u64) {
        for (old, new) in renames {
            self.true_now.rename(old, new, now);
            self.work_on.rename(old, new, now);
            self.notes.rename(old, new, now);
        }
    }

    pub fn add_own_item(&mut self, id: &str, text: &str, now: u64) {
        self.own_items.set(id, OwnItem { created_at: now, text: text.trim().to_string() }, now);
    }

    pub fn edit_own_item(&mut self, id: &str, text: &str, now: u64) {
        self.own_items.modify(id, now, |item| item.text = text.trim().to_string());
    }

    /// Brings back own items this copy removed after `other` was made, with their answers.
    pub fn bring_back_own_items(&mut self, other: &Self, now: u64) {
        for id in self.own_items.bring_back(&other.own_items, now) {
            for (ours, theirs) in [(&mut self.true_now, &other.true_now), (&mut self.work_on, &other.work_on)] {
                if let Some(&value) = theirs.get(&id) {
                    ours.set(&id, value, now);
                }
            }
            if let Some(note) = other.notes.get(&id) {
                self.notes.set(&id, note.clone(), now);
            }
        }
    }

    pub fn remove_own_item(&mut self, id: &str, now: u64) {
        self.own_items.remove(id, now);
        self.forget_answer(id, now);
    }

    /// Removes an answer: both ticks and the note.
    pub fn forget_answer(&mut self, id: &str, now: u64) {
        self.true_now.remove(id, now);
        self.work_on.remove(id, now);
        self.notes.remove(id, now);
    }

    /// The person's own items, oldest first.
    pub fn own_items(&self) -> Vec<ChecklistItem<'_>> {
        let mut items: Vec<_> = self.own_items.live().collect();
        crate::sort::sort_by_key(&mut items, |(id, item)| (item.created_at, *id));
        items.into_iter().map(|(id, item)| ChecklistItem { id, text: &item.text, own: true }).collect()
    }

    /// Answers to items that are neither in `guide` nor the person's own (an item the guide has
    /// dropped, or one from a file made with another version), which the checklist does not show.
    /// An answer set back to nothing ticked and no note holds nothing to show, so it is left out.
    pub fn answers_outside(&self, guide: &[ChecklistItem<'_>]) -> Vec<(&str, Answer)> {
        let known = |id: &str| guide.iter().any(|item| item.id == id) || self.own_items.get(id).is_some();
        self.answers().into_iter().filter(|(id, answer)| !known(id) && *answer != Answer::default()).collect()
    }

    /// Today's answers to the guide's items, then the person's own, to keep in `History`.
    pub fn snapshot(&self, guide_items: &[ChecklistItem<'_>], now: u64, utc_offset_minutes: i32) -> Snapshot {
        let own = self.own_items();
        let items = guide_items
            .iter()
            .chain(own.iter())
            .map(|item| SnapshotItem { id: item.id.to_string(), text: item.text.to_string(), own: item.own, answer: self.answer(item.id) })
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
        crate::sort::sort_by_key(&mut list, |(id, s)| (s.saved_at, *id));
        list
    }

    /// Whether `snapshot` is worth keeping: compared with the latest saved reflection (leaving out
    /// when each was saved), then whether it holds anything at all.
    pub fn check(&self, snapshot: &Snapshot) -> SaveCheck<'_> {
        let latest = self.oldest_first().pop().map(|(_, latest)| latest);
        match latest {
            Some(latest) if latest.items == snapshot.items => SaveCheck::Unchanged(latest),
            _ if snapshot.true_now() + snapshot.work_on() + snapshot.notes() == 0 => SaveCheck::Blank,
            _ => SaveCheck::New,
        }
    }

    /// The words of checklist item `id` when it was last saved in a reflection.
    pub fn last_text_of(&self, id: &str) -> Option<&str> {
        self.oldest_first().into_iter().rev().find_map(|(_, s)| s.items.iter().find(|i| i.id == id)).map(|i| i.text.as_str())
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
    fn a_tick_on_one_device_and_a_note_on_another_both_survive_a_merge() {
        let mut phone = Reflections::default();
        phone.update_answer("good-relationships", 10, |a| a.note = "my sister and Sam".into());
        let mut laptop = Reflections::default();
        laptop.update_answer("good-relationships", 20, |a| a.true_now = true);
        let mut merged = phone.clone();
        merged.merge(&laptop);
        let expected = Answer { true_now: true, work_on: false, note: "my sister and Sam".into() };
        assert_eq!(merged.answer("good-relationships"), expected);
        laptop.merge(&phone);
        assert_eq!(laptop, merged, "the same either way round");
    }

    #[test]
    fn version_1_answers_upgrade_with_their_times_and_deletions() {
        let v1 = r#"{"version":1,"checklist":{
            "a":{"at":5,"value":{"true_now":true,"note":"n"}},
            "b":{"at":6,"value":{}},
            "gone":{"at":7}},"own_items":{}}"#;
        let r: Reflections = crate::data::decode(v1).unwrap();
        assert_eq!(r.answer("a"), Answer { true_now: true, work_on: false, note: "n".into() });
        assert_eq!(r.answers().iter().map(|(id, _)| *id).collect::<Vec<_>>(), ["a", "b"]);
        // The upgraded parts keep the answer's time: a later tick elsewhere wins, an earlier does not.
        let mut later = Reflections::default();
        later.update_answer("a", 8, |a| a.work_on = true);
        let mut earlier = Reflections::default();
        earlier.update_answer("a", 4, |a| a.note = "older".into());
        let mut merged = r.clone();
        merged.merge(&later);
        merged.merge(&earlier);
        assert_eq!(merged.answer("a"), Answer { true_now: true, work_on: true, note: "n".into() });
        // A deletion stays a deletion.
        let mut stale = Reflections::default();
        stale.update_answer("gone", 6, |a| a.true_now = true);
        merged.merge(&stale);
        assert_eq!(merged.answer("gone"), Answer::default());
        for broken in [r#"{"version":1}"#, r#"{"version":1,"checklist":[],"own_items":{}}"#, r#"{"version":1,"checklist":{"a":{"value":{}}},"own_items":{}}"#] {
            assert!(crate::data::decode::<Reflections>(broken).is_err(), "{broken}");
        }
    }

    #[test]
    fn answers_under_a_renamed_id_move_to_the_new_id_once() {
        let mut r = Reflections::default();
        r.update_answer("being-heard", 10, |a| {
            a.true_now = true;
            a.note = "by my GP".into();
        });
        // The work-on part was already answered later under the new id: that answer is kept.
        r.update_answer("being-listened-to", 20, |a| a.work_on = true);
        let renames = [("being-heard", "being-listened-to")];
        r.carry_over_renamed(&renames, 30);
        let expected = Answer { true_now: true, work_on: true, note: "by my GP".into() };
        assert_eq!(r.answer("being-listened-to"), expected);
        assert_eq!(r.answer("being-heard"), Answer::default());
        assert_eq!(r.answers().len(), 1, "the old id is not shown as an item no longer in the guide");
        let once = r.clone();
        r.carry_over_renamed(&renames, 40);
        assert_eq!(r, once, "calling it on every load changes nothing more");
        // An export made before the rename, brought in later, does not bring the old id back.
        let mut old_export = Reflections::default();
        old_export.update_answer("being-heard", 15, |a| a.true_now = true);
        r.merge(&old_export);
        r.carry_over_renamed(&renames, 50);
        assert_eq!(r, once);
    }

    #[test]
    fn clamping_reaches_every_time_in_the_stores() {
        const YEAR_2099: u64 = 4_070_908_800_000;
        let mut r = Reflections::default();
        r.update_answer("a", YEAR_2099, |a| {
            a.true_now = true;
            a.work_on = true;
            a.note = "n".into();
        });
        r.add_own_item("own-1", "walk", YEAR_2099);
        let mut history = History::default();
        history.save("s", r.snapshot(&guide(), YEAR_2099, 0));
        r.clamp_future(1_000);
        history.clamp_future(1_000);
        for json in [crate::data::encode(&r), crate::data::encode(&history)] {
            assert!(!json.contains(&YEAR_2099.to_string()), "{json}");
        }
        assert_eq!(history.oldest_first()[0].1.saved_at, 1_000);
    }

    #[test]
    fn saving_again_with_nothing_changed_is_noticed_whatever_the_time() {
        let mut r = Reflections::default();
        let mut history = History::default();
        r.update_answer("good-relationships", 1, |a| a.true_now = true);
        let first = r.snapshot(&guide(), 10, 0);
        assert_eq!(history.check(&first), SaveCheck::New);
        history.save("s1", first.clone());
        // Later, in another time zone, the same answers: not worth a copy.
        let again = r.snapshot(&guide(), 5_000_000, 13 * 60);
        assert_eq!(history.check(&again), SaveCheck::Unchanged(&first));
        // Any change to a tick, a note or the words makes it new.
        r.update_answer("satisfying-work", 20, |a| a.note = "ask about part-time".into());
        assert_eq!(history.check(&r.snapshot(&guide(), 30, 0)), SaveCheck::New);
        r.update_answer("satisfying-work", 40, |a| a.note.clear());
        let reworded = [ChecklistItem { id: "good-relationships", text: "good friendships", own: false }, guide()[1].clone()];
        assert_eq!(history.check(&r.snapshot(&reworded, 50, 0)), SaveCheck::New);
        // Compared with the latest, not any older one.
        r.update_answer("good-relationships", 60, |a| a.work_on = true);
        history.save("s2", r.snapshot(&guide(), 70, 0));
        r.update_answer("good-relationships", 80, |a| a.work_on = false);
        assert_eq!(history.check(&r.snapshot(&guide(), 90, 0)), SaveCheck::New);
    }

    #[test]
    fn a_reflection_with_nothing_ticked_and_no_notes_is_blank() {
        let mut r = Reflections::default();
        let history = History::default();
        r.add_own_item("own-1", "sleep", 1);
        r.update_answer("good-relationships", 2, |a| a.note = "  ".into());
        let blank = r.snapshot(&guide(), 3, 0);
        assert_eq!(history.check(&blank), SaveCheck::Blank);
        assert_eq!(blank.summary(), "0 true for you now, 0 to work on, no notes");
        r.update_answer("good-relationships", 4, |a| a.note = "my sister".into());
        let one_note = r.snapshot(&guide(), 5, 0);
        assert_eq!(history.check(&one_note), SaveCheck::New);
        assert_eq!(one_note.summary(), "0 true for you now, 0 to work on, 1 note");
        r.update_answer("own-1", 6, |a| a.true_now = true);
        r.update_answer("satisfying-work", 7, |a| {
            a.work_on = true;
            a.note = "volunteer".into();
        });
        assert_eq!(r.snapshot(&guide(), 8, 0).summary(), "1 true for you now, 1 to work on, 2 notes");
    }

    #[test]
    fn answers_to_items_not_in_the_guide_or_own_are_listed_and_can_be_removed() {
        let mut r = Reflections::default();
        let mut history = History::default();
        r.update_answer("good-relationships", 1, |a| a.true_now = true);
        r.add_own_item("own-1", "sleep", 1);
        r.update_answer("own-1", 2, |a| a.work_on = true);
        r.update_answer("an-old-item", 3, |a| a.note = "from 2019".into());
        r.update_answer("unticked", 4, |a| a.true_now = true);
        r.update_answer("unticked", 5, |a| a.true_now = false);
        let outside = r.answers_outside(&guide());
        assert_eq!(outside, [("an-old-item", Answer { true_now: false, work_on: false, note: "from 2019".into() })]);
        // A removed own item's answers go with it; they are not listed as outside.
        r.remove_own_item("own-1", 6);
        assert_eq!(r.answers_outside(&guide()).len(), 1);
        // Their words, if a saved reflection has them.
        assert_eq!(history.last_text_of("an-old-item"), None);
        history.save(
            "s1",
            Snapshot {
                saved_at: 1,
                utc_offset_minutes: 0,
                items: vec![SnapshotItem { id: "an-old-item".into(), text: "old words".into(), own: false, answer: Answer::default() }],
            },
        );
        history.save(
            "s2",
            Snapshot {
                saved_at: 2,
                utc_offset_minutes: 0,
                items: vec![SnapshotItem { id: "an-old-item".into(), text: "newer words".into(), own: false, answer: Answer::default() }],
            },
        );
        assert_eq!(history.last_text_of("an-old-item"), Some("newer words"));
        r.forget_answer("an-old-item", 7);
        assert!(r.answers_outside(&guide()).is_empty());
        assert_eq!(r.answer("an-old-item"), Answer::default());
        assert!(r.answer("good-relationships").true_now, "only that answer goes");
    }

    #[test]
    fn an_item_with_the_same_words_is_found_whatever_the_case_and_spacing() {
        let items = [guide(), vec![ChecklistItem { id: "own-1", text: "Walking the dog", own: true }]].concat();
        assert_eq!(same_item(&items, "  walking   THE dog ").map(|i| i.id), Some("own-1"));
        assert_eq!(same_item(&items, "Good Relationships").map(|i| i.id), Some("good-relationships"));
        assert_eq!(same_item(&items, "walking the dogs"), None);
        assert_eq!(same_item(&items, "walkingthe dog"), None);
    }

    #[test]
    fn an_own_item_over_300_characters_is_too_long_by_the_rest() {
        assert_eq!(own_item_too_long_by(&"a".repeat(300)), 0);
        assert_eq!(own_item_too_long_by(&format!("  {}  ", "a".repeat(300))), 0, "spaces at the ends are not kept");
        assert_eq!(own_item_too_long_by(&"é".repeat(3_000)), 2_700, "characters, not bytes");
    }

    #[test]
    fn unset_answers_are_not_stored() {
        let r = Reflections::default();
        let snapshot = r.snapshot(&guide(), 1, 0);
        let json = serde_json::to_string(&snapshot).unwrap();
        assert!(!json.contains("answer") && !json.contains("own"), "{json}");
    }

    fn item(id: &str, text: &str, answer: Answer) -> SnapshotItem {
        SnapshotItem { id: id.into(), text: text.into(), own: false, answer }
    }

    #[test]
    fn saved_reflections_are_stored_with_each_items_words_once_and_read_back_the_same() {
        let mut history = History::default();
        let ticked = Answer { true_now: true, ..Answer::default() };
        for day in 0..10u64 {
            let words = if day < 5 { "hope for the future" } else { "hope, for the future" };
            let items = vec![item("hope", words, ticked.clone()), item("work", "satisfying work", Answer::default())];
            history.save(&format!("s-{day}"), Snapshot { saved_at: day, utc_offset_minutes: 60, items });
        }
        history.delete("s-3", 20);
        let stored = history.to_stored();
        assert!(stored.starts_with(r#"{"#) && stored.contains(r#""version":2"#), "{stored}");
        assert_eq!(stored.matches("satisfying work").count(), 1, "words that never changed are stored once");
        assert_eq!(stored.matches("hope for the future").count(), 4, "older wording is kept where it was used (days 0 to 4, but 3 was deleted)");
        assert_eq!(History::from_stored(&stored).unwrap(), history);
        assert!(stored.len() < crate::data::encode(&history).len(), "it is smaller");
        assert!(!crate::data::encode(&history).contains("\"words\""), "export files keep the words in each reflection");
    }

    #[test]
    fn saved_reflections_stored_by_earlier_and_later_versions() {
        let v1 = r#"{"version":1,"snapshots":{"s":{"at":1,"value":{"saved_at":1,"items":[{"id":"a","text":"A"}]}}}}"#;
        assert_eq!(History::from_stored(v1).unwrap().oldest_first()[0].1.items[0].text, "A");
        assert_eq!(History::from_stored(r#"{"version":3,"whatever":1}"#), Err(Unreadable::NewerVersion(3)));
        for broken in [
            r#"{"version":2,"snapshots":{}}"#,
            r#"{"version":2,"words":{},"snapshots":{"s":{"at":1,"value":{"saved_at":1,"items":[{"id":"a"}]}}}}"#,
            r#"{"version":2,"words":[],"snapshots":{}}"#,
            "{damaged",
        ] {
            assert!(History::from_stored(broken).is_err(), "{broken}");
        }
    }

    proptest::proptest! {
        #[test]
        fn stored_saved_reflections_read_back_exactly(
            days in proptest::collection::vec((0u64..1_000, proptest::collection::vec((0usize..4, 0usize..3, proptest::bool::ANY, ".{0,8}"), 0..6)), 0..8),
            deleted in proptest::collection::vec(0usize..8, 0..3),
        ) {
            let ids = ["a", "b", "c", "d"];
            let wordings = ["one", "two", "thrée \"quoted\""];
            let mut history = History::default();
            for (n, (saved_at, items)) in days.iter().enumerate() {
                let items = items.iter().map(|(id, words, ticked, note)| item(ids[*id], wordings[*words], Answer { true_now: *ticked, work_on: false, note: note.clone() })).collect();
                history.save(&format!("s-{n}"), Snapshot { saved_at: *saved_at, utc_offset_minutes: 0, items });
            }
            for n in deleted {
                history.delete(&format!("s-{n}"), 2_000);
            }
            proptest::prop_assert_eq!(History::from_stored(&history.to_stored()).unwrap(), history);
        }
    }
}
