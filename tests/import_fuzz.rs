//! Import files are fuzzed from real exports: proptest builds a person's data from the guide's real
//! ids, exports it with the app's own `export`, then damages the file the ways files get damaged
//! or crafted (fields dropped, retyped, repeated or reordered; cut short; huge numbers and strings;
//! deep nesting; other format and store versions). Whatever comes out, reading it gives a plain
//! error or a preview that tells the truth, never a panic, and the data on the device is unchanged
//! until the person confirms.

use proptest::prelude::*;
use recovery_guide::content::{CHECKLIST, CHECKLIST_RENAMES, PLAN_STEPS, RESOURCES};
use recovery_guide::data::lww::CLOCK_SKEW_MS;
use recovery_guide::data::plan::{Direction, Entry};
use recovery_guide::data::transfer::{apply_import, export, parse_import, preview, AllData, Changes, ExportFile, ImportMode, StoreChanges};
use recovery_guide::data::{ChecklistItem, Plan};
use serde_json::Value;
use std::collections::BTreeMap;

/// After every time the generated data holds.
const NOW: u64 = 1_800_000_000_000;
const EARLIEST: u64 = 1_700_000_000_000;

fn checklist_ids() -> Vec<&'static str> {
    CHECKLIST.iter().flat_map(|g| g.items).map(|i| i.id).collect()
}

/// A person's data, made through the same calls the app makes.
fn person() -> impl Strategy<Value = AllData> {
    let time = || EARLIEST..NOW;
    let bookmarks = prop::collection::vec((0..RESOURCES.len(), ".{0,12}", time(), any::<bool>()), 0..5);
    let answers = prop::collection::vec((0..checklist_ids().len(), any::<bool>(), any::<bool>(), ".{0,12}", time()), 0..6);
    let own = prop::collection::vec(("[a-z ]{1,12}", time(), any::<bool>()), 0..3);
    let saves = prop::collection::vec((time(), -720i32..=840), 0..3);
    // A plan entry: its step, words, phone number, when, and then removed, moved up, reworded or left.
    let plan = prop::collection::vec((0..PLAN_STEPS.len(), ".{0,12}", "[0-9 +]{0,8}", time(), 0u8..4), 0..6);
    (bookmarks, answers, own, saves, plan).prop_map(|(bookmarks, answers, own, saves, plan)| {
        let mut data = AllData::default();
        for (i, note, at, removed) in bookmarks {
            let r = &RESOURCES[i];
            data.bookmarks.add(r.id, "publications", "A title", at);
            data.bookmarks.set_note(r.id, &note, at + 1);
            if removed {
                data.bookmarks.remove(r.id, at + 2);
            }
        }
        let ids = checklist_ids();
        for (i, true_now, work_on, note, at) in answers {
            data.reflections.update_answer(ids[i], at, |a| {
                a.true_now = true_now;
                a.work_on = work_on;
                a.note = note;
            });
        }
        for (n, (text, at, removed)) in own.into_iter().enumerate() {
            let id = format!("own-{n}");
            data.reflections.add_own_item(&id, &text, at);
            data.reflections.update_answer(&id, at + 1, |a| a.true_now = true);
            if removed {
                data.reflections.remove_own_item(&id, at + 2);
            }
        }
        let guide: Vec<ChecklistItem> = CHECKLIST.iter().flat_map(|g| g.items).map(|i| ChecklistItem { id: i.id, text: i.text, own: false }).collect();
        for (n, (at, offset)) in saves.into_iter().enumerate() {
            data.history.save(&format!("reflection-{n}"), data.reflections.snapshot(&guide, at, offset));
        }
        for (n, (step, text, phone, at, then)) in plan.into_iter().enumerate() {
            let id = format!("plan-{n}");
            data.plan.add(&id, Entry::new(PLAN_STEPS[step].id, &text, &phone, at), at);
            match then {
                1 => drop(data.plan.remove(&id, at + 1)),
                2 => drop(data.plan.move_entry(&id, Direction::Up, at + 1)),
                3 => data.plan.edit(&id, "reworded", &phone, at + 1),
                _ => {}
            }
        }
        data
    })
}

/// JSON as it is written in a file: an object keeps its order and may repeat a key.
#[derive(Debug, Clone)]
enum Doc {
    Leaf(Value),
    Array(Vec<Doc>),
    Object(Vec<(String, Doc)>),
}

impl Doc {
    fn from(value: &Value) -> Doc {
        match value {
            Value::Array(items) => Doc::Array(items.iter().map(Doc::from).collect()),
            Value::Object(fields) => Doc::Object(fields.iter().map(|(k, v)| (k.clone(), Doc::from(v))).collect()),
            leaf => Doc::Leaf(leaf.clone()),
        }
    }

