//! The one module that owns persistence. Everything else asks it to load or change a store.
//!
//! Rules, because losing or leaking someone's data is the worst bug this app can have:
//! - Every change is applied to the latest saved copy, so a change made in another tab is kept;
//!   changes on screen that could not be saved yet are merged over that copy (the later change
//!   wins, part by part), so a later successful save writes them too instead of dropping them.
//! - Data that cannot be read is never overwritten: its raw text is first copied to a backup key
//!   (which the person can download), and data from a newer app version is not written over at all.
//! - When the browser refuses storage or it is full, the app keeps working in memory and says so;
//!   a failed write leaves what was saved before as it was.
//!
//! The logic runs against the `Backend` trait so it is tested natively; `web` is the browser's
//! `localStorage`.

pub mod crypto;
pub mod sealed;
pub mod vault;
pub mod web;

use crate::data::{Stamps, Unreadable, Versioned};
use std::any::Any;

/// Every key this app writes starts with this, so "Delete all my data" can find them all.
pub const PREFIX: &str = "recovery-guide:";
const BACKUP_PREFIX: &str = "recovery-guide:backup:";

pub fn key_of<T: Versioned>() -> String {
    StoreName::of::<T>().storage_key()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The browser is out of space for this site.
    Full,
    /// Any other refusal (disabled storage, private modes).
    Refused,
}

/// Key-value storage as the browser offers it.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, Failure>;
    fn set(&self, key: &str, value: &str) -> Result<(), Failure>;
    fn remove(&self, key: &str) -> Result<(), Failure>;
    fn keys(&self) -> Vec<String>;
    /// Whether `key` holds exactly `text`. A backend may know without reading the text out.
    fn holds(&self, key: &str, text: &str) -> Result<bool, Failure> {
        holds_by_reading(self, key, text)
    }
    /// The text as storage really holds it (sealed, with the passphrase lock on), for its size.
    fn stored(&self, key: &str) -> Option<String> {
        self.get(key).ok().flatten()
    }
    /// Whether a change to this key is still waiting to be written (sealing takes a moment).
    fn is_unwritten(&self, key: &str) -> bool {
        let _ = key;
        false
    }
    /// Whether this key is sealed by the passphrase lock and this tab has no key.
    fn is_locked(&self, key: &str) -> bool {
        let _ = key;
        false
    }
    /// Whether a change reaches storage a moment after it is made (sealing by the passphrase lock).
    fn writes_later(&self) -> bool {
        false
    }
}

/// `Backend::holds` by reading the text out and comparing it.
fn holds_by_reading<B: Backend + ?Sized>(backend: &B, key: &str, text: &str) -> Result<bool, Failure> {
    Ok(backend.get(key)?.as_deref() == Some(text))
}

/// The app holds its backend as `&'static dyn Backend`, so native tests can give it memory where
/// the browser gives it `localStorage`.
impl<B: Backend + ?Sized> Backend for &B {
    fn get(&self, key: &str) -> Result<Option<String>, Failure> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), Failure> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), Failure> {
        (**self).remove(key)
    }
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
    fn holds(&self, key: &str, text: &str) -> Result<bool, Failure> {
        (**self).holds(key, text)
    }
    fn stored(&self, key: &str) -> Option<String> {
        (**self).stored(key)
    }
    fn is_unwritten(&self, key: &str) -> bool {
        (**self).is_unwritten(key)
    }
    fn is_locked(&self, key: &str) -> bool {
        (**self).is_locked(key)
    }
    fn writes_later(&self) -> bool {
        (**self).writes_later()
    }
}

/// Something the person needs to know about their data, said once, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The browser refuses storage: nothing will be kept after the page closes.
    StorageRefused,
    /// Saved data could not be read. Its raw text is kept under `backup_key` (if that worked);
    /// `key` is where it is stored.
    Unreadable { store: &'static str, key: String, problem: Unreadable, backup_key: Option<String> },
    /// A change could not be saved; everything saved before is untouched.
    WriteFailed { full: bool },
    /// The app's data fills this share (a percentage) of the room the browser gives it: said
    /// before it is full, while there is still room to act.
    NearlyFull { percent: usize },
}

/// About 5 MiB per site (5,242,880 UTF-16 code units, keys included, as measured in Chromium),
/// in every major browser.
pub const LOCAL_STORAGE_LIMIT: usize = 5 * 1024 * 1024;

