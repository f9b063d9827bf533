//! The storage the app sees while the passphrase lock is on: personal values in plain text, in
//! this tab's memory only, written to the real storage sealed a moment later.
//!
//! Why a moment later: the browser seals and opens with WebCrypto, which only answers
//! asynchronously, while the rest of the persistence layer (`Persistence`) reads and writes
//! synchronously, as `localStorage` does. So `Vault` keeps `Persistence`'s rules unchanged: it is a
//! `Backend` that answers from memory, and the lock's driver (`crate::lock`) takes each value not
//! yet written (`next_to_write`), seals it, and hands it back (`finish_write`), which writes it only
//! if no other tab has written that key since this tab last saw it. Otherwise the other tab's
//! value is opened and merged first, as the `storage` event does.
//!
//! Locked, personal values can be neither read nor written, only removed (deleting everything
//! needs no key). With the lock off, the vault passes everything straight through. The lock is on
//! while its record is stored or any personal value is sealed: removing the record alone (someone
//! else, from the browser's developer tools) leaves the vault locked, so nothing is written plain.

use super::sealed::{is_personal, Sealed, LOCK_KEY};
use super::{Backend, Failure};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No lock: storage as it is.
    Off,
    /// The lock is on and this tab has no key.
    Locked,
    /// The lock is on and this tab holds the key.
    Open,
}

pub struct Vault<B> {
    inner: B,
    state: RefCell<State>,
    /// Told when a value waits to be written (the driver then starts writing).
    on_unwritten: RefCell<Option<Rc<dyn Fn()>>>,
}

#[derive(Default)]
struct State {
    mode: Option<Mode>,
    /// Personal values as the app sees them, in plain text (open only).
    plain: BTreeMap<String, String>,
    /// Each personal key's plain text as last written or read (`None`: nothing stored). A key
    /// whose `plain` differs is waiting to be written.
    written: BTreeMap<String, Option<String>>,
    /// Each personal key's stored (sealed) text as this tab last saw it.
    seen: BTreeMap<String, Option<String>>,
    /// Keys whose last write failed: not tried again until they change again.
    failed: Vec<String>,
    /// Keys to write again even though their plain text has not changed (sealed before values
    /// were bound, or set aside on unlocking).
    stale: Vec<String>,
}

/// A personal value as unlocking found it: what the app is to see (`None`: nothing), what storage
/// holds, and whether it must be written (sealed again, bound, or removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub key: String,
    pub plain: Option<String>,
    pub stored: Option<String>,
    pub write: bool,
}

impl State {
    fn differs(&self, key: &str) -> bool {
        self.stale.iter().any(|k| k == key) || self.written.get(key).and_then(Option::as_deref) != self.plain.get(key).map(String::as_str)
    }
}

/// One value to seal and write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    pub key: String,
    /// `None`: the value was removed.
    pub plain: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Done,
    /// Another tab wrote this key since this tab last saw it: open its value and `receive` it.
    Conflict {
        stored: Option<String>,
    },
    Failed(Failure),
}

impl<B: Backend> Vault<B> {
    /// Off or locked, as the lock record in storage says.
    pub fn new(inner: B) -> Self {
        let vault = Self { inner, state: RefCell::default(), on_unwritten: RefCell::default() };
        vault.state.borrow_mut().mode = Some(vault.closed_mode());
        vault
    }

    /// Locked while the record is stored or any personal value is sealed; otherwise off.
    fn closed_mode(&self) -> Mode {
        if self.lock_is_on() || self.has_sealed() {
            Mode::Locked
        } else {
            Mode::Off
        }
    }

    /// Whether any personal value in storage is sealed.
    pub fn has_sealed(&self) -> bool {
        self.inner.keys().iter().any(|k| is_personal(k) && self.inner.get(k).ok().flatten().is_some_and(|v| Sealed::read(&v).is_some()))
    }

    /// Calls `tell` whenever a value starts waiting to be written.
    pub fn when_unwritten(&self, tell: impl Fn() + 'static) {
        *self.on_unwritten.borrow_mut() = Some(Rc::new(tell));
    }

    fn tell_unwritten(&self) {
        let tell = self.on_unwritten.borrow().clone();
        if let Some(tell) = tell {
            tell();
        }
    }

