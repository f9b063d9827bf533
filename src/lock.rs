//! The passphrase lock in the running app: turning it on and off, unlocking, locking (now, when
//! idle, on a quick exit, in every tab at once), changing the passphrase, and keeping this tab's
//! sealed writes going.
//!
//! The rules and stored forms are plain Rust in `storage::sealed` and `storage::vault` (tested
//! natively); this module only drives them with WebCrypto (`storage::crypto`), which answers
//! asynchronously. The key lives in this tab's memory only. Locking starts a fresh document
//! (`location.reload()`), so nothing the person wrote stays in the page's memory; a change that
//! could not be written is kept sealed in this tab's `sessionStorage` until the next unlock.

use crate::browser;
use crate::effect::effect;
use crate::storage::crypto::{self, Key, NotOpened};
use crate::storage::sealed::{
    is_personal, passphrase_problem, verdict, wait_after_failures, AutoLock, Ledger, LockRecord, PassphraseProblem, Sealed, SetAside, Verdict, ITERATIONS,
    LOCK_KEY, SALT_BYTES, SET_ASIDE_PREFIX,
};
use crate::storage::vault::{Mode, Opened, Vault, Written};
use crate::storage::web::{self, WebStorage};
use crate::storage::{Backend, Failure};
use crate::user_data::UserData;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast};

/// How often to look whether the app has sat unused for the auto-lock time.
const IDLE_CHECK: Duration = Duration::from_secs(15);
/// In `sessionStorage`: set just before locking reloads the page, so the fresh page says so.
const LOCKED_BY_RELOAD: &str = "recovery-guide:locked-by-reload";
/// In `sessionStorage`, before a stored key: a sealed change that could not be written when the
/// tab locked, written after the next unlock.
const UNSAVED_PREFIX: &str = "recovery-guide:unsaved:";
/// Every tab of the app hears this channel: one tab locking locks them all.
const CHANNEL: &str = "recovery-guide:lock";

const WRONG_PASSPHRASE: &str = "That passphrase does not open your data. Check it and try again.";
const NO_ROOM: &str = "There is not enough room on this device to do this (locked data takes about a third more room). Nothing was changed.";
const NOT_DONE: &str = "This browser could not do that. Nothing was changed.";

