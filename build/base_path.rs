//! The sub-path the app is built for, from `RECOVERY_GUIDE_BASE` (the one place it is set: the
//! wasm's links, the prerendered pages and Trunk's `--public-url` all follow it; see
//! `scripts/lib/base-path.mjs` for the Trunk side). Checked here so a mistyped value stops the
//! build instead of shipping links that leave the app.

/// The base path as the app uses it: empty for the root of the host, else `/one/or/more` segments
/// (letters, digits, `-`, `_`, `.`, `~`), with no trailing slash and no `.` or `..` segment.
pub fn checked_base_path(value: &str) -> Result<&str, String> {
    if value.is_empty() {
        return Ok(value);
    }
    let problem = if !value.starts_with('/') {
        Some("it must start with \"/\"")
    } else if value.ends_with('/') {
        Some("it must not end with \"/\" (leave it unset for the root of the host)")
    } else {
        value[1..].split('/').find_map(|segment| match segment {
            "" => Some("it has an empty part (\"//\")"),
            "." | ".." => Some("it must not have a \".\" or \"..\" part"),
            _ if !segment.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c)) => {
                Some("only letters, digits, \"-\", \"_\", \".\" and \"~\" may be used")
            }
            _ => None,
        })
    };
    match problem {
        None => Ok(value),
        Some(problem) => Err(format!("RECOVERY_GUIDE_BASE={value:?}: {problem}. Example: RECOVERY_GUIDE_BASE=/recovery")),
    }
}
