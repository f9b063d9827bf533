//! Recovery Guide: an offline-first guide to the recovery approach in mental health.
//!
//! Layers (see ARCHITECTURE.md), all plain Rust with native tests unless marked: `content` (the
//! guide's words, compiled in from `src/content/`), `data` (the person's own data: versions,
//! merging, export and import), `time` (dates as people read them), `chart` (the reflection
//! history chart's geometry), `search` (the search engine), `speech` (what is read aloud, and with
//! which voice), `quick_exit` (the Shift shortcut's rule and leaving), `links` (internal URLs),
//! `sort` (the one compiled sort), `storage` (the one module that touches storage, and the
//! passphrase lock's stored forms and vault);
//! in the browser: `user_data` (Leptos signals mirroring the stores, and what the person is told),
//! `lock` (the passphrase lock's WebCrypto driver), `browser` (clock, files, install offer),
//! `offline` (service worker and updates), `crash` (the panic message), `effect` (effects through
//! one compiled function), `components` and `pages`
//! (views), `app` (router and layout) and `shell` (what acts on the whole page: focus and scroll
//! between pages, display settings, keys that work anywhere).

mod app;
mod browser;
pub mod chart;
mod components;
pub mod content;
pub mod crash;
pub mod data;
mod effect;
pub mod links;
mod lock;
mod offline;
mod pages;
pub mod quick_exit;
pub mod search;
mod shell;
mod sort;
pub mod speech;
pub mod storage;
pub mod time;
mod user_data;

pub use app::App;
pub use browser::use_route_address;
