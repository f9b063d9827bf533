//! The passphrase lock in the running app: turning it on and off, unlocking, locking (now, when
//! idle, on a quick exit), changing the passphrase, and keeping this tab's sealed writes going.
//!
//! The rules and stored forms are plain Rust in `storage::lock` and `storage::vault` (tested
//! natively); this module only drives them with WebCrypto (`storage::crypto`), which answers
//! asynchronously. The key lives in this tab's memory only, and is dropped when it locks.

use crate::browser;
use crate::effect::effect;
use crate::storage::crypto::{self, Key, NotOpened};
use crate::storage::lock::{is_personal, passphrase_problem, wait_after_failures, AutoLock, LockRecord, Sealed, CHECK_TEXT, ITERATIONS, LOCK_KEY, SALT_BYTES};
use crate::storage::vault::{Mode, Vault, Written};
use crate::storage::web::{self, WebStorage};
use crate::storage::{Backend, Failure};
use crate::user_data::UserData;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How often to look whether the app has sat unused for the auto-lock time.
const IDLE_CHECK: Duration = Duration::from_secs(15);

const WRONG_PASSPHRASE: &str = "That passphrase does not open your data. Check it and try again.";
const NO_ROOM: &str = "There is not enough room on this device to do this (locked data takes about a third more room). Nothing was changed.";
const NOT_DONE: &str = "This browser could not do that. Nothing was changed.";

#[derive(Clone, Copy)]
pub struct Lock {
    pub mode: RwSignal<Mode>,
    pub auto_lock: RwSignal<AutoLock>,
    /// A passphrase is being checked, or data sealed (about a second): the forms wait.
    pub working: RwSignal<bool>,
    /// What the last try of a lock form came to, shown by that form (`form`).
    pub message: RwSignal<Option<String>>,
    pub form: RwSignal<&'static str>,
    /// Wrong passphrases in a row, and no try before this time (after several).
    failures: RwSignal<u32>,
    next_try_at: RwSignal<u64>,
    key: StoredValue<Option<Key>, LocalStorage>,
    /// A sealed write is under way (one at a time, in order).
    writing: StoredValue<bool>,
    last_active: StoredValue<u64>,
    data: UserData,
}

pub fn use_lock() -> Lock {
    expect_context()
}

fn vault() -> Option<&'static Vault<WebStorage>> {
    web::vault()
}

fn record() -> Option<LockRecord> {
    LockRecord::read(&vault()?.inner().get(LOCK_KEY).ok()??)
}

