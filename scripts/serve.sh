#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080 (installs what is missing first).
source "$(dirname "$0")/lib/tools.sh"
ensure_rust_tools
ensure_npm_packages
build_release
step "Serving dist/ on http://127.0.0.1:8080 (Ctrl+C to stop)"
exec http-server dist -a 127.0.0.1 -p 8080 -c-1 -d false
