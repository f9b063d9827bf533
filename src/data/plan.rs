//! The person's plan for hard days: what they write under each step of the plan (the steps are
//! content, `content::PLAN_STEPS`; entries name theirs by id), in the order they choose, and when
//! they last looked it over.
//!
//! Every entry has a stable id. What an entry says and where it sits in its step are stamped apart
//! (two `LwwMap`s), so rewording an entry on one device and moving it on another both survive a
//! merge, and a removal is kept as a tombstone, so an older copy cannot bring it back.

use super::lww::{clamp_time, LwwMap, Stamps};
use super::stores::Personal;
use super::versioned::Versioned;
use crate::content::{ContactMethod, HELP};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub version: u32,
    /// What each entry says, by the entry's id.
    pub entries: LwwMap<Entry>,
    /// Where each entry sits in its step, lowest first. Entries that share a place (added on two
    /// devices at once) follow the order they were made in, then their ids, so every copy of the
    /// plan shows one order.
    pub positions: LwwMap<Position>,
    /// When the person last marked the plan as looked over ("Mark as reviewed").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_at: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The step it is under (the step's id in `plan.toml`).
    pub step: String,
    /// What the person wrote; for a contact, the name.
    pub text: String,
    /// A contact's phone number, kept exactly as typed (`dial_number` decides whether it is one).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// The urgent-help service it was added from (its id in `help.toml`): while the guide has the
    /// service, the entry shows the service's own call and text links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    pub created_at: u64,
}

/// A place in a step's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Position(pub u32);

/// An entry as it was just before it was removed, for Undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub entry: Entry,
    pub position: Option<Position>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn opposite(self) -> Self {
        match self {
            Self::Up => Self::Down,
            Self::Down => Self::Up,
        }
    }
}

impl Entry {
    /// A new entry, its words and phone number without spaces at the ends.
    pub fn new(step: &str, text: &str, phone: &str, now: u64) -> Self {
        Self { step: step.to_string(), text: text.trim().to_string(), phone: phone.trim().to_string(), service: None, created_at: now }
    }
}

impl Default for Plan {
    fn default() -> Self {
        Self { version: Self::VERSION, entries: LwwMap::default(), positions: LwwMap::default(), reviewed_at: None }
    }
}

impl Versioned for Plan {
    /// Plural, as the messages about saved data are worded for every store.
    const NAME: &'static str = "plan entries";
    const KEY: &'static str = "plan";
    const VERSION: u32 = 1;

    /// Entry by entry, and words apart from places: the later change of each wins. The later
    /// review is kept.
    fn merge(&mut self, other: &Self) {
        self.entries.merge(&other.entries);
        self.positions.merge(&other.positions);
        self.reviewed_at = self.reviewed_at.max(other.reviewed_at);
    }
}

impl Personal for Plan {
    fn has_any(&self) -> bool {
        self.count() > 0
    }
    fn bring_back_removed(&mut self, file: &Self, now: u64) {
        self.bring_back(file, now);
    }
}

impl Stamps for Entry {
    fn clamp_future(&mut self, now: u64) {
        clamp_time(&mut self.created_at, now);
    }
}

/// A place holds no time.
impl Stamps for Position {
    fn clamp_future(&mut self, _now: u64) {}
}

impl Stamps for Plan {
    fn clamp_future(&mut self, now: u64) {
        self.entries.clamp_future(now);
        self.positions.clamp_future(now);
        if let Some(at) = self.reviewed_at.as_mut() {
            clamp_time(at, now);
        }
    }
}

impl Plan {
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// How many entries the plan has, in every step.
    pub fn count(&self) -> usize {
        self.entries.live_count()
    }

    /// The entries of one step, in the person's order.
    pub fn step_entries(&self, step: &str) -> Vec<(&str, &Entry)> {
        let mut list: Vec<(&str, &Entry)> = self.entries.live().filter(|(_, entry)| entry.step == step).collect();
        // An entry with no place (its place was removed on one device while it was reworded on
        // another) goes last rather than first.
        crate::sort::sort_by_key(&mut list, |(id, entry)| (self.positions.get(id).map_or(u32::MAX, |p| p.0), entry.created_at, *id));
        list
    }

    /// Entries under a step the guide does not have (from a file made by another version of the
    /// app), so they can be shown rather than kept unseen.
    pub fn entries_outside(&self, steps: &[&str]) -> Vec<(&str, &Entry)> {
        let mut list: Vec<(&str, &Entry)> = self.entries.live().filter(|(_, entry)| !steps.contains(&entry.step.as_str())).collect();
        crate::sort::sort_by_key(&mut list, |(id, entry)| (entry.created_at, *id));
        list
    }