#[derive(Clone, Copy)]
pub struct Lock {
    pub mode: RwSignal<Mode>,
    pub auto_lock: RwSignal<AutoLock>,
    /// Sealed data is stored but the lock's record is not (someone may have removed it).
    pub record_missing: RwSignal<bool>,
    /// A passphrase is being checked, or data sealed (about a second): the forms wait.
    pub working: RwSignal<bool>,
    /// What the last try of a lock form came to, shown by that form (`form`).
    pub message: RwSignal<Option<String>>,
    pub form: RwSignal<Option<&'static str>>,
    /// The field the last message is about (its id): marked invalid and focused.
    pub field: RwSignal<Option<&'static str>>,
    /// Wrong passphrases in a row, and no try before this time (after several).
    failures: StoredValue<u64>,
    next_try_at: StoredValue<u64>,
    key: StoredValue<Option<Key>, LocalStorage>,
    /// How many times this device has written each personal key, sealed in the record's check.
    ledger: StoredValue<Ledger>,
    /// A sealed write is under way (one at a time, in order).
    writing: StoredValue<bool>,
    /// Locking has begun: the page is about to start afresh.
    wiping: StoredValue<bool>,
    last_active: StoredValue<u64>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
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

fn seconds(count: u64) -> String {
    if count == 1 {
        "1 second".into()
    } else {
        format!("{count} seconds")
    }
}

impl Lock {
    pub fn provide(data: UserData) -> Self {
        let lock = Self {
            mode: RwSignal::new(Mode::Off),
            auto_lock: RwSignal::new(AutoLock::default()),
            record_missing: RwSignal::new(false),
            working: RwSignal::new(false),
            message: RwSignal::new(None),
            form: RwSignal::new(None),
            field: RwSignal::new(None),
            failures: StoredValue::new(0),
            next_try_at: StoredValue::new(0),
            key: StoredValue::new_local(None),
            ledger: StoredValue::new(Ledger::default()),
            writing: StoredValue::new(false),
            wiping: StoredValue::new(false),
            last_active: StoredValue::new(0),
            channel: StoredValue::new_local(None),
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
        self.record_missing.set(vault.mode() == Mode::Locked && record().is_none());
        self.last_active.set_value(browser::now());
        if web::session_storage().is_some_and(|s| s.get(LOCKED_BY_RELOAD).ok().flatten().is_some() && s.remove(LOCKED_BY_RELOAD).is_ok()) {
            self.data.say("Locked. Your passphrase opens your data again.");
        }
        self.listen_to_other_tabs();
        let changed_elsewhere = window_event_listener(leptos::ev::storage, move |event| match event.key() {
            Some(key) if key == LOCK_KEY => spawn_local(async move { self.lock_changed_elsewhere().await }),
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

    /// Another tab's Lock, auto-lock or quick exit locks this one too.
    fn listen_to_other_tabs(self) {
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
        let heard = Closure::<dyn Fn()>::new(move || {
            if self.mode.get_untracked() == Mode::Open {
                self.lock_and_wipe(false);
            }
        });
        channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
        // Lives as long as the page.
        heard.forget();
        self.channel.set_value(Some(channel));
    }

    fn tell_other_tabs(&self) {
        self.channel.with_value(|channel| channel.as_ref().map(|c| c.post_message(&"lock".into())));
    }

    pub fn is_locked(&self) -> bool {
        self.mode.get() == Mode::Locked
    }

    fn settle(&self, mode: Mode) {
        if mode != Mode::Open {
            self.key.set_value(None);
            self.ledger.set_value(Ledger::default());
        }
        self.record_missing.set(mode == Mode::Locked && record().is_none());
        self.mode.set(mode);
        self.data.reload_personal();
    }

    fn busy(&self, working: bool) {
        self.working.set(working);
        if working {
            self.message.set(None);
            self.field.set(None);
        }
    }

    /// Checks a passphrase against the lock record; the key and the opened ledger when it is right.
    /// With no record, against the sealed values themselves (then the ledger starts from theirs).
    async fn key_for(&self, passphrase: &str) -> Result<(Key, Ledger), String> {
        let Some(record) = record() else { return self.key_without_record(passphrase).await };
        let key = crypto::derive(passphrase, &record.salt, record.iterations).await.map_err(|_| NOT_DONE)?;
        let opened = crypto::open(&key, &record.check).await.map_err(|_| WRONG_PASSPHRASE)?;
        let mut ledger = Ledger::read(&opened, record.auto_lock).ok_or(WRONG_PASSPHRASE)?;
        ledger.auto_lock = ledger.auto_lock_against(record.auto_lock);
        Ok((key, ledger))
    }

    /// The record was removed: the key derivation a sealed value names (each is within the
    /// accepted bounds, or it would not have been read as sealed), checked by opening that value.
    async fn key_without_record(&self, passphrase: &str) -> Result<(Key, Ledger), String> {
        let vault = vault().ok_or(NOT_DONE)?;
        let stored = vault.stored_personal();
        let sealed = stored.iter().filter_map(|(name, text)| Sealed::read(text).filter(|s| s.store == *name)).next().ok_or(NOT_DONE)?;
        let key = crypto::derive(passphrase, &sealed.salt, sealed.iterations).await.map_err(|_| NOT_DONE)?;
        crypto::open(&key, &sealed).await.map_err(|_| WRONG_PASSPHRASE)?;
        // The shortest auto-lock time: the one that was set is gone with the record.
        Ok((key, Ledger::new(AutoLock::Minutes5)))
    }

    /// Counts a wrong passphrase, and says how long to wait before the next try, if at all.
    fn wrong_passphrase(&self) -> String {
        let failures = self.failures.get_value() + 1;
        self.failures.set_value(failures);
        let wait = wait_after_failures(failures);
        self.next_try_at.set_value(browser::now() + wait);
        match wait {
            0 => WRONG_PASSPHRASE.into(),
            ms => format!("{WRONG_PASSPHRASE} You can try again in {}.", seconds(ms / 1000)),
        }
    }

    /// Says why a form's try did not work, marking and focusing the field it is about.
    fn refuse(&self, field: &'static str, message: String) {
        self.message.set(Some(message));
        self.field.set(Some(field));
    }

    /// Runs a lock form's work: one at a time, after any wait for wrong passphrases, with what it
    /// came to in `message`, about `field` (a wrong passphrase counts towards the wait).
    /// The work comes boxed, so this and the task that runs it are compiled once, not once per form.
    fn attempt(self, field: &'static str, work: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>>>>) {
        let wait_ms = self.next_try_at.get_value().saturating_sub(browser::now());
        if wait_ms > 0 {
            self.refuse(field, format!("Please wait {} before trying again.", seconds(wait_ms.div_ceil(1000))));
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
                    self.failures.set_value(0);
                    self.last_active.set_value(browser::now());
                }
                Err(problem) if problem == WRONG_PASSPHRASE => self.refuse(field, self.wrong_passphrase()),
                Err(problem) => self.refuse(field, problem),
            }
        });
    }

    /// Checks a new passphrase and its repeat: `None` when they can be used, else the problem is
    /// said and the field it is about (`first` or `again`) marked.
    pub fn check_new(&self, passphrase: &str, repeated: &str, first: &'static str, again: &'static str) -> Option<PassphraseProblem> {
        let problem = passphrase_problem(passphrase, repeated)?;
        let field = if problem == PassphraseProblem::Mismatch { again } else { first };
        self.refuse(field, problem.explain().into());
        Some(problem)
    }

    pub fn unlock(self, passphrase: String) {
        browser::performance_mark("recovery-guide:unlocking");
        self.attempt(
            "unlock-passphrase",
            Box::pin(async move {
                let (key, ledger) = self.key_for(&passphrase).await?;
                let found = self.open_vault(key, ledger).await?;
                browser::performance_mark("recovery-guide:unlocked");
                self.settle(Mode::Open);
                // A record rebuilt, a ledger from before binding, or values to seal again or set
                // aside: all of it is written now.
                self.write_soon();
                self.data.say(unlocked_message(&found));
                Ok(())
            }),
        );
    }

    /// Opens every stored personal value with `key`, sets aside what this device did not seal
    /// there last (`verdict`), takes back changes kept in this tab when it locked, and opens the
    /// vault. Returns the places where something was set aside.
    async fn open_vault(&self, key: Key, mut ledger: Ledger) -> Result<Vec<&'static str>, String> {
        let vault = vault().ok_or(NOT_DONE)?;
        let stored = vault.stored_personal();
        let now = browser::now();
        let taken: Vec<String> = stored.iter().map(|(k, _)| k.clone()).filter(|k| k.starts_with(SET_ASIDE_PREFIX)).collect();
        let mut aside_number = (1u32..).filter(move |n| !taken.contains(&format!("{SET_ASIDE_PREFIX}{n}")));
        let (mut values, mut found) = (Vec::new(), Vec::new());
        let without_record = record().is_none();
        for (name, text) in stored {
            let sealed = Sealed::read(&text);
            let opened = match &sealed {
                Some(sealed) => crypto::open(&key, sealed).await.ok(),
                None => None,
            };
            match verdict(&name, sealed.as_ref(), &key.salt, key.iterations, &ledger) {
                Verdict::Use { seal_again } => {
                    if let Some(sealed) = sealed.as_ref().filter(|_| opened.is_some()) {
                        ledger.saw(&name, sealed.count);
                    }
                    // A value that will not open stays as it is: reading it then keeps a copy
                    // aside and explains, as for any damaged data.
                    let plain = opened.unwrap_or_else(|| text.clone());
                    values.push(Opened { key: name, plain: Some(plain), stored: Some(text), write: seal_again });
                }
                Verdict::SetAside(why) => {
                    let aside = SetAside { key: name.clone(), found_at: now, why: why.explain().into(), text: opened.unwrap_or_else(|| text.clone()) };
                    if !found.contains(&aside.place()) {
                        found.push(aside.place());
                    }
                    let aside_key = format!("{SET_ASIDE_PREFIX}{}", aside_number.next().unwrap_or_default());
                    values.push(Opened { key: aside_key, plain: Some(aside.to_text()), stored: None, write: true });
                    values.push(Opened { key: name, plain: None, stored: Some(text), write: true });
                }
            }
        }
        self.take_back_unsaved(&key, &ledger, &mut values).await;
        self.key.set_value(Some(key));
        self.auto_lock.set(ledger.auto_lock);
        self.ledger.set_value(ledger);
        vault.open(values);
        if without_record {
            self.write_record().await;
        }
        Ok(found)
    }

