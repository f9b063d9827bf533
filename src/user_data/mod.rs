//! The person's data as the app shows it: Leptos signals kept in step with `storage`. Components
//! read the signals and call the methods here; nothing else touches storage.
//!
//! Loading happens in an effect, after the first render, so every page also renders without a
//! browser (prerendering) and shows the stored data as soon as the app starts. What the app needs
//! from the device (storage, the clock, asking to keep data) comes in as `Device`, so this logic
//! also runs in native tests, against the in-memory backend.

use crate::browser;
use crate::content::CHECKLIST_RENAMES;
use crate::data::safekeeping::Safekeeping;
use crate::data::settings::Settings;
use crate::data::stores::personal_stores;
use crate::data::transfer::{self, AllData, ExportFile, ImportMode};
use crate::data::{Bookmarks, History, Personal, Plan, Reflections, Versioned};
use crate::effect::effect;
use crate::storage::sealed::{is_personal, SetAside};
use crate::storage::vault::Mode;
use crate::storage::{Backend, Backup, Notice, Persistence, StoreData, StoreName, LOCAL_STORAGE_LIMIT, NEARLY_FULL_PERCENTS, PREFIX};
use leptos::prelude::*;

mod messages;

pub use messages::quote;
use messages::{Status, LOCKED};

/// The persistence layer over whatever storage the device gives.
pub type Store = Persistence<&'static dyn Backend>;

/// What the app state needs from the device, as plain functions so native tests can stand in.
#[derive(Clone, Copy)]
pub struct Device {
    /// Opened once, when the app starts (never while prerendering).
    pub open_storage: fn() -> Store,
    /// Milliseconds since 1970 (UTC).
    pub now: fn() -> u64,
    /// Asks the browser to keep this site's data rather than clear it to make room; the answer
    /// (true: it will keep it) comes back later.
    pub ask_to_keep_data: fn(Box<dyn FnOnce(bool)>),
    /// Runs something after a pause in typing (`TYPING_PAUSE_MS`).
    pub after_a_pause: fn(Box<dyn FnOnce()>),
}

/// How long typing must stop before what was typed is written to storage. Short, so little is
/// at risk; the page being hidden or closed, or the field being left, writes it at once.
pub const TYPING_PAUSE_MS: u64 = 400;

impl Device {
    pub fn browser() -> Self {
        Self {
            open_storage: crate::storage::web::persistence,
            now: browser::now,
            ask_to_keep_data: crate::storage::web::ask_to_keep_data,
            after_a_pause: |then| set_timeout(then, std::time::Duration::from_millis(TYPING_PAUSE_MS)),
        }
    }
}

