//! A map whose entries carry the time they last changed, with deletions kept as tombstones, so two
//! copies (two tabs, or this device and an imported file) merge without losing either side's
//! changes: for each key the later change wins. Merging is commutative, associative and idempotent,
//! so merging the same file twice changes nothing.

use serde::de::{DeserializeOwned, Deserializer, Error as _, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A value, or its deletion, and when that happened (milliseconds since 1970). Read through
/// `ReadEntry`, below.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stamped<T> {
    pub at: u64,
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub value: Option<T>,
    /// For a deletion: the value as it was, where the person would want it back on adding it
    /// again (a bookmark's note). Older versions of the app ignore it.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub kept: Option<T>,
}

/// The entries in key order, kept in a `Vec` rather than a `BTreeMap`: the same order, lookups by
/// binary search, and the same JSON (an object). Written here because each value type compiled its
/// own B-tree (insert, clone, drop, node splits), about 37 KB of the wasm for the eight kinds of
/// map, where a sorted `Vec` needs a few small functions; the maps hold a few thousand entries at
/// most, and merging walks both in order instead of inserting one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LwwMap<T>(Vec<(String, Stamped<T>)>);

impl<T> Default for LwwMap<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> LwwMap<T> {
    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn entry(&self, key: &str) -> Option<&Stamped<T>> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    /// Sets the entry under `key`, in its place.
    fn put(&mut self, key: &str, stamped: Stamped<T>) {
        match self.find(key) {
            Ok(at) => self.0[at].1 = stamped,
            Err(at) => self.0.insert(at, (key.to_string(), stamped)),
        }
    }
}

impl<T: Clone + Ord> LwwMap<T> {
    pub fn get(&self, key: &str) -> Option<&T> {
        self.entry(key).and_then(|entry| entry.value.as_ref())
    }

    /// The entries that are not deleted, in key order.
    pub fn live(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().filter_map(|(key, entry)| Some((key.as_str(), entry.value.as_ref()?)))
    }

    pub fn live_count(&self) -> usize {
        self.live().count()
    }

    pub fn set(&mut self, key: &str, value: T, now: u64) {
        let at = self.next_time(key, now);
        self.put(key, Stamped { at, value: Some(value), kept: None });
    }

    /// Deletes the entry, leaving a tombstone so the deletion also wins a later merge.
    pub fn remove(&mut self, key: &str, now: u64) {
        self.remove_and(key, now, false);
    }

    /// Deletes the entry but keeps its value with the deletion, for `removed` to give back.
    pub fn remove_keeping(&mut self, key: &str, now: u64) {
        self.remove_and(key, now, true);
    }

    fn remove_and(&mut self, key: &str, now: u64, keep: bool) {
        if let Some(value) = self.get(key).cloned() {
            let at = self.next_time(key, now);
            self.put(key, Stamped { at, value: None, kept: keep.then_some(value) });
        }
    }

    /// The value a deleted entry had, if it was kept with the deletion.
    pub fn removed(&self, key: &str) -> Option<&T> {
        self.entry(key).filter(|entry| entry.value.is_none()).and_then(|entry| entry.kept.as_ref())
    }

    /// Changes an existing entry in place; does nothing if there is none.
    pub fn modify(&mut self, key: &str, now: u64, change: impl FnOnce(&mut T)) {
        if let Some(mut value) = self.get(key).cloned() {
            change(&mut value);
            self.set(key, value, now);
        }
    }

    /// When the latest change (a removal included) was made, if there is any.
    pub fn last_change(&self) -> Option<u64> {
        self.0.iter().map(|(_, entry)| entry.at).max()
    }

    /// A change always gets a later time than the one it replaces, even if the clock went back.
    fn next_time(&self, key: &str, now: u64) -> u64 {
        self.entry(key).map_or(now, |entry| now.max(entry.at.saturating_add(1)))
    }

