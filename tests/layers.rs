//! The layer rules ARCHITECTURE.md names as invariants, checked on the source as text: the core
//! knows no browser, components never name pages, and pages never reach `storage::web`.
//! Comments count too: a module that needs to talk about the browser is in the wrong layer.

use std::fs;
use std::path::{Path, PathBuf};

/// The Rust files at `path` (a file, or every `.rs` file under a folder), with their text.
fn sources(path: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let mut files = Vec::new();
    let mut todo = vec![root.clone()];
    while let Some(path) = todo.pop() {
        if path.is_dir() {
            todo.extend(fs::read_dir(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).map(|entry| entry.unwrap().path()));
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            files.push((path, text));
        }
    }
    assert!(!files.is_empty(), "{} holds no Rust files: has it moved? Update this test and ARCHITECTURE.md", root.display());
    files.sort();
    files
}

/// Every `file:line: text` in `paths` where `breaks` says a line breaks the rule.
fn breaches(paths: &[&str], breaks: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for path in paths {
        for (file, text) in sources(path) {
            for (i, line) in text.lines().enumerate() {
                if breaks(line) {
                    let shown = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&file).display().to_string();
                    found.push(format!("{shown}:{}: {}", i + 1, line.trim()));
                }
            }
        }
    }
    found
}

/// Whether `line` holds `word` on its own (not as part of a longer name such as `leptos_router`'s
/// prefix inside `my_leptos`).
fn has_word(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let part_of_name = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part_of_name(before) && !part_of_name(after)
    })
}

#[test]
fn the_core_never_mentions_the_browser_or_leptos() {
    let core = ["src/data", "src/content", "src/search", "src/chart.rs", "src/time.rs", "src/speech.rs"];
    let found = breaches(&core, |line| ["web_sys", "js_sys", "leptos"].iter().any(|word| has_word(line, word)));
    assert!(
        found.is_empty(),
        "The core (data, content, search, the chart, dates, speech) must run without a browser or Leptos, \
         so it is tested natively (ARCHITECTURE.md, invariant 2). Move this to the layer above:\n{}",
        found.join("\n")
    );
}

#[test]
fn components_never_name_pages() {
    let found = breaches(&["src/components"], |line| line.contains("crate::pages") || line.contains("super::pages") || line.contains("crate::{pages"));
    assert!(found.is_empty(), "Components are used by pages, never the other way round (ARCHITECTURE.md, invariant 4):\n{}", found.join("\n"));
}

#[test]
fn pages_never_reach_storage_web() {
    // `storage::web`, `storage::{web, …}` or `storage::{…, web}`, in a path or an import.
    let found = breaches(&["src/pages"], |line| {
        let squashed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        squashed.contains("storage::web")
            || squashed
                .split("storage::{")
                .skip(1)
                .any(|group| group.split('}').next().unwrap_or("").split(',').any(|item| item == "web" || item.starts_with("web::")))
    });
    assert!(
        found.is_empty(),
        "Pages reach storage only through UserData (src/user_data/); storage::web is the storage module's \
         own (ARCHITECTURE.md, invariant 3):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rules_see_what_they_look_for() {
    assert!(has_word("use leptos::prelude::*;", "leptos"));
    assert!(has_word("let w = web_sys::window();", "web_sys"));
    assert!(!has_word("fn my_leptos_like() {}", "leptos"));
    assert!(!has_word("let leptosish = 1;", "leptos"));
}