/// `UserData`, with a signal for each of the person's stores and what is done with all of them
/// (`personal_stores!`).
macro_rules! user_data {
    ($($field:ident: $type:ty, $since:literal, $place:literal;)*) => {
        /// What the app shows of the person's data, as signals: one for each of their own stores,
        /// then the display settings and the record of copies kept, and what saving needs.
        #[derive(Clone, Copy)]
        pub struct UserData {
            $(pub $field: RwSignal<$type>,)*
            pub settings: RwSignal<Settings>,
            /// Whether the browser agreed to keep the data, and when a copy was last downloaded.
            pub safekeeping: RwSignal<Safekeeping>,
            /// Problems with saving, each shown once until dismissed.
            pub notices: RwSignal<Vec<Notice>>,
            /// What was just done, said in the status region (`messages.rs`).
            pub status: RwSignal<Option<Status>>,
            /// Copies of stored data that could not be read, for download.
            pub backups: RwSignal<Vec<Backup>>,
            /// What the passphrase lock set aside on unlocking, for the person to look at.
            pub set_aside: RwSignal<Vec<(String, SetAside)>>,
            /// Unreadable stored data that could not be copied aside for lack of room (it blocks saving
            /// to its store): kept apart from `notices`, which the person may dismiss.
            pub stuck: RwSignal<Vec<Notice>>,
            /// True once the stored data has been read (false while prerendered HTML waits for the app).
            pub ready: RwSignal<bool>,
            pub utc_offset_minutes: RwSignal<i32>,
            /// Stores (`Versioned::KEY`) whose changes on screen could not be saved.
            unsaved: RwSignal<Vec<&'static str>>,
            /// Writing in a field that is not saved anywhere yet, once per field, in words.
            drafts: RwSignal<Vec<&'static str>>,
            /// Stores (`Versioned::KEY`) holding typing that is on screen and not written yet, and a count
            /// of keystrokes, so only the last one's pause writes it.
            typed: StoredValue<(Vec<&'static str>, u64)>,
            /// The app's share of the browser's room as last measured (a percentage), and the personal
            /// saves since, so the room is measured now and then, and after every save once it is tight.
            room: StoredValue<(usize, u32)>,
            /// The text this tab last read or wrote for each store: while storage still holds exactly that, the
            /// next change starts from what is on screen instead of decoding it again.
            written: StoredValue<Vec<(&'static str, String)>>,
            device: Device,
            storage: StoredValue<Option<Store>, LocalStorage>,
        }

        impl UserData {
            /// The signals, empty until `load`.
            pub fn new(device: Device) -> Self {
                Self {
                    $($field: RwSignal::new(<$type>::default()),)*
                    settings: RwSignal::new(Settings::default()),
                    safekeeping: RwSignal::new(Safekeeping::default()),
                    notices: RwSignal::new(Vec::new()),
                    status: RwSignal::new(None),
                    backups: RwSignal::new(Vec::new()),
                    set_aside: RwSignal::new(Vec::new()),
                    stuck: RwSignal::new(Vec::new()),
                    ready: RwSignal::new(false),
                    utc_offset_minutes: RwSignal::new(0),
                    unsaved: RwSignal::new(Vec::new()),
                    drafts: RwSignal::new(Vec::new()),
                    typed: StoredValue::new((Vec::new(), 0)),
                    room: StoredValue::new((0, 0)),
                    written: StoredValue::new(Vec::new()),
                    device,
                    storage: StoredValue::new_local(None),
                }
            }

            /// Re-reads the person's stores (or the one under `key`).
            fn reload_personal_stores(&self, key: Option<&str>) {
                $(self.reload_store(key, self.$field);)*
            }

            /// The store (`Versioned::KEY`) stored under `key`, if it is one of the person's.
            fn store_key(&self, key: &str) -> Option<&'static str> {
                [$(<$type>::KEY),*].into_iter().find(|store| key.strip_prefix(PREFIX) == Some(store))
            }

            /// Writes typing that is waiting for its pause (the field was left, the page is being
            /// hidden or closed, or the pause came).
            pub fn write_typed(&self) {
                let Some(keys) = self.typed.try_with_value(|(keys, _)| keys.clone()) else { return };
                for key in keys {
                    match key {
                        $(<$type>::KEY => self.change_personal(self.$field, |_, _| {}),)*
                        _ => true,
                    };
                }
            }

            pub fn all_data(&self) -> AllData {
                AllData { $($field: self.$field.get_untracked(),)* }
            }

            /// Whether the person has saved anything of their own (a display setting does not count).
            pub fn has_personal_data(&self) -> bool {
                $(self.$field.with(Personal::has_any) ||)* false
            }

            /// Brings in an export file. False when some of it could not be saved on this device
            /// (it is then on screen only, and a notice says why).
            pub fn import(&self, file: &ExportFile, mode: ImportMode) -> bool {
                fn bring_in<T: Versioned>(ours: &mut T, theirs: &T, mode: ImportMode) {
                    match mode {
                        // Into the latest saved copy, so nothing another tab saved is lost.
                        ImportMode::Merge => ours.merge(theirs),
                        ImportMode::Replace => *ours = theirs.clone(),
                    }
                }
                let saved = [$(self.change_personal(self.$field, |store, _| bring_in(store, &file.$field, mode))),*];
                // A file can bring a lot at once: the room is measured now.
                self.room.update_value(|(_, saves)| *saves = 0);
                self.check_room();
                saved.iter().all(|&store_saved| store_saved)
            }

            /// Combines an export file, then brings back what this device removed after it was made.
            pub fn import_bringing_back(&self, file: &ExportFile) -> bool {
                let combined = self.import(file, ImportMode::Merge);
                let brought_back = [$(self.change_personal(self.$field, |store, now| store.bring_back_removed(&file.$field, now))),*];
                combined && brought_back.iter().all(|&saved| saved)
            }
        }
    };
}
personal_stores!(user_data);

pub fn use_user_data() -> UserData {
    expect_context()
}

/// Whether the browser has agreed to keep this site's data, as it says now (`None` if it cannot
/// say). Asked after each save, for "Where your data is kept".
pub async fn data_is_kept() -> Option<bool> {
    crate::storage::web::data_is_kept().await
}

/// What the browser says this whole site uses and may use, in bytes (caches included), or `None`
/// if it cannot say.
pub async fn site_usage() -> Option<(f64, f64)> {
    crate::storage::web::estimate().await
}

/// Tells the app that a field holds writing that is not saved yet (`what`, in words: "the item you
/// are adding"), for as long as `has_draft` says so and the field is on the page, so that
/// "Reload to update" asks first.
pub fn track_draft(what: &'static str, has_draft: impl Fn() -> bool + Send + Sync + 'static) {
    let data = use_user_data();
    let held = StoredValue::new(false);
    let hold = move |now_held: bool| {
        if held.get_value() != now_held {
            held.set_value(now_held);
            data.drafts.update(|drafts| match drafts.iter().position(|d| *d == what) {
                Some(i) if !now_held => {
                    drafts.remove(i);
                }
                _ if now_held => drafts.push(what),
                _ => {}
            });
        }
    };
    effect(move || hold(has_draft()));
    on_cleanup(move || hold(false));
}

impl UserData {
    /// Creates the signals, provides them to the app and loads the stored data after first render.
    pub fn provide() -> Self {
        let data = Self::new(Device::browser());
        provide_context(data);
        effect(move || {
            data.utc_offset_minutes.set(browser::utc_offset_minutes());
            // Once: loading reads the signals it fills, which must not make this effect run again.
            untrack(|| data.load());
            browser::mark_app_started();
            // Another tab changed something: show it here too.
            let listener = window_event_listener(leptos::ev::storage, move |event| {
                let key = event.key();
                // Sealed by the passphrase lock: `crate::lock` opens it first, then calls `received`.
                let sealed = key.as_deref().is_some_and(is_personal) && crate::storage::web::vault().is_some_and(|v| v.mode() != Mode::Off);
                if key.as_deref().is_none_or(|k| k.starts_with(PREFIX)) && !sealed {
                    data.reload(key.as_deref());
                }
            });
            // Typing waiting for its pause is written at once when the field is left, or when the
            // page is hidden (a phone switching apps) or closed.
            let left = window_event_listener(leptos::ev::focusout, move |_| data.write_typed());
            let closing = window_event_listener(leptos::ev::pagehide, move |_| data.write_typed());
            let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| data.write_typed());
            on_cleanup(move || {
                listener.remove();
                left.remove();
                closing.remove();
                hidden.remove();
            });
        });
        data
    }

    /// Opens storage and reads everything in it; the controls work from here on.
    pub fn load(&self) {
        self.storage.set_value(Some((self.device.open_storage)()));
        self.reload_personal();
        self.check_room();
        self.ready.set(true);
    }

    /// Reads everything again (on load, and when the passphrase lock opens or closes).
    pub fn reload_personal(&self) {
        self.reload(None);
        // Answers kept under a checklist item's old id follow it to its new one.
        if self.reflections.with_untracked(|r| CHECKLIST_RENAMES.iter().any(|(old, _)| r.answer(old) != Default::default())) {
            self.change(self.reflections, |r, now| r.carry_over_renamed(CHECKLIST_RENAMES, now));
        }
        // Data saved before the app kept a record of it counts as new from today, so the reminder
        // to download a copy waits its week rather than appearing at once.
        if self.has_personal_data() && self.safekeeping.with_untracked(|s| s.first_saved_at.is_none()) {
            let now = (self.device.now)();
            self.change(self.safekeeping, |s, _| s.first_saved_at = Some(now));
        }
    }

    /// The storage opened by `load`; before that, none (nothing can change before `ready`).
    fn storage(&self) -> Store {
        self.storage.get_value().unwrap_or_else(|| Persistence::new(None))
    }

    /// Re-reads one stored key (or all of them).
    fn reload(&self, key: Option<&str>) {
        self.reload_personal_stores(key);
        self.reload_store(key, self.settings);
        self.reload_store(key, self.safekeeping);
        self.backups.set(self.storage().backups());
        self.set_aside.set(self.storage().set_aside());
    }

    fn reload_store<T: Versioned + Send + Sync + 'static>(&self, key: Option<&str>, signal: RwSignal<T>) {
        if key.is_some_and(|k| k.strip_prefix(PREFIX) != Some(T::KEY)) {
            return;
        }
        // What is shown next is read from storage, not what this tab last wrote.
        self.written.update_value(|all| all.retain(|(store, _)| *store != T::KEY));
        if self.is_store_locked(T::KEY) {
            // Locked with the passphrase: nothing of it is shown, or searched.
            self.set_unsaved(T::KEY, false);
            signal.set(T::default());
        } else if self.is_unsaved(T::KEY) {
            // What could not be saved stays: merged over the newly stored copy, and written with
            // it if there is room now.
            let notice = self.save(signal, &mut |_, _| {});
            self.notice(notice);
        } else {
            let mut data = T::default();
            self.load_any(StoreName::of::<T>(), &mut data);
            // A copy, laid out afresh: decoding leaves the data spread among what it freed, and
            // encoding five years of it for each save then takes a fifth longer.
            signal.set(data.clone());
        }
    }

    /// Reads a store into `data` (compiled once, not once per store).
    #[inline(never)]
    fn load_any(&self, store: StoreName, data: &mut dyn StoreData) {
        let (notice, text) = self.storage().load_into(store, data);
        // From outside this tab: times from the future cannot outrank every later change.
        data.clamp_future(self.now());
        self.notice(notice);
        self.written.update_value(|all| all.extend(text.map(|text| (store.key, text))));
    }

    fn notice(&self, notice: Option<Notice>) {
        if let Some(notice) = notice.as_ref().filter(|n| n.stuck_key().is_some()) {
            if !self.stuck.with_untracked(|all| all.contains(notice)) {
                self.stuck.update(|all| all.push(notice.clone()));
            }
        }
        if let Some(notice) = notice {
            self.notices.update(|all| {
                if !all.contains(&notice) {
                    all.push(notice);
                }
            });
        }
    }

    /// Another tab's change to a stored key has been read (opened with this tab's key, when the
    /// passphrase lock is on). `merge`: this tab had a change to it not yet written, which is
    /// merged over it and saved rather than replaced.
    pub fn received(&self, key: &str, merge: bool) {
        if let Some(store) = self.store_key(key).filter(|_| merge) {
            self.set_unsaved(store, true);
        }
        self.reload(Some(key));
    }

    /// A sealed write failed after the change was shown (storage full, say): the store counts as
    /// unsaved, so the next change writes it again, and the person is told.
    pub fn write_failed(&self, key: &str, full: bool) {
        if let Some(store) = self.store_key(key) {
            self.set_unsaved(store, true);
        }
        let notice = Notice::WriteFailed { full };
        self.say(notice.explain());
        self.notice(Some(notice));
    }

    /// Applies a change to the latest saved copy (with this store's unsaved changes merged over
    /// it), saves it and shows it. Returns why it could not be saved, if it could not.
    /// The change comes as `&mut dyn FnMut` (see `once`), here and in `change_dyn`,
    /// `change_personal_dyn` and `change_as_typed_dyn`, so the save path is compiled once per
    /// store, not once for every place that changes one (about 25 KB gzip of the wasm).
    fn save<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: &mut dyn FnMut(&mut T, u64)) -> Option<Notice> {
        // Taken from the signal, not copied (a copy of five years of reflections takes longer
        // than the change), and put back changed.
        let mut data = signal.try_update_untracked(std::mem::take).unwrap_or_default();
        let notice = self.save_any(StoreName::of::<T>(), &mut data, &mut |data, now| {
            if let Some(data) = data.as_any().downcast_mut::<T>() {
                change(data, now);
            }
        });
        signal.set(data);
        notice
    }

    /// `save` for any store (compiled once, not once per store).
    #[inline(never)]
    fn save_any(&self, store: StoreName, data: &mut dyn StoreData, change: &mut dyn FnMut(&mut dyn StoreData, u64)) -> Option<Notice> {
        let now = (self.device.now)();
        let unsaved = self.is_unsaved(store.key);
        let known = self.written_text(store.key);
        let (notice, written) = self.storage().update_known(store, data, unsaved, known.as_deref(), &mut |stored| {
            // The saved copy may hold times from the future (another tab, an older version):
            // clamped first, or this change would be stamped after them.
            stored.clamp_future(now);
            change(stored, now);
        });
        self.saved(store.key, written, notice.is_some());
        notice
    }

    /// Whether a store is sealed by the passphrase lock and this tab has no key.
    fn is_store_locked(&self, store: &str) -> bool {
        self.storage().is_locked(&format!("{PREFIX}{store}"))
    }

    /// The text this tab last read or wrote for a store, if it knows it.
    fn written_text(&self, store: &'static str) -> Option<String> {
        self.written.with_value(|all| all.iter().find(|(key, _)| *key == store).map(|(_, text)| text.clone()))
    }

    /// After a save of `store` (not generic: one copy for every store): the text written, if it
    /// was, and whether it is now unsaved.
    #[inline(never)]
    fn saved(&self, store: &'static str, written: Option<String>, unsaved: bool) {
        self.written.update_value(|all| {
            all.retain(|(key, _)| *key != store);
            all.extend(written.map(|text| (store, text)));
        });
        self.typed.update_value(|(keys, _)| keys.retain(|k| *k != store));
        self.set_unsaved(store, unsaved);
    }

    /// A change typed into a field, key by key: shown at once, and written after a pause in
    /// typing (or sooner: see `write_typed`), so a year of data is not encoded and written again
    /// on every key. With the passphrase lock on, it is written at once, as sealing already
    /// happens after the keystroke and must not be left for a page that is closing.
    fn change_as_typed<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: impl FnOnce(&mut T, u64)) {
        self.change_as_typed_dyn(signal, &mut once(change));
    }

    #[inline(never)]
    fn change_as_typed_dyn<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: &mut dyn FnMut(&mut T, u64)) {
        let storage = self.storage();
        if self.is_store_locked(T::KEY) {
            self.say(LOCKED);
            return;
        }
        if storage.writes_later() || !storage.is_available() {
            self.change_personal_dyn(signal, change);
            return;
        }
        let now = (self.device.now)();
        signal.update(|data| change(data, now));
        let keystroke = self.typed.with_value(|(_, count)| count + 1);
        self.typed.update_value(|(keys, count)| {
            *count = keystroke;
            if !keys.contains(&T::KEY) {
                keys.push(T::KEY);
            }
        });
        let data = *self;
        (self.device.after_a_pause)(Box::new(move || {
            if data.typed.try_with_value(|(_, count)| *count == keystroke) == Some(true) {
                data.write_typed();
            }
        }));
    }

    /// Changes one store. Returns false when it could not be saved (storage full, or saved data in
    /// the way): the change is then on screen only, and the status message, where the person is
    /// looking, says so instead of what the caller would have said. With storage refused
    /// altogether they have been told once already.
    fn change<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: impl FnOnce(&mut T, u64)) -> bool {
        self.change_dyn(signal, &mut once(change))
    }

    #[inline(never)]
    fn change_dyn<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: &mut dyn FnMut(&mut T, u64)) -> bool {
        if self.is_store_locked(T::KEY) {
            self.say(LOCKED);
            return false;
        }
        let notice = self.save(signal, change);
        let failed = notice.as_ref().filter(|n| **n != Notice::StorageRefused);
        if let Some(failure) = failed {
            self.say(failure.explain());
        }
        let saved = failed.is_none();
        self.notice(notice);
        saved
    }

    /// A change to something the person wrote or chose (not a display setting).
    fn change_personal<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: impl FnOnce(&mut T, u64)) -> bool {
        self.change_personal_dyn(signal, &mut once(change))
    }

    #[inline(never)]
    fn change_personal_dyn<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: &mut dyn FnMut(&mut T, u64)) -> bool {
        let saved = self.change_dyn(signal, change);
        if saved {
            self.after_personal_save();
        }
        saved
    }

    /// The first personal save is remembered, and asks the browser to keep the data: during the
    /// person's own save, never on load. (Not generic, so each store does not get its own copy.)
    fn after_personal_save(&self) {
        self.check_room();
        let (first_save, never_asked) = self.safekeeping.with_untracked(|s| (s.first_saved_at.is_none(), s.keep_asked_at.is_none()));
        if !self.storage().is_available() || !(first_save || never_asked) {
            return;
        }
        self.change(self.safekeeping, |s, now| {
            s.first_saved_at.get_or_insert(now);
            s.keep_asked_at.get_or_insert(now);
        });
        if never_asked {
            let data = *self;
            (self.device.ask_to_keep_data)(Box::new(move |kept| {
                data.change(data.safekeeping, |s, _| s.keep_granted = Some(kept));
            }));
        }
    }

    /// Tells the person, before storage is full, that it is nearly so (at each of
    /// `NEARLY_FULL_PERCENTS`, once per page load). Measuring reads every stored value, so below
    /// 75% it is measured on every 20th save only (a save, unlike an import, adds little), and
    /// after every save from there.
    fn check_room(&self) {
        let (last_percent, saves) = self.room.get_value();
        if last_percent < 75 && saves % 20 != 0 {
            self.room.update_value(|(_, saves)| *saves += 1);
            return;
        }
        let percent = self.storage().usage() * 100 / LOCAL_STORAGE_LIMIT;
        self.room.set_value((percent, saves + 1));
        let crossed = NEARLY_FULL_PERCENTS.iter().rev().find(|threshold| last_percent < **threshold && percent >= **threshold);
        if crossed.is_some() {
            self.notices.update(|all| {
                all.retain(|n| !matches!(n, Notice::NearlyFull { .. }));
                all.push(Notice::NearlyFull { percent });
            });
        }
    }

    /// Whether anything on screen could not be saved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.unsaved.with(|keys| !keys.is_empty())
    }

    /// What a reload would lose, in words: fields being written in, and changes that could not
    /// be saved.
    pub fn unsaved_writing(&self) -> Vec<&'static str> {
        let mut all = self.drafts.get();
        all.dedup();
        if self.has_unsaved_changes() {
            all.push("changes that could not be saved on this device");
        }
        all
    }

    /// Whether what is on screen holds changes the stored copy does not: some that could not be
    /// saved, or typing not written yet. Either is merged over the stored copy when it is saved.
    fn is_unsaved(&self, store: &'static str) -> bool {
        self.unsaved.with_untracked(|keys| keys.contains(&store)) || self.typed.with_value(|(keys, _)| keys.contains(&store))
    }

    fn set_unsaved(&self, key: &'static str, unsaved: bool) {
        if self.unsaved.with_untracked(|keys| keys.contains(&key) == unsaved) {
            return;
        }
        self.unsaved.update(|keys| {
            keys.retain(|k| *k != key);
            if unsaved {
                keys.push(key);
            }
        });
        // Everything on screen is saved now: "could not be saved" is no longer true.
        if self.unsaved.with_untracked(Vec::is_empty) {
            self.notices.update(|all| all.retain(|n| !matches!(n, Notice::WriteFailed { .. })));
        }
    }

    pub fn change_bookmarks(&self, change: impl FnOnce(&mut Bookmarks, u64)) -> bool {
        self.change_personal(self.bookmarks, change)
    }

    /// A bookmark's note as typed (see `change_as_typed`).
    pub fn type_bookmark_note(&self, id: &str, note: &str) {
        self.change_as_typed(self.bookmarks, |b, now| b.set_note(id, note, now));
    }

    /// A checklist item's note as typed (see `change_as_typed`).
    pub fn type_checklist_note(&self, id: &str, note: &str) {
        self.change_as_typed(self.reflections, |r, now| r.update_answer(id, now, |a| a.note = note.to_string()));
    }

    pub fn change_reflections(&self, change: impl FnOnce(&mut Reflections, u64)) -> bool {
        self.change_personal(self.reflections, change)
    }

    pub fn change_history(&self, change: impl FnOnce(&mut History, u64)) -> bool {
        self.change_personal(self.history, change)
    }

    pub fn change_plan(&self, change: impl FnOnce(&mut Plan, u64)) -> bool {
        self.change_personal(self.plan, change)
    }

    pub fn change_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.change(self.settings, |settings, _| change(settings));
    }

    pub fn export_file(&self) -> String {
        transfer::export(&self.all_data(), (self.device.now)())
    }

    /// Remembers that the person downloaded a copy (for /your-data and the reminder).
    pub fn downloaded(&self) {
        self.change(self.safekeeping, |s, now| s.downloaded_at = Some(now));
    }

    /// Puts the reminder to download a copy away for a week.
    pub fn dismiss_reminder(&self) {
        self.change(self.safekeeping, |s, now| s.reminder_dismissed_at = Some(now));
    }

    /// Whether to remind the person, calmly, to download a copy.
    pub fn reminder_due(&self) -> bool {
        self.ready.get() && self.safekeeping.with(|s| s.reminder_due(self.has_personal_data(), (self.device.now)()))
    }

    pub fn now(&self) -> u64 {
        (self.device.now)()
    }

    /// How much of the browser's storage the app's own keys take (UTF-16 code units).
    pub fn storage_used(&self) -> usize {
        self.storage().usage()
    }

    /// The stored text under one of the app's keys, as it is (to download unreadable data).
    pub fn stored_text(&self, key: &str) -> Option<String> {
        self.storage().raw(key)
    }

    /// Removes unreadable data that could not be copied aside (once the person has downloaded
    /// it, or chosen not to): its store starts empty and saves again.
    pub fn remove_unreadable(&self, key: &str) -> bool {
        if self.storage().remove(key).is_err() {
            return false;
        }
        let other_problems = |n: &Notice| n.stuck_key() != Some(key);
        self.stuck.update(|all| all.retain(other_problems));
        self.notices.update(|all| all.retain(other_problems));
        self.reload(Some(key));
        true
    }

    /// Deletes everything this app stored. If some of it could not be removed, the screen shows
    /// what is still stored (never an empty page over data that is still there) and this says so.
    pub fn delete_all(&self) -> bool {
        let storage = self.storage();
        let deleted = storage.delete_all().is_ok();
        // Typing not written yet goes too: its pause must not write it back.
        self.typed.update_value(|(keys, _)| keys.clear());
        self.written.update_value(Vec::clear);
        self.unsaved.set(Vec::new());
        self.notices.set(Vec::new());
        self.stuck.set(Vec::new());
        self.reload(None);
        deleted && storage.usage() == 0
    }
}

