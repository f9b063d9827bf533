//! Export everything to one JSON file, and import it back: a preview of what would change, then
//! merge (later change wins, item by item, and for checklist answers part by part) or replace. A
//! file that is not JSON, not from this app, too large, from a newer version, or damaged (cut
//! short, a field repeated, a value of the wrong type) is refused with a plain reason and changes
//! nothing. Reading a file is pure: it takes nothing stored, so only `UserData::import`, after
//! the person confirms, changes anything.

use super::file_json;
use super::lww::{clamp_time, Stamps};
use super::plan::{Entry, Plan};
use super::stores::personal_stores;
use super::versioned::{decode, Unreadable, Versioned};
use itertools::{merge_join_by, EitherOrBoth};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use serde_json::Value;

/// Marks a file as ours, so an unrelated JSON file is refused rather than half-read.
pub const FILE_APP: &str = "recovery-guide";
/// Format 2 added the plan: an app made before it refuses such a file as newer (and offers to
/// update) rather than bring in all but the plan without a word. Format 1 files have no plan.
pub const FILE_FORMAT: u32 = 2;
/// Far above years of use (1,000 bookmarks and a year of daily reflections are about 1 MB).
pub const MAX_IMPORT_BYTES: u64 = 10 * 1024 * 1024;

/// `AllData`, `ExportFile` and what follows each store, from `personal_stores!`.
macro_rules! all_data {
    ($($field:ident: $type:ty, $since:literal, $place:literal;)*) => {
        /// Everything the person has saved.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct AllData {
            $(pub $field: $type,)*
        }

        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        pub struct ExportFile {
            pub app: String,
            pub format: u32,
            pub exported_at: u64,
            $(pub $field: $type,)*
            /// How many entries the file listed again under an id it already had (only the later
            /// change of each is kept). Found when reading, for the preview; not part of the file.
            #[serde(skip)]
            pub repeated_entries: usize,
        }

        impl ExportFile {
            pub fn data(&self) -> AllData {
                AllData { $($field: self.$field.clone(),)* }
            }

            fn new(data: AllData, exported_at: u64, repeated_entries: usize) -> Self {
                Self { app: FILE_APP.into(), format: FILE_FORMAT, exported_at, $($field: data.$field,)* repeated_entries }
            }
        }

        impl Stamps for ExportFile {
            fn clamp_future(&mut self, now: u64) {
                clamp_time(&mut self.exported_at, now);
                $(self.$field.clamp_future(now);)*
            }
        }

        impl AllData {
            fn merge(&mut self, file: &ExportFile) {
                $(self.$field.merge(&file.$field);)*
            }

            /// Each store of a file of format `format`, read as if it came from storage (it may be
            /// an older version); a store added after that format is empty.
            fn read(file: &Value, format: u64) -> Result<Self, ImportError> {
                Ok(Self {
                    $($field: match file.get(stringify!($field)) {
                        None if format < $since => <$type>::default(),
                        None => return Err(ImportError::Damaged(concat!("no ", stringify!($field)).into())),
                        Some(store) => decode::<$type>(&store.to_string()).map_err(store_error)?,
                    },)*
                })
            }
        }
    };
}
personal_stores!(all_data);

pub fn export(data: &AllData, now: u64) -> String {
    serde_json::to_string(&ExportFile::new(data.clone(), now, 0)).expect("export serialises")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(u64),
    NotJson,
    NotOurs,
    NewerFormat(u64),
    Damaged(String),
    /// A locked file of ours whose parameters this app does not use (refused before any slow key
    /// derivation).
    LockedOtherwise,
}

impl ImportError {
    pub fn explain(&self) -> String {
        match self {
            Self::TooLarge(bytes) => format!("This file is too large to be a Recovery Guide export ({} MB). Nothing was changed.", bytes.div_ceil(1024 * 1024)),
            Self::NotJson | Self::NotOurs => {
                "This file is not a Recovery Guide export. Choose a file made with “Download my data”. Nothing was changed.".into()
            }
            Self::NewerFormat(_) => {
                "This file was made by a newer version of Recovery Guide. Reload the page to update the app, then try again. Nothing was changed.".into()
            }
            Self::Damaged(_) => "This export file is damaged and cannot be read. Nothing was changed.".into(),
            Self::LockedOtherwise => {
                "This file is locked in a way this app does not use, so it cannot be opened. It may have been changed or damaged. Nothing was changed.".into()
            }
        }
    }
}

