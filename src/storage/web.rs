//! The browser's `localStorage` as a `Backend`, used directly through web-sys rather than
//! gloo-storage: gloo's `LocalStorage::raw()` panics when the browser refuses storage, and the app
//! needs the raw text of unreadable values to back them up, which web-sys gives as it is.

use super::{Backend, Failure, Persistence};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;
use web_sys::{DomException, Storage};

pub struct WebStorage(Storage);

/// Set once the app has crashed (`crate::crash`): from then on every write is refused.
static WRITES_STOPPED: AtomicBool = AtomicBool::new(false);

/// Refuses every later write and removal, for as long as this page lives. After a crash the app's
/// state may be half-changed, and writing it would spoil what was saved before the crash.
pub fn stop_all_writes() {
    WRITES_STOPPED.store(true, Ordering::SeqCst);
}

fn writes_allowed() -> Result<(), Failure> {
    if WRITES_STOPPED.load(Ordering::SeqCst) {
        Err(Failure::Refused)
    } else {
        Ok(())
    }
}

/// `localStorage`, or `None` when the browser refuses it (some private modes, blocked cookies).
pub fn local_storage() -> Option<WebStorage> {
    web_sys::window()?.local_storage().ok().flatten().map(WebStorage)
}

/// The persistence layer over this browser's storage.
pub fn persistence() -> Persistence<WebStorage> {
    Persistence::new(local_storage())
}

fn failure(error: wasm_bindgen::JsValue) -> Failure {
    match error.dyn_ref::<DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == DomException::QUOTA_EXCEEDED_ERR => Failure::Full,
        _ => Failure::Refused,
    }
}

impl Backend for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, Failure> {
        self.0.get_item(key).map_err(failure)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Failure> {
        writes_allowed()?;
        self.0.set_item(key, value).map_err(failure)
    }

    fn remove(&self, key: &str) -> Result<(), Failure> {
        writes_allowed()?;
        self.0.remove_item(key).map_err(failure)
    }

    fn keys(&self) -> Vec<String> {
        let count = self.0.length().unwrap_or(0);
        (0..count).filter_map(|i| self.0.key(i).ok().flatten()).collect()
    }
}