/// A change that runs once, as the `FnMut` the save path takes (it calls it once): callers keep
/// passing closures that move what they hold into the change.
fn once<T>(change: impl FnOnce(&mut T, u64)) -> impl FnMut(&mut T, u64) {
    let mut change = Some(change);
    move |data, now| {
        if let Some(change) = change.take() {
            change(data, now);
        }
    }
}

#[cfg(test)]
mod tests {
    //! The app state against in-memory storage: what a person would see after each action.
    use super::*;
    use crate::data::Versioned;
    use crate::storage::memory::Memory;
    use crate::storage::{key_of, Failure, Shown};
    use std::cell::{Cell, RefCell};

    thread_local! {
        static MEMORY: &'static Memory = Box::leak(Box::new(Memory::default()));
        static CLOCK: Cell<u64> = const { Cell::new(1_700_000_000_000) };
        static KEEP_ANSWER: RefCell<Option<bool>> = const { RefCell::new(Some(true)) };
        static KEEP_ASKED: Cell<u32> = const { Cell::new(0) };
        static PAUSES: RefCell<Vec<Box<dyn FnOnce()>>> = RefCell::new(Vec::new());
    }

    /// Typing stops: what waited for the pause runs.
    fn pause_in_typing() {
        for then in PAUSES.with(|p| p.take()) {
            then();
        }
    }

