//! Small, stateless view pieces shared by the pages.

pub mod layout;
pub mod listen;
pub mod lock;
pub mod plan;
pub mod prose;
pub mod quick_exit;
pub mod resource;
pub mod search_field;
pub mod status;
pub mod text;
pub mod urgent;
pub mod user;