/// Reads an export file for the preview, without touching anything stored. Checks the size first
/// (`size` is the file's length). What it returns is what an import would bring in, so the
/// preview and the import agree: times later than `now` (plus `CLOCK_SKEW_MS`) are brought back to
/// `now`, answers under an old checklist id (`renames`: old, new) are moved to the new id, and an
/// id the file lists twice keeps its later change (counted in `repeated_entries`).
pub fn parse_import(text: &str, size: u64, now: u64, renames: &[(&str, &str)]) -> Result<ExportFile, ImportError> {
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(size));
    }
    let read = file_json::read(text).map_err(|error| {
        let start = text.trim_start();
        let looks_like_ours = start.starts_with('{') && start.get(..64).unwrap_or(start).contains(&format!("\"{FILE_APP}\""));
        match error.classify() {
            _ if !looks_like_ours => ImportError::NotJson,
            // An export cut short (a download or copy that did not finish) still starts like one.
            Category::Eof => ImportError::Damaged("cut short".into()),
            // Nested too deeply, or a field repeated.
            _ => ImportError::Damaged(error.to_string()),
        }
    })?;
    let value = read.value;
    if value.get("app").and_then(Value::as_str) != Some(FILE_APP) {
        return Err(ImportError::NotOurs);
    }
    let format = value.get("format").ok_or(ImportError::NotOurs)?;
    let format = format.as_u64().filter(|f| *f >= 1).ok_or_else(|| ImportError::Damaged(format!("format {format}")))?;
    if format > u64::from(FILE_FORMAT) {
        return Err(ImportError::NewerFormat(format));
    }
    let exported_at = value.get("exported_at").and_then(Value::as_u64).ok_or_else(|| ImportError::Damaged("no export time".into()))?;
    let data = AllData::read(&value, format)?;
    if let Some((_, snapshot)) = data.history.snapshots.live().find(|(_, s)| s.utc_offset_minutes.unsigned_abs() > MAX_UTC_OFFSET_MINUTES) {
        return Err(ImportError::Damaged(format!("a time zone {} minutes from UTC", snapshot.utc_offset_minutes)));
    }
    let mut file = ExportFile::new(data, exported_at, read.repeated_entries);
    file.clamp_future(now);
    file.reflections.carry_over_renamed(renames, now);
    Ok(file)
}

/// Time zones are at most 14 hours from UTC; a day either way leaves room and refuses nonsense.
const MAX_UTC_OFFSET_MINUTES: u32 = 24 * 60;

fn store_error(problem: Unreadable) -> ImportError {
    match problem {
        Unreadable::NewerVersion(v) => ImportError::NewerFormat(v.into()),
        Unreadable::NotJson => ImportError::Damaged("not JSON".into()),
        Unreadable::WrongShape(why) => ImportError::Damaged(why),
    }
}

