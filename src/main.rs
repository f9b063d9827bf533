//! Browser entry point: Trunk builds this into the wasm bundle. Every page arrives as prerendered
//! HTML (src/bin/prerender.rs); the app takes it over in place instead of drawing it again.

#![recursion_limit = "256"]

fn main() {
    console_error_panic_hook::set_once();
    recovery_guide::use_route_address();
    leptos::mount::hydrate_body(recovery_guide::App);
}