    pub fn mode(&self) -> Mode {
        self.state.borrow().mode.unwrap_or(Mode::Off)
    }

    /// Whether the lock record is in storage now (another tab may have just changed it).
    pub fn lock_is_on(&self) -> bool {
        matches!(self.inner.get(LOCK_KEY), Ok(Some(_)))
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// Every personal key in storage with its stored text.
    pub fn stored_personal(&self) -> Vec<(String, String)> {
        self.inner.keys().into_iter().filter(|k| is_personal(k)).filter_map(|k| Some((k.clone(), self.inner.get(&k).ok()??))).collect()
    }

    /// Opens the vault with the key's owner's view of every personal value.
    pub fn open(&self, values: Vec<Opened>) {
        let mut state = self.state.borrow_mut();
        *state = State { mode: Some(Mode::Open), ..State::default() };
        for Opened { key, plain, stored, write } in values {
            if write {
                state.stale.push(key.clone());
            }
            state.written.insert(key.clone(), plain.clone());
            state.seen.insert(key.clone(), stored);
            if let Some(plain) = plain {
                state.plain.insert(key, plain);
            }
        }
        drop(state);
        self.tell_unwritten();
    }

    /// Forgets every plain value (the driver writes what is unwritten first, except on a quick
    /// exit, which cannot wait).
    pub fn lock(&self) {
        *self.state.borrow_mut() = State { mode: Some(self.closed_mode()), ..State::default() };
    }

    /// The lock was turned off (here or in another tab): everything is plain in storage.
    pub fn turn_off(&self) {
        *self.state.borrow_mut() = State { mode: Some(Mode::Off), ..State::default() };
    }

    fn write_of(&self, key: String) -> Write {
        let plain = self.state.borrow().plain.get(&key).cloned();
        Write { key, plain }
    }

    fn unwritten_keys(&self) -> Vec<String> {
        let state = self.state.borrow();
        // Both maps' keys, in order, once each.
        let mut keys: Vec<&String> = state.plain.keys().chain(state.written.keys()).collect();
        crate::sort::sort(&mut keys);
        keys.dedup();
        let mut unwritten: Vec<String> = keys.into_iter().filter(|k| state.differs(k)).cloned().collect();
        let stale: Vec<String> = state.stale.iter().filter(|k| !unwritten.contains(k)).cloned().collect();
        unwritten.extend(stale);
        unwritten
    }

    /// Whether this key holds a change not yet written (or whose write failed).
    pub fn is_unwritten(&self, key: &str) -> bool {
        let state = self.state.borrow();
        state.mode == Some(Mode::Open) && state.differs(key)
    }

    /// Every value not yet written, failed writes included (to keep them aside when locking).
    pub fn unwritten(&self) -> Vec<Write> {
        if self.mode() != Mode::Open {
            return Vec::new();
        }
        self.unwritten_keys().into_iter().map(|key| self.write_of(key)).collect()
    }

    /// The next value to seal and write, if any (keys whose last write failed wait for a change).
    pub fn next_to_write(&self) -> Option<Write> {
        if self.mode() != Mode::Open {
            return None;
        }
        let failed = self.state.borrow().failed.clone();
        let key = self.unwritten_keys().into_iter().find(|k| !failed.contains(k))?;
        Some(self.write_of(key))
    }

    /// Writes a sealed value (`stored`, or removes the key when `None`) made from `write`, unless
    /// another tab wrote the key since this tab last saw it.
    pub fn finish_write(&self, write: &Write, stored: Option<&str>) -> Written {
        let current = match self.inner.get(&write.key) {
            Ok(current) => current,
            Err(failure) => return self.failed(&write.key, failure),
        };
        if self.state.borrow().seen.get(&write.key).cloned().flatten() != current {
            return Written::Conflict { stored: current };
        }
        let result = match stored {
            Some(text) => self.inner.set(&write.key, text),
            None => self.inner.remove(&write.key),
        };
        if let Err(failure) = result {
            return self.failed(&write.key, failure);
        }
        let mut state = self.state.borrow_mut();
        state.failed.retain(|k| *k != write.key);
        state.stale.retain(|k| *k != write.key);
        state.seen.insert(write.key.clone(), stored.map(str::to_string));
        state.written.insert(write.key.clone(), write.plain.clone());
        Written::Done
    }

    fn failed(&self, key: &str, failure: Failure) -> Written {
        let mut state = self.state.borrow_mut();
        if !state.failed.iter().any(|k| k == key) {
            state.failed.push(key.to_string());
        }
        Written::Failed(failure)
    }

    /// Another tab's value for a personal key, opened with this tab's key (`None`: removed). It
    /// replaces this tab's copy; the app merges its own unwritten changes over it (it asks
    /// `is_unwritten` first).
    pub fn receive(&self, key: &str, plain: Option<String>, stored: Option<String>) {
        let mut state = self.state.borrow_mut();
        if state.mode != Some(Mode::Open) {
            return;
        }
        match &plain {
            Some(text) => state.plain.insert(key.to_string(), text.clone()),
            None => state.plain.remove(key),
        };
        state.written.insert(key.to_string(), plain);
        state.seen.insert(key.to_string(), stored);
        state.failed.retain(|k| k != key);
        state.stale.retain(|k| k != key);
    }

    /// Writes several values at once (turning the lock on or off, a new passphrase): all of them,
    /// or, if one fails, none (what was there before is put back).
    pub fn write_all(&self, writes: &[(String, Option<String>)]) -> Result<(), Failure> {
        let mut before = Vec::with_capacity(writes.len());
        for (key, _) in writes {
            before.push((key.clone(), self.inner.get(key)?));
        }
        for (done, (key, value)) in writes.iter().enumerate() {
            let result = match value {
                Some(text) => self.inner.set(key, text),
                None => self.inner.remove(key),
            };
            if let Err(failure) = result {
                // Put back in reverse order: each value put back is the one that replaced it
                // shrinking to what it was, which fits.
                for (key, value) in before[..done].iter().rev() {
                    let _ = match value {
                        Some(text) => self.inner.set(key, text),
                        None => self.inner.remove(key),
                    };
                }
                return Err(failure);
            }
        }
        Ok(())
    }

    fn holds_in_memory(&self, key: &str) -> bool {
        is_personal(key) && self.mode() != Mode::Off
    }
}

impl<B: Backend> Backend for Vault<B> {
    fn get(&self, key: &str) -> Result<Option<String>, Failure> {
        if !self.holds_in_memory(key) {
            return self.inner.get(key);
        }
        let state = self.state.borrow();
        match state.mode {
            Some(Mode::Open) => Ok(state.plain.get(key).cloned()),
            _ => Err(Failure::Refused),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Failure> {
        if !self.holds_in_memory(key) {
            return self.inner.set(key, value);
        }
        let mut state = self.state.borrow_mut();
        if state.mode != Some(Mode::Open) {
            return Err(Failure::Refused);
        }
        state.plain.insert(key.to_string(), value.to_string());
        state.failed.retain(|k| k != key);
        drop(state);
        self.tell_unwritten();
        Ok(())
    }

    /// Removal needs no key, so it happens at once, locked or not (deleting everything works on
    /// the locked screen too). Removing the lock record turns the lock off once nothing sealed is
    /// left (deleting everything removes it last).
    fn remove(&self, key: &str) -> Result<(), Failure> {
        self.inner.remove(key)?;
        if key == LOCK_KEY && !self.has_sealed() {
            self.turn_off();
        } else if self.holds_in_memory(key) {
            let mut state = self.state.borrow_mut();
            state.plain.remove(key);
            state.written.insert(key.to_string(), None);
            state.seen.insert(key.to_string(), None);
            state.failed.retain(|k| k != key);
            state.stale.retain(|k| k != key);
        }
        Ok(())
    }

    fn keys(&self) -> Vec<String> {
        let state = self.state.borrow();
        let stored = self.inner.keys().into_iter();
        match state.mode {
            Some(Mode::Open) => stored.filter(|k| !is_personal(k)).chain(state.plain.keys().cloned()).collect(),
            _ => stored.collect(),
        }
    }

    fn holds(&self, key: &str, text: &str) -> Result<bool, Failure> {
        if !self.holds_in_memory(key) {
            return self.inner.holds(key, text);
        }
        super::holds_by_reading(self, key, text)
    }

    /// What storage really holds (sealed, when the lock is on), for measuring its size.
    fn stored(&self, key: &str) -> Option<String> {
        self.inner.get(key).ok().flatten()
    }

    fn is_unwritten(&self, key: &str) -> bool {
        Vault::is_unwritten(self, key)
    }

    fn is_locked(&self, key: &str) -> bool {
        self.holds_in_memory(key) && self.mode() == Mode::Locked
    }

    fn writes_later(&self) -> bool {
        self.mode() == Mode::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::memory::Memory;

    /// Stands in for WebCrypto: a real sealed value's form, its "ciphertext" the text reversed.
    fn seal(plain: &str) -> String {
        use crate::storage::sealed::{Bytes, ITERATIONS, SALT_BYTES};
        let mut sealed = Sealed::bound("recovery-guide:x", 1, &Bytes(vec![7; SALT_BYTES]), ITERATIONS);
        sealed.iv = Bytes(vec![1; 12]);
        sealed.ciphertext = Bytes(plain.bytes().rev().collect());
        sealed.to_text()
    }

    fn open_vault(memory: &Memory) -> Vault<&Memory> {
        memory.items.borrow_mut().insert(LOCK_KEY.into(), "{lock record}".into());
        let vault = Vault::new(memory);
        assert_eq!(vault.mode(), Mode::Locked);
        vault.open(vec![]);
        vault
    }

    /// What the lock's driver does: seal and write everything unwritten.
    fn write_everything(vault: &Vault<&Memory>) -> Vec<Written> {
        let mut results = Vec::new();
        while let Some(write) = vault.next_to_write() {
            let stored = write.plain.as_deref().map(seal);
            let result = vault.finish_write(&write, stored.as_deref());
            let stop = result != Written::Done;
            results.push(result);
            if stop {
                break;
            }
        }
        results
    }

    #[test]
    fn off_it_passes_everything_through() {
        let memory = Memory::default();
        let vault = Vault::new(&memory);
        assert_eq!(vault.mode(), Mode::Off);
        vault.set("recovery-guide:bookmarks", "plain").unwrap();
        assert_eq!(memory.items.borrow().get("recovery-guide:bookmarks").map(String::as_str), Some("plain"));
        assert_eq!(vault.next_to_write(), None);
    }

    #[test]
    fn open_it_answers_from_memory_and_writes_personal_values_only_sealed() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:bookmarks", "my private note").unwrap();
        vault.set("recovery-guide:settings", "{\"theme\":\"dark\"}").unwrap();
        assert_eq!(vault.get("recovery-guide:bookmarks").unwrap().as_deref(), Some("my private note"));
        assert!(vault.is_unwritten("recovery-guide:bookmarks"));
        assert!(!memory.items.borrow().contains_key("recovery-guide:bookmarks"), "nothing plain reaches storage");
        assert_eq!(write_everything(&vault), [Written::Done]);
        assert_eq!(memory.items.borrow()["recovery-guide:bookmarks"], seal("my private note"));
        assert_eq!(memory.items.borrow()["recovery-guide:settings"], "{\"theme\":\"dark\"}", "display settings stay plain");
        assert!(!vault.is_unwritten("recovery-guide:bookmarks"));
    }

    #[test]
    fn it_says_whether_a_key_holds_a_text_as_the_app_sees_it_open_or_off() {
        let memory = Memory::default();
        let off = Vault::new(&memory);
        off.set("recovery-guide:history", "five years").unwrap();
        assert_eq!(off.holds("recovery-guide:history", "five years"), Ok(true));
        memory.items.borrow_mut().insert("recovery-guide:history".into(), "another tab's".into());
        assert_eq!(off.holds("recovery-guide:history", "five years"), Ok(false));
        let open = open_vault(&memory);
        open.set("recovery-guide:history", "five years").unwrap();
        assert_eq!(open.holds("recovery-guide:history", "five years"), Ok(true), "the plain text, not the sealed");
        assert_eq!(open.holds("recovery-guide:history", "another tab's"), Ok(false));
    }

    #[test]
    fn locked_nothing_personal_can_be_read_or_written_but_everything_can_be_deleted() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:history", "saved reflections").unwrap();
        write_everything(&vault);
        vault.lock();
        assert_eq!(vault.mode(), Mode::Locked);
        assert_eq!(vault.get("recovery-guide:history"), Err(Failure::Refused));
        assert_eq!(vault.set("recovery-guide:history", "x"), Err(Failure::Refused));
        assert_eq!(vault.get("recovery-guide:settings"), Ok(None), "display settings still work");
        for key in vault.keys() {
            vault.remove(&key).unwrap();
        }
        assert!(memory.items.borrow().is_empty());
        assert_eq!(vault.mode(), Mode::Off, "no lock record, no lock");
    }

    #[test]
    fn values_unlocking_marks_are_sealed_again_or_removed() {
        let memory = Memory::default();
        memory.items.borrow_mut().insert(LOCK_KEY.into(), "{lock record}".into());
        memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), seal("sealed before binding"));
        memory.items.borrow_mut().insert("recovery-guide:plan".into(), "planted".into());
        let vault = Vault::new(&memory);
        vault.open(vec![
            Opened { key: "recovery-guide:bookmarks".into(), plain: Some("mine".into()), stored: Some(seal("sealed before binding")), write: true },
            Opened { key: "recovery-guide:plan".into(), plain: None, stored: Some("planted".into()), write: true },
            Opened { key: "recovery-guide:set-aside:1".into(), plain: Some("what was found".into()), stored: None, write: true },
        ]);
        assert_eq!(vault.get("recovery-guide:plan"), Ok(None), "what was planted is not seen");
        assert_eq!(write_everything(&vault), [Written::Done, Written::Done, Written::Done]);
        let items = memory.items.borrow();
        assert_eq!(items["recovery-guide:bookmarks"], seal("mine"));
        assert_eq!(items["recovery-guide:set-aside:1"], seal("what was found"));
        assert!(!items.contains_key("recovery-guide:plan"));
    }

