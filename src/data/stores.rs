//! The person's own stores, declared once. `personal_stores!` hands the list to a macro that
//! writes what every store needs: `AllData` and `ExportFile`'s fields (`transfer.rs`), the stores
//! an export file holds (`file_json.rs`), their names in what the lock set aside (`sealed.rs`),
//! and `UserData`'s signals, loading, export and import
//! (`crate::user_data`). Adding a store is its type (with `Versioned` and `Personal`), one line
//! below and a fixture in `tests/fixtures/storage/`.

use super::versioned::Versioned;

/// What the app asks of each of the person's own stores, beyond reading and writing it.
pub trait Personal: Versioned {
    /// Whether it holds anything the person saved.
    fn has_any(&self) -> bool;
    /// Brings back what was removed here after `file`'s copy was made.
    fn bring_back_removed(&mut self, file: &Self, now: u64);
}

/// Gives `$then!` every store of the person's own, in the order files list them: its field name
/// (also its name in storage and in export files), its type, the export format that first held it
/// (files made before it have none), and what the person would call it.
macro_rules! personal_stores {
    ($then:ident) => {
        $then! {
            bookmarks: $crate::data::Bookmarks, 1, "your bookmarks and notes";
            reflections: $crate::data::Reflections, 1, "your checklist and its notes";
            history: $crate::data::History, 1, "your saved reflections";
            plan: $crate::data::Plan, 2, "your plan for hard days";
        }
    };
}
pub(crate) use personal_stores;

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! keys {
        ($($field:ident: $type:ty, $since:literal, $place:literal;)*) => {
            [$((stringify!($field), <$type as Versioned>::KEY)),*]
        };
    }

    #[test]
    fn each_store_is_named_in_files_as_in_storage() {
        for (field, key) in personal_stores!(keys) {
            assert_eq!(field, key);
        }
    }
}
