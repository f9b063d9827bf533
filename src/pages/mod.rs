//! One component per route: it picks content and lays out shared components. /reflect and
//! /your-data keep the parts only they use in their own file.

mod about;
mod bookmarks;
mod collection;
mod help;
mod home;
mod not_found;
mod plan;
mod reflect;
pub mod search;
mod your_data;

pub use about::About;
pub use bookmarks::Bookmarks;
pub use collection::CollectionPage;
pub use help::Help;
pub use home::Home;
pub use not_found::NotFound;
pub use plan::Plan;
pub use reflect::Reflect;
pub use search::Search;
pub use your_data::YourData;