    #[test]
    fn removing_the_record_alone_does_not_turn_the_lock_off() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:bookmarks", "private").unwrap();
        write_everything(&vault);
        vault.lock();
        vault.remove(LOCK_KEY).unwrap();
        assert_eq!(vault.mode(), Mode::Locked, "sealed values remain");
        assert_eq!(vault.set("recovery-guide:bookmarks", "plain"), Err(Failure::Refused));
        // A page loaded later: still locked, and nothing personal is written plain.
        let reloaded = Vault::new(&memory);
        assert_eq!(reloaded.mode(), Mode::Locked);
        assert_eq!(reloaded.set("recovery-guide:bookmarks", "plain"), Err(Failure::Refused));
        assert_eq!(memory.items.borrow()["recovery-guide:bookmarks"], seal("private"));
    }

    #[test]
    fn every_unwritten_value_can_be_kept_aside_when_locking() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:bookmarks", "too big").unwrap();
        *memory.fail_writes.borrow_mut() = Some(Failure::Full);
        assert_eq!(write_everything(&vault), [Written::Failed(Failure::Full)]);
        assert_eq!(vault.next_to_write(), None);
        assert_eq!(vault.unwritten(), [Write { key: "recovery-guide:bookmarks".into(), plain: Some("too big".into()) }]);
    }

    #[test]
    fn a_write_never_replaces_another_tabs_write_unseen() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:reflections", "mine").unwrap();
        // Another tab writes while this one is sealing.
        let write = vault.next_to_write().unwrap();
        memory.items.borrow_mut().insert("recovery-guide:reflections".into(), seal("theirs"));
        let result = vault.finish_write(&write, Some(&seal("mine")));
        assert_eq!(result, Written::Conflict { stored: Some(seal("theirs")) });
        assert_eq!(memory.items.borrow()["recovery-guide:reflections"], seal("theirs"), "theirs is kept");
        // The app asks first whether it has something unwritten, then merges over theirs.
        assert!(vault.is_unwritten("recovery-guide:reflections"));
        vault.receive("recovery-guide:reflections", Some("theirs".into()), Some(seal("theirs")));
        assert_eq!(vault.get("recovery-guide:reflections").unwrap().as_deref(), Some("theirs"));
        vault.set("recovery-guide:reflections", "theirs and mine").unwrap();
        assert_eq!(write_everything(&vault), [Written::Done]);
        assert_eq!(memory.items.borrow()["recovery-guide:reflections"], seal("theirs and mine"));
    }

    #[test]
    fn a_change_made_while_sealing_is_written_after() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:bookmarks", "first").unwrap();
        let write = vault.next_to_write().unwrap();
        vault.set("recovery-guide:bookmarks", "second").unwrap();
        assert_eq!(vault.finish_write(&write, Some(&seal("first"))), Written::Done);
        assert!(vault.is_unwritten("recovery-guide:bookmarks"));
        assert_eq!(write_everything(&vault), [Written::Done]);
        assert_eq!(memory.items.borrow()["recovery-guide:bookmarks"], seal("second"));
    }

    #[test]
    fn a_failed_write_leaves_storage_as_it_was_and_waits_for_the_next_change() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:bookmarks", "saved").unwrap();
        write_everything(&vault);
        vault.set("recovery-guide:bookmarks", "too big").unwrap();
        *memory.fail_writes.borrow_mut() = Some(Failure::Full);
        assert_eq!(write_everything(&vault), [Written::Failed(Failure::Full)]);
        assert_eq!(memory.items.borrow()["recovery-guide:bookmarks"], seal("saved"));
        assert!(vault.is_unwritten("recovery-guide:bookmarks"));
        assert_eq!(vault.next_to_write(), None, "not retried in a loop");
        *memory.fail_writes.borrow_mut() = None;
        vault.set("recovery-guide:bookmarks", "smaller").unwrap();
        assert_eq!(write_everything(&vault), [Written::Done]);
    }

    #[test]
    fn writing_several_values_is_all_or_nothing() {
        let memory = Memory::default();
        memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), "plain bookmarks".into());
        memory.items.borrow_mut().insert("recovery-guide:history".into(), "plain history".into());
        let vault = Vault::new(&memory);
        let writes = [
            (LOCK_KEY.to_string(), Some("{lock record}".to_string())),
            ("recovery-guide:bookmarks".to_string(), Some(seal("plain bookmarks"))),
            ("recovery-guide:history".to_string(), Some(seal("plain history"))),
        ];
        // Storage that fills up: room for the lock record and the first sealed value only.
        struct Cramped<'a>(&'a Memory, usize);
        impl Backend for Cramped<'_> {
            fn get(&self, key: &str) -> Result<Option<String>, Failure> {
                self.0.get(key)
            }
            fn set(&self, key: &str, value: &str) -> Result<(), Failure> {
                let others: usize = self.0.items.borrow().iter().filter(|(k, _)| *k != key).map(|(_, v)| v.len()).sum();
                if others + value.len() > self.1 {
                    return Err(Failure::Full);
                }
                self.0.set(key, value)
            }
            fn remove(&self, key: &str) -> Result<(), Failure> {
                self.0.remove(key)
            }
            fn keys(&self) -> Vec<String> {
                self.0.keys()
            }
        }
        let room = "{lock record}".len() + seal("plain bookmarks").len() + "plain history".len();
        let cramped = Vault::new(Cramped(&memory, room));
        assert_eq!(cramped.write_all(&writes), Err(Failure::Full));
        let items = memory.items.borrow().clone();
        assert_eq!(items.get("recovery-guide:bookmarks").map(String::as_str), Some("plain bookmarks"));
        assert!(!items.contains_key(LOCK_KEY), "the lock is not half on");
        drop(items);
        assert_eq!(vault.write_all(&writes), Ok(()));
        assert_eq!(memory.items.borrow()["recovery-guide:history"], seal("plain history"));
    }

    #[test]
    fn keys_while_open_list_what_the_app_sees() {
        let memory = Memory::default();
        let vault = open_vault(&memory);
        vault.set("recovery-guide:bookmarks", "x").unwrap();
        vault.set("recovery-guide:settings", "y").unwrap();
        let mut keys = vault.keys();
        keys.sort();
        assert_eq!(keys, ["recovery-guide:bookmarks", LOCK_KEY, "recovery-guide:settings"]);
    }
}