    fn memory() -> &'static Memory {
        MEMORY.with(|m| *m)
    }

    fn test_device() -> Device {
        Device {
            open_storage: || Persistence::new(Some(memory() as &dyn Backend)),
            now: || {
                CLOCK.with(|c| {
                    c.set(c.get() + 1);
                    c.get()
                })
            },
            ask_to_keep_data: |answer| {
                KEEP_ASKED.with(|n| n.set(n.get() + 1));
                if let Some(kept) = KEEP_ANSWER.with(|a| *a.borrow()) {
                    answer(kept);
                }
            },
            after_a_pause: |then| PAUSES.with(|p| p.borrow_mut().push(then)),
        }
    }

    /// A fresh app (as a page load would make) over this thread's storage.
    pub(super) fn open_app() -> UserData {
        let owner = Owner::new();
        owner.set();
        // The owner lives as long as the test thread: the signals belong to it.
        std::mem::forget(owner);
        let data = UserData::new(test_device());
        data.load();
        data
    }

    fn fill_storage(full: bool) {
        *memory().fail_writes.borrow_mut() = full.then_some(Failure::Full);
    }

    pub(super) fn stored<T: Versioned + 'static>() -> T {
        Persistence::new(Some(memory())).load::<T>().data
    }

    fn note(data: &UserData, id: &str) -> String {
        data.reflections.with_untracked(|r| r.answer(id).note)
    }

    fn stored_note(id: &str) -> String {
        stored::<Bookmarks>().get(id).map(|b| b.note.clone()).unwrap_or_default()
    }

    #[test]
    fn typing_shows_at_once_and_is_written_after_the_pause() {
        let data = open_app();
        data.change_bookmarks(|b, now| b.add("pace", "publications", "PACE", now));
        data.type_bookmark_note("pace", "a");
        data.type_bookmark_note("pace", "ab");
        assert_eq!(data.bookmarks.with_untracked(|b| b.get("pace").unwrap().note.clone()), "ab", "on screen at once");
        assert_eq!(stored_note("pace"), "", "not written on every key");
        pause_in_typing();
        assert_eq!(stored_note("pace"), "ab");
        assert!(!data.has_unsaved_changes());
    }

    #[test]
    fn typing_is_written_at_once_when_the_page_goes() {
        let data = open_app();
        data.change_bookmarks(|b, now| b.add("pace", "publications", "PACE", now));
        data.type_bookmark_note("pace", "mine");
        data.write_typed();
        assert_eq!(stored_note("pace"), "mine");
        // The pause that follows finds nothing left to write.
        pause_in_typing();
        assert_eq!(stored_note("pace"), "mine");
    }

    #[test]
    fn typing_not_yet_written_is_kept_when_another_tab_saves_the_same_store() {
        let data = open_app();
        data.change_bookmarks(|b, now| b.add("pace", "publications", "PACE", now));
        data.type_checklist_note("hope", "typed here");
        data.type_bookmark_note("pace", "typed here too");
        // Another tab adds a bookmark and its write arrives here before the pause.
        let other_tab = UserData::new(test_device());
        other_tab.load();
        other_tab.change_bookmarks(|b, now| b.add("other", "publications", "Other", now));
        data.reload(Some(&key_of::<Bookmarks>()));
        assert!(data.bookmarks.with_untracked(|b| b.contains("other")), "the other tab's bookmark shows");
        assert_eq!(stored_note("pace"), "typed here too", "and the typing here is merged and written with it");
        assert!(stored::<Bookmarks>().contains("other"));
        pause_in_typing();
        assert_eq!(stored::<Reflections>().answer("hope").note, "typed here");
    }

    #[test]
    fn a_tick_while_typing_waits_writes_both() {
        let data = open_app();
        data.type_checklist_note("hope", "my note");
        data.change_reflections(|r, now| r.update_answer("hope", now, |a| a.true_now = true));
        let stored = stored::<Reflections>().answer("hope");
        assert!(stored.true_now);
        assert_eq!(stored.note, "my note");
    }

    #[test]
    fn deleting_everything_while_typing_waits_brings_nothing_back() {
        let data = open_app();
        data.change_bookmarks(|b, now| b.add("pace", "publications", "PACE", now));
        data.type_bookmark_note("pace", "private");
        assert!(data.delete_all());
        pause_in_typing();
        data.write_typed();
        assert_eq!(memory().items.borrow().len(), 0, "nothing written back");
    }

    #[test]
    fn a_change_made_before_another_tabs_write_is_heard_of_keeps_that_write() {
        let tab_one = open_app();
        tab_one.change_bookmarks(|b, now| b.add("one", "publications", "One", now));
        let tab_two = open_app();
        tab_two.change_bookmarks(|b, now| b.add("two", "publications", "Two", now));
        // Tab one has not had the storage event yet: its next change still starts from storage.
        tab_one.change_bookmarks(|b, now| b.set_note("one", "mine", now));
        let stored = stored::<Bookmarks>();
        assert!(stored.contains("two"), "tab two's bookmark is not written over");
        assert_eq!(stored.get("one").unwrap().note, "mine");
        assert!(tab_one.bookmarks.with_untracked(|b| b.contains("two")));
    }

    #[test]
    fn the_person_is_told_before_storage_is_full() {
        let nearly_full = |data: &UserData| {
            data.notices.with_untracked(|n| {
                n.iter().find_map(|n| match n {
                    Notice::NearlyFull { percent } => Some(*percent),
                    _ => None,
                })
            })
        };
        let data = open_app();
        data.change_bookmarks(|b, now| b.add("pace", "publications", "PACE", now));
        assert_eq!(nearly_full(&data), None);
        // Something else of the app's (a backup, say) takes 85% of the room.
        memory().items.borrow_mut().insert("recovery-guide:backup:history:1".into(), "x".repeat(LOCAL_STORAGE_LIMIT * 85 / 100));
        for _ in 0..20 {
            data.change_bookmarks(|b, now| b.set_note("pace", "more", now));
        }
        assert_eq!(nearly_full(&data), Some(85), "said within 20 saves of crossing 80%");
        assert!(data.notices.with_untracked(|n| n.iter().any(|n| n.explain().contains("Download a copy"))));
        data.notices.set(Vec::new());
        data.change_bookmarks(|b, now| b.set_note("pace", "again", now));
        assert_eq!(nearly_full(&data), None, "said once, not on every save");
        memory().items.borrow_mut().insert("recovery-guide:backup:history:2".into(), "x".repeat(LOCAL_STORAGE_LIMIT * 6 / 100));
        data.change_bookmarks(|b, now| b.set_note("pace", "and again", now));
        assert_eq!(nearly_full(&data), Some(91), "and again past 90%");
        // A page load with the room that tight says so at once.
        assert_eq!(nearly_full(&open_app()), Some(91));
    }

    #[test]
    fn an_unsaved_note_survives_a_later_tick_that_saves() {
        let data = open_app();
        fill_storage(true);
        assert!(!data.change_reflections(|r, now| r.update_answer("satisfying-work", now, |a| a.note = "my note".into())));
        assert!(data.has_unsaved_changes());
        fill_storage(false);
        assert!(data.change_reflections(|r, now| r.update_answer("hope", now, |a| a.true_now = true)));
        assert_eq!(note(&data, "satisfying-work"), "my note", "still on screen");
        assert_eq!(stored::<Reflections>().answer("satisfying-work").note, "my note", "and saved");
        assert!(!data.has_unsaved_changes());
        assert!(!data.notices.get_untracked().iter().any(|n| matches!(n, Notice::WriteFailed { .. })), "the out-of-space message goes");
        assert!(data.export_file().contains("my note"));
    }

    #[test]
    fn an_unsaved_note_survives_removing_an_own_item_while_still_full() {
        let data = open_app();
        data.change_reflections(|r, now| r.add_own_item("own-1", "Walk the dog", now));
        fill_storage(true);
        data.change_reflections(|r, now| r.update_answer("satisfying-work", now, |a| a.note = "my note".into()));
        // Removing shrinks the data, so this save succeeds even though storage is full.
        *memory().fail_writes.borrow_mut() = None;
        data.change_reflections(|r, now| r.remove_own_item("own-1", now));
        assert_eq!(note(&data, "satisfying-work"), "my note");
        assert_eq!(stored::<Reflections>().answer("satisfying-work").note, "my note");
    }

    #[test]
    fn an_unsaved_bookmark_survives_removing_another() {
        let data = open_app();
        data.toggle_bookmark("b", "publications", "B");
        fill_storage(true);
        data.toggle_bookmark("a", "publications", "A");
        fill_storage(false);
        data.toggle_bookmark("b", "publications", "B");
        assert!(data.bookmarks.with_untracked(|b| b.contains("a") && !b.contains("b")));
        assert!(stored::<Bookmarks>().contains("a"));
    }

    #[test]
    fn another_tabs_write_does_not_drop_this_tabs_unsaved_note() {
        let data = open_app();
        fill_storage(true);
        data.change_reflections(|r, now| r.update_answer("work", now, |a| a.note = "unsaved here".into()));
        // Another tab saves a tick (it had room: a smaller change), then this tab hears of it.
        fill_storage(false);
        let other_tab = Persistence::new(Some(memory()));
        other_tab.update(Shown::Saved(&stored::<Reflections>()), |r| r.update_answer("home", 5, |a| a.true_now = true));
        data.reload(Some(key_of::<Reflections>().as_str()));
        assert_eq!(note(&data, "work"), "unsaved here");
        assert!(data.reflections.with_untracked(|r| r.answer("home").true_now));
        assert_eq!(stored::<Reflections>().answer("work").note, "unsaved here", "written once there was room");
    }

    #[test]
    fn the_first_save_asks_once_to_keep_data_and_loading_never_does() {
        let data = open_app();
        assert_eq!(KEEP_ASKED.with(Cell::get), 0, "not on load");
        data.change_settings(|s| s.theme = crate::data::settings::Theme::Dark);
        assert_eq!(KEEP_ASKED.with(Cell::get), 0, "not for a display setting");
        data.toggle_bookmark("a", "publications", "A");
        data.toggle_bookmark("b", "publications", "B");
        assert_eq!(KEEP_ASKED.with(Cell::get), 1);
        assert_eq!(stored::<Safekeeping>().keep_granted, Some(true));
        // A new page load remembers that it asked.
        let again = open_app();
        again.toggle_bookmark("c", "publications", "C");
        assert_eq!(KEEP_ASKED.with(Cell::get), 1);
    }

    #[test]
    fn import_then_delete_all() {
        let data = open_app();
        data.toggle_bookmark("mine", "publications", "Mine");
        let mut theirs = Bookmarks::default();
        theirs.add("theirs", "research", "Theirs", 1);
        let file: ExportFile = serde_json::from_str(&transfer::export(&AllData { bookmarks: theirs, ..AllData::default() }, 2)).unwrap();
        assert!(data.import(&file, ImportMode::Merge));
        assert!(stored::<Bookmarks>().contains("mine") && stored::<Bookmarks>().contains("theirs"));
        assert!(data.import(&file, ImportMode::Replace));
        assert!(!stored::<Bookmarks>().contains("mine"));
        assert!(data.delete_all());
        assert_eq!(data.bookmarks.get_untracked().count(), 0);
        assert!(memory().items.borrow().is_empty());
    }

    #[test]
    fn what_was_removed_after_an_export_can_be_brought_back_from_it() {
        let data = open_app();
        data.toggle_bookmark("pace", "publications", "PACE");
        let file: ExportFile = serde_json::from_str(&data.export_file()).unwrap();
        data.toggle_bookmark("pace", "publications", "PACE");
        assert!(data.import(&file, ImportMode::Merge));
        assert!(!stored::<Bookmarks>().contains("pace"), "combining keeps the later removal");
        assert!(data.import_bringing_back(&file));
        assert!(stored::<Bookmarks>().contains("pace"));
    }

    #[test]
    fn a_time_from_2099_in_another_tabs_write_does_not_outrank_later_changes() {
        const YEAR_2099: u64 = 4_070_908_800_000;
        let data = open_app();
        let mut from_the_future = Reflections::default();
        from_the_future.update_answer("hope", YEAR_2099, |a| a.note = "stamped 2099".into());
        Persistence::new(Some(memory())).update(Shown::Saved(&Reflections::default()), |r| *r = from_the_future);
        data.reload(Some(key_of::<Reflections>().as_str()));
        data.change_reflections(|r, now| r.update_answer("hope", now, |a| a.note = "written today".into()));
        // Another device's copy of the same note, written a minute later, still wins a merge.
        let mut a_minute_later = Reflections::default();
        a_minute_later.update_answer("hope", data.now() + 60_000, |a| a.note = "a minute later".into());
        let mut merged = stored::<Reflections>();
        merged.merge(&a_minute_later);
        assert_eq!(merged.answer("hope").note, "a minute later");
    }

    pub(super) fn plan_texts(plan: &Plan, step: &str) -> Vec<String> {
        plan.step_entries(step).into_iter().map(|(_, e)| e.text.clone()).collect()
    }

    #[test]
    fn the_plan_is_exported_combined_replaced_brought_back_and_deleted_with_everything_else() {
        use crate::data::plan::Entry;
        let data = open_app();
        data.change_plan(|p, now| p.add("walk", Entry::new("on-my-own", "Walk", "", now), now));
        let file: ExportFile = serde_json::from_str(&data.export_file()).unwrap();
        assert_eq!(plan_texts(&file.plan, "on-my-own"), ["Walk"]);
        data.remove_plan_entry("walk");
        data.change_plan(|p, now| p.add("mum", Entry::new("people-to-ask", "Mum", "07700 900123", now), now));
        assert!(data.import(&file, ImportMode::Merge));
        assert_eq!(stored::<Plan>().count(), 1, "combining keeps the later removal");
        assert!(data.import_bringing_back(&file));
        assert_eq!(plan_texts(&stored::<Plan>(), "on-my-own"), ["Walk"]);
        assert_eq!(plan_texts(&stored::<Plan>(), "people-to-ask"), ["Mum"]);
        assert!(data.import(&file, ImportMode::Replace));
        assert_eq!(stored::<Plan>().count(), 1);
        assert!(stored::<Plan>().step_entries("people-to-ask").is_empty());
        assert!(data.delete_all());
        assert_eq!(data.plan.get_untracked().count(), 0);
        assert!(memory().items.borrow().is_empty());
    }

    #[test]
    fn a_plan_entry_that_could_not_be_saved_survives_another_tabs_write() {
        use crate::data::plan::Entry;
        let data = open_app();
        fill_storage(true);
        assert!(!data.change_plan(|p, now| p.add("mum", Entry::new("people-to-ask", "Mum", "", now), now)));
        fill_storage(false);
        let other_tab = Persistence::new(Some(memory()));
        other_tab.update(Shown::Saved(&stored::<Plan>()), |p| p.add("sea", Entry::new("reasons", "The sea", "", 5), 5));
        data.reload(Some(key_of::<Plan>().as_str()));
        assert_eq!(data.plan.with_untracked(|p| p.count()), 2);
        assert_eq!(stored::<Plan>().count(), 2, "written once there was room");
    }

    #[test]
    fn delete_all_that_fails_shows_what_is_still_stored() {
        let data = open_app();
        data.toggle_bookmark("kept", "publications", "Kept");
        *memory().fail_removes.borrow_mut() = true;
        assert!(!data.delete_all());
        assert!(data.bookmarks.with_untracked(|b| b.contains("kept")), "the page shows what is still there");
    }

    #[test]
    fn unreadable_data_with_no_room_for_a_copy_is_offered_for_download_then_removed() {
        memory().items.borrow_mut().insert(key_of::<Bookmarks>(), "{damaged and huge".into());
        fill_storage(true);
        let data = open_app();
        let stuck = data.stuck.get_untracked();
        let key = stuck[0].stuck_key().unwrap().to_string();
        assert_eq!(data.stored_text(&key).as_deref(), Some("{damaged and huge"));
        // The person dismisses the page-wide message: the way out stays on "Your data".
        data.notices.set(Vec::new());
        assert_eq!(data.stuck.get_untracked().len(), 1);
        assert!(data.remove_unreadable(&key));
        assert!(data.stuck.get_untracked().is_empty());
        fill_storage(false);
        data.toggle_bookmark("pace", "publications", "PACE");
        assert!(stored::<Bookmarks>().contains("pace"));
    }

    #[test]
    fn the_reminder_waits_a_week_after_the_first_save_and_a_download_puts_it_off() {
        let data = open_app();
        assert!(!data.reminder_due(), "nothing to keep yet");
        data.toggle_bookmark("a", "publications", "A");
        assert!(!data.reminder_due());
        CLOCK.with(|c| c.set(c.get() + 8 * crate::data::safekeeping::DAY));
        assert!(data.reminder_due());
        data.downloaded();
        assert!(!data.reminder_due());
    }
}