    /// Changes this tab kept sealed when it locked before they could be written: each replaces
    /// what is stored when it is newer, and is written again.
    async fn take_back_unsaved(&self, key: &Key, ledger: &Ledger, values: &mut Vec<Opened>) {
        let Some(session) = web::session_storage() else { return };
        for stash in session.keys().into_iter().filter(|k| k.starts_with(UNSAVED_PREFIX)) {
            let text = session.get(&stash).ok().flatten();
            let _ = session.remove(&stash);
            let name = &stash[UNSAVED_PREFIX.len()..];
            let Some(sealed) = text.as_deref().and_then(Sealed::read).filter(|s| s.store == name && s.count > ledger.count(name)) else { continue };
            let Ok(plain) = crypto::open(key, &sealed).await else { continue };
            values.retain(|v| v.key != name);
            values.push(Opened { key: name.to_string(), plain: Some(plain), stored: vault().and_then(|v| v.inner().get(name).ok().flatten()), write: true });
        }
    }

    /// The lock's record for `key`, with the ledger sealed inside its check.
    async fn sealed_record(&self, key: &Key, ledger: &Ledger) -> Result<LockRecord, String> {
        let check = crypto::seal(key, &ledger.to_text(), LOCK_KEY, 0).await.map_err(|_| NOT_DONE)?;
        Ok(LockRecord { version: LockRecord::VERSION, salt: key.salt.clone(), iterations: key.iterations, check, auto_lock: ledger.auto_lock })
    }