/// The shares of `LOCAL_STORAGE_LIMIT` at which the person is told their data is nearly full.
pub const NEARLY_FULL_PERCENTS: [usize; 3] = [80, 90, 95];

impl Notice {
    #[inline(never)]
    fn unreadable(store: &'static str, key: &str, problem: Unreadable, backup_key: Option<String>) -> Self {
        Self::Unreadable { store, key: format!("{PREFIX}{key}"), problem, backup_key }
    }

    fn write_failed(failure: Failure) -> Self {
        Self::WriteFailed { full: failure == Failure::Full }
    }

    /// Where unreadable data is stored that could not be copied aside (so it blocks every save
    /// to its store until the person downloads and removes it). Not data from a newer app.
    pub fn stuck_key(&self) -> Option<&str> {
        match self {
            Self::Unreadable { key, problem, backup_key: None, .. } if !matches!(problem, Unreadable::NewerVersion(_)) => Some(key),
            _ => None,
        }
    }

    pub fn explain(&self) -> String {
        match self {
            Self::StorageRefused => "Your browser is not letting this app save anything on this device (this can happen in private browsing). You can use everything, but your bookmarks, reflections and plan will be gone when you close this page. Download a copy from “Your data” to keep them.".into(),
            Self::Unreadable { store, problem, backup_key, .. } => {
                let kept = match (problem, backup_key) {
                    (Unreadable::NewerVersion(_), _) => " It has been left as it was. Changes you make now will not be saved until you update.",
                    (_, Some(_)) => " A copy of it has been kept, and you can download it from “Your data”. New changes will be saved as normal.",
                    (_, None) => " There was no room to keep a copy, so it has been left as it was, and changes you make now will not be saved. On “Your data” you can download it, then remove it.",
                };
                format!("{}{kept}", problem.explain(store))
            }
            Self::WriteFailed { full: true } => "Your device is out of space for this app, so your latest changes were not saved. Everything saved before is safe. Download a copy from “Your data” to keep them.".into(),
            Self::WriteFailed { full: false } => "Your latest changes could not be saved. Everything saved before is safe. Download a copy from “Your data” to keep them.".into(),
            Self::NearlyFull { percent } => format!("Your saved data now fills about {percent}% of the room this browser gives it (about 5 MB). When it is full, new changes cannot be saved. Download a copy from “Your data” to keep everything, then delete saved reflections or bookmarks you no longer need."),
        }
    }
}

/// A store as loaded: the data to show, and what to tell the person about it, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub data: T,
    pub notice: Option<Notice>,
}

/// A backup of unreadable data, for the person to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub key: String,
    pub raw: String,
}