    fn write(&self, out: &mut String) {
        match self {
            Doc::Leaf(value) => out.push_str(&value.to_string()),
            Doc::Array(items) => {
                out.push('[');
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Doc::Object(fields) => {
                out.push('{');
                for (n, (key, value)) in fields.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::from(key.as_str()).to_string());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    fn children(&self) -> Box<dyn Iterator<Item = &Doc> + '_> {
        match self {
            Doc::Leaf(_) => Box::new(std::iter::empty()),
            Doc::Array(items) => Box::new(items.iter()),
            Doc::Object(fields) => Box::new(fields.iter().map(|(_, d)| d)),
        }
    }

    /// The numbers (in depth-first order) of the nodes that `wanted` picks.
    fn find(&self, wanted: &impl Fn(&Doc) -> bool) -> Vec<usize> {
        let mut found = Vec::new();
        let mut stack = vec![self];
        let mut n = 0;
        while let Some(doc) = stack.pop() {
            if wanted(doc) {
                found.push(n);
            }
            n += 1;
            let children: Vec<&Doc> = doc.children().collect();
            stack.extend(children.into_iter().rev());
        }
        found
    }

    /// The node numbered `n` in depth-first order.
    fn nth(&mut self, n: usize) -> &mut Doc {
        fn walk<'a>(doc: &'a mut Doc, n: &mut usize) -> Option<&'a mut Doc> {
            if *n == 0 {
                return Some(doc);
            }
            *n -= 1;
            match doc {
                Doc::Leaf(_) => None,
                Doc::Array(items) => items.iter_mut().find_map(|d| walk(d, n)),
                Doc::Object(fields) => fields.iter_mut().find_map(|(_, d)| walk(d, n)),
            }
        }
        let mut n = n;
        walk(self, &mut n).expect("a node with that number")
    }

    /// One of the nodes that `wanted` picks, chosen by `choice`, if there is any.
    fn pick(&mut self, choice: usize, wanted: impl Fn(&Doc) -> bool) -> Option<&mut Doc> {
        let found = self.find(&wanted);
        (!found.is_empty()).then(|| self.nth(found[choice % found.len()]))
    }
}

fn any_node(_: &Doc) -> bool {
    true
}

fn object_with_fields(doc: &Doc) -> bool {
    matches!(doc, Doc::Object(fields) if !fields.is_empty())
}

/// A map of entries by id: bookmarks, checklist answers, saved reflections.
fn entries_by_id(doc: &Doc) -> bool {
    matches!(doc, Doc::Object(fields) if !fields.is_empty() && fields.iter().all(|(_, entry)| matches!(entry, Doc::Object(f) if f.iter().any(|(k, _)| k == "at"))))
}

const TIME_FIELDS: &[&str] = &["at", "added_at", "created_at", "saved_at", "exported_at", "reviewed_at"];

fn has_time(doc: &Doc) -> bool {
    matches!(doc, Doc::Object(fields) if fields.iter().any(|(k, _)| TIME_FIELDS.contains(&k.as_str())))
}

fn has_version(doc: &Doc) -> bool {
    matches!(doc, Doc::Object(fields) if fields.iter().any(|(k, _)| k == "format" || k == "version"))
}

/// One way a file gets damaged or crafted. The numbers choose a node, a field or a value.
#[derive(Debug, Clone)]
enum Mutation {
    DropField(usize, usize),
    Retype(usize, usize),
    /// Repeats a field; `true` repeats its key with the next field's value.
    DuplicateField(usize, usize, bool),
    /// Lists an entry (a bookmark, an answer...) a second time under its id, unchanged.
    RepeatEntry(usize, usize),
    ReorderFields(usize),
    HugeNumber(usize, usize),
    /// Sets a time to one far in the future (a wrong clock, or a crafted file).
    FutureTime(usize, usize),
    HugeString(usize, usize),
    DeepNesting(usize, usize),
    OtherVersion(usize, usize),
    /// Cuts the text to this many thousandths of its length.
    Truncate(u16),
}

const RETYPED: &[&str] = &["null", "true", "0", "-1", "1.5", "\"text\"", "[]", "{}", "[1,2]", "{\"at\":1}"];
const HUGE_NUMBERS: &[&str] = &["18446744073709551615", "18446744073709551616", "-9223372036854775808", "1e308", "4070908800000", "99999999999999999999999"];
const VERSIONS: &[u64] = &[0, 1, 2, 3, 99, u32::MAX as u64, u64::MAX];

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = any::<usize>;
    prop_oneof![
        (n(), n()).prop_map(|(a, b)| Mutation::DropField(a, b)),
        (n(), n()).prop_map(|(a, b)| Mutation::Retype(a, b)),
        (n(), n(), any::<bool>()).prop_map(|(a, b, c)| Mutation::DuplicateField(a, b, c)),
        (n(), n()).prop_map(|(a, b)| Mutation::RepeatEntry(a, b)),
        n().prop_map(Mutation::ReorderFields),
        (n(), n()).prop_map(|(a, b)| Mutation::HugeNumber(a, b)),
        (n(), n()).prop_map(|(a, b)| Mutation::FutureTime(a, b)),
        (n(), n()).prop_map(|(a, b)| Mutation::HugeString(a, b)),
        (n(), n()).prop_map(|(a, b)| Mutation::DeepNesting(a, b)),
        (n(), n()).prop_map(|(a, b)| Mutation::OtherVersion(a, b)),
        (0u16..1000).prop_map(Mutation::Truncate),
    ]
}

