#!/usr/bin/env bash
# Benchmark: builds the release app and prints what a first visit costs and how fast it is. Figures,
# not pass/fail. Everything printed is kept in target/bench/output.txt, and the figures are written
# into docs/performance.md (between its markers, by scripts/bench-table.mjs), stamped with the
# commit, the date and the machine. Commit that file with the change it measures.
source "$(dirname "$0")/lib/tools.sh"
check_machine benchmark
install_missing benchmark
output=target/bench/output.txt
mkdir -p "$(dirname "$output")"

stamp() { printf 'stamp\t%s\t%s\n' "$1" "$2"; }

measure() {
  local commit
  commit="$(git rev-parse --short HEAD)"
  git diff --quiet HEAD -- || commit="$commit with uncommitted changes"
  stamp commit "$commit"
  stamp date "$(date -u +%Y-%m-%d)"
  stamp machine "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(. /etc/os-release && echo "$PRETTY_NAME"), load average $(cut -d' ' -f1 /proc/loadavg) at the start"
  stamp tools "$(first_line "$CHROME_PATH" --version) headless, $(first_line rustc --version | cut -d' ' -f1-2), $(first_line trunk --version), wasm-opt $(first_line wasm-opt --version | cut -d' ' -f3), Lighthouse $(node -p 'require("lighthouse/package.json").version')"
  local start
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
}

measure 2>&1 | tee "$output"
step "Writing the figures into docs/performance.md"
node scripts/bench-table.mjs "$output" docs/performance.md
