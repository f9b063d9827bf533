//! Browser entry point: Trunk builds this into the wasm bundle. Every page arrives as prerendered
//! HTML (src/bin/prerender.rs); the app takes it over in place instead of drawing it again.

#![recursion_limit = "256"]

fn main() {
    recovery_guide::crash::install_panic_hook();
    #[cfg(feature = "test-panic")]
    crash_when_asked();
    recovery_guide::use_route_address();
    leptos::mount::hydrate_body(recovery_guide::App);
}

/// Test builds only (the `test-panic` feature; scripts/test.sh builds it into target/site-panic):
/// the app panics while it starts when the address has `?panic-for-test`, and at any time when the
/// page sends it the event `recovery-guide:panic-for-test`. That panic comes from a plain event
/// listener, with no app state borrowed, so the rest of the app would go on working (and writing)
/// afterwards if the panic hook did not stop it.
#[cfg(feature = "test-panic")]
fn crash_when_asked() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let window = web_sys::window().expect("a browser window");
    if window.location().search().is_ok_and(|query| query.contains("panic-for-test")) {
        panic!("panic-for-test: a crash the browser test asked for, while the app starts");
    }
    let crash = Closure::<dyn Fn()>::new(|| panic!("panic-for-test: a crash the browser test asked for"));
    window.add_event_listener_with_callback("recovery-guide:panic-for-test", crash.as_ref().unchecked_ref()).expect("the test's listener is added");
    crash.forget();
}