/// How many things an import would add, change and remove.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added + self.changed + self.removed == 0
    }

    fn add(self, other: Changes) -> Changes {
        Changes { added: self.added + other.added, changed: self.changed + other.changed, removed: self.removed + other.removed }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoreChanges {
    pub bookmarks: Changes,
    /// Checklist answers and the person's own items.
    pub checklist: Changes,
    pub snapshots: Changes,
    /// The plan's entries, step by step (by step id, in id order), for the steps that would change.
    pub plan: Vec<(String, Changes)>,
}

impl StoreChanges {
    pub fn is_empty(&self) -> bool {
        self.bookmarks.is_empty() && self.checklist.is_empty() && self.snapshots.is_empty() && self.plan.is_empty()
    }

    /// Whether anything on this device would be removed.
    pub fn removes_any(&self) -> bool {
        self.bookmarks.removed + self.checklist.removed + self.snapshots.removed + self.plan.iter().map(|(_, c)| c.removed).sum::<usize>() > 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep everything here and add what the file has; for the same item, the later change wins.
    Merge,
    /// Make this device hold exactly what the file holds.
    Replace,
}

/// The data after importing `file` into `current` in the given mode.
pub fn apply_import(current: &AllData, file: &ExportFile, mode: ImportMode) -> AllData {
    match mode {
        ImportMode::Replace => file.data(),
        ImportMode::Merge => {
            let mut data = current.clone();
            data.merge(file);
            data
        }
    }
}

/// How many things the file still has that this device removed after it was made: combining
/// keeps them removed (the later change wins), which the preview says, offering to bring them back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RemovedHere {
    pub bookmarks: usize,
    pub own_items: usize,
    pub snapshots: usize,
    pub plan_entries: usize,
}

impl RemovedHere {
    pub fn total(&self) -> usize {
        self.bookmarks + self.own_items + self.snapshots + self.plan_entries
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }
}

pub fn removed_here(current: &AllData, file: &ExportFile) -> RemovedHere {
    RemovedHere {
        bookmarks: current.bookmarks.bookmarks.removed_since(&file.bookmarks.bookmarks).count(),
        own_items: current.reflections.own_items.removed_since(&file.reflections.own_items).count(),
        snapshots: current.history.snapshots.removed_since(&file.history.snapshots).count(),
        plan_entries: current.plan.entries.removed_since(&file.plan.entries).count(),
    }
}

/// What importing `file` would change, for the preview shown before anything is changed.
pub fn preview(current: &AllData, file: &ExportFile, mode: ImportMode) -> StoreChanges {
    let after = apply_import(current, file, mode);
    StoreChanges {
        bookmarks: diff(current.bookmarks.bookmarks.live(), after.bookmarks.bookmarks.live()),
        // Counted per item, not per part of an answer.
        checklist: diff(current.reflections.answers(), after.reflections.answers())
            .add(diff(current.reflections.own_items.live(), after.reflections.own_items.live())),
        snapshots: diff(current.history.snapshots.live(), after.history.snapshots.live()),
        plan: plan_changes(&current.plan, &after.plan),
    }
}

/// What changes in each step of the plan: entries added, removed, and changed in their words or
/// in their place among the entries both copies have (an entry added above others has not moved
/// them).
fn plan_changes(before: &Plan, after: &Plan) -> Vec<(String, Changes)> {
    let mut steps: Vec<&str> = before.entries.live().chain(after.entries.live()).map(|(_, entry)| entry.step.as_str()).collect();
    crate::sort::sort(&mut steps);
    steps.dedup();
    steps
        .into_iter()
        .map(|step| {
            let (old, new) = (before.step_entries(step), after.step_entries(step));
            (step.to_string(), diff(ranked(&old, &new), ranked(&new, &old)))
        })
        .filter(|(_, changes)| !changes.is_empty())
        .collect()
}

/// A step's entries in id order (as `diff` wants them), each with its place among the entries
/// `other` has too.
fn ranked<'a>(entries: &[(&'a str, &'a Entry)], other: &[(&str, &Entry)]) -> Vec<(&'a str, (&'a Entry, Option<usize>))> {
    let mut shared = 0;
    let mut list: Vec<(&'a str, (&'a Entry, Option<usize>))> = entries
        .iter()
        .map(|&(id, entry)| {
            let rank = other.iter().any(|(theirs, _)| *theirs == id).then(|| {
                shared += 1;
                shared
            });
            (id, (entry, rank))
        })
        .collect();
    crate::sort::sort_by_key(&mut list, |(id, _)| *id);
    list
}

