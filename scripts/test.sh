#!/usr/bin/env bash
# Runs every test: native Rust tests, then browser tests in Chromium against the release build.
source "$(dirname "$0")/lib/tools.sh"
ensure_rust_tools
ensure_npm_packages
ensure_chromium
step "Native tests (cargo test)"
cargo test --quiet
build_release
step "Browser tests (Playwright + Chromium, release build on a static server)"
playwright test
