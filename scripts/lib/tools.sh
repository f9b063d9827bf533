# Sourced by the scripts in scripts/: installs what is missing, skips what is there.
# Only package registries are used (crates.io, npm, Debian): nothing downloads a binary from elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# The wasm-bindgen CLI must match the crate version in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p}' Cargo.lock)"

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
    step "Installing Trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
    step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
    # --locked does not resolve on this registry (see the toolchain notes).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  # Trunk builds offline, so every crate must be downloaded first.
  cargo fetch --quiet
}

ensure_npm_packages() {
  local stamp="node_modules/.installed-from-lock"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    step "Installing npm packages from package-lock.json"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
    echo "$want" > "$stamp"
  fi
}

apt_install() {
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  $sudo apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

ensure_chromium() {
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    step "Installing Chromium and ChromeDriver from Debian"
    apt_install chromium chromium-driver
  fi
}

# The two other engines the browser tests run in (tests/engines/): Firefox ESR with geckodriver,
# and WebKitGTK's WebKitWebDriver, which drives the MiniBrowser that ships with the WebKitGTK
# library, on a virtual display (Xvfb), since WebKitGTK cannot run headless.
GECKODRIVER_VERSION="0.37.1"
ensure_other_engines() {
  local missing=()
  [[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
  [[ -x /usr/bin/WebKitWebDriver ]] && compgen -G "/usr/lib/*/webkit2gtk-4.1/MiniBrowser" > /dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb > /dev/null || missing+=(xvfb)
  if (( ${#missing[@]} )); then
    step "Installing ${missing[*]} from Debian"
    apt_install "${missing[@]}"
  fi
  local version
  version="$(geckodriver --version 2>/dev/null || true)"
  if [[ "${version%%$'\n'*}" != "geckodriver $GECKODRIVER_VERSION" ]]; then
    step "Installing geckodriver $GECKODRIVER_VERSION from crates.io (about 4 minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
}

# The release build, into dist/ or the folder given. RECOVERY_GUIDE_BASE (e.g. /recovery) builds
# it to be served under that sub-path; unset, at the root of the host.
build_release() {
  local dist="${1:-dist}"
  step "Building the release app into $dist/ (base path: ${RECOVERY_GUIDE_BASE:-/})"
  trunk build --release --public-url "${RECOVERY_GUIDE_BASE:-}/" --dist "$dist"
}

# The release app with a crash the browser test can ask for (`--features test-panic`, see
# src/main.rs), for tests/browser/crash.spec.ts only. Never deployed: only scripts/test.sh builds
# it, into its own folder.
build_crash_test_app() {
  step "Building the crash-test app into target/site-panic/ (release, with a test-only crash)"
  env -u RECOVERY_GUIDE_BASE trunk build --release --features test-panic --public-url / --dist target/site-panic
}
