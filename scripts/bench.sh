#!/usr/bin/env bash
# Benchmark: builds the release app and prints what a first visit costs. Figures, not pass/fail.
source "$(dirname "$0")/lib/tools.sh"
check_machine benchmark
install_missing benchmark
start=$(date +%s)
build_release
step "Release build took $(( $(date +%s) - start )) s"
node scripts/bench-sizes.mjs dist
step "Loading: Lighthouse on every route, the home page against a plain static page, start-up and route changes"
node scripts/bench-load.mjs dist
step "Offline (service worker)"
node scripts/bench-offline.mjs dist
step "Search in the browser (Performance API)"
cargo build --quiet --release --example search_bench_wasm --target wasm32-unknown-unknown
rm -rf target/search-bench
wasm-bindgen --target web --no-typescript --out-dir target/search-bench \
  target/wasm32-unknown-unknown/release/examples/search_bench_wasm.wasm
node scripts/bench-search.mjs dist
step "Search natively (criterion): real guide, 10x and 100x"
cargo bench --quiet --bench search -- --warm-up-time 1 --measurement-time 3 2>/dev/null | grep -E "time:|guide" || true
step "Reading and writing a heavy user's data (native, release)"
cargo run --quiet --release --example data_bench
step "The passphrase lock: unlock time, and what sealing adds to a save (1,000 bookmarks)"
node scripts/bench-lock.mjs dist
step "Heavy use in the browser: typing, ticking and bookmarking with almost no data, a year and five years of it"
node scripts/bench-heavy.mjs dist