/// What a store looks like on screen, as far as saving goes.
pub enum Shown<'a, T> {
    /// The same as the last load or successful save.
    Saved(&'a T),
    /// Holds changes that could not be saved (storage full or refused, or newer data in the way).
    Unsaved(&'a T),
}

impl<'a, T> Shown<'a, T> {
    fn data(&self) -> &'a T {
        match *self {
            Self::Saved(data) | Self::Unsaved(data) => data,
        }
    }

    fn unsaved(&self) -> Option<&'a T> {
        match *self {
            Self::Saved(_) => None,
            Self::Unsaved(data) => Some(data),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Persistence<B> {
    /// `None` when the browser refuses storage altogether.
    backend: Option<B>,
}

/// A store's data as saving sees it, whichever store it is, so the save path is compiled once
/// rather than once per store (a few KB of the wasm).
pub trait StoreData: Any {
    /// Becomes what `raw` holds, with this copy's own changes merged over it if `keep_mine`.
    fn read_over(&mut self, raw: &str, keep_mine: bool) -> Result<(), Unreadable>;
    fn clear(&mut self);
    fn clamp_future(&mut self, now: u64);
    fn to_stored(&self) -> String;
    fn as_any(&mut self) -> &mut dyn Any;
}

impl<T: Versioned + 'static> StoreData for T {
    fn read_over(&mut self, raw: &str, keep_mine: bool) -> Result<(), Unreadable> {
        let mut saved = T::from_stored(raw)?;
        if keep_mine {
            saved.merge(self);
        }
        *self = saved;
        Ok(())
    }
    fn clear(&mut self) {
        *self = T::default();
    }
    fn clamp_future(&mut self, now: u64) {
        Stamps::clamp_future(self, now);
    }
    fn to_stored(&self) -> String {
        Versioned::to_stored(self)
    }
    fn as_any(&mut self) -> &mut dyn Any {
        self
    }
}

/// Which store, for its key in storage and its name in messages.
#[derive(Clone, Copy)]
pub struct StoreName {
    pub key: &'static str,
    pub name: &'static str,
}

impl StoreName {
    pub fn of<T: Versioned>() -> Self {
        Self { key: T::KEY, name: T::NAME }
    }

    /// Its key in storage.
    pub fn storage_key(self) -> String {
        format!("{PREFIX}{}", self.key)
    }
}

/// Unreadable data may be written over only once a copy is safe, and never if a newer app made it.
fn may_overwrite(problem: &Unreadable, backup_key: &Option<String>) -> bool {
    backup_key.is_some() && !matches!(problem, Unreadable::NewerVersion(_))
}

impl<B: Backend> Persistence<B> {
    pub fn new(backend: Option<B>) -> Self {
        Self { backend }
    }

    /// False when the browser refuses storage altogether.
    pub fn is_available(&self) -> bool {
        self.backend.is_some()
    }

    /// Makes `data` what storage holds as `raw` (merged under `data`'s own changes if
    /// `keep_mine`). Unreadable text is copied to a backup key first; then the notice comes with
    /// whether the text must not be written over.
    fn read_into(&self, backend: &B, store: StoreName, raw: &str, data: &mut dyn StoreData, keep_mine: bool) -> Result<(), (Notice, bool)> {
        // Still sealed: the passphrase lock could not open it (its text is damaged).
        let read = if sealed::Sealed::read(raw).is_some() { Err(Unreadable::NotJson) } else { data.read_over(raw, keep_mine) };
        read.map_err(|problem| {
            let backup_key = self.back_up_unreadable(backend, store.key, raw, &problem);
            let blocks = !may_overwrite(&problem, &backup_key);
            (Notice::unreadable(store.name, store.key, problem, backup_key), blocks)
        })
    }

    /// Copies unreadable raw text of `store` to its own backup key (once per distinct text). Not
    /// generic, so each store does not compile its own copy.
    #[inline(never)]
    fn back_up_unreadable(&self, backend: &B, store: &str, raw: &str, problem: &Unreadable) -> Option<String> {
        // Data from a newer app is never written over, so it needs no copy; copying it would make
        // a new backup each time the newer app, open in another tab, changed it, until storage
        // was full.
        if matches!(problem, Unreadable::NewerVersion(_)) {
            return None;
        }
        let prefix = format!("{BACKUP_PREFIX}{store}:");
        let keys = backend.keys();
        if let Some(existing) = keys.iter().find(|k| k.starts_with(&prefix) && backend.get(k).ok().flatten().as_deref() == Some(raw)) {
            return Some(existing.clone());
        }
        let key = (1..).map(|n| format!("{prefix}{n}")).find(|k| !keys.contains(k))?;
        backend.set(&key, raw).ok().map(|()| key)
    }

    pub fn load<T: Versioned + 'static>(&self) -> Loaded<T> {
        let mut data = T::default();
        let (notice, _) = self.load_into(StoreName::of::<T>(), &mut data);
        Loaded { data, notice }
    }

    /// Reads a store into `data` (left empty when there is nothing readable). Gives back what to
    /// tell the person, if anything, and the text read.
    pub fn load_into(&self, store: StoreName, data: &mut dyn StoreData) -> (Option<Notice>, Option<String>) {
        let Some(backend) = &self.backend else { return (Some(Notice::StorageRefused), None) };
        let Ok(raw) = backend.get(&store.storage_key()) else { return (Some(Notice::StorageRefused), None) };
        let Some(raw) = raw else { return (None, None) };
        match self.read_into(backend, store, &raw, data, false) {
            Ok(()) => (None, Some(raw)),
            Err((notice, _)) => {
                data.clear();
                (Some(notice), None)
            }
        }
    }

    /// Applies `change` to the latest saved copy and saves it. Returns the data to show and, if it
    /// could not be saved, why; the change is then kept in memory only. `shown` is what is on
    /// screen: `Shown::Unsaved` when an earlier change to it could not be saved, which is then
    /// merged over the saved copy, so it is written with this change rather than lost.
    pub fn update<T: Versioned + 'static>(&self, shown: Shown<'_, T>, change: impl FnOnce(&mut T)) -> (T, Option<Notice>) {
        let mut data = shown.data().clone();
        let mut change = Some(change);
        let (notice, _) = self.update_known(StoreName::of::<T>(), &mut data, shown.unsaved().is_some(), None, &mut |data| {
            if let (Some(change), Some(data)) = (change.take(), data.as_any().downcast_mut::<T>()) {
                change(data);
            }
        });
        (data, notice)
    }

    /// `update` in place: `data` is what is on screen (holding changes not saved yet if
    /// `unsaved`), and becomes what is saved. Given the text this tab last read or wrote for the
    /// store (`known`), it needs no decoding while storage still holds that text (five years of
    /// data take longer to decode than to change), and it gives back the text it writes.
    pub fn update_known(
        &self,
        store: StoreName,
        data: &mut dyn StoreData,
        unsaved: bool,
        known: Option<&str>,
        change: &mut dyn FnMut(&mut dyn StoreData),
    ) -> (Option<Notice>, Option<String>) {
        let key = store.storage_key();
        let blocked = match &self.backend {
            None => Some(Notice::StorageRefused),
            Some(backend) if !unsaved && known.is_some_and(|known| backend.holds(&key, known) == Ok(true)) => None,
            Some(backend) => match backend.get(&key) {
                Err(failure) => Some(Notice::write_failed(failure)),
                Ok(Some(raw)) => self.read_into(backend, store, &raw, data, unsaved).err().filter(|(_, blocks)| *blocks).map(|(notice, _)| notice),
                // Nothing saved: with nothing unsaved on screen, another tab deleted everything,
                // so start from nothing rather than bring it back. Unsaved changes are kept.
                Ok(None) => {
                    if !unsaved {
                        data.clear();
                    }
                    None
                }
            },
        };
        change(data);
        if blocked.is_some() {
            return (blocked, None);
        }
        match self.write(store.key, data.to_stored()) {
            Ok(stored) => (None, Some(stored)),
            Err(notice) => (Some(notice), None),
        }
    }

    /// Writes a store's text (not generic: one copy for every store).
    #[inline(never)]
    fn write(&self, store: &str, stored: String) -> Result<String, Notice> {
        let backend = self.backend.as_ref().ok_or(Notice::StorageRefused)?;
        backend.set(&format!("{PREFIX}{store}"), &stored).map_err(Notice::write_failed)?;
        Ok(stored)
    }

    /// Backups of unreadable data, oldest first.
    pub fn backups(&self) -> Vec<Backup> {
        let Some(backend) = &self.backend else { return Vec::new() };
        let mut keys: Vec<String> = backend.keys().into_iter().filter(|k| k.starts_with(BACKUP_PREFIX)).collect();
        // "bookmarks:2" before "bookmarks:10".
        crate::sort::sort_by_key(&mut keys, |key| {
            let (store, number) = key.rsplit_once(':').unwrap_or((key, ""));
            (store.to_string(), number.parse::<u64>().unwrap_or(u64::MAX))
        });
        keys.into_iter().filter_map(|key| Some(Backup { raw: backend.get(&key).ok()??, key })).collect()
    }

    /// What the passphrase lock set aside on unlocking (key, what was found), oldest first; none
    /// while locked.
    pub fn set_aside(&self) -> Vec<(String, sealed::SetAside)> {
        let Some(backend) = &self.backend else { return Vec::new() };
        let mut found: Vec<(String, sealed::SetAside)> = backend
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(sealed::SET_ASIDE_PREFIX))
            .filter_map(|key| Some((key.clone(), sealed::SetAside::read(&backend.get(&key).ok()??)?)))
            .collect();
        crate::sort::sort_by_key(&mut found, |(_, aside)| aside.found_at);
        found
    }

    /// The stored text under one of this app's keys, exactly as it is.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.backend.as_ref().filter(|_| key.starts_with(PREFIX))?.get(key).ok()?
    }

    /// Removes one of this app's keys (unreadable data the person has downloaded).
    pub fn remove(&self, key: &str) -> Result<(), Failure> {
        match &self.backend {
            Some(backend) if key.starts_with(PREFIX) => backend.remove(key),
            _ => Err(Failure::Refused),
        }
    }

    /// How much of the browser's storage this app's own keys take, in UTF-16 code units (as
    /// browsers count localStorage against its limit of about 5 MiB per site).
    pub fn usage(&self) -> usize {
        let Some(backend) = &self.backend else { return 0 };
        let size = |text: &str| text.encode_utf16().count();
        backend.keys().iter().filter(|k| k.starts_with(PREFIX)).map(|key| size(key) + backend.stored(key).map_or(0, |v| size(&v))).sum()
    }

    /// Whether a change to this store is still waiting to be sealed and written.
    pub fn is_unwritten(&self, key: &str) -> bool {
        self.backend.as_ref().is_some_and(|b| b.is_unwritten(key))
    }

    /// Whether a change reaches storage a moment after it is made (with the passphrase lock on).
    pub fn writes_later(&self) -> bool {
        self.backend.as_ref().is_some_and(|b| b.writes_later())
    }

    /// Whether this store is behind the passphrase lock, and locked.
    pub fn is_locked(&self, key: &str) -> bool {
        self.backend.as_ref().is_some_and(|b| b.is_locked(key))
    }

    /// Removes everything this app has stored on the device, backups included.
    pub fn delete_all(&self) -> Result<(), Failure> {
        let Some(backend) = &self.backend else { return Ok(()) };
        let mut keys: Vec<String> = backend.keys().into_iter().filter(|k| k.starts_with(PREFIX)).collect();
        // The lock's record last: while sealed values remain, the lock stays on.
        crate::sort::sort_by_key(&mut keys, |k| k == sealed::LOCK_KEY);
        for key in keys {
            backend.remove(&key)?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub mod memory {
    //! An in-memory `Backend` for tests, which can be told to refuse writes or be full.
    use super::{Backend, Failure};
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    #[derive(Default)]
    pub struct Memory {
        pub items: RefCell<BTreeMap<String, String>>,
        pub fail_writes: RefCell<Option<Failure>>,
        pub fail_removes: RefCell<bool>,
    }

    impl Backend for Memory {
        fn get(&self, key: &str) -> Result<Option<String>, Failure> {
            Ok(self.items.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), Failure> {
            if let Some(failure) = self.fail_writes.borrow().clone() {
                return Err(failure);
            }
            self.items.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) -> Result<(), Failure> {
            if *self.fail_removes.borrow() {
                return Err(Failure::Refused);
            }
            self.items.borrow_mut().remove(key);
            Ok(())
        }
        fn keys(&self) -> Vec<String> {
            self.items.borrow().keys().cloned().collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::memory::Memory;
    use super::*;
    use crate::data::{Bookmarks, Reflections};

    fn raw(memory: &Memory, key: &str) -> Option<String> {
        memory.items.borrow().get(key).cloned()
    }

    fn add(p: &Persistence<&Memory>, shown: &Bookmarks, id: &str, now: u64) -> (Bookmarks, Option<Notice>) {
        p.update(Shown::Saved(shown), |b| b.add(id, "publications", id, now))
    }

    #[test]
    fn saves_and_loads() {
        let memory = Memory::default();
        let p = Persistence::new(Some(&memory));
        let (shown, notice) = add(&p, &Bookmarks::default(), "pace", 1);
        assert_eq!(notice, None);
        assert_eq!(p.load::<Bookmarks>().data, shown);
        assert!(raw(&memory, "recovery-guide:bookmarks").unwrap().starts_with("{\"version\":1"));
    }

    #[test]
    fn a_change_keeps_what_another_tab_saved_meanwhile() {
        let memory = Memory::default();
        let p = Persistence::new(Some(&memory));
        let tab_one = p.load::<Bookmarks>().data;
        let tab_two = p.load::<Bookmarks>().data;
        add(&p, &tab_two, "from-tab-two", 1);
        let (after, _) = add(&p, &tab_one, "from-tab-one", 2);
        assert!(after.contains("from-tab-one") && after.contains("from-tab-two"));
    }

    #[test]
    fn corrupt_data_is_backed_up_never_lost_and_then_replaced() {
        // The last: a key given twice, which this app never writes (which copy was meant is unknown).
        for corrupt in [
            "{not json",
            "[1,2,3]",
            "{\"version\":1,\"bookmarks\":42}",
            "{\"bookmarks\":{}}",
            "\u{0}\u{ffff}",
            "{\"version\":1,\"bookmarks\":{},\"bookmarks\":{}}",
        ] {
            let memory = Memory::default();
            memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), corrupt.into());
            let p = Persistence::new(Some(&memory));
            let loaded = p.load::<Bookmarks>();
            assert_eq!(loaded.data, Bookmarks::default());
            let Some(Notice::Unreadable { backup_key: Some(backup), .. }) = loaded.notice else { panic!("{corrupt}: {:?}", loaded.notice) };
            assert_eq!(raw(&memory, &backup).as_deref(), Some(corrupt));
            // Loading again does not make a second copy.
            p.load::<Bookmarks>();
            assert_eq!(p.backups().len(), 1);
            // With the copy safe, new changes are saved as normal.
            let (_, notice) = add(&p, &loaded.data, "pace", 1);
            assert_eq!(notice, None);
            assert_eq!(raw(&memory, &backup).as_deref(), Some(corrupt));
        }
    }

    #[test]
    fn unreadable_data_with_no_room_for_a_copy_can_be_downloaded_then_removed() {
        let memory = Memory::default();
        memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), "{damaged".into());
        *memory.fail_writes.borrow_mut() = Some(Failure::Full);
        let p = Persistence::new(Some(&memory));
        let notice = p.load::<Bookmarks>().notice.unwrap();
        assert!(notice.explain().contains("download it, then remove it"));
        let key = notice.stuck_key().expect("stuck: no copy, and every save is refused").to_string();
        assert_eq!(p.raw(&key).as_deref(), Some("{damaged"));
        p.remove(&key).unwrap();
        *memory.fail_writes.borrow_mut() = None;
        let (_, notice) = add(&p, &Bookmarks::default(), "pace", 1);
        assert_eq!(notice, None, "saves work again");
        assert!(p.remove("someone-else").is_err(), "only this app's keys");
    }

    #[test]
    fn data_from_a_newer_app_is_never_written_over() {
        let newer = "{\"version\":99,\"bookmarks\":{}}";
        let memory = Memory::default();
        memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), newer.into());
        let p = Persistence::new(Some(&memory));
        let loaded = p.load::<Bookmarks>();
        assert!(matches!(loaded.notice, Some(Notice::Unreadable { problem: Unreadable::NewerVersion(99), .. })));
        let (shown, notice) = add(&p, &loaded.data, "pace", 1);
        assert!(shown.contains("pace"), "the app keeps working in memory");
        assert!(notice.is_some());
        assert_eq!(raw(&memory, "recovery-guide:bookmarks").as_deref(), Some(newer));
    }

    #[test]
    fn newer_data_changing_in_another_tab_does_not_fill_storage_with_copies() {
        let memory = Memory::default();
        let p = Persistence::new(Some(&memory));
        for n in 0..20 {
            let newer = format!("{{\"version\":99,\"bookmarks\":{{\"n\":{n}}}}}");
            memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), newer);
            let loaded = p.load::<Bookmarks>();
            add(&p, &loaded.data, "pace", n);
        }
        assert_eq!(p.backups(), Vec::new());
        assert_eq!(memory.items.borrow().len(), 1);
    }

    #[test]
    fn backups_are_listed_oldest_first() {
        let memory = Memory::default();
        for n in [10, 2, 1] {
            memory.items.borrow_mut().insert(format!("recovery-guide:backup:bookmarks:{n}"), format!("copy {n}"));
        }
        let p = Persistence::new(Some(&memory));
        let order: Vec<String> = p.backups().into_iter().map(|b| b.raw).collect();
        assert_eq!(order, ["copy 1", "copy 2", "copy 10"]);
    }

    #[test]
    fn changes_that_could_never_be_saved_build_on_each_other() {
        let memory = Memory::default();
        *memory.fail_writes.borrow_mut() = Some(Failure::Full);
        let p = Persistence::new(Some(&memory));
        let (shown, notice) = add(&p, &Bookmarks::default(), "first", 1);
        assert_eq!(notice, Some(Notice::WriteFailed { full: true }));
        let (shown, _) = p.update(Shown::Unsaved(&shown), |b| b.add("second", "publications", "second", 2));
        assert!(shown.contains("first") && shown.contains("second"));
        // Once there is room again, both are saved.
        *memory.fail_writes.borrow_mut() = None;
        let (_, notice) = p.update(Shown::Unsaved(&shown), |b| b.add("third", "publications", "third", 3));
        assert_eq!(notice, None);
        let saved = p.load::<Bookmarks>().data;
        assert!(["first", "second", "third"].iter().all(|id| saved.contains(id)));
    }

    #[test]
    fn unsaved_changes_are_written_by_the_next_save_that_succeeds() {
        let memory = Memory::default();
        let p = Persistence::new(Some(&memory));
        let (shown, _) = add(&p, &Bookmarks::default(), "saved-before", 1);
        *memory.fail_writes.borrow_mut() = Some(Failure::Full);
        let (shown, notice) = add(&p, &shown, "unsaved", 2);
        assert!(notice.is_some());
        // Room again: removing another bookmark saves, and must take the unsaved one with it.
        *memory.fail_writes.borrow_mut() = None;
        let (shown, notice) = p.update(Shown::Unsaved(&shown), |b| b.remove("saved-before", 3));
        assert_eq!(notice, None);
        assert!(shown.contains("unsaved") && !shown.contains("saved-before"));
        assert_eq!(p.load::<Bookmarks>().data, shown);
    }

    #[test]
    fn unsaved_changes_merge_with_what_another_tab_saved_meanwhile() {
        let memory = Memory::default();
        let p = Persistence::new(Some(&memory));
        let tab_one = p.load::<Reflections>().data;
        *memory.fail_writes.borrow_mut() = Some(Failure::Full);
        let (tab_one, _) = p.update(Shown::Saved(&tab_one), |r| r.update_answer("work", 1, |a| a.note = "unsaved note".into()));
        // The other tab's change shrinks nothing but gets in first once there is room.
        *memory.fail_writes.borrow_mut() = None;
        let (_, notice) = p.update(Shown::Saved(&p.load::<Reflections>().data), |r| r.update_answer("home", 2, |a| a.true_now = true));
        assert_eq!(notice, None);
        let (merged, notice) = p.update(Shown::Unsaved(&tab_one), |_| {});
        assert_eq!(notice, None);
        assert_eq!(merged.answer("work").note, "unsaved note");
        assert!(merged.answer("home").true_now);
        assert_eq!(p.load::<Reflections>().data, merged);
    }

    #[test]
    fn usage_counts_only_this_apps_keys() {
        let memory = Memory::default();
        memory.items.borrow_mut().insert("someone-else".into(), "x".repeat(100));
        memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), "ab\u{1F600}".into());
        let p = Persistence::new(Some(&memory));
        assert_eq!(p.usage(), "recovery-guide:bookmarks".len() + 4);
    }

    #[test]
    fn after_another_tab_deleted_everything_a_change_does_not_bring_it_back() {
        let memory = Memory::default();
        let p = Persistence::new(Some(&memory));
        let (shown, _) = add(&p, &Bookmarks::default(), "deleted-elsewhere", 1);
        p.delete_all().unwrap();
        let (shown, _) = add(&p, &shown, "new", 2);
        assert!(shown.contains("new") && !shown.contains("deleted-elsewhere"));
    }

    #[test]
    fn refused_storage_works_in_memory_and_says_so() {
        let p: Persistence<&Memory> = Persistence::new(None);
        assert_eq!(p.load::<Bookmarks>().notice, Some(Notice::StorageRefused));
        let (shown, notice) = add(&p, &Bookmarks::default(), "pace", 1);
        assert!(shown.contains("pace"));
        assert_eq!(notice, Some(Notice::StorageRefused));
    }

    #[test]
    fn a_failed_write_loses_nothing_already_saved() {
        let memory = Memory::default();
        let p = Persistence::new(Some(&memory));
        let (shown, _) = add(&p, &Bookmarks::default(), "saved-before", 1);
        let before = raw(&memory, "recovery-guide:bookmarks");
        *memory.fail_writes.borrow_mut() = Some(Failure::Full);
        let (shown, notice) = add(&p, &shown, "not-saved", 2);
        assert_eq!(notice, Some(Notice::WriteFailed { full: true }));
        assert!(shown.contains("not-saved"), "the change stays on screen");
        assert_eq!(raw(&memory, "recovery-guide:bookmarks"), before);
    }

    #[test]
    fn delete_all_removes_only_this_apps_keys() {
        let memory = Memory::default();
        memory.items.borrow_mut().insert("someone-else".into(), "x".into());
        memory.items.borrow_mut().insert("recovery-guide:bookmarks".into(), "{oops".into());
        let p = Persistence::new(Some(&memory));
        p.load::<Bookmarks>();
        p.delete_all().unwrap();
        assert_eq!(memory.items.borrow().keys().collect::<Vec<_>>(), ["someone-else"]);
    }
}