    /// Adds an entry at the end of its step.
    pub fn add(&mut self, id: &str, entry: Entry, now: u64) {
        let last = self.step_entries(&entry.step).iter().filter_map(|(id, _)| self.positions.get(id)).map(|p| p.0).max();
        let place = Position(last.map_or(0, |p| p.saturating_add(1)));
        self.entries.set(id, entry, now);
        self.positions.set(id, place, now);
    }

    /// Changes an entry's words and phone number (spaces at the ends are not kept). Nothing is
    /// stamped when nothing changed.
    pub fn edit(&mut self, id: &str, text: &str, phone: &str, now: u64) {
        let (text, phone) = (text.trim(), phone.trim());
        if self.get(id).is_some_and(|entry| entry.text != text || entry.phone != phone) {
            self.entries.modify(id, now, |entry| {
                entry.text = text.to_string();
                entry.phone = phone.to_string();
            });
        }
    }

    /// Removes an entry (its words go too: a tombstone keeps no text), and gives back what it
    /// was, for Undo.
    pub fn remove(&mut self, id: &str, now: u64) -> Option<Removed> {
        let removed = Removed { entry: self.get(id)?.clone(), position: self.positions.get(id).copied() };
        self.entries.remove(id, now);
        self.positions.remove(id, now);
        Some(removed)
    }

    /// Puts a removed entry back where it was.
    pub fn restore(&mut self, id: &str, removed: Removed, now: u64) {
        match removed.position {
            Some(place) => {
                self.entries.set(id, removed.entry, now);
                self.positions.set(id, place, now);
            }
            None => self.add(id, removed.entry, now),
        }
    }

    /// Moves an entry one place up or down its step. False when it is already first (or last).
    /// The step's places are numbered afresh, so entries that shared a place get their own.
    pub fn move_entry(&mut self, id: &str, direction: Direction, now: u64) -> bool {
        let Some(step) = self.get(id).map(|entry| entry.step.clone()) else { return false };
        let mut order: Vec<String> = self.step_entries(&step).into_iter().map(|(id, _)| id.to_string()).collect();
        let Some(at) = order.iter().position(|other| other == id) else { return false };
        let to = match direction {
            Direction::Up => at.checked_sub(1),
            Direction::Down => Some(at + 1).filter(|to| *to < order.len()),
        };
        let Some(to) = to else { return false };
        order.swap(at, to);
        for (place, id) in order.iter().enumerate() {
            let place = Position(place as u32);
            if self.positions.get(id) != Some(&place) {
                self.positions.set(id, place, now);
            }
        }
        true
    }

    pub fn mark_reviewed(&mut self, now: u64) {
        self.reviewed_at = Some(now);
    }

    /// When an entry was last added, changed, moved or removed.
    pub fn last_changed(&self) -> Option<u64> {
        self.entries.last_change().max(self.positions.last_change())
    }

    /// Whether an entry was added from this urgent-help service.
    pub fn has_service(&self, service: &str) -> bool {
        self.entries.live().any(|(_, entry)| entry.service.as_deref() == Some(service))
    }

    /// Brings back, where `other` still has them, the entries this copy removed after `other` was
    /// made (and their places).
    pub fn bring_back(&mut self, other: &Self, now: u64) {
        for id in self.entries.bring_back(&other.entries, now) {
            if let Some(place) = other.positions.get(&id) {
                self.positions.set(&id, *place, now);
            }
        }
    }
}

