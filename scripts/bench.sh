#!/usr/bin/env bash
# Benchmark: builds the release app and prints what a first visit costs. Figures, not pass/fail.
source "$(dirname "$0")/lib/tools.sh"
ensure_rust_tools
ensure_npm_packages
start=$(date +%s)
build_release
step "Release build took $(( $(date +%s) - start )) s"
node scripts/bench-sizes.mjs dist
step "Offline (service worker)"
ensure_chromium
node scripts/bench-offline.mjs dist
step "Reading and writing a heavy user's data (native, release)"
cargo run --quiet --release --example data_bench
