#!/usr/bin/env bash
# Runs every test: native Rust tests, then browser tests against the release builds, in Chromium
# (Playwright), then in Firefox ESR and WebKitGTK (W3C WebDriver, tests/engines/).
source "$(dirname "$0")/lib/tools.sh"
check_machine tests
install_missing tests
step "Formatting and lints (cargo fmt --check, clippy natively and for the wasm build)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --features hydrate --target wasm32-unknown-unknown -- -D warnings
step "TypeScript check (tsc --noEmit: the browser and engine tests, then the scripts as JavaScript)"
tsc --noEmit -p tsconfig.json
tsc --noEmit -p tsconfig.scripts.json
step "Native tests (cargo test)"
cargo test --quiet
step "The benchmark's table writer, on saved output (node --test)"
node --test scripts/
build_release dist
step "The wasm against its size budget (wasm-budget.txt)"
node scripts/check-wasm-size.mjs dist
# The same app built for a sub-path, laid out as a host would serve it: target/site-subpath/recovery/
rm -rf target/site-subpath
RECOVERY_GUIDE_BASE=/recovery build_release target/site-subpath/recovery
# A host answers unknown addresses with its top-level 404.html (GitHub Pages serves the site's own).
cp target/site-subpath/recovery/404.html target/site-subpath/404.html
build_crash_test_app
step "Browser tests (Playwright + Chromium, release build on a static server)"
playwright test
# The same builds in the other two engines, one engine at a time, each timed.
for engine in firefox webkit; do
  step "Browser tests in ${engine} (WebDriver, same builds)"
  started=$SECONDS
  playwright test --config playwright.engines.config.ts --project "${engine}*"
  echo "${engine}: $((SECONDS - started)) s"
done
