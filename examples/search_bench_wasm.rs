//! The search benchmark in the browser: built to wasm and run in Chromium by
//! scripts/bench-search.mjs, timing each keystroke with the Performance API on the real guide and
//! on synthetic content 10x and 100x its size (the same content as `benches/search.rs`: both take
//! it from `benches/fixtures/`).

#[path = "../benches/fixtures/mod.rs"]
mod fixtures;

use fixtures::{scaled_documents, KEYSTROKES};
use recovery_guide::search::{Filters, Index};
use wasm_bindgen::prelude::*;

/// Returns lines of "<scale> <documents> <median ms> <slowest ms>".
#[wasm_bindgen]
pub fn run() -> String {
    let performance = web_sys::window().and_then(|w| w.performance()).expect("a browser with the Performance API");
    let mut lines = Vec::new();
    for times in [1, 10, 100] {
        let index = Index::new(scaled_documents(times));
        let filters = Filters::default();
        let mut durations: Vec<f64> = (0..20)
            .flat_map(|_| KEYSTROKES)
            .map(|keys| {
                let start = performance.now();
                std::hint::black_box(index.search(keys, &filters).len());
                performance.now() - start
            })
            .collect();
        durations.sort_by(f64::total_cmp);
        lines.push(format!("{times} {} {:.3} {:.3}", index.len(), durations[durations.len() / 2], durations[durations.len() - 1]));
    }
    lines.join("\n")
}

fn main() {}
