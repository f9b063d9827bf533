//! The views the pages share. They read and change the app state through its methods and hold
//! only what the view needs. What acts on the whole page (the root element's attributes, `/`,
//! Escape for the status message, focus between pages) is the shell's (`crate::shell`); the
//! Quick exit and Listen controls listen for their own keys, which belong to them.

pub mod bookmark_button;
pub mod breathing;
pub mod controls;
pub mod first_help;
pub mod layout;
pub mod lock_screens;
pub mod notices;
pub mod plan;
pub mod prose;
pub mod quick_exit;
pub mod resource;
pub mod search_field;
pub mod speech_controls;
pub mod status;
pub mod text;