    /// Writes the record again with this tab's ledger (after writes, or to rebuild it).
    async fn write_record(&self) {
        let (Some(vault), Some(key)) = (vault(), self.key.get_value()) else { return };
        let ledger = self.ledger.get_value();
        if let Ok(record) = self.sealed_record(&key, &ledger).await {
            if vault.inner().set(LOCK_KEY, &record.to_text()).is_ok() {
                self.record_missing.set(false);
            }
        }
    }

    /// Seals everything stored and turns the lock on. False when the passphrase cannot be used
    /// (the form keeps what was typed in its first field).
    pub fn turn_on(self, passphrase: String, repeated: &str) -> bool {
        if self.check_new(&passphrase, repeated, "new-passphrase", "new-passphrase-again").is_some() {
            return false;
        }
        self.attempt(
            "new-passphrase",
            Box::pin(async move {
                let key = self.new_key(&passphrase).await?;
                let vault = vault().ok_or(NOT_DONE)?;
                self.seal_all(key, Ledger::new(self.auto_lock.get_untracked()), vault.stored_personal()).await?;
                self.settle(Mode::Open);
                self.data.say("The lock is on. Your data is now stored encrypted, and this tab stays unlocked until it locks.");
                Ok(())
            }),
        );
        true
    }

    async fn new_key(&self, passphrase: &str) -> Result<Key, String> {
        let salt = crypto::random_bytes(SALT_BYTES).map_err(|_| NOT_DONE)?;
        crypto::derive(passphrase, &salt, ITERATIONS).await.map_err(|_| NOT_DONE.to_string())
    }

