//! Recovery Guide: an offline-first guide to the recovery approach in mental health.
//!
//! Layers (see ARCHITECTURE.md): `content` (data compiled in from `src/content/`, plain Rust),
//! `data` (the person's own data), `time` (dates as people read them), `chart` (the reflection
//! history chart's geometry), `links` (internal URLs), `quick_exit` (the Shift shortcut's rule
//! and leaving), `speech` (cutting text to be read aloud, choosing a voice), `components` and
//! `pages` (thin Leptos views), `app` (router and layout), `shell` (what acts on the whole page:
//! focus and scroll between pages, display settings, keys that work anywhere).

mod app;
mod browser;
pub mod chart;
mod components;
pub mod content;
pub mod crash;
pub mod data;
pub mod links;
mod lock;
mod offline;
mod pages;
pub mod quick_exit;
pub mod search;
mod shell;
pub mod speech;
pub mod storage;
pub mod time;
mod user_data;

pub use app::App;
pub use browser::use_route_address;
