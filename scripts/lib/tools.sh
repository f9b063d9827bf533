# Sourced by the scripts in scripts/: checks the machine first, then installs what is missing and
# skips what is there. Only package registries are used (rustup's, crates.io, npm, Debian): nothing
# downloads a binary from elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
WASM_TARGET="wasm32-unknown-unknown"
# The toolchain rust-toolchain.toml names (rustup picks it for every cargo command in this folder).
RUST_CHANNEL="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
# The CLI must match the `wasm-bindgen` crate exactly. The one place its version is set is the
# crate's pin in Cargo.toml, which Cargo.lock records (Trunk reads it from there too).
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
# The browser every Chromium script and test uses (scripts/lib/chrome.mjs reads the same variable).
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

step() { printf '\n==> %s\n' "$*"; }

# Stops in the first seconds, naming what is missing and the command that fixes it, rather than
# after a quarter of an hour of other installs.
stop_missing() {
  printf '\nerror: %s, and these scripts cannot install it.\n' "$1" >&2
  printf '  To fix it: %s\n  Then run this command again.\n' "$2" >&2
  exit 1
}

# One line per tool: what is there, or what this run is about to install.
tool_line() { printf '  %-36s %s\n' "$1" "$2"; }
first_line() { "$@" 2> /dev/null | head -n 1 || true; }

# The wasm target counts as present when the toolchain's own library folder has it: that also
# holds for a toolchain linked to another install, where `rustup target list` cannot answer.
has_wasm_target() {
  local sysroot
  sysroot="$(rustup run "$RUST_CHANNEL" rustc --print sysroot 2> /dev/null)" \
    && [[ -d "$sysroot/lib/rustlib/$WASM_TARGET/lib" ]]
}
has_rust_component() { rustup run "$RUST_CHANNEL" "$1" --version > /dev/null 2>&1; }

# Filled by check_machine: what the install steps have to do.
APT_PACKAGES=()
NEEDS_NPM_INSTALL=""

