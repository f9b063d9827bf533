//! Build-time checks and code generation for the app (native and wasm builds alike):
//! - the sub-path the app is built for (`RECOVERY_GUIDE_BASE`, checked in `build/base_path.rs`)
//!   becomes `GUIDE_BASE_PATH` for `src/links.rs`;
//! - the build stops if an outside `RUSTFLAGS` has replaced `.cargo/config.toml`'s
//!   `--cfg erase_components`;
//! - the content files in `src/content/` become `$OUT_DIR/content.rs` (`build/content.rs`). Parsing
//!   here keeps the TOML and Markdown parsers out of the shipped wasm. A malformed file stops the
//!   build with the file, the line and the reason; the content rules (unique ids, links, years...)
//!   are checked by `cargo test` (`src/content/validate.rs`).
//!
//! `tests/build_script.rs` compiles the two modules natively to test their errors.

#[path = "build/base_path.rs"]
mod base_path;
#[path = "build/content.rs"]
mod content;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build");
    require_erased_components();

    println!("cargo:rerun-if-env-changed=RECOVERY_GUIDE_BASE");
    let base = std::env::var("RECOVERY_GUIDE_BASE").unwrap_or_default();
    let base = base_path::checked_base_path(&base).unwrap_or_else(|problem| stop(&problem));
    println!("cargo:rustc-env=GUIDE_BASE_PATH={base}");

    println!("cargo:rerun-if-changed={}", content::CONTENT_DIR);
    let read = |name: &str| {
        let path = Path::new(content::CONTENT_DIR).join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(path).map_err(|e| e.to_string())
    };
    let generated = content::compile(&read).unwrap_or_else(|problem| stop(&problem.to_string()));
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("content.rs"), generated).expect("write content.rs");
}

/// `.cargo/config.toml` builds everything with `--cfg erase_components` (a third smaller wasm, and
/// the prerendered HTML and the hydrating wasm must agree). Any outside `RUSTFLAGS`,
/// `CARGO_ENCODED_RUSTFLAGS` or `target.*.rustflags` replaces those flags entirely, and nothing
/// else would notice. Cargo tells build scripts the cfg values the crate is compiled with.
fn require_erased_components() {
    if std::env::var_os("CARGO_CFG_ERASE_COMPONENTS").is_none() {
        stop(
            "this build lacks `--cfg erase_components`: an outside RUSTFLAGS (or CARGO_ENCODED_RUSTFLAGS, or a \
             target's rustflags) has replaced the flags in .cargo/config.toml. Add it to yours, e.g. \
             RUSTFLAGS=\"$RUSTFLAGS --cfg erase_components\", or unset RUSTFLAGS.",
        );
    }
}

/// Stops the build with the reason only (a panic would add a backtrace hint and build.rs's line).
fn stop(problem: &str) -> ! {
    eprintln!("\nerror: {problem}\n");
    std::process::exit(1);
}
