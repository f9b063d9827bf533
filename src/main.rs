//! Browser entry point: Trunk builds this into the wasm bundle.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(recovery_guide::App);
}