# check_machine serve|test: prints one line per tool, plans what is missing, and stops at once on
# anything that cannot be installed from here.
check_machine() {
  local purpose="$1" line
  step "Checking this machine (for $purpose)"
  command -v rustup > /dev/null \
    || stop_missing "rustup is not installed" "install it from https://rustup.rs, then open a new shell"
  tool_line "rustup" "$(first_line rustup --version)"
  line="$(first_line rustup run "$RUST_CHANNEL" rustc --version)"
  tool_line "Rust $RUST_CHANNEL (rust-toolchain.toml)" "${line:-will install (rustup toolchain install)}"
  if has_wasm_target; then line="installed"; else line="will install (rustup target add)"; fi
  tool_line "  target $WASM_TARGET" "$line"
  if has_rust_component rustfmt && has_rust_component cargo-clippy; then line="installed"
  else line="will install (rustup component add)"; fi
  tool_line "  rustfmt and clippy" "$line"

  command -v cc > /dev/null \
    || stop_missing "there is no C compiler (cc), which some crates build with" "sudo apt-get install -y build-essential"
  tool_line "C compiler" "$(first_line cc --version)"
  command -v node > /dev/null && command -v npm > /dev/null \
    || stop_missing "Node.js with npm is not installed" "install Node.js 20 or newer with npm (https://nodejs.org, or Debian's nodejs and npm)"
  node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
    || stop_missing "Node.js is $(node --version), older than 20" "install Node.js 20 or newer with npm"
  tool_line "Node.js and npm" "$(node --version), npm $(npm --version)"

  line="$(first_line trunk --version)"
  [[ "$line" == "trunk $TRUNK_VERSION" ]] || line="will install $TRUNK_VERSION from crates.io (about 10 minutes)"
  tool_line "Trunk" "$line"
  line="$(first_line wasm-bindgen --version)"
  [[ "$line" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] || line="will install $WASM_BINDGEN_VERSION from crates.io (about 5 minutes)"
  tool_line "wasm-bindgen (must match Cargo.lock)" "$line"
  if [[ "$(cat node_modules/.installed-from-lock 2> /dev/null)" != "$(sha256sum package-lock.json | cut -d' ' -f1)" ]]; then
    NEEDS_NPM_INSTALL=yes
  fi
  line="$(first_line node_modules/.bin/wasm-opt --version)"
  [[ -z "$NEEDS_NPM_INSTALL" && -n "$line" ]] || line="will install (npm binaryen, with the other npm packages)"
  tool_line "wasm-opt" "$line"

  [[ "$purpose" == serving ]] || check_chromium
  [[ "$purpose" != tests ]] || check_other_engines
  if (( ${#APT_PACKAGES[@]} )); then
    command -v apt-get > /dev/null \
      || stop_missing "this is not a Debian machine (no apt-get) and ${APT_PACKAGES[*]} must be installed" "install ${APT_PACKAGES[*]} with your system's package manager"
    [[ "$(id -u)" == 0 ]] || command -v sudo > /dev/null \
      || stop_missing "installing ${APT_PACKAGES[*]} needs root, and sudo is not installed" "run as root: apt-get install -y ${APT_PACKAGES[*]}"
  fi
}

# Debian's Chromium, unless CHROME_PATH names another build (the benchmark and the tests use it).
check_chromium() {
  local line
  if [[ "$CHROME_PATH" == /usr/bin/chromium ]]; then
    if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
      line="$(first_line /usr/bin/chromium --version), $(first_line /usr/bin/chromedriver --version | cut -d' ' -f1-2)"
    else
      APT_PACKAGES+=(chromium chromium-driver)
      line="will install from Debian (chromium, chromium-driver)"
    fi
  else
    [[ -x "$CHROME_PATH" ]] || stop_missing "CHROME_PATH=$CHROME_PATH is not a program" "unset CHROME_PATH to use Debian's Chromium, or point it at a Chromium"
    line="$CHROME_PATH"
  fi
  tool_line "Chromium and ChromeDriver" "$line"
}

# The two other engines the browser tests run in (tests/engines/): Firefox ESR with geckodriver,
# and WebKitGTK's WebKitWebDriver, which drives the MiniBrowser that ships with the library, on a
# virtual display (WebKitGTK cannot run headless).
check_other_engines() {
  local line
  if [[ -x /usr/bin/firefox-esr ]]; then line="$(first_line /usr/bin/firefox-esr --version)"
  else APT_PACKAGES+=(firefox-esr); line="will install from Debian (firefox-esr)"; fi
  tool_line "Firefox ESR" "$line"
  line="$(first_line geckodriver --version)"
  [[ "$line" == "geckodriver $GECKODRIVER_VERSION"* ]] || line="will install $GECKODRIVER_VERSION from crates.io (about 4 minutes)"
  tool_line "geckodriver" "$line"
  if [[ -x /usr/bin/WebKitWebDriver ]] && compgen -G "/usr/lib/*/webkit2gtk-4.1/MiniBrowser" > /dev/null; then
    line="$(first_line /usr/bin/WebKitWebDriver --version)"
  else APT_PACKAGES+=(webkit2gtk-driver); line="will install from Debian (webkit2gtk-driver)"; fi
  tool_line "WebKitWebDriver and MiniBrowser" "$line"
  if command -v Xvfb > /dev/null; then line="$(command -v Xvfb)"
  else APT_PACKAGES+=(xvfb); line="will install from Debian (xvfb)"; fi
  tool_line "Xvfb" "$line"
}

# Everything check_machine found missing, quickest first: rustup's pieces take seconds, apt a minute
# or two, the npm packages about one, and the cargo installs (compiled from source) the longest.
install_missing() {
  local purpose="$1"
  ensure_rust_toolchain
  if (( ${#APT_PACKAGES[@]} )); then
    step "Installing ${APT_PACKAGES[*]} from Debian"
    apt_install "${APT_PACKAGES[@]}"
  fi
  ensure_npm_packages
  # Trunk builds offline, so every crate must be downloaded first.
  cargo fetch --quiet
  ensure_cargo_tool trunk "trunk $TRUNK_VERSION" "$TRUNK_VERSION" "about 10 minutes"
  ensure_cargo_tool wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION" "$WASM_BINDGEN_VERSION" "about 5 minutes"
  if [[ "$purpose" == tests ]]; then
    ensure_cargo_tool geckodriver "geckodriver $GECKODRIVER_VERSION" "$GECKODRIVER_VERSION" "about 4 minutes"
  fi
}

# The toolchain, its wasm target and the components the test command uses, every run: rustup adds
# none of rust-toolchain.toml's `targets` or `components` when the named toolchain is a link to
# another install (as on machines that ship one system toolchain), so they are asked for here.
ensure_rust_toolchain() {
  if ! rustup run "$RUST_CHANNEL" rustc --version > /dev/null 2>&1; then
    step "Installing Rust $RUST_CHANNEL (rustup)"
    rustup toolchain install "$RUST_CHANNEL" --profile minimal
  fi
  if ! has_wasm_target; then
    step "Adding the $WASM_TARGET target to Rust $RUST_CHANNEL (rustup)"
    rustup target add --toolchain "$RUST_CHANNEL" "$WASM_TARGET"
    has_wasm_target || stop_missing "the $WASM_TARGET target could not be added to the toolchain '$RUST_CHANNEL'" \
      "if that toolchain is a link to another install, add the target there, or replace the link: rustup toolchain uninstall $RUST_CHANNEL && rustup toolchain install $RUST_CHANNEL"
  fi
  if ! has_rust_component rustfmt || ! has_rust_component cargo-clippy; then
    step "Adding rustfmt and clippy to Rust $RUST_CHANNEL (rustup)"
    rustup component add --toolchain "$RUST_CHANNEL" rustfmt clippy
  fi
}

# ensure_cargo_tool <command> <its --version line> <version> <how long>: from crates.io, --locked.
ensure_cargo_tool() {
  local command="$1" want="$2" version="$3" duration="$4" crate="$1"
  [[ "$(first_line "$command" --version)" == "$want"* ]] && return
  [[ "$command" == wasm-bindgen ]] && crate="wasm-bindgen-cli"
  step "Installing $crate $version from crates.io ($duration, once)"
  if ! cargo install "$crate" --version "$version" --locked; then
    # A registry mirror can lag behind a tool's own lock file (this project's build machines lack
    # webpki-roots 1.0.11, which wasm-bindgen-cli 0.2.130's names). Say so loudly rather than stop.
    printf '\nWARNING: %s %s could not be installed with --locked (see above);\n' "$crate" "$version" >&2
    printf 'WARNING: installing it with its dependencies resolved from this registry instead.\n\n' >&2
    cargo install "$crate" --version "$version"
  fi
}

ensure_npm_packages() {
  local stamp="node_modules/.installed-from-lock"
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [[ "$(cat "$stamp" 2> /dev/null)" != "$want" ]]; then
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