/// What a mutation did to what the file means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    /// Nothing: it could not apply, or it only reordered fields.
    Same,
    /// The same, with one entry listed twice.
    Repeated,
    Changed,
}

/// Applies `mutation` to the file's JSON.
fn mutate(doc: &mut Doc, mutation: &Mutation) -> Effect {
    use Effect::{Changed, Repeated, Same};
    match *mutation {
        Mutation::DropField(i, f) => {
            if let Some(Doc::Object(fields)) = doc.pick(i, object_with_fields) {
                fields.remove(f % fields.len());
                return Changed;
            }
            Same
        }
        Mutation::Retype(i, t) => {
            *doc.nth(i % doc.find(&any_node).len()) = Doc::from(&serde_json::from_str(RETYPED[t % RETYPED.len()]).unwrap());
            Changed
        }
        Mutation::DuplicateField(i, f, next_value) => {
            if let Some(Doc::Object(fields)) = doc.pick(i, object_with_fields) {
                let (key, mut value) = fields[f % fields.len()].clone();
                if next_value {
                    value = fields[(f + 1) % fields.len()].1.clone();
                }
                fields.push((key, value));
                return Changed;
            }
            Same
        }
        Mutation::RepeatEntry(i, f) => {
            if let Some(Doc::Object(fields)) = doc.pick(i, entries_by_id) {
                let repeated = fields[f % fields.len()].clone();
                fields.push(repeated);
                return Repeated;
            }
            Same
        }
        Mutation::ReorderFields(i) => {
            if let Some(Doc::Object(fields)) = doc.pick(i, object_with_fields) {
                fields.reverse();
            }
            Same
        }
        Mutation::HugeNumber(i, n) => {
            let number = serde_json::from_str(HUGE_NUMBERS[n % HUGE_NUMBERS.len()]).unwrap();
            *doc.nth(i % doc.find(&any_node).len()) = Doc::Leaf(number);
            Changed
        }
        Mutation::FutureTime(i, t) => {
            let future = [NOW + CLOCK_SKEW_MS + 1, 4_070_908_800_000, u64::MAX][t % 3];
            if let Some(Doc::Object(fields)) = doc.pick(i, has_time) {
                for (_, time) in fields.iter_mut().filter(|(k, _)| TIME_FIELDS.contains(&k.as_str())) {
                    *time = Doc::Leaf(future.into());
                }
                return Changed;
            }
            Same
        }
        Mutation::HugeString(i, n) => {
            let text = ["x", "é", "\u{202e}", "\u{0}", "🙂"][n % 5].repeat(50_000 + n % 1000);
            *doc.nth(i % doc.find(&any_node).len()) = Doc::Leaf(Value::String(text));
            Changed
        }
        Mutation::DeepNesting(i, d) => {
            let depth = [10, 126, 127, 128, 129, 1_000][d % 6];
            let node = doc.nth(i % doc.find(&any_node).len());
            for level in 0..depth {
                let inner = std::mem::replace(node, Doc::Leaf(Value::Null));
                *node = if level % 2 == 0 { Doc::Array(vec![inner]) } else { Doc::Object(vec![("a".into(), inner)]) };
            }
            Changed
        }
        Mutation::OtherVersion(i, v) => {
            let version = VERSIONS[v % VERSIONS.len()];
            if let Some(Doc::Object(fields)) = doc.pick(i, has_version) {
                for (_, value) in fields.iter_mut().filter(|(k, _)| k == "format" || k == "version") {
                    *value = Doc::Leaf(version.into());
                }
            }
            Changed
        }
        Mutation::Truncate(_) => Changed,
    }
}

/// What an import changes, counted the slow and obvious way, to check the preview against.
fn changes_between<V: PartialEq>(before: BTreeMap<String, V>, after: BTreeMap<String, V>) -> Changes {
    Changes {
        added: after.keys().filter(|k| !before.contains_key(*k)).count(),
        removed: before.keys().filter(|k| !after.contains_key(*k)).count(),
        changed: before.iter().filter(|(k, v)| after.get(*k).is_some_and(|w| w != *v)).count(),
    }
}

