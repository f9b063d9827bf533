//! Effects through one compiled function.
//!
//! `Effect::new` with another closure compiles the framework's effect machinery again: 18 copies,
//! about 19 KB of the wasm before wasm-opt (twiggy, 27 November 2026). Effects that do not need
//! the value their last run returned go through `effect`, which hands `Effect::new` the same boxed
//! closure type every time.

use leptos::prelude::Effect;

/// Runs `run` after rendering (in the browser only), then again whenever a signal it read
/// changes, like `Effect::new(move |_| run())`.
pub fn effect(run: impl Fn() + 'static) {
    boxed_effect(Box::new(run));
}

#[inline(never)]
fn boxed_effect(run: Box<dyn Fn()>) {
    Effect::new(move |_| run());
}