/// The number to call for a phone number as a person typed it ("07700 900123", "+44 (0)7700
/// 900123", "1-800-668-6868"), taken out of a note after it ("07700900124 (evenings)"), with an
/// extension dialled after a pause ("0300 123 4567 ext 2" is `03001234567,2`); or `None` when it
/// is not one (it starts with words or other signs, has other digits after it, or too few or too
/// many digits): it is then shown as the words typed, never as a link.
pub fn dial_number(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let (plus, rest) = match typed.strip_prefix('+') {
        // "+44 (0)20…": the (0) is dialled only from inside the country.
        Some(rest) => ("+", rest.replacen("(0)", "", 1)),
        None => ("", typed.to_string()),
    };
    let separator = |c: char| matches!(c, ' ' | '\u{a0}' | '-' | '.' | '(' | ')');
    // The number runs to the first other sign; separators at its end belong to the note after it.
    let end = rest.find(|c: char| !c.is_ascii_digit() && !separator(c)).unwrap_or(rest.len());
    let end = rest[..end].trim_end_matches(|c: char| separator(c) && c != ')').len();
    let (number, after) = rest.split_at(end);
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    // 999 and 111 are three digits; international numbers have at most fifteen.
    if !(3..=15).contains(&digits.len()) {
        return None;
    }
    let set_apart = after.starts_with([' ', '\u{a0}', '(', '-']);
    let after = after.trim_start();
    let extension = ["extension", "ext.", "ext", "x"].iter().find_map(|word| after.strip_prefix(word)).map(|e| e.trim_start_matches([' ', ':', '.']));
    match extension {
        Some(ext) if !ext.is_empty() && ext.len() <= 6 && ext.chars().all(|c| c.is_ascii_digit()) => Some(format!("{plus}{digits},{ext}")),
        // A note after the number ("(evenings)", "- work"), set apart from it, with no other number in it.
        _ if after.is_empty() || (set_apart && !after.contains(|c: char| c.is_ascii_digit())) => Some(format!("{plus}{digits}")),
        _ => None,
    }
}