    /// Writes the lock record and every value sealed with `key`, all or nothing, and opens the
    /// vault with them.
    async fn seal_all(&self, key: Key, mut ledger: Ledger, plain: Vec<(String, String)>) -> Result<(), String> {
        let mut writes = Vec::new();
        let mut opened = Vec::new();
        for (name, text) in plain {
            // Damaged data is kept exactly as it was.
            let sealed = match Sealed::read(&text) {
                Some(_) => text.clone(),
                None => {
                    let count = ledger.count(&name) + 1;
                    ledger.saw(&name, count);
                    crypto::seal(&key, &text, &name, count).await.map_err(|_| NOT_DONE)?.to_text()
                }
            };
            writes.push((name.clone(), Some(sealed.clone())));
            opened.push(Opened { key: name, plain: Some(text), stored: Some(sealed), write: false });
        }
        writes.insert(0, (LOCK_KEY.to_string(), Some(self.sealed_record(&key, &ledger).await?.to_text())));
        let vault = vault().ok_or(NOT_DONE)?;
        vault.write_all(&writes).map_err(|failure| if failure == Failure::Full { NO_ROOM } else { NOT_DONE })?;
        vault.open(opened);
        self.key.set_value(Some(key));
        self.ledger.set_value(ledger);
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

    pub fn change_passphrase(self, current: String, passphrase: String, repeated: &str) -> bool {
        if self.check_new(&passphrase, repeated, "changed-passphrase", "changed-passphrase-again").is_some() {
            return false;
        }
        self.attempt(
            "current-passphrase",
            Box::pin(async move {
                self.key_for(&current).await?;
                let plain = self.open_values().await?;
                let key = self.new_key(&passphrase).await?;
                self.seal_all(key, self.ledger.get_value(), plain).await?;
                self.data.say("Your passphrase has been changed. Use the new one from now on, on this device.");
                Ok(())
            }),
        );
        true
    }

    /// Stores everything plain again and removes the lock.
    pub fn turn_off(self, current: String) {
        self.attempt(
            "off-passphrase",
            Box::pin(async move {
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
            }),
        );
    }

    /// Deletes everything this app stored (the lock's record too, so the lock goes off).
    pub fn delete_everything(&self) -> bool {
        let deleted = self.data.delete_all();
        if vault().is_none_or(|v| v.mode() == Mode::Off) {
            self.key.set_value(None);
            self.mode.set(Mode::Off);
            self.record_missing.set(false);
        }
        deleted
    }

    /// Locks every tab: this one after writing what it can (and keeping sealed, in this tab, what
    /// it cannot), then a fresh page, so nothing the person wrote stays in memory. Never refuses.
    pub fn lock_now(self) {
        self.lock_and_wipe(true);
    }

    fn lock_and_wipe(self, tell_others: bool) {
        if tell_others {
            self.tell_other_tabs();
        }
        // Once: a second Lock (another tab's, say) while this one is writing changes nothing.
        if self.wiping.get_value() {
            return;
        }
        self.wiping.set_value(true);
        spawn_local(async move {
            self.flush().await;
            self.keep_unsaved().await;
            if let Some(session) = web::session_storage() {
                let _ = session.set(LOCKED_BY_RELOAD, "1");
            }
            self.lock_here();
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
    }

    /// Seals what could not be written into this tab's `sessionStorage` (its own room, kept
    /// across a reload), to be written after the next unlock.
    async fn keep_unsaved(&self) {
        let (Some(vault), Some(key), Some(session)) = (vault(), self.key.get_value(), web::session_storage()) else { return };
        for write in vault.unwritten() {
            let Some(plain) = write.plain else { continue };
            let count = self.ledger.with_value(|l| l.count(&write.key)) + 1;
            if let Ok(sealed) = crypto::seal(&key, &plain, &write.key, count).await {
                let _ = session.set(&format!("{UNSAVED_PREFIX}{}", write.key), &sealed.to_text());
            }
        }
    }

    /// Locks this tab and every other without waiting for anything (the quick exit, which leaves
    /// the page). A change made in the last moment may not be written.
    pub fn lock_at_once(&self) {
        self.tell_other_tabs();
        self.lock_here();
    }

    fn lock_here(&self) {
        if let Some(vault) = vault().filter(|v| v.mode() == Mode::Open) {
            vault.lock();
            self.settle(Mode::Locked);
        }
    }

    fn lock_if_idle(&self) {
        let idle_for = browser::now().saturating_sub(self.last_active.get_value());
        if self.mode.get_untracked() == Mode::Open && self.auto_lock.get_untracked().after_ms().is_some_and(|limit| idle_for >= limit) {
            self.lock_now();
        }
    }

    pub fn set_auto_lock(&self, choice: AutoLock) {
        let lock = *self;
        spawn_local(async move {
            let (Some(vault), Some(key)) = (vault(), lock.key.get_value()) else { return };
            let mut ledger = lock.ledger.get_value();
            ledger.auto_lock = choice;
            let written = match lock.sealed_record(&key, &ledger).await {
                Ok(record) => vault.inner().set(LOCK_KEY, &record.to_text()).is_ok(),
                Err(_) => false,
            };
            if written {
                lock.ledger.set_value(ledger);
                lock.auto_lock.set(choice);
                lock.data.say(format!("It will lock by itself: {}.", choice.label().to_lowercase()));
            } else {
                lock.data.say(NOT_DONE);
            }
        });
    }

    /// Another tab turned the lock on or off, changed the passphrase or the auto-lock time, or
    /// wrote its ledger; or someone removed or changed the record.
    async fn lock_changed_elsewhere(&self) {
        let Some(vault) = vault() else { return };
        let record = record();
        match (self.mode.get_untracked(), record) {
            // Turned on elsewhere: this tab holds plain data in memory, so it starts afresh.
            (Mode::Off, Some(_)) => self.lock_and_wipe(false),
            (_, None) if !vault.has_sealed() => {
                vault.turn_off();
                self.settle(Mode::Off);
            }
            // Removed while sealed values remain: not the lock being turned off. An open tab puts
            // the record back; a locked one says it is missing.
            (Mode::Open, None) => self.write_record().await,
            (_, None) => self.record_missing.set(true),
            (Mode::Open, Some(record)) => {
                let Some(key) = self.key.get_value() else { return };
                let ledger = match crypto::open(&key, &record.check).await {
                    Ok(text) => Ledger::read(&text, record.auto_lock),
                    Err(_) => None,
                };
                match ledger {
                    Some(theirs) => self.ledger.update_value(|ours| {
                        theirs.counts.iter().for_each(|(k, n)| ours.saw(k, *n));
                        ours.auto_lock = theirs.auto_lock_against(record.auto_lock);
                        self.auto_lock.set(ours.auto_lock);
                    }),
                    None => self.lock_and_wipe(false),
                }
            }
            (_, Some(_)) => self.record_missing.set(false),
        }
    }

    /// Another tab's write to a personal key (`stored`; `None`: removed), opened with this tab's
    /// key and handed to the app, which merges what this tab has not written yet over it.
    async fn receive(&self, key: String, stored: Option<String>) {
        let Some(with) = self.key.get_value() else { return };
        let sealed = stored.as_deref().and_then(Sealed::read);
        let plain = match (&stored, &sealed) {
            (None, _) => None,
            // Not sealed, or not for this place: never taken; this tab's next write replaces it.
            (Some(_), None) => return,
            (Some(_), Some(sealed)) if sealed.version != 1 && sealed.store != key => return,
            (Some(text), Some(sealed)) => match crypto::open(&with, sealed).await {
                Ok(plain) => {
                    self.ledger.update_value(|l| l.saw(&key, sealed.count));
                    Some(plain)
                }
                Err(NotOpened::OtherKey) => return self.lock_and_wipe(false),
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
            if self.write_everything().await {
                self.write_record().await;
            }
            self.writing.set_value(false);
        });
    }

    /// Seals and writes everything waiting; true when anything was written (the record then
    /// needs the new counts).
    async fn write_everything(&self) -> bool {
        let mut wrote = record().is_none();
        while let (Some(vault), Some(key)) = (vault(), self.key.get_value()) {
            let Some(write) = vault.next_to_write() else { break };
            let count = self.ledger.with_value(|l| l.count(&write.key)) + 1;
            let stored = match write.plain.as_deref() {
                None => None,
                // Damaged data (and copies of it) is written exactly as it was.
                Some(text) if Sealed::read(text).is_some() => Some(text.to_string()),
                Some(text) => match crypto::seal(&key, text, &write.key, count).await {
                    Ok(sealed) => Some(sealed.to_text()),
                    Err(_) => {
                        self.data.write_failed(&write.key, false);
                        break;
                    }
                },
            };
            match vault.finish_write(&write, stored.as_deref()) {
                Written::Done => {
                    self.ledger.update_value(|l| l.saw(&write.key, count));
                    wrote = true;
                }
                Written::Conflict { stored } => self.receive(write.key, stored).await,
                Written::Failed(failure) => self.data.write_failed(&write.key, failure == Failure::Full),
            }
        }
        wrote
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
        Some(crypto::seal(&key, &self.data.export_file(), crate::storage::sealed::FILE_PLACE, 0).await.ok()?.to_file())
    }
}

/// What unlocking says, with where something was set aside, if anywhere.
fn unlocked_message(found: &[&str]) -> String {
    const OPEN: &str = "Unlocked. Your data is open in this tab until it locks again.";
    if found.is_empty() {
        return OPEN.into();
    }
    format!(
        "Unlocked. While it was locked, something other than this app changed {}. The change has not been used: see “Found while locked” on Your data.",
        found.join(" and ")
    )
}

/// Opens a sealed export file with the passphrase it was made with.
pub async fn open_file(passphrase: &str, sealed: &Sealed) -> Result<String, &'static str> {
    const WRONG: &str = "That passphrase does not open this file. Nothing was changed.";
    let key = crypto::derive(passphrase, &sealed.salt, sealed.iterations).await.map_err(|_| WRONG)?;
    crypto::open(&key, sealed).await.map_err(|_| WRONG)
}
