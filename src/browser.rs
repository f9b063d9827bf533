//! The few browser facts and actions the app needs outside rendering: the clock, the time zone,
//! fresh ids, saving a file and reading one. Called from event handlers and effects only, never
//! while rendering, so pages also render outside a browser.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{self, Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// Milliseconds since 1970 (UTC).
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Minutes to add to UTC for local time (positive east of Greenwich).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// An id that will not clash with another made on this or another device ("own-1795…-48213").
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}-{}-{}", now(), (js_sys::Math::random() * 1e9) as u64)
}

/// Offers `contents` to the person as a file download: plain text for a `.txt` name, JSON
/// otherwise. Nothing leaves the device.
pub fn download(file_name: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(if file_name.ends_with(".txt") { "text/plain;charset=utf-8" } else { "application/json" });
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    // Firefox and Safari ignore a click on a link outside the page, or whose file is already
    // released: attach it for the click, and release the file only once the download has begun.
    body.append_child(&link)?;
    link.click();
    link.remove();
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// The browser's `navigator.share`, where it has one (the Web Share API: phones, and some desktops).
fn share_function() -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    Some((navigator, share))
}

/// Whether the browser can hand text to another app of the person's choosing.
pub fn can_share() -> bool {
    share_function().is_some()
}

/// Hands `text` to the browser's share sheet. The person may still choose not to share
/// (an error then too).
pub async fn share_text(title: &str, text: &str) -> Result<(), JsValue> {
    let (navigator, share) = share_function().ok_or("no share")?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"title".into(), &title.into())?;
    js_sys::Reflect::set(&data, &"text".into(), &text.into())?;
    let promise: js_sys::Promise = share.call1(&navigator, &data)?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(drop)
}

/// Puts `text` on the clipboard, for the person to paste into a message.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window().ok_or("no window")?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
    let promise: js_sys::Promise = write.call1(&clipboard, &text.into())?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(drop)
}

/// The text of a file the person chose.
pub async fn read_text(file: &File) -> Result<String, JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await?;
    text.as_string().ok_or_else(|| JsValue::from_str("not text"))
}

/// Opened as `…/index.html`? Show the same page at its route address (`…/`), which is what the
/// prerendered HTML was made for: otherwise the router would take it for an unknown page.
pub fn use_route_address() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let Ok(path) = location.pathname() else { return };
    if let (Some(route), Ok(history)) = (crate::links::without_file_name(&path), window.history()) {
        let rest = format!("{}{}", location.search().unwrap_or_default(), location.hash().unwrap_or_default());
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{route}{rest}")));
    }
}

/// Tells the page, and the benchmark, that the app has started on top of the prerendered HTML:
/// `data-app="ready"` on the root element, and a Performance API mark.
pub fn mark_app_started() {
    performance_mark("recovery-guide:ready");
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// A Performance API mark, for the benchmark (`scripts/bench-load.mjs`) to time against.
pub fn performance_mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Whether the person is typing in a text field (where "/" and Escape belong to the field, and
/// focus must stay).
pub fn typing_in_a_field() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Focuses the element with this id, if there is one. (Ids made from data go here rather than into
/// a selector, where some characters would mean something else.)
pub fn focus_id(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Focuses the first element matching `selector` (it must be focusable, e.g. `tabindex="-1"`).
pub fn focus(selector: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Sets a CSS custom property on the root element, for the stylesheet to read.
pub fn set_root_style(name: &str, value: &str) {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = root.style().set_property(name, value);
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Safari, or any browser on an iPhone or iPad (all of them are Safari inside): these clear a
/// site's stored data after 7 days of use without a visit, unless it was added to the Home Screen.
pub fn is_apple_webkit() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return false };
    is_apple_webkit_agent(&navigator.user_agent().unwrap_or_default(), navigator.max_touch_points())
}

/// Whether a browser with this user agent and touch points is Safari on a Mac or any browser on
/// an iPhone or iPad. Other WebKit browsers (GNOME Web and others on Linux) also say "Safari", but
/// have no Home Screen and no 7-day rule.
fn is_apple_webkit_agent(agent: &str, max_touch_points: i32) -> bool {
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| agent.contains(d))
        // iPads ask for desktop pages and call themselves Macs, but have touch.
        || (agent.contains("Macintosh") && max_touch_points > 1);
    let mac_safari = agent.contains("Macintosh") && agent.contains("Safari") && !["Chrome", "Chromium", "Edg", "Firefox"].iter().any(|b| agent.contains(b));
    ios || mac_safari
}

/// The browser's offer to install the app, kept by index.html when it came (it can come before
/// the app has started). `None` where the browser makes no such offer, or it was used.
pub fn install_offer() -> Option<JsValue> {
    let offer = js_sys::Reflect::get(&web_sys::window()?.into(), &INSTALL_OFFER.into()).ok()?;
    (!offer.is_undefined() && !offer.is_null()).then_some(offer)
}

/// The name index.html keeps the install offer under, and the event it fires when one comes.
pub const INSTALL_OFFER: &str = "recoveryGuideInstallOffer";
pub const INSTALL_OFFERED_EVENT: &str = "recovery-guide:installable";

/// Shows the browser's own install question; the offer can be used once.
pub fn accept_install_offer(offer: &JsValue) {
    if let Some(prompt) = js_sys::Reflect::get(offer, &"prompt".into()).ok().and_then(|p| p.dyn_into::<js_sys::Function>().ok()) {
        let _ = prompt.call0(offer);
    }
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &INSTALL_OFFER.into(), &JsValue::UNDEFINED);
    }
}

/// Takes focus out of the field being typed in, so its change event saves what is in it.
pub fn blur_focused() {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    if let Some(element) = active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.blur();
    }
}

/// The browser's speech synthesis, where it has one (every current browser; a few builds leave
/// it out).
pub fn speech_synthesis() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    let present = js_sys::Reflect::get(&window, &"speechSynthesis".into()).is_ok_and(|value| value.is_object());
    present.then(|| window.speech_synthesis().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::is_apple_webkit_agent;

    const IPHONE_SAFARI: &str =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    const IPHONE_CHROME: &str =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
    const MAC_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const MAC_FIREFOX: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0";
    const LINUX_WEBKITGTK: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    #[test]
    fn every_browser_on_an_iphone_or_ipad_and_safari_on_a_mac_clear_data_after_7_days() {
        assert!(is_apple_webkit_agent(IPHONE_SAFARI, 5));
        assert!(is_apple_webkit_agent(IPHONE_CHROME, 5));
        assert!(is_apple_webkit_agent(MAC_SAFARI, 0));
        // An iPad asking for desktop pages: a Mac with touch.
        assert!(is_apple_webkit_agent(MAC_SAFARI, 5));
        assert!(is_apple_webkit_agent(MAC_CHROME, 5));
    }

    #[test]
    fn other_browsers_do_not_even_when_they_are_webkit() {
        assert!(!is_apple_webkit_agent(MAC_CHROME, 0));
        assert!(!is_apple_webkit_agent(MAC_FIREFOX, 0));
        assert!(!is_apple_webkit_agent(ANDROID_CHROME, 5));
        // GNOME Web and WebKitGTK's MiniBrowser say "Safari" too, but run on Linux.
        assert!(!is_apple_webkit_agent(LINUX_WEBKITGTK, 0));
    }
}
