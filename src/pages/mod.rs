//! One component per route. Each is thin: it picks content and lays out shared components.

mod about;
mod collection;
mod help;
mod home;
mod not_found;

pub use about::About;
pub use collection::CollectionPage;
pub use help::Help;
pub use home::Home;
pub use not_found::NotFound;
