#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080 (installs what is missing first).
# RECOVERY_GUIDE_BASE=/recovery serves it under that sub-path instead: http://127.0.0.1:8080/recovery/
source "$(dirname "$0")/lib/tools.sh"
check_machine serving
install_missing serving
if [[ -n "${RECOVERY_GUIDE_BASE:-}" ]]; then
  site="target/site-subpath"
  rm -rf "$site"
  build_release "$site$RECOVERY_GUIDE_BASE"
  cp "$site$RECOVERY_GUIDE_BASE/404.html" "$site/404.html"
else
  site="dist"
  build_release dist
fi
step "Serving on http://127.0.0.1:8080${RECOVERY_GUIDE_BASE:-}/ (Ctrl+C to stop)"
exec http-server "$site" -a 127.0.0.1 -p 8080 -c-1 -d false
