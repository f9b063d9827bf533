# Sourced by the scripts in scripts/: installs what is missing, skips what is there.
# Only package registries are used (crates.io, npm, Debian): nothing downloads a binary from elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# The browser every Chromium script and test uses (scripts/lib/chrome.mjs reads the same variable).
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

step() { printf '\n==> %s\n' "$*"; }

# The toolchain and the wasm target come from rust-toolchain.toml (rustup installs them when missing).
ensure_rust_tools() {
  # Trunk builds offline, so every crate must be downloaded first.
  cargo fetch --quiet
  if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
    step "Installing Trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  # The one place the version is set is the `wasm-bindgen` crate's pin in Cargo.toml; Trunk also
  # reads it from Cargo.lock. The CLI must match it exactly.
  local wasm_bindgen_version
  wasm_bindgen_version="$(cargo pkgid --offline wasm-bindgen)"
  wasm_bindgen_version="${wasm_bindgen_version##*@}"
  if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]]; then
    step "Installing wasm-bindgen-cli $wasm_bindgen_version (about 5 minutes, once)"
    if ! cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --locked; then
      # A registry mirror can lag behind the CLI's own lock file (this project's build machines lack
      # webpki-roots 1.0.11, which 0.2.130's names). Say so loudly rather than stop.
      printf '\nWARNING: wasm-bindgen-cli %s could not be installed with --locked (see above);\n' "$wasm_bindgen_version" >&2
      printf 'WARNING: installing it with its dependencies resolved from this registry instead.\n\n' >&2
      cargo install wasm-bindgen-cli --version "$wasm_bindgen_version"
    fi
  fi
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

# Debian's Chromium, unless CHROME_PATH names another build.
ensure_chromium() {
  if [[ "$CHROME_PATH" == /usr/bin/chromium && ( ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ) ]]; then
    step "Installing Chromium and ChromeDriver from Debian"
    apt_install chromium chromium-driver
  fi
  if [[ ! -x "$CHROME_PATH" ]]; then
    echo "error: CHROME_PATH=$CHROME_PATH is not a program" >&2
    return 1
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
