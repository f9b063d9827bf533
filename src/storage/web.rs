//! The browser's `localStorage` as a `Backend`, used directly through web-sys rather than
//! gloo-storage: gloo's `LocalStorage::raw()` panics when the browser refuses storage, and the app
//! needs the raw text of unreadable values to back them up, which web-sys gives as it is.

use super::vault::Vault;
use super::{Backend, Failure, Persistence};
use js_sys::JsString;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage};

pub struct WebStorage {
    storage: Storage,
    /// What this tab last wrote under each key, as text and as the browser's own string, so
    /// `holds` compares in the browser instead of copying five years of data into the app (about
    /// 10 ms on every save).
    written: RefCell<Vec<(String, String, JsString)>>,
}

// `Storage` with getItem and setItem taking and giving the browser's own strings (web-sys's
// convert them to and from Rust's).
#[wasm_bindgen]
extern "C" {
    type StringStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_string(this: &StringStorage, key: &str) -> Result<Option<JsString>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_string(this: &StringStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

impl WebStorage {
    fn new(storage: Storage) -> Self {
        Self { storage, written: RefCell::new(Vec::new()) }
    }
}

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
    web_sys::window()?.local_storage().ok().flatten().map(WebStorage::new)
}

/// This tab's `sessionStorage` (kept across a reload, gone with the tab), where the lock keeps
/// what it could not write when it locked.
pub fn session_storage() -> Option<WebStorage> {
    web_sys::window()?.session_storage().ok().flatten().map(WebStorage::new)
}

thread_local! {
    static VAULT: std::cell::OnceCell<&'static Vault<WebStorage>> = const { std::cell::OnceCell::new() };
}

/// The persistence layer over this browser's storage (through the passphrase lock's vault), which
/// lives as long as the page.
pub fn persistence() -> Persistence<&'static dyn Backend> {
    Persistence::new(vault().map(|vault| vault as &dyn Backend))
}

/// The passphrase lock's view of this browser's storage, the same one for the whole page (`None`
/// when the browser refuses storage).
pub fn vault() -> Option<&'static Vault<WebStorage>> {
    VAULT.with(|cell| {
        if let Some(vault) = cell.get() {
            return Some(*vault);
        }
        let vault: &'static Vault<WebStorage> = Box::leak(Box::new(Vault::new(local_storage()?)));
        Some(*cell.get_or_init(|| vault))
    })
}

/// Asks the browser to keep this site's data instead of clearing it when space runs low
/// (`navigator.storage.persist()`: Chromium decides by itself, Firefox asks the person). Browsers
/// without it answer "no".
pub fn ask_to_keep_data(answer: Box<dyn FnOnce(bool)>) {
    let Some(manager) = storage_manager() else { return answer(false) };
    let Ok(asking) = manager.persist() else { return answer(false) };
    wasm_bindgen_futures::spawn_local(async move {
        let kept = wasm_bindgen_futures::JsFuture::from(asking).await.ok().and_then(|v| v.as_bool());
        answer(kept.unwrap_or(false));
    });
}

/// Whether the browser has agreed to keep this site's data, as it says now.
pub async fn data_is_kept() -> Option<bool> {
    let asking = storage_manager()?.persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(asking).await.ok()?.as_bool()
}

/// What the browser says this site uses and may use, in bytes (all its storage, caches included).
pub async fn estimate() -> Option<(f64, f64)> {
    let asking = storage_manager()?.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = wasm_bindgen_futures::JsFuture::from(asking).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// `navigator.storage`, missing in old browsers and on plain-http hosts other than localhost.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"storage".into()).ok()?.then(|| navigator.storage())
}

fn failure(error: wasm_bindgen::JsValue) -> Failure {
    match error.dyn_ref::<DomException>() {
        Some(e) if e.name() == "QuotaExceededError" || e.code() == DomException::QUOTA_EXCEEDED_ERR => Failure::Full,
        _ => Failure::Refused,
    }
}

impl Backend for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, Failure> {
        self.storage.get_item(key).map_err(failure)
    }

    fn holds(&self, key: &str, text: &str) -> Result<bool, Failure> {
        let written = self.written.borrow();
        let Some((_, _, string)) = written.iter().find(|(k, wrote, _)| k == key && wrote == text) else {
            return super::holds_by_reading(self, key, text);
        };
        // The same text as the browser's string: `===` compares them where they are.
        Ok(self.storage.unchecked_ref::<StringStorage>().get_string(key).map_err(failure)?.as_ref() == Some(string))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Failure> {
        writes_allowed()?;
        let string = JsString::from(value);
        let mut written = self.written.borrow_mut();
        written.retain(|(k, _, _)| k != key);
        self.storage.unchecked_ref::<StringStorage>().set_string(key, &string).map_err(failure)?;
        written.push((key.to_string(), value.to_string(), string));
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), Failure> {
        writes_allowed()?;
        self.written.borrow_mut().retain(|(k, _, _)| k != key);
        self.storage.remove_item(key).map_err(failure)
    }

    fn keys(&self) -> Vec<String> {
        let count = self.storage.length().unwrap_or(0);
        (0..count).filter_map(|i| self.storage.key(i).ok().flatten()).collect()
    }
}