    /// Keys `other` still has that this copy deleted later, so a merge keeps them deleted.
    pub fn removed_since<'a>(&'a self, other: &'a Self) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter_map(move |(key, ours)| {
            let theirs = other.entry(key)?;
            (ours.value.is_none() && theirs.value.is_some() && wins(ours, theirs)).then_some(key.as_str())
        })
    }

    /// Brings back, as a new change, what `removed_since` lists, with `other`'s values.
    pub fn bring_back(&mut self, other: &Self, now: u64) -> Vec<String> {
        let keys: Vec<String> = self.removed_since(other).map(String::from).collect();
        for key in &keys {
            if let Some(value) = other.get(key) {
                self.set(key, value.clone(), now);
            }
        }
        keys
    }

    /// Moves the entry under `old` to `new` (with its time, so it outranks nothing it did not
    /// before) unless `new` holds a later change, then deletes `old`. Does nothing when `old` has no
    /// value, so doing it again changes nothing.
    pub fn rename(&mut self, old: &str, new: &str, now: u64) {
        let Some(moving) = self.entry(old).filter(|entry| entry.value.is_some()).cloned() else { return };
        if self.entry(new).is_none_or(|kept| wins(&moving, kept)) {
            self.put(new, moving);
        }
        self.remove(old, now);
    }

    /// Takes every change from `other` that is later than ours.
    pub fn merge(&mut self, other: &Self) {
        let ours = std::mem::take(&mut self.0);
        let mut merged = Vec::with_capacity(ours.len().max(other.0.len()));
        let mut ours = ours.into_iter().peekable();
        let mut theirs = other.0.iter().peekable();
        // Both are in key order: walk them together, taking the later change where both have a key.
        loop {
            let order = match (ours.peek(), theirs.peek()) {
                (Some((a, _)), Some((b, _))) => a.cmp(b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => break,
            };
            match order {
                Ordering::Less => merged.extend(ours.next()),
                Ordering::Greater => merged.extend(theirs.next().cloned()),
                Ordering::Equal => {
                    let (key, mine) = ours.next().expect("peeked");
                    let (_, other) = theirs.next().expect("peeked");
                    merged.push(if wins(other, &mine) { (key, other.clone()) } else { (key, mine) });
                }
            }
        }
        self.0 = merged;
    }
}

impl<T> LwwMap<T> {
    /// The same entries and times, each value (and kept value) seen through `view`: for storing a
    /// map in another form without copying it.
    pub fn map_values<'a, U>(&'a self, view: impl Fn(&'a T) -> U) -> LwwMap<U> {
        LwwMap(
            self.0
                .iter()
                .map(|(key, entry)| (key.clone(), Stamped { at: entry.at, value: entry.value.as_ref().map(&view), kept: entry.kept.as_ref().map(&view) }))
                .collect(),
        )
    }
}

/// Stored and exported as a JSON object, key by key in order, as when this was a `BTreeMap`.
impl<T: Serialize> Serialize for LwwMap<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, entry)| (key, entry)))
    }
}

/// An entry as read, its value and kept value still JSON. Every kind of map reads its entries
/// through this one type, so each value type adds only its own `T::deserialize`: reading
/// `Stamped<T>` directly compiled the entry reader again for each of the seven value types (about
/// 15 KB of the wasm before wasm-opt).
#[derive(Deserialize)]
struct ReadEntry {
    at: u64,
    #[serde(default)]
    value: Option<serde_json::Value>,
    #[serde(default)]
    kept: Option<serde_json::Value>,
}

/// The entries of a JSON object in key order; of a key given twice, the last.
struct Entries;

impl<'de> Visitor<'de> for Entries {
    type Value = Vec<(String, ReadEntry)>;
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object of entries")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        if !entries.windows(2).all(|pair: &[(String, ReadEntry)]| pair[0].0 < pair[1].0) {
            crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
            // Of a key given twice the later value stays (the sort kept them in their order).
            entries.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    std::mem::swap(later, kept);
                }
                same
            });
        }
        Ok(entries)
    }
}

/// Read from a JSON object with its keys in any order; a key given twice keeps its last value, as a
/// `BTreeMap` did.
impl<'de, T: DeserializeOwned> Deserialize<'de> for LwwMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let read = |json: Option<serde_json::Value>| json.map(T::deserialize).transpose().map_err(D::Error::custom);
        let entries = deserializer.deserialize_map(Entries)?;
        let mut map = Vec::with_capacity(entries.len());
        for (key, entry) in entries {
            map.push((key, Stamped { at: entry.at, value: read(entry.value)?, kept: read(entry.kept)? }));
        }
        Ok(LwwMap(map))
    }
}

/// How far ahead of this device's clock a time may be and still be believed. Clocks on two devices
/// (or two tabs after the clock was corrected) disagree by seconds to minutes; a time further ahead
/// than this is a wrong clock or a crafted file, and left as it is it would outrank every change
/// made until then.
pub const CLOCK_SKEW_MS: u64 = 10 * 60 * 1000;