async fn sleep(duration: Duration) {
    let promise = js_sys::Promise::new(&mut |wake, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&wake, duration.as_millis() as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl Lock {
    pub fn provide(data: UserData) -> Self {
        let lock = Self {
            mode: RwSignal::new(Mode::Off),
            auto_lock: RwSignal::new(AutoLock::default()),
            working: RwSignal::new(false),
            message: RwSignal::new(None),
            form: RwSignal::new(""),
            failures: RwSignal::new(0),
            next_try_at: RwSignal::new(0),
            key: StoredValue::new_local(None),
            writing: StoredValue::new(false),
            last_active: StoredValue::new(0),
            data,
        };
        provide_context(lock);
        effect(move || untrack(|| lock.start()));
        lock
    }

    fn start(self) {
        let Some(vault) = vault() else { return };
        vault.when_unwritten(move || self.write_soon());
        self.mode.set(vault.mode());
        self.auto_lock.set(record().map(|r| r.auto_lock).unwrap_or_default());
        self.last_active.set_value(browser::now());
        let changed_elsewhere = window_event_listener(leptos::ev::storage, move |event| match event.key() {
            Some(key) if key == LOCK_KEY => self.lock_changed_elsewhere(),
            Some(key) if is_personal(&key) && self.mode.get_untracked() == Mode::Open => {
                spawn_local(async move { self.receive(key, event.new_value()).await });
            }
            _ => {}
        });
        let active = move || self.last_active.set_value(browser::now());
        let pointer = window_event_listener(leptos::ev::pointerdown, move |_| active());
        let keys = window_event_listener(leptos::ev::keydown, move |_| active());
        let idle_check = set_interval_with_handle(move || self.lock_if_idle(), IDLE_CHECK).ok();
        // A phone wakes a sleeping tab without running its timers first.
        let shown = window_event_listener(leptos::ev::visibilitychange, move |_| self.lock_if_idle());
        on_cleanup(move || {
            changed_elsewhere.remove();
            pointer.remove();
            keys.remove();
            shown.remove();
            if let Some(handle) = idle_check {
                handle.clear();
            }
        });
    }

    pub fn is_locked(&self) -> bool {
        self.mode.get() == Mode::Locked
    }

    fn settle(&self, mode: Mode) {
        if mode != Mode::Open {
            self.key.set_value(None);
        }
        self.mode.set(mode);
        self.data.reload_personal();
    }

    fn busy(&self, working: bool) {
        self.working.set(working);
        if working {
            self.message.set(None);
        }
    }

    /// Checks a passphrase against the lock record; the key when it is right.
    async fn key_for(&self, passphrase: &str) -> Result<Key, String> {
        let record = record().ok_or(NOT_DONE)?;
        let key = crypto::derive(passphrase, &record.salt, record.iterations).await.map_err(|_| NOT_DONE)?;
        match crypto::open(&key, &record.check).await {
            Ok(text) if text == CHECK_TEXT => Ok(key),
            _ => Err(WRONG_PASSPHRASE.into()),
        }
    }

    /// Counts a wrong passphrase, and says how long to wait before the next try, if at all.
    fn wrong_passphrase(&self) -> String {
        let failures = self.failures.get_untracked() + 1;
        self.failures.set(failures);
        let wait = wait_after_failures(failures);
        self.next_try_at.set(browser::now() + wait);
        match wait {
            0 => WRONG_PASSPHRASE.into(),
            ms => format!("{WRONG_PASSPHRASE} You can try again in {} seconds.", ms / 1000),
        }
    }

    /// Runs a lock form's work: one at a time, after any wait for wrong passphrases, with what it
    /// came to in `message` (a wrong passphrase counts towards the wait).
    fn attempt(self, work: impl std::future::Future<Output = Result<(), String>> + 'static) {
        let wait_ms = self.next_try_at.get_untracked().saturating_sub(browser::now());
        if wait_ms > 0 {
            self.message.set(Some(format!("Please wait {} seconds before trying again.", wait_ms.div_ceil(1000))));
            return;
        }
        if self.working.get_untracked() {
            return;
        }
        self.busy(true);
        spawn_local(async move {
            let result = work.await;
            self.working.set(false);
            match result {
                Ok(()) => {
                    self.failures.set(0);
                    self.last_active.set_value(browser::now());
                }
                Err(problem) if problem == WRONG_PASSPHRASE => self.message.set(Some(self.wrong_passphrase())),
                Err(problem) => self.message.set(Some(problem)),
            }
        });
    }

    pub fn unlock(self, passphrase: String) {
        browser::performance_mark("recovery-guide:unlocking");
        self.attempt(async move {
            let key = self.key_for(&passphrase).await?;
            let vault = vault().ok_or(NOT_DONE)?;
            let mut values = Vec::new();
            for (name, stored) in vault.stored_personal() {
                // A value that will not open stays as it is: reading it then keeps a copy aside
                // and explains, as for any damaged data.
                let plain = match Sealed::read(&stored) {
                    Some(sealed) => crypto::open(&key, &sealed).await.unwrap_or_else(|_| stored.clone()),
                    None => stored.clone(),
                };
                values.push((name, plain, stored));
            }
            self.key.set_value(Some(key));
            vault.open(values);
            browser::performance_mark("recovery-guide:unlocked");
            self.settle(Mode::Open);
            self.data.say("Unlocked. Your data is open in this tab until it locks again.");
            Ok(())
        });
    }

    /// Seals everything stored and turns the lock on.
    pub fn turn_on(self, passphrase: String, repeated: String) {
        if let Some(problem) = passphrase_problem(&passphrase, &repeated) {
            self.message.set(Some(problem));
            return;
        }
        self.attempt(async move {
            let salt = crypto::random_bytes(SALT_BYTES).map_err(|_| NOT_DONE)?;
            let key = crypto::derive(&passphrase, &salt, ITERATIONS).await.map_err(|_| NOT_DONE)?;
            let check = crypto::seal(&key, CHECK_TEXT).await.map_err(|_| NOT_DONE)?;
            let record = LockRecord { version: LockRecord::VERSION, salt, iterations: ITERATIONS, check, auto_lock: self.auto_lock.get_untracked() };
            let vault = vault().ok_or(NOT_DONE)?;
            let plain: Vec<(String, String)> = vault.stored_personal();
            self.seal_all(&key, record, plain).await?;
            self.key.set_value(Some(key));
            self.settle(Mode::Open);
            self.data.say("The lock is on. Your data is now stored encrypted, and this tab stays unlocked until it locks.");
            Ok(())
        });
    }

    /// Writes the lock record and every value sealed with `key`, all or nothing, and opens the
    /// vault with them.
    async fn seal_all(&self, key: &Key, record: LockRecord, plain: Vec<(String, String)>) -> Result<(), String> {
        let mut writes = vec![(LOCK_KEY.to_string(), Some(record.to_text()))];
        let mut opened = Vec::new();
        for (name, text) in plain {
            // Damaged data is kept exactly as it was.
            let sealed = match Sealed::read(&text) {
                Some(_) => text.clone(),
                None => crypto::seal(key, &text).await.map_err(|_| NOT_DONE)?.to_text(),
            };
            writes.push((name.clone(), Some(sealed.clone())));
            opened.push((name, text, sealed));
        }
        let vault = vault().ok_or(NOT_DONE)?;
        vault.write_all(&writes).map_err(|failure| if failure == Failure::Full { NO_ROOM } else { NOT_DONE })?;
        vault.open(opened);
        Ok(())
    }

    /// Every personal value in plain text, once everything changed has been written.
    async fn open_values(&self) -> Result<Vec<(String, String)>, String> {
        self.flush().await;
        let vault = vault().ok_or(NOT_DONE)?;
        if vault.next_to_write().is_some() {
            return Err("Some of your latest changes could not be saved, so nothing was changed. Download a copy of your data first.".into());
        }
        Ok(vault.keys().into_iter().filter(|k| is_personal(k)).filter_map(|k| Some((k.clone(), vault.get(&k).ok()??))).collect())
    }

    pub fn change_passphrase(self, current: String, passphrase: String, repeated: String) {
        if let Some(problem) = passphrase_problem(&passphrase, &repeated) {
            self.message.set(Some(problem));
            return;
        }
        self.attempt(async move {
            self.key_for(&current).await?;
            let plain = self.open_values().await?;
            let salt = crypto::random_bytes(SALT_BYTES).map_err(|_| NOT_DONE)?;
            let key = crypto::derive(&passphrase, &salt, ITERATIONS).await.map_err(|_| NOT_DONE)?;
            let check = crypto::seal(&key, CHECK_TEXT).await.map_err(|_| NOT_DONE)?;
            let record = LockRecord { version: LockRecord::VERSION, salt, iterations: ITERATIONS, check, auto_lock: self.auto_lock.get_untracked() };
            self.seal_all(&key, record, plain).await?;
            self.key.set_value(Some(key));
            self.data.say("Your passphrase has been changed. Use the new one from now on, on this device.");
            Ok(())
        });
    }

    /// Stores everything plain again and removes the lock.
    pub fn turn_off(self, current: String) {
        self.attempt(async move {
            self.key_for(&current).await?;
            let plain = self.open_values().await?;
            let mut writes: Vec<(String, Option<String>)> = plain.into_iter().map(|(k, v)| (k, Some(v))).collect();
            // Last: until everything is plain, the lock stays on.
            writes.push((LOCK_KEY.to_string(), None));
            let vault = vault().ok_or(NOT_DONE)?;
            vault.write_all(&writes).map_err(|_| NOT_DONE)?;
            vault.turn_off();
            self.settle(Mode::Off);
            self.data.say("The lock is off. Your data is stored on this device as before, without a passphrase.");
            Ok(())
        });
    }

    /// Deletes everything this app stored (the lock's record too, so the lock goes off).
    pub fn delete_everything(&self) -> bool {
        let deleted = self.data.delete_all();
        if vault().is_none_or(|v| v.mode() == Mode::Off) {
            self.key.set_value(None);
            self.mode.set(Mode::Off);
        }
        deleted
    }

    /// Locks after writing what is still being written. Not while something could not be saved:
    /// locking drops it from memory.
    pub fn lock_now(self) {
        if self.data.has_unsaved_changes() {
            self.data.say("Some of your latest changes could not be saved on this device, so it has not been locked: locking would lose them. Download a copy of your data first.");
            return;
        }
        spawn_local(async move {
            self.flush().await;
            self.lock_at_once();
            self.data.say("Locked. Your passphrase opens your data again.");
        });
    }

    /// Locks without waiting for anything (the quick exit). A change made in the last moment may
    /// not be written.
    pub fn lock_at_once(&self) {
        if let Some(vault) = vault().filter(|v| v.mode() == Mode::Open) {
            vault.lock();
            self.settle(Mode::Locked);
        }
    }

    fn lock_if_idle(&self) {
        let idle_for = browser::now().saturating_sub(self.last_active.get_value());
        let due = self.mode.get_untracked() == Mode::Open && self.auto_lock.get_untracked().after_ms().is_some_and(|limit| idle_for >= limit);
        // Not over changes that could not be saved (locking would drop them): "Lock" says why.
        if due && !self.data.has_unsaved_changes() {
            self.lock_now();
        }
    }

    pub fn set_auto_lock(&self, choice: AutoLock) {
        let (Some(vault), Some(mut record)) = (vault(), record()) else { return };
        record.auto_lock = choice;
        if vault.inner().set(LOCK_KEY, &record.to_text()).is_ok() {
            self.auto_lock.set(choice);
            self.data.say(format!("It will lock by itself: {}.", choice.label().to_lowercase()));
        } else {
            self.data.say(NOT_DONE);
        }
    }

    /// Another tab turned the lock on or off, or changed the passphrase or the auto-lock time.
    fn lock_changed_elsewhere(&self) {
        let Some(vault) = vault() else { return };
        let record = record();
        if let Some(record) = &record {
            self.auto_lock.set(record.auto_lock);
        }
        match (self.mode.get_untracked(), record) {
            (Mode::Off, Some(_)) => {
                vault.lock();
                self.settle(Mode::Locked);
            }
            (Mode::Open | Mode::Locked, None) => {
                vault.turn_off();
                self.settle(Mode::Off);
            }
            (Mode::Open, Some(record)) if self.key.with_value(|k| k.as_ref().is_some_and(|k| !record.check.opens_with(&k.salt, k.iterations))) => {
                self.passphrase_changed_elsewhere();
            }
            _ => {}
        }
    }

    fn passphrase_changed_elsewhere(&self) {
        self.lock_at_once();
        self.data.say("The passphrase was changed in another tab or window. Unlock again with the new one.");
    }

    /// Another tab's write to a personal key (`stored`; `None`: removed), opened with this tab's
    /// key and handed to the app, which merges what this tab has not written yet over it.
    async fn receive(&self, key: String, stored: Option<String>) {
        let Some(with) = self.key.get_value() else { return };
        let plain = match stored.as_deref().map(|text| (text, Sealed::read(text))) {
            None => None,
            Some((text, None)) => Some(text.to_string()),
            Some((text, Some(sealed))) => match crypto::open(&with, &sealed).await {
                Ok(plain) => Some(plain),
                Err(NotOpened::OtherKey) => return self.passphrase_changed_elsewhere(),
                Err(NotOpened::Damaged) => Some(text.to_string()),
            },
        };
        // Locked meanwhile, or a newer write has come (its own event follows).
        let Some(vault) = vault().filter(|v| v.mode() == Mode::Open && v.inner().get(&key).ok().flatten() == stored) else { return };
        let merge = vault.is_unwritten(&key);
        vault.receive(&key, plain, stored);
        self.data.received(&key, merge);
    }

    /// Starts writing what waits to be written, unless that is already under way.
    fn write_soon(self) {
        if self.writing.get_value() {
            return;
        }
        self.writing.set_value(true);
        spawn_local(async move {
            self.write_everything().await;
            self.writing.set_value(false);
        });
    }

    async fn write_everything(&self) {
        while let (Some(vault), Some(key)) = (vault(), self.key.get_value()) {
            let Some(write) = vault.next_to_write() else { return };
            let stored = match write.plain.as_deref() {
                None => None,
                // Damaged data (and copies of it) is written exactly as it was.
                Some(text) if Sealed::read(text).is_some() => Some(text.to_string()),
                Some(text) => match crypto::seal(&key, text).await {
                    Ok(sealed) => Some(sealed.to_text()),
                    Err(_) => {
                        self.data.write_failed(&write.key, false);
                        return;
                    }
                },
            };
            match vault.finish_write(&write, stored.as_deref()) {
                Written::Done => {}
                Written::Conflict { stored } => self.receive(write.key, stored).await,
                Written::Failed(failure) => self.data.write_failed(&write.key, failure == Failure::Full),
            }
        }
    }

    /// Waits until everything changed has been written (or could not be).
    async fn flush(&self) {
        for _ in 0..200 {
            match vault() {
                Some(vault) if self.writing.get_value() || vault.next_to_write().is_some() => {
                    self.write_soon();
                    sleep(Duration::from_millis(10)).await;
                }
                _ => return,
            }
        }
    }

    /// The export file sealed with this tab's key (`None` when the lock is not open).
    pub async fn sealed_export(&self) -> Option<String> {
        let key = self.key.get_value()?;
        Some(crypto::seal(&key, &self.data.export_file()).await.ok()?.to_file())
    }
}

/// Opens a sealed export file with the passphrase it was made with.
pub async fn open_file(passphrase: &str, sealed: &Sealed) -> Result<String, &'static str> {
    const WRONG: &str = "That passphrase does not open this file. Nothing was changed.";
    let key = crypto::derive(passphrase, &sealed.salt, sealed.iterations).await.map_err(|_| WRONG)?;
    crypto::open(&key, sealed).await.map_err(|_| WRONG)
}
