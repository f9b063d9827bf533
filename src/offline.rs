//! Offline support in the page: registers the service worker (release builds only, so `trunk
//! serve` is never fighting a cache), offers "Reload to update" when a new version is waiting
//! (nothing reloads by itself), and knows whether the device is online.

use crate::effect::effect;
use crate::links::href;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

#[derive(Clone, Copy)]
pub struct AppStatus {
    pub online: RwSignal<bool>,
    /// A new version has been downloaded and waits for the person to reload.
    pub update_waiting: RwSignal<bool>,
}

pub fn use_app_status() -> AppStatus {
    expect_context()
}

fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Missing in some browsers and on plain-http hosts other than localhost.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?.then(|| navigator.service_worker())
}

fn has_controller() -> bool {
    service_workers().is_some_and(|sw| sw.controller().is_some())
}

impl AppStatus {
    pub fn provide() -> Self {
        let status = Self { online: RwSignal::new(true), update_waiting: RwSignal::new(false) };
        provide_context(status);
        effect(move || {
            status.online.set(window().navigator().on_line());
            let online = window_event_listener(leptos::ev::online, move |_| status.online.set(true));
            let offline = window_event_listener(leptos::ev::offline, move |_| status.online.set(false));
            on_cleanup(move || {
                online.remove();
                offline.remove();
            });
            if !cfg!(debug_assertions) {
                register(status);
            }
        });
        status
    }

    /// Lets the waiting version take over, then reloads once it has (everything typed is already
    /// saved as it is typed, so nothing is lost).
    pub fn reload_to_update(&self) {
        let Some(container) = service_workers() else { return };
        let reload = Closure::once_into_js(|| {
            let _ = window().location().reload();
        });
        container.set_oncontrollerchange(Some(reload.unchecked_ref()));
        spawn_local(async move {
            let Ok(registration) = JsFuture::from(container.get_registration_with_document_url(&href("/"))).await else { return };
            let Some(waiting) = registration.dyn_into::<ServiceWorkerRegistration>().ok().and_then(|r| r.waiting()) else {
                let _ = window().location().reload();
                return;
            };
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            let _ = waiting.post_message(&message);
        });
    }
}

fn register(status: AppStatus) {
    let Some(container) = service_workers() else { return };
    let options = RegistrationOptions::new();
    options.set_scope(&href("/"));
    let registering = container.register_with_options(&href("/sw.js"), &options);
    spawn_local(async move {
        if let Ok(registration) = JsFuture::from(registering).await {
            watch_for_updates(registration.unchecked_into(), status);
        }
    });
}

/// A new version may already be waiting, may be installing now, or may arrive later.
fn watch_for_updates(registration: ServiceWorkerRegistration, status: AppStatus) {
    if registration.waiting().is_some() && has_controller() {
        status.update_waiting.set(true);
    }
    if let Some(installing) = registration.installing() {
        watch_install(installing, status);
    }
    let watched = registration.clone();
    let on_update = Closure::<dyn Fn()>::new(move || {
        if let Some(installing) = watched.installing() {
            watch_install(installing, status);
        }
    });
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    // Lives as long as the page.
    on_update.forget();
}

fn watch_install(worker: ServiceWorker, status: AppStatus) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        // With no controller this is the first install, not an update.
        if watched.state() == ServiceWorkerState::Installed && has_controller() {
            status.update_waiting.set(true);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}
