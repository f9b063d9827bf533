//! What happens when the app crashes. A Rust panic aborts the wasm (`panic = "abort"`), which would
//! leave the page frozen with no word why. Instead the panic hook keeps the panic text in the
//! console, stops every later write to storage (the app's state may be half-changed now, and must
//! not spoil what was saved before), and says so at the top of the page with a Reload button.
//!
//! The message is made with plain web-sys, not Leptos: Leptos may have been drawing the page when
//! the panic came, so nothing of it can be trusted any more.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement};

const MESSAGE: &str = "Something went wrong. What you saved is safe. Reload the page.";
/// The message's id: a second panic (a later click into the broken app) keeps the one message, and
/// the loader (scripts/post-build.mjs) stays quiet about a panic while the app starts.
const MESSAGE_ID: &str = "crash-message";

/// Called first thing in `main`, so even a panic while the app starts is reported.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        crate::storage::web::stop_all_writes();
        console_error_panic_hook::hook(info);
        show_message();
    }));
}

fn show_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id(MESSAGE_ID).is_some() {
        return;
    }
    if let Ok(message) = build_message(&document) {
        // Read out by screen readers (role="alert"), and the next Tab reaches Reload.
        let _ = message.focus();
    }
}

/// `<div class="crash" role="alert">` with the message and a Reload button, first in the body (the
/// stylesheet keeps it at the top of the screen).
fn build_message(document: &Document) -> Result<HtmlElement, JsValue> {
    let message: HtmlElement = document.create_element("div")?.dyn_into()?;
    message.set_id(MESSAGE_ID);
    message.set_class_name("crash");
    message.set_attribute("role", "alert")?;
    message.set_tab_index(-1);
    let text = document.create_element("p")?;
    text.set_class_name("crash__text");
    text.set_text_content(Some(MESSAGE));
    let reload = document.create_element("button")?;
    reload.set_attribute("type", "button")?;
    reload.set_class_name("button button--primary");
    reload.set_text_content(Some("Reload"));
    let on_reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    reload.add_event_listener_with_callback("click", on_reload.as_ref().unchecked_ref())?;
    // Lives as long as the page.
    on_reload.forget();
    message.append_with_node_2(&text, &reload)?;
    document.body().ok_or("no body")?.prepend_with_node_1(&message)?;
    Ok(message)
}
