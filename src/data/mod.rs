//! The person's own data (bookmarks with notes, the reflection checklist and saved reflections, the
//! plan for hard days, display settings, and the record of copies kept) and everything that can be
//! done with it without a browser: its versions, merging, export and import, the plan as plain
//! text. `crate::storage` keeps it in the browser.

pub mod bookmarks;
pub mod file_json;
pub mod lww;
pub mod plan;
pub mod plan_text;
pub mod reflection;
pub mod safekeeping;
pub mod settings;
pub mod stores;
pub mod transfer;
pub mod versioned;

pub use bookmarks::{Bookmark, Bookmarks};
pub use lww::Stamps;
pub use plan::Plan;
pub use reflection::{Answer, ChecklistItem, History, Reflections, Snapshot};
pub use stores::Personal;
pub use versioned::{decode, encode, Unreadable, Versioned};