/// `at`, or `now` if `at` is later than `now` plus the allowed clock skew.
pub fn clamp_time(at: &mut u64, now: u64) {
    if *at > now.saturating_add(CLOCK_SKEW_MS) {
        *at = now;
    }
}

/// Data that holds times. Times from the future are brought back to now (`clamp_time`) whenever
/// data comes from outside this tab (an import, another tab's write, storage), so a file stamped
/// 2099 cannot win every merge until then.
pub trait Stamps {
    fn clamp_future(&mut self, now: u64);
}

impl Stamps for bool {
    fn clamp_future(&mut self, _now: u64) {}
}

impl Stamps for String {
    fn clamp_future(&mut self, _now: u64) {}
}

/// Every entry's time, and the times inside its value.
impl<T: Stamps> Stamps for LwwMap<T> {
    fn clamp_future(&mut self, now: u64) {
        for (_, entry) in &mut self.0 {
            clamp_time(&mut entry.at, now);
            for value in entry.value.iter_mut().chain(entry.kept.iter_mut()) {
                value.clamp_future(now);
            }
        }
    }
}

/// The later change wins; at the same time, the greater value (a value over a deletion), so the
/// result never depends on which side merges into which.
fn wins<T: Ord>(a: &Stamped<T>, b: &Stamped<T>) -> bool {
    (a.at, &a.value, &a.kept) > (b.at, &b.value, &b.kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_later_change_wins_and_deletions_stick() {
        let mut ours = LwwMap::default();
        ours.set("a", 1, 10);
        let mut theirs = ours.clone();
        theirs.remove("a", 20);
        ours.merge(&theirs);
        assert_eq!(ours.get("a"), None);
        // An older value does not bring it back.
        let mut stale = LwwMap::default();
        stale.set("a", 1, 15);
        ours.merge(&stale);
        assert_eq!(ours.get("a"), None);
    }

    #[test]
    fn a_change_after_a_clock_jump_back_still_wins() {
        let mut map = LwwMap::default();
        map.set("a", 1, 100);
        map.set("a", 2, 50);
        assert_eq!(map.get("a"), Some(&2));
    }

    #[test]
    fn a_kept_value_comes_back_only_from_a_deletion_that_kept_it() {
        let mut map = LwwMap::default();
        map.set("a", 1, 10);
        map.set("b", 2, 10);
        map.remove_keeping("a", 20);
        map.remove("b", 20);
        assert_eq!((map.get("a"), map.removed("a")), (None, Some(&1)));
        assert_eq!(map.removed("b"), None);
        map.set("a", 3, 30);
        assert_eq!(map.removed("a"), None, "only a deleted entry has a removed value");
    }

    #[test]
    fn what_was_removed_after_the_other_copy_can_be_brought_back() {
        let mut file = LwwMap::default();
        file.set("kept", 1, 10);
        file.set("removed-here", 2, 10);
        let mut here = file.clone();
        here.remove("removed-here", 20);
        let mut combined = here.clone();
        combined.merge(&file);
        assert_eq!(combined.get("removed-here"), None, "a merge keeps the later removal");
        assert_eq!(here.removed_since(&file).collect::<Vec<_>>(), ["removed-here"]);
        assert_eq!(here.bring_back(&file, 30), ["removed-here"]);
        assert_eq!(here.get("removed-here"), Some(&2));
        assert_eq!(here.removed_since(&file).count(), 0);
    }

    #[test]
    fn renaming_moves_an_answer_once_and_keeps_a_later_one() {
        let mut map = LwwMap::default();
        map.set("old", 1, 10);
        map.rename("old", "new", 20);
        assert_eq!((map.get("old"), map.get("new")), (None, Some(&1)));
        assert_eq!(map.entry("new").unwrap().at, 10, "the moved entry keeps its time");
        let once = map.clone();
        map.rename("old", "new", 30);
        assert_eq!(map, once, "a second rename changes nothing");
        // An older copy merged later does not bring the old id back.
        let mut stale = LwwMap::default();
        stale.set("old", 2, 15);
        map.merge(&stale);
        assert_eq!(map.get("old"), None);
        // An answer given later under the new id wins over the old id's.
        let mut both = LwwMap::default();
        both.set("old", 1, 10);
        both.set("new", 5, 12);
        both.rename("old", "new", 20);
        assert_eq!((both.get("old"), both.get("new")), (None, Some(&5)));
    }

    #[test]
    fn a_2099_stamp_is_brought_back_to_now() {
        const YEAR_2099: u64 = 4_070_908_800_000;
        const NOW: u64 = 1_795_000_000_000;
        let mut map = LwwMap::default();
        map.set("a", 1, YEAR_2099);
        map.set("b", 1, NOW + CLOCK_SKEW_MS);
        map.clamp_future(NOW);
        assert_eq!((map.entry("a").unwrap().at, map.entry("b").unwrap().at), (NOW, NOW + CLOCK_SKEW_MS), "only what is beyond the allowed skew");
        // A change made a minute later, here or on another device, now wins.
        let mut later = LwwMap::default();
        later.set("a", 2, NOW + 60_000);
        map.merge(&later);
        assert_eq!(map.get("a"), Some(&2));
    }

    /// The tests' values hold no times.
    impl Stamps for u8 {
        fn clamp_future(&mut self, _now: u64) {}
    }

    #[derive(Debug, Clone)]
    enum Op {
        Set(u8, u8, u64),
        Remove(u8, u64),
        RemoveKeeping(u8, u64),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0u8..6, any::<u8>(), 0u64..50).prop_map(|(k, v, t)| Op::Set(k, v, t)),
            (0u8..6, 0u64..50).prop_map(|(k, t)| Op::Remove(k, t)),
            (0u8..6, 0u64..50).prop_map(|(k, t)| Op::RemoveKeeping(k, t)),
        ]
    }

    fn map_from(ops: &[Op]) -> LwwMap<u8> {
        let mut map = LwwMap::default();
        for op in ops {
            match *op {
                Op::Set(k, v, t) => map.set(&k.to_string(), v, t),
                Op::Remove(k, t) => map.remove(&k.to_string(), t),
                Op::RemoveKeeping(k, t) => map.remove_keeping(&k.to_string(), t),
            }
        }
        map
    }

    fn merged(a: &LwwMap<u8>, b: &LwwMap<u8>) -> LwwMap<u8> {
        let mut out = a.clone();
        out.merge(b);
        out
    }

    #[test]
    fn reads_an_object_in_any_order_and_a_repeated_key_keeps_its_last_value() {
        let json = r#"{"b": {"at": 2, "value": 20}, "a": {"at": 1, "value": 10}, "b": {"at": 3, "value": 30}, "c": {"at": 4}}"#;
        let map: LwwMap<u8> = serde_json::from_str(json).unwrap();
        assert_eq!(map.live().collect::<Vec<_>>(), [("a", &10), ("b", &30)]);
        assert_eq!(serde_json::to_string(&map).unwrap(), r#"{"a":{"at":1,"value":10},"b":{"at":3,"value":30},"c":{"at":4}}"#);
    }

    proptest! {
        /// The stored form is the JSON object a `BTreeMap` made (the map's earlier form), and reads
        /// back the same with its keys in any order.
        #[test]
        fn stores_and_reads_back_as_the_btree_map_did(ops in prop::collection::vec(op(), 0..30), shuffle in any::<u64>()) {
            let map = map_from(&ops);
            let as_btree: std::collections::BTreeMap<&str, &Stamped<u8>> = map.0.iter().map(|(k, v)| (k.as_str(), v)).collect();
            let json = serde_json::to_string(&map).unwrap();
            prop_assert_eq!(&json, &serde_json::to_string(&as_btree).unwrap());
            let mut entries: Vec<String> = map.0.iter().map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), serde_json::to_string(v).unwrap())).collect();
            let len = entries.len().max(1);
            entries.rotate_left(shuffle as usize % len);
            let shuffled: LwwMap<u8> = serde_json::from_str(&format!("{{{}}}", entries.join(","))).unwrap();
            prop_assert_eq!(shuffled, map);
        }

        /// Merging in key order gives what taking each of `b`'s entries one at a time would.
        #[test]
        fn merge_takes_the_later_change_for_each_key(a in prop::collection::vec(op(), 0..20), b in prop::collection::vec(op(), 0..20)) {
            let (a, b) = (map_from(&a), map_from(&b));
            let mut one_at_a_time = a.clone();
            for (key, theirs) in &b.0 {
                if one_at_a_time.entry(key).is_none_or(|ours| wins(theirs, ours)) {
                    one_at_a_time.put(key, theirs.clone());
                }
            }
            let result = merged(&a, &b);
            prop_assert!(result.0.windows(2).all(|pair| pair[0].0 < pair[1].0), "keys stay in order, once each");
            prop_assert_eq!(result, one_at_a_time);
        }

        #[test]
        fn merge_is_idempotent(a in prop::collection::vec(op(), 0..20), b in prop::collection::vec(op(), 0..20)) {
            let (a, b) = (map_from(&a), map_from(&b));
            let once = merged(&a, &b);
            prop_assert_eq!(merged(&once, &b), once.clone());
            prop_assert_eq!(merged(&once, &once), once);
        }

        #[test]
        fn merge_is_commutative(a in prop::collection::vec(op(), 0..20), b in prop::collection::vec(op(), 0..20)) {
            let (a, b) = (map_from(&a), map_from(&b));
            prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        }

        #[test]
        fn merge_is_associative(a in prop::collection::vec(op(), 0..15), b in prop::collection::vec(op(), 0..15), c in prop::collection::vec(op(), 0..15)) {
            let (a, b, c) = (map_from(&a), map_from(&b), map_from(&c));
            prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
        }

        #[test]
        fn clamping_bounds_every_stamp_keeps_sane_ones_and_is_idempotent(
            ops in prop::collection::vec(op(), 0..20),
            future in prop::collection::vec((0u8..6, any::<u8>(), any::<u64>()), 0..6),
            now in 0u64..100,
        ) {
            let mut map = map_from(&ops);
            for (k, v, at) in future {
                map.put(&k.to_string(), Stamped { at, value: Some(v), kept: None });
            }
            let before = map.clone();
            map.clamp_future(now);
            for (key, entry) in &map.0 {
                prop_assert!(entry.at <= now + CLOCK_SKEW_MS);
                let was = before.entry(key).unwrap();
                prop_assert_eq!(&entry.value, &was.value, "values are kept");
                if was.at <= now + CLOCK_SKEW_MS {
                    prop_assert_eq!(entry.at, was.at, "a believable stamp is not changed");
                } else {
                    prop_assert_eq!(entry.at, now);
                }
            }
            let once = map.clone();
            map.clamp_future(now);
            prop_assert_eq!(map, once);
        }

        #[test]
        fn after_clamping_a_later_change_always_wins(
            ops in prop::collection::vec(op(), 0..20),
            future in prop::collection::vec((0u8..6, any::<u8>(), (CLOCK_SKEW_MS + 100)..u64::MAX), 1..6),
            imported_at in 0u64..100,
            later in 1u64..(CLOCK_SKEW_MS * 2),
            value in any::<u8>(),
        ) {
            // A file with stamps from the future, imported (clamped) at `imported_at`.
            let mut file = map_from(&ops);
            let key = future[0].0;
            for (k, v, at) in future {
                file.put(&k.to_string(), Stamped { at, value: Some(v), kept: None });
            }
            file.clamp_future(imported_at);
            let mut here = LwwMap::default();
            here.merge(&file);
            // Any change after the import, made here or elsewhere and merged, wins.
            let now = imported_at + later;
            let mut edited_here = here.clone();
            edited_here.set(&key.to_string(), value, now);
            prop_assert_eq!(edited_here.get(&key.to_string()), Some(&value));
            prop_assert_eq!(edited_here.entry(&key.to_string()).unwrap().at, now, "the change is stamped now, not after 2099");
            let mut elsewhere = LwwMap::default();
            elsewhere.set(&key.to_string(), value, now);
            here.merge(&elsewhere);
            prop_assert_eq!(here.get(&key.to_string()), Some(&value));
        }

        #[test]
        fn edits_to_different_keys_both_survive(x in any::<u8>(), y in any::<u8>(), t1 in 0u64..100, t2 in 0u64..100) {
            let base: LwwMap<u8> = LwwMap::default();
            let mut tab1 = base.clone();
            tab1.set("one", x, t1);
            let mut tab2 = base;
            tab2.set("two", y, t2);
            let both = merged(&tab1, &tab2);
            prop_assert_eq!(both.get("one"), Some(&x));
            prop_assert_eq!(both.get("two"), Some(&y));
        }
    }
}