/// Compares two lists of (key, value) sorted by key, as `LwwMap::live` gives them. Walking them
/// side by side, rather than collecting maps, keeps sorting code for every type out of the wasm.
fn diff<'a, V: PartialEq>(before: impl IntoIterator<Item = (&'a str, V)>, after: impl IntoIterator<Item = (&'a str, V)>) -> Changes {
    let mut changes = Changes::default();
    for pair in merge_join_by(before, after, |(old, _), (new, _)| old.cmp(new)) {
        match pair {
            EitherOrBoth::Left(_) => changes.removed += 1,
            EitherOrBoth::Right(_) => changes.added += 1,
            EitherOrBoth::Both((_, old), (_, new)) if old != new => changes.changed += 1,
            EitherOrBoth::Both(..) => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::lww::CLOCK_SKEW_MS;

    #[test]
    fn a_removal_made_after_the_file_is_kept_and_said() {
        let mut data = AllData::default();
        data.bookmarks.add("pace", "publications", "PACE", 1);
        let file: ExportFile = serde_json::from_str(&export(&data, 2)).unwrap();
        data.bookmarks.remove("pace", 3);
        assert!(preview(&data, &file, ImportMode::Merge).is_empty(), "combining changes nothing");
        assert_eq!(removed_here(&data, &file), RemovedHere { bookmarks: 1, ..RemovedHere::default() });
    }
    use proptest::prelude::*;

    fn sample(now: u64) -> AllData {
        let mut data = AllData::default();
        data.bookmarks.add("pace-recovery-guide", "publications", "PACE", now);
        data.bookmarks.set_note("pace-recovery-guide", "ask about it <b>soon</b>", now + 1);
        data.reflections.update_answer("good-relationships", now, |a| a.true_now = true);
        data.reflections.add_own_item("own-1", "walk", now);
        let snapshot = data.reflections.snapshot(&[], now + 2, 60);
        data.history.save("s-1", snapshot);
        data.plan.add("plan-1", Entry::new("people-to-ask", "Mum", "07700 900123", now), now);
        data
    }

    /// After every time in `sample`, well before 2099.
    const NOW: u64 = 1_800_000_000_000;
    const YEAR_2099: u64 = 4_070_908_800_000;

    fn import(text: &str) -> Result<ExportFile, ImportError> {
        parse_import(text, text.len() as u64, NOW, &[])
    }

    #[test]
    fn export_then_import_restores_everything() {
        let data = sample(100);
        let file = import(&export(&data, 200)).unwrap();
        assert_eq!(file.data(), data);
        assert_eq!(file.exported_at, 200);
    }

    #[test]
    fn every_malformed_file_is_refused_with_a_reason() {
        let cases = [
            ("", ImportError::NotJson),
            ("{\"app\":\"recovery-gu", ImportError::NotJson),
            ("{\"app\": \"recovery-guide\", \"format\": 1, \"bookm", ImportError::Damaged("cut short".into())),
            ("[]", ImportError::NotOurs),
            ("{\"name\":\"something else\"}", ImportError::NotOurs),
            ("{\"app\":\"recovery-guide\"}", ImportError::NotOurs),
            ("{\"app\":\"recovery-guide\",\"format\":3}", ImportError::NewerFormat(3)),
            ("{\"app\":\"recovery-guide\",\"format\":1}", ImportError::Damaged("no export time".into())),
            ("{\"app\":\"recovery-guide\",\"format\":1,\"exported_at\":1}", ImportError::Damaged("no bookmarks".into())),
        ];
        for (text, expected) in cases {
            assert_eq!(import(text), Err(expected), "{text:?}");
        }
        let stores = |bookmarks: &str| {
            format!("{{\"app\":\"recovery-guide\",\"format\":1,\"exported_at\":1,\"bookmarks\":{bookmarks},\"reflections\":{{\"version\":2,\"true_now\":{{}},\"work_on\":{{}},\"notes\":{{}},\"own_items\":{{}}}},\"history\":{{\"version\":1,\"snapshots\":{{}}}}}}")
        };
        assert!(import(&stores("{\"version\":1,\"bookmarks\":{}}")).is_ok());
        assert!(matches!(import(&stores("{\"version\":1,\"bookmarks\":[]}")), Err(ImportError::Damaged(_))));
        assert_eq!(import(&stores("{\"version\":7}")), Err(ImportError::NewerFormat(7)));
        assert_eq!(parse_import("{}", MAX_IMPORT_BYTES + 1, NOW, &[]), Err(ImportError::TooLarge(MAX_IMPORT_BYTES + 1)));
        for error in [ImportError::NotJson, ImportError::TooLarge(20 << 20), ImportError::NewerFormat(2)] {
            assert!(error.explain().contains("Nothing was changed"), "{error:?}");
        }
    }

    #[test]
    fn preview_counts_what_would_change() {
        let data = sample(100);
        let mut other = AllData::default();
        other.bookmarks.add("imroc", "organisations", "ImROC", 300);
        let file = import(&export(&other, 1)).unwrap();
        let merge = preview(&data, &file, ImportMode::Merge);
        assert_eq!(merge.bookmarks, Changes { added: 1, changed: 0, removed: 0 });
        assert!(merge.snapshots.is_empty());
        let replace = preview(&data, &file, ImportMode::Replace);
        assert_eq!(replace.bookmarks, Changes { added: 1, changed: 0, removed: 1 });
        assert_eq!(replace.snapshots.removed, 1);
        assert_eq!(replace.checklist.removed, 2, "one answer and one own item");
    }

    #[test]
    fn importing_your_own_export_changes_nothing() {
        let data = sample(100);
        let file = import(&export(&data, 1)).unwrap();
        assert!(preview(&data, &file, ImportMode::Merge).is_empty());
        assert!(preview(&data, &file, ImportMode::Replace).is_empty());
    }

    /// `sample`'s export as JSON, changed by `edit`, as text.
    fn edited_export(edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&export(&sample(100), 200)).unwrap();
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn stamps_from_the_future_are_brought_back_to_now_everywhere_in_the_file() {
        let mut data = sample(YEAR_2099);
        data.reflections.update_answer("good-relationships", YEAR_2099, |a| {
            a.work_on = true;
            a.note = "n".into();
        });
        let file = import(&export(&data, YEAR_2099)).unwrap();
        let limit = NOW + CLOCK_SKEW_MS;
        let mut numbers = vec![serde_json::to_value(&file).unwrap()];
        while let Some(value) = numbers.pop() {
            match value {
                Value::Number(n) => assert!(n.as_u64().is_none_or(|n| n <= limit), "{n} is after now"),
                Value::Array(items) => numbers.extend(items),
                Value::Object(fields) => numbers.extend(fields.into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
        assert_eq!(file.history.oldest_first()[0].1.saved_at, NOW);
        assert_eq!(file.bookmarks.get("pace-recovery-guide").unwrap().note, "ask about it <b>soon</b>", "nothing else changes");
        // A change made here after the import wins over the file's.
        let mut here = apply_import(&AllData::default(), &file, ImportMode::Merge);
        here.bookmarks.set_note("pace-recovery-guide", "asked", NOW + 1);
        let again = apply_import(&here, &file, ImportMode::Merge);
        assert_eq!(again.bookmarks.get("pace-recovery-guide").unwrap().note, "asked");
    }

    #[test]
    fn an_id_listed_twice_is_counted_and_its_later_change_kept() {
        let text = export(&sample(100), 200);
        assert_eq!(import(&text).unwrap().repeated_entries, 0);
        // Two entries for one bookmark, the second older than the first.
        let entry = r#""pace-recovery-guide":{"at":101,"#;
        let older = r#""pace-recovery-guide":{"at":50,"value":{"added_at":50,"page":"publications","title":"PACE","note":"older"}},"#;
        let text = text.replacen(entry, &format!("{older}{entry}"), 1);
        let file = import(&text).unwrap();
        assert_eq!(file.repeated_entries, 1);
        assert_eq!(file.data(), sample(100));
        // Any other field twice: which one was meant cannot be known.
        let twice = text.replacen(r#""format":2"#, r#""format":2,"format":2"#, 1);
        assert!(matches!(import(&twice), Err(ImportError::Damaged(_))), "{twice}");
    }

    /// A name for a change to a good file, and the change.
    type Damage = (&'static str, fn(&mut Value));

    #[test]
    fn a_file_of_the_right_shape_with_wrong_types_is_refused_as_damaged() {
        let cases: [Damage; 7] = [
            ("format 0", |v| v["format"] = 0.into()),
            ("format as text", |v| v["format"] = "1".into()),
            ("a number for a tick", |v| v["reflections"]["true_now"]["good-relationships"]["value"] = 1.into()),
            ("a number for a version 1 answer", |v| {
                v["reflections"] = serde_json::json!({"version": 1, "checklist": {"good-relationships": {"at": 5, "value": 1}}, "own_items": {}});
            }),
            ("a tick in a saved reflection as text", |v| {
                v["history"]["snapshots"]["s-1"]["value"]["items"][0]["answer"]["true_now"] = "yes".into();
            }),
            ("no export time", |v| {
                v.as_object_mut().unwrap().remove("exported_at");
            }),
            ("a time zone 30 days from UTC", |v| v["history"]["snapshots"]["s-1"]["value"]["utc_offset_minutes"] = (30 * 24 * 60).into()),
        ];
        for (what, edit) in cases {
            let result = import(&edited_export(edit));
            assert!(matches!(result, Err(ImportError::Damaged(_))), "{what}: {result:?}");
        }
        let explained = ImportError::Damaged("format 0".into()).explain();
        assert_eq!(explained, "This export file is damaged and cannot be read. Nothing was changed.");
    }

    #[test]
    fn answers_under_a_renamed_id_arrive_under_the_new_id() {
        let text = export(&sample(100), 200);
        let file = parse_import(&text, text.len() as u64, NOW, &[("good-relationships", "close-relationships")]).unwrap();
        assert!(file.reflections.answer("close-relationships").true_now);
        assert_eq!(file.reflections.answers().len(), 1);
    }

    #[test]
    fn a_file_from_before_the_plan_brings_no_plan_and_a_newer_one_must_have_one() {
        let mut value: Value = serde_json::from_str(&export(&sample(100), 200)).unwrap();
        value.as_object_mut().unwrap().remove("plan");
        assert!(matches!(import(&value.to_string()), Err(ImportError::Damaged(why)) if why == "no plan"));
        value["format"] = 1.into();
        let file = import(&value.to_string()).unwrap();
        assert_eq!(file.plan, Plan::default());
        assert_eq!(file.bookmarks.count(), 1);
        // Replacing with it removes the plan here, and the preview says so, step by step.
        let replace = preview(&sample(100), &file, ImportMode::Replace);
        assert_eq!(replace.plan, [("people-to-ask".to_string(), Changes { added: 0, changed: 0, removed: 1 })]);
        assert!(replace.removes_any());
        assert!(!preview(&sample(100), &file, ImportMode::Merge).removes_any());
    }

    #[test]
    fn the_preview_counts_the_plans_changes_step_by_step() {
        let here = sample(100);
        let mut there = here.clone();
        there.plan.edit("plan-1", "Mum", "07700 900999", 300);
        there.plan.add("plan-2", Entry::new("reasons", "My dog", "", 301), 301);
        there.plan.add("plan-3", Entry::new("reasons", "The sea", "", 302), 302);
        let file = import(&export(&there, 400)).unwrap();
        let merge = preview(&here, &file, ImportMode::Merge);
        assert_eq!(
            merge.plan,
            [
                ("people-to-ask".to_string(), Changes { added: 0, changed: 1, removed: 0 }),
                ("reasons".to_string(), Changes { added: 2, changed: 0, removed: 0 })
            ]
        );
        // Moving one entry above another counts both as changed; an entry added with them
        // changes nothing else.
        let mut moved = there.clone();
        moved.plan.move_entry("plan-3", crate::data::plan::Direction::Up, 500);
        moved.plan.add("plan-4", Entry::new("reasons", "Tea", "", 501), 501);
        let file = import(&export(&moved, 600)).unwrap();
        assert_eq!(preview(&there, &file, ImportMode::Merge).plan, [("reasons".to_string(), Changes { added: 1, changed: 2, removed: 0 })]);
        assert!(preview(&moved, &file, ImportMode::Replace).is_empty());
    }

    #[test]
    fn a_plan_entry_removed_here_after_the_file_was_made_is_counted() {
        let mut data = sample(100);
        let file = import(&export(&data, 200)).unwrap();
        data.plan.remove("plan-1", 300);
        assert_eq!(removed_here(&data, &file), RemovedHere { plan_entries: 1, ..RemovedHere::default() });
        assert!(preview(&data, &file, ImportMode::Merge).is_empty());
    }

    #[test]
    fn a_plan_entry_listed_twice_is_counted() {
        let text = export(&sample(100), 200);
        let entry = r#""entries":{"plan-1":"#;
        let older = r#""entries":{"plan-1":{"at":50,"value":{"step":"people-to-ask","text":"Older","created_at":50}},"plan-1":"#;
        let file = import(&text.replacen(entry, older, 1)).unwrap();
        assert_eq!(file.repeated_entries, 1);
        assert_eq!(file.plan.get("plan-1").unwrap().text, "Mum");
    }

    proptest! {
        #[test]
        fn export_import_round_trips_and_merging_twice_is_merging_once(
            ids in prop::collection::vec("[a-z]{1,6}", 0..12),
            notes in prop::collection::vec(".{0,20}", 0..12),
            times in prop::collection::vec(0u64..1000, 0..12),
        ) {
            let mut data = AllData::default();
            for ((id, note), t) in ids.iter().zip(&notes).zip(&times) {
                data.bookmarks.add(id, "p", id, *t);
                data.bookmarks.set_note(id, note, t + 1);
                data.reflections.update_answer(id, *t, |a| { a.note = note.clone(); a.work_on = t % 2 == 0; });
                if t % 3 == 0 { data.bookmarks.remove(id, t + 2); }
                if t % 4 == 0 { let s = data.reflections.snapshot(&[], *t, 0); data.history.save(id, s); }
            }
            let file = import(&export(&data, 5)).unwrap();
            prop_assert_eq!(&file.data(), &data);
            let once = apply_import(&AllData::default(), &file, ImportMode::Merge);
            let twice = apply_import(&once, &file, ImportMode::Merge);
            prop_assert_eq!(once, twice);
        }
    }
}