/// Whether a number `dial_number` gave can take texts: a mobile (in the UK 07, in Ireland 08, in
/// Australia 04 and their international forms), or a text service the guide lists. Not a landline
/// (020), a freephone or service line (0800, 0300, 116 123), nor a number with an extension.
pub fn takes_texts(dialled: &str) -> bool {
    const MOBILES: [&str; 5] = ["07", "04", "+447", "+3538", "+614"];
    let listed = || HELP.services.iter().flat_map(|s| s.contacts).any(|c| c.method == ContactMethod::Text && c.address.replace(' ', "") == dialled);
    !dialled.contains(',') && (MOBILES.iter().any(|start| dialled.starts_with(start)) || listed())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{decode, encode};
    use proptest::prelude::*;

    fn texts(plan: &Plan, step: &str) -> Vec<String> {
        plan.step_entries(step).into_iter().map(|(_, e)| e.text.clone()).collect()
    }

    fn with(entries: &[(&str, &str, &str)]) -> Plan {
        let mut plan = Plan::default();
        for (i, (id, step, text)) in entries.iter().enumerate() {
            plan.add(id, Entry::new(step, text, "", i as u64), i as u64);
        }
        plan
    }

    #[test]
    fn entries_are_kept_in_the_order_added_and_can_be_moved() {
        let mut plan = with(&[("a", "signs", "no sleep"), ("b", "signs", "quiet"), ("c", "signs", "no calls"), ("x", "other", "walk")]);
        assert_eq!(texts(&plan, "signs"), ["no sleep", "quiet", "no calls"]);
        assert!(plan.move_entry("c", Direction::Up, 10));
        assert_eq!(texts(&plan, "signs"), ["no sleep", "no calls", "quiet"]);
        assert!(plan.move_entry("a", Direction::Down, 11));
        assert_eq!(texts(&plan, "signs"), ["no calls", "no sleep", "quiet"]);
        assert!(!plan.move_entry("c", Direction::Up, 12), "the first cannot go up");
        assert!(!plan.move_entry("b", Direction::Down, 12), "the last cannot go down");
        assert!(!plan.move_entry("gone", Direction::Down, 12));
        assert_eq!(texts(&plan, "other"), ["walk"], "other steps are left alone");
    }

    #[test]
    fn an_entry_is_edited_trimmed_and_unchanged_edits_stamp_nothing() {
        let mut plan = Plan::default();
        plan.add("mum", Entry::new("people", " Mum ", " 07700 900123 ", 1), 1);
        assert_eq!((plan.get("mum").unwrap().text.as_str(), plan.get("mum").unwrap().phone.as_str()), ("Mum", "07700 900123"));
        plan.edit("mum", "Mum", "07700 900123", 5);
        assert_eq!(plan.last_changed(), Some(1));
        plan.edit("mum", "Mum (mobile)", "07700 900123", 6);
        assert_eq!(plan.get("mum").unwrap().text, "Mum (mobile)");
        assert_eq!(plan.last_changed(), Some(6));
    }

    #[test]
    fn a_removed_entry_keeps_no_words_and_undo_puts_it_back_in_its_place() {
        let mut plan = with(&[("a", "s", "first"), ("b", "s", "second"), ("c", "s", "third")]);
        let removed = plan.remove("b", 10).unwrap();
        assert_eq!(texts(&plan, "s"), ["first", "third"]);
        assert!(!encode(&plan).contains("second"), "the tombstone keeps no text");
        assert_eq!(plan.last_changed(), Some(10), "a removal is a change");
        plan.restore("b", removed, 11);
        assert_eq!(texts(&plan, "s"), ["first", "second", "third"]);
        assert_eq!(plan.remove("gone", 12), None);
    }

    #[test]
    fn rewording_on_one_device_and_moving_on_another_both_survive() {
        let base = with(&[("a", "s", "walk"), ("b", "s", "music")]);
        let mut phone = base.clone();
        phone.edit("a", "walk the dog", "", 10);
        let mut laptop = base;
        laptop.move_entry("b", Direction::Up, 20);
        let mut merged = phone.clone();
        merged.merge(&laptop);
        assert_eq!(texts(&merged, "s"), ["music", "walk the dog"]);
        laptop.merge(&phone);
        assert_eq!(laptop, merged, "the same either way round");
    }

    #[test]
    fn entries_added_on_two_devices_at_once_all_survive_in_one_order() {
        let base = with(&[("a", "s", "first")]);
        let mut phone = base.clone();
        phone.add("p", Entry::new("s", "from the phone", "", 10), 10);
        let mut laptop = base;
        laptop.add("l", Entry::new("s", "from the laptop", "", 9), 9);
        let (mut one, mut two) = (phone.clone(), laptop.clone());
        one.merge(&laptop);
        two.merge(&phone);
        assert_eq!(texts(&one, "s"), ["first", "from the laptop", "from the phone"]);
        assert_eq!(one, two);
        // Moving then numbers the places afresh.
        assert!(one.move_entry("p", Direction::Up, 30));
        assert_eq!(texts(&one, "s"), ["first", "from the phone", "from the laptop"]);
        assert_eq!(one.step_entries("s").iter().map(|(id, _)| one.positions.get(id).unwrap().0).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn a_later_removal_wins_and_a_later_edit_brings_an_entry_back() {
        let base = with(&[("a", "s", "walk")]);
        let mut removed_later = base.clone();
        removed_later.remove("a", 20);
        let mut edited_earlier = base.clone();
        edited_earlier.edit("a", "run", "", 10);
        let mut merged = removed_later.clone();
        merged.merge(&edited_earlier);
        assert!(merged.get("a").is_none());
        let mut edited_later = base.clone();
        edited_later.edit("a", "run", "", 30);
        merged.merge(&edited_later);
        assert_eq!(texts(&merged, "s"), ["run"], "shown, last, though its place was removed");
    }

    #[test]
    fn the_later_review_is_kept_and_times_from_the_future_are_brought_back() {
        const YEAR_2099: u64 = 4_070_908_800_000;
        let mut a = Plan::default();
        a.mark_reviewed(5);
        let mut b = Plan::default();
        b.mark_reviewed(9);
        a.merge(&b);
        assert_eq!(a.reviewed_at, Some(9));
        a.merge(&Plan::default());
        assert_eq!(a.reviewed_at, Some(9), "a copy never reviewed does not undo it");
        a.mark_reviewed(YEAR_2099);
        a.add("x", Entry::new("s", "walk", "", YEAR_2099), YEAR_2099);
        a.clamp_future(1_000);
        assert!(!encode(&a).contains(&YEAR_2099.to_string()), "{}", encode(&a));
    }

    #[test]
    fn entries_under_a_step_the_guide_lacks_are_listed() {
        let plan = with(&[("a", "warning-signs", "quiet"), ("b", "from-the-future", "kept")]);
        let outside: Vec<&str> = plan.entries_outside(&["warning-signs"]).into_iter().map(|(id, _)| id).collect();
        assert_eq!(outside, ["b"]);
    }

    #[test]
    fn the_store_round_trips_and_refuses_what_is_not_a_plan() {
        let mut plan = with(&[("a", "s", "walk")]);
        plan.add("mum", Entry { service: Some("uk-samaritans".into()), ..Entry::new("people", "Mum", "07700 900123", 3) }, 3);
        plan.mark_reviewed(4);
        assert_eq!(decode::<Plan>(&encode(&plan)).unwrap(), plan);
        assert_eq!(decode::<Plan>(r#"{"version":1,"entries":{},"positions":{}}"#).unwrap(), Plan::default());
        assert!(decode::<Plan>(r#"{"version":1,"entries":[]}"#).is_err());
        let problem = crate::data::Unreadable::WrongShape(String::new()).explain(Plan::NAME);
        assert_eq!(problem, "Your saved plan entries could not be read: they are not in the form this app expects.");
        assert!(decode::<Plan>(r#"{"version":1,"entries":{"a":{"at":1,"value":{"step":"s","text":7,"created_at":1}}},"positions":{}}"#).is_err());
    }

    #[test]
    fn phone_numbers_as_people_type_them_are_dialled_and_anything_else_is_not() {
        for (typed, dialled) in [
            ("07700 900123", "07700900123"),
            ("+44 (0)7700 900123", "+447700900123"),
            ("+44 7700-900-123", "+447700900123"),
            ("1-800-668-6868", "18006686868"),
            ("(01632) 960 001", "01632960001"),
            ("0477 13 11 14", "0477131114"),
            ("999", "999"),
            ("  116 123 ", "116123"),
            // Issue 28: a number with a note after it, or an extension (dialled after a pause).
            ("07700900124 (evenings)", "07700900124"),
            ("07700 900123 (mobile)", "07700900123"),
            ("0300 123 4567 ext 2", "03001234567,2"),
            ("0300 123 4567 ext. 25", "03001234567,25"),
            ("0300 123 4567 extension 2", "03001234567,2"),
            ("0300 123 4567 x2", "03001234567,2"),
            ("07700 900123 - Mum's work phone", "07700900123"),
        ] {
            assert_eq!(dial_number(typed).as_deref(), Some(dialled), "{typed:?}");
        }
        for not_a_number in [
            "",
            "ask Mum",
            "12",
            "07700 900123 or 07700 900124",
            "after 6pm 07700 900123",
            "1234567890123456",
            "0770O 900123",
            "++44 7700",
            "javascript:alert(1)",
            "tel:999",
            "999?body=x",
            "+",
        ] {
            assert_eq!(dial_number(not_a_number), None, "{not_a_number:?}");
        }
    }

    /// Issue 28: "Text" was offered for landlines such as 020.
    #[test]
    fn texts_are_offered_only_for_numbers_that_take_them() {
        for mobile in [
            "07700 900123",
            "+44 7700 900123",
            "+44 (0)7700 900123",
            "07700900124 (evenings)",
            "0477 13 11 14",
            "+61 477 131 114",
            "+353 87 123 4567",
            "85258",
            "50808",
            "988",
            "1737",
            "686868",
        ] {
            assert!(takes_texts(&dial_number(mobile).unwrap()), "{mobile:?}");
        }
        for landline in [
            "020 7946 0018",
            "+44 20 7946 0018",
            "0300 123 4567",
            "0300 123 4567 ext 2",
            "0800 83 85 87",
            "116 123",
            "999",
            "111",
            "01632 960 001",
            "1-800-668-6868",
        ] {
            assert!(!takes_texts(&dial_number(landline).unwrap()), "{landline:?}");
        }
    }

    /// One device's changes to a plan, picking existing entries by index.
    #[derive(Debug, Clone)]
    enum Op {
        Add(u8, u8, u64),
        Edit(usize, u8, u64),
        Move(usize, bool, u64),
        Remove(usize, u64),
        Review(u64),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..3, any::<u8>(), 0u64..60).prop_map(|(step, text, t)| Op::Add(step, text, t)),
            (0usize..8, any::<u8>(), 0u64..60).prop_map(|(i, text, t)| Op::Edit(i, text, t)),
            (0usize..8, any::<bool>(), 0u64..60).prop_map(|(i, up, t)| Op::Move(i, up, t)),
            (0usize..8, 0u64..60).prop_map(|(i, t)| Op::Remove(i, t)),
            (0u64..60).prop_map(Op::Review),
        ]
    }

    /// `base` after `ops`, made on the device called `device` (its new ids are its own).
    fn apply(base: &Plan, device: &str, ops: &[Op]) -> Plan {
        let mut plan = base.clone();
        for (n, op) in ops.iter().enumerate() {
            let ids: Vec<String> = plan.entries.live().map(|(id, _)| id.to_string()).collect();
            let pick = |i: usize| ids.get(i % ids.len().max(1)).cloned();
            match *op {
                Op::Add(step, text, t) => plan.add(&format!("{device}-{n}"), Entry::new(&step.to_string(), &text.to_string(), "", t), t),
                Op::Edit(i, text, t) => {
                    if let Some(id) = pick(i) {
                        plan.edit(&id, &format!("edited {text}"), "", t);
                    }
                }
                Op::Move(i, up, t) => {
                    if let Some(id) = pick(i) {
                        plan.move_entry(&id, if up { Direction::Up } else { Direction::Down }, t);
                    }
                }
                Op::Remove(i, t) => {
                    if let Some(id) = pick(i) {
                        plan.remove(&id, t);
                    }
                }
                Op::Review(t) => plan.mark_reviewed(t),
            }
        }
        plan
    }

    fn merged(a: &Plan, b: &Plan) -> Plan {
        let mut out = a.clone();
        out.merge(b);
        out
    }

    fn ops(max: usize) -> impl Strategy<Value = Vec<Op>> {
        prop::collection::vec(op(), 0..max)
    }

    proptest! {
        #[test]
        fn merging_is_commutative_associative_and_idempotent(base in ops(10), a in ops(10), b in ops(10), c in ops(10)) {
            let base = apply(&Plan::default(), "base", &base);
            let (a, b, c) = (apply(&base, "a", &a), apply(&base, "b", &b), apply(&base, "c", &c));
            prop_assert_eq!(merged(&a, &b), merged(&b, &a));
            prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
            let once = merged(&a, &b);
            prop_assert_eq!(merged(&once, &b), once.clone());
            prop_assert_eq!(merged(&once, &once), once);
        }

        #[test]
        fn an_entry_changed_on_one_device_only_is_never_lost(base in ops(10), a in ops(12), b in ops(12)) {
            let base = apply(&Plan::default(), "base", &base);
            let (a, b) = (apply(&base, "a", &a), apply(&base, "b", &b));
            let both = merged(&a, &b);
            // An entry as stored, with its time (or its removal's).
            let stored = |plan: &Plan, id: &str| serde_json::to_value(&plan.entries).unwrap().get(id).cloned();
            for (copy, other) in [(&a, &b), (&b, &a)] {
                for (id, entry) in copy.entries.live() {
                    if stored(other, id).is_none() || stored(other, id) == stored(&base, id) {
                        prop_assert_eq!(both.get(id), Some(entry), "{} was lost", id);
                    }
                }
            }
            // Every entry shown once, in its own step.
            let shown: usize = ["0", "1", "2"].iter().map(|step| both.step_entries(step).len()).sum();
            prop_assert_eq!(shown, both.count());
        }

        #[test]
        fn the_order_is_the_same_on_every_device_and_moving_keeps_every_entry(base in ops(12), a in ops(12), b in ops(12), moves in prop::collection::vec((0usize..8, any::<bool>()), 1..6)) {
            let base = apply(&Plan::default(), "base", &base);
            let (a, b) = (apply(&base, "a", &a), apply(&base, "b", &b));
            let (mut ab, ba) = (merged(&a, &b), merged(&b, &a));
            for step in ["0", "1", "2"] {
                prop_assert_eq!(ab.step_entries(step), ba.step_entries(step));
            }
            let before: Vec<Vec<String>> = ["0", "1", "2"].iter().map(|step| {
                let mut ids: Vec<String> = ab.step_entries(step).into_iter().map(|(id, _)| id.to_string()).collect();
                ids.sort();
                ids
            }).collect();
            for (n, (i, up)) in moves.into_iter().enumerate() {
                let ids: Vec<String> = ab.entries.live().map(|(id, _)| id.to_string()).collect();
                if let Some(id) = ids.get(i % ids.len().max(1)) {
                    let at = ab.step_entries(&ab.get(id).unwrap().step.clone()).iter().position(|(other, _)| other == id).unwrap();
                    let moved = ab.move_entry(id, if up { Direction::Up } else { Direction::Down }, 100 + n as u64);
                    let step = ab.get(id).unwrap().step.clone();
                    let now_at = ab.step_entries(&step).iter().position(|(other, _)| other == id).unwrap();
                    if moved {
                        prop_assert_eq!(now_at, if up { at - 1 } else { at + 1 }, "one place, in the right direction");
                    } else {
                        prop_assert_eq!(now_at, at);
                    }
                }
            }
            let after: Vec<Vec<String>> = ["0", "1", "2"].iter().map(|step| {
                let mut ids: Vec<String> = ab.step_entries(step).into_iter().map(|(id, _)| id.to_string()).collect();
                ids.sort();
                ids
            }).collect();
            prop_assert_eq!(before, after);
        }
    }
}