fn counted(before: &AllData, after: &AllData) -> StoreChanges {
    let bookmarks = |d: &AllData| d.bookmarks.bookmarks.live().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>();
    let answers = |d: &AllData| d.reflections.answers().into_iter().map(|(k, v)| (k.to_string(), v)).collect::<BTreeMap<_, _>>();
    let own = |d: &AllData| d.reflections.own_items.live().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>();
    let snapshots = |d: &AllData| d.history.snapshots.live().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>();
    let answer_changes = changes_between(answers(before), answers(after));
    let own_changes = changes_between(own(before), own(after));
    StoreChanges {
        bookmarks: changes_between(bookmarks(before), bookmarks(after)),
        checklist: Changes {
            added: answer_changes.added + own_changes.added,
            changed: answer_changes.changed + own_changes.changed,
            removed: answer_changes.removed + own_changes.removed,
        },
        snapshots: changes_between(snapshots(before), snapshots(after)),
        plan: plan_changes_between(&before.plan, &after.plan),
    }
}

/// Per step, in step id order, the steps that change: an entry changes when its words do, or its
/// place among the entries both copies have.
fn plan_changes_between(before: &Plan, after: &Plan) -> Vec<(String, Changes)> {
    let steps: std::collections::BTreeSet<String> = before.entries.live().chain(after.entries.live()).map(|(_, e)| e.step.clone()).collect();
    let shown = |plan: &Plan, step: &str, other: &Plan| {
        let both: Vec<String> =
            plan.step_entries(step).into_iter().map(|(id, _)| id.to_string()).filter(|id| other.get(id).is_some_and(|e| e.step == step)).collect();
        plan.step_entries(step).into_iter().map(|(id, e)| (id.to_string(), (e.clone(), both.iter().position(|b| b == id)))).collect::<BTreeMap<_, _>>()
    };
    steps
        .into_iter()
        .map(|step| {
            let changes = changes_between(shown(before, &step, after), shown(after, &step, before));
            (step, changes)
        })
        .filter(|(_, changes)| changes.added + changes.changed + changes.removed > 0)
        .collect()
}

/// The largest whole number anywhere in the file as read.
fn largest_number(file: &ExportFile) -> u64 {
    let mut largest = 0;
    let mut values = vec![serde_json::to_value(file).unwrap()];
    while let Some(value) = values.pop() {
        match value {
            Value::Number(n) => largest = largest.max(n.as_u64().unwrap_or(0)),
            Value::Array(items) => values.extend(items),
            Value::Object(fields) => values.extend(fields.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    largest
}

proptest! {
    // Few cases, each a whole export damaged up to three ways: enough to reach every kind of
    // damage in every part of the file over a few runs, while `cargo test` stays quick.
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_export_gets_a_plain_error_or_a_true_preview_and_changes_nothing(
        here in person(),
        theirs in person(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let original = export(&theirs, NOW);
        let mut doc = Doc::from(&serde_json::from_str(&original).unwrap());
        let effects: Vec<Effect> = mutations.iter().map(|m| mutate(&mut doc, m)).collect();
        let mut text = String::new();
        doc.write(&mut text);
        for mutation in &mutations {
            if let Mutation::Truncate(thousandths) = mutation {
                let cut = text.len() * usize::from(*thousandths) / 1000;
                let cut = (0..=cut).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
                text.truncate(cut);
            }
        }

        let before = here.clone();
        match parse_import(&text, text.len() as u64, NOW, CHECKLIST_RENAMES) {
            Err(error) => {
                let message = error.explain();
                prop_assert!(message.ends_with("Nothing was changed."), "{}", message);
                prop_assert!(!message.contains(['{', '"', '\\']) && message.len() < 200, "a plain message: {}", message);
            }
            Ok(file) => {
                if !effects.contains(&Effect::Changed) {
                    prop_assert_eq!(&file.data(), &theirs, "reordering fields or repeating an entry changes nothing");
                    let repeats = effects.iter().filter(|e| **e == Effect::Repeated).count();
                    prop_assert_eq!(file.repeated_entries, repeats, "each repeat is counted for the preview");
                }
                prop_assert!(largest_number(&file) <= NOW + CLOCK_SKEW_MS, "no time from the future is brought in");
                for mode in [ImportMode::Merge, ImportMode::Replace] {
                    let shown = preview(&here, &file, mode);
                    let after = apply_import(&here, &file, mode);
                    prop_assert_eq!(shown, counted(&here, &after), "the preview counts what {:?} would do", mode);
                    prop_assert_eq!(apply_import(&after, &file, mode), after, "bringing the same file in twice changes nothing more");
                }
            }
        }
        prop_assert_eq!(here, before, "nothing changes before the person confirms");
    }
}
