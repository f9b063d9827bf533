//! The person's data as the app shows it: Leptos signals kept in step with `storage`. Components
//! read the signals and call the methods here; nothing else touches storage.
//!
//! Loading happens in an effect, after the first render, so every page also renders without a
//! browser (prerendering) and shows the stored data as soon as the app starts.

use crate::browser;
use crate::data::transfer::{self, AllData, ExportFile, ImportMode};
use crate::data::settings::Settings;
use crate::data::{Bookmark, Bookmarks, History, Reflections, Versioned};
use crate::storage::web::WebStorage;
use crate::storage::Persistence;
use crate::storage::web::persistence;
use crate::storage::{key_of, Backup, Notice, Shown, PREFIX};
use leptos::prelude::*;

/// A short message about what just happened, announced to screen readers, with an optional undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub undo: Option<Undo>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    RestoreBookmark { id: String, bookmark: Bookmark },
}

#[derive(Clone, Copy)]
pub struct UserData {
    pub bookmarks: RwSignal<Bookmarks>,
    pub reflections: RwSignal<Reflections>,
    pub history: RwSignal<History>,
    pub settings: RwSignal<Settings>,
    /// Problems with saving, each shown once until dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    pub status: RwSignal<Option<Status>>,
    /// Copies of stored data that could not be read, for download.
    pub backups: RwSignal<Vec<Backup>>,
    /// True once the stored data has been read (false while prerendered HTML waits for the app).
    pub ready: RwSignal<bool>,
    pub utc_offset_minutes: RwSignal<i32>,
    /// Stores (`Versioned::KEY`) whose changes on screen could not be saved.
    unsaved: RwSignal<Vec<&'static str>>,
}

pub fn use_user_data() -> UserData {
    expect_context()
}

impl UserData {
    /// Creates the signals, provides them to the app and loads the stored data after first render.
    pub fn provide() -> Self {
        let data = Self {
            bookmarks: RwSignal::new(Bookmarks::default()),
            reflections: RwSignal::new(Reflections::default()),
            history: RwSignal::new(History::default()),
            settings: RwSignal::new(Settings::default()),
            notices: RwSignal::new(Vec::new()),
            status: RwSignal::new(None),
            backups: RwSignal::new(Vec::new()),
            ready: RwSignal::new(false),
            utc_offset_minutes: RwSignal::new(0),
            unsaved: RwSignal::new(Vec::new()),
        };
        provide_context(data);
        Effect::new(move |_| {
            data.utc_offset_minutes.set(browser::utc_offset_minutes());
            data.reload(None);
            data.ready.set(true);
            browser::mark_app_started();
            // Another tab changed something: show it here too.
            let listener = window_event_listener(leptos::ev::storage, move |event| {
                let key = event.key();
                if key.as_deref().is_none_or(|k| k.starts_with(PREFIX)) {
                    data.reload(key.as_deref());
                }
            });
            on_cleanup(move || listener.remove());
        });
        // Theme and text size act on the whole page, through attributes the stylesheet reads.
        Effect::new(move |_| {
            let settings = data.settings.get();
            if let Some(root) = document().document_element() {
                for (name, value) in [("data-theme", settings.theme.attribute()), ("data-text-size", settings.text_size.attribute())] {
                    let _ = match value {
                        Some(value) => root.set_attribute(name, value),
                        None => root.remove_attribute(name),
                    };
                }
            }
        });
        data
    }

    /// Re-reads one stored key (or all of them).
    fn reload(&self, key: Option<&str>) {
        let storage = persistence();
        self.reload_store(&storage, key, self.bookmarks);
        self.reload_store(&storage, key, self.reflections);
        self.reload_store(&storage, key, self.history);
        self.reload_store(&storage, key, self.settings);
        self.backups.set(storage.backups());
    }

    fn reload_store<T: Versioned + Send + Sync + 'static>(&self, storage: &Persistence<WebStorage>, key: Option<&str>, signal: RwSignal<T>) {
        if key.is_none_or(|k| k == key_of::<T>()) {
            let loaded = storage.load::<T>();
            signal.set(loaded.data);
            self.set_unsaved(T::KEY, false);
            self.notice(loaded.notice);
        }
    }

    fn notice(&self, notice: Option<Notice>) {
        if let Some(notice) = notice {
            self.notices.update(|all| {
                if !all.contains(&notice) {
                    all.push(notice);
                }
            });
        }
    }

    pub fn say(&self, text: impl Into<String>) {
        self.status.set(Some(Status { text: text.into(), undo: None }));
    }

    /// Changes one store: applied to the latest saved copy, saved, and shown. Returns false when it
    /// could not be saved (storage full, or saved data in the way): the change is then on screen
    /// only, and the status message, where the person is looking, says so instead of what the
    /// caller would have said. With storage refused altogether they have been told once already.
    fn change<T: Versioned + Send + Sync + 'static>(&self, signal: RwSignal<T>, change: impl FnOnce(&mut T, u64)) -> bool {
        let now = browser::now();
        let unsaved = self.unsaved.with_untracked(|keys| keys.contains(&T::KEY));
        let (data, notice) = signal.with_untracked(|on_screen| {
            let shown = if unsaved { Shown::Unsaved(on_screen) } else { Shown::Saved(on_screen) };
            persistence().update(shown, |stored| change(stored, now))
        });
        signal.set(data);
        self.set_unsaved(T::KEY, notice.is_some());
        let failed = notice.as_ref().filter(|n| **n != Notice::StorageRefused);
        if let Some(failure) = failed {
            self.say(failure.explain());
        }
        let saved = failed.is_none();
        self.notice(notice);
        saved
    }

    /// Whether anything on screen could not be saved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.unsaved.with(|keys| !keys.is_empty())
    }

    fn set_unsaved(&self, key: &'static str, unsaved: bool) {
        self.unsaved.update(|keys| {
            keys.retain(|k| *k != key);
            if unsaved {
                keys.push(key);
            }
        });
    }

    pub fn change_bookmarks(&self, change: impl FnOnce(&mut Bookmarks, u64)) -> bool {
        self.change(self.bookmarks, change)
    }

    pub fn change_reflections(&self, change: impl FnOnce(&mut Reflections, u64)) -> bool {
        self.change(self.reflections, change)
    }

    pub fn change_history(&self, change: impl FnOnce(&mut History, u64)) -> bool {
        self.change(self.history, change)
    }

    pub fn change_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.change(self.settings, |settings, _| change(settings));
    }

    pub fn all_data(&self) -> AllData {
        AllData {
            bookmarks: self.bookmarks.get_untracked(),
            reflections: self.reflections.get_untracked(),
            history: self.history.get_untracked(),
        }
    }

    pub fn toggle_bookmark(&self, id: &str, page: &str, title: &str) {
        if self.bookmarks.with_untracked(|b| b.contains(id)) {
            self.remove_bookmark(id);
        } else {
            if self.change_bookmarks(|b, now| b.add(id, page, title, now)) {
                self.say(format!("Added “{title}” to your bookmarks."));
            }
        }
    }

    /// Removes a bookmark, offering to undo it.
    pub fn remove_bookmark(&self, id: &str) {
        let Some(bookmark) = self.bookmarks.with_untracked(|b| b.get(id).cloned()) else { return };
        if self.change_bookmarks(|b, now| b.remove(id, now)) {
            let text = format!("Removed “{}” from your bookmarks.", bookmark.title);
            self.status.set(Some(Status { text, undo: Some(Undo::RestoreBookmark { id: id.to_string(), bookmark }) }));
        }
    }

    pub fn undo(&self, undo: Undo) {
        match undo {
            Undo::RestoreBookmark { id, bookmark } => {
                let title = bookmark.title.clone();
                if self.change_bookmarks(|b, now| b.restore(&id, bookmark, now)) {
                    self.say(format!("“{title}” is back in your bookmarks."));
                }
            }
        }
    }

    pub fn export_file(&self) -> String {
        transfer::export(&self.all_data(), browser::now())
    }

    /// Brings in an export file. False when some of it could not be saved on this device (it is
    /// then on screen only, and a notice says why).
    pub fn import(&self, file: &ExportFile, mode: ImportMode) -> bool {
        let saved = match mode {
            // Merge into the latest saved copies, so nothing another tab saved is lost.
            ImportMode::Merge => [
                self.change(self.bookmarks, |b, _| transfer::merge_bookmarks(b, &file.bookmarks)),
                self.change(self.reflections, |r, _| transfer::merge_reflections(r, &file.reflections)),
                self.change(self.history, |h, _| transfer::merge_history(h, &file.history)),
            ],
            ImportMode::Replace => [
                self.change(self.bookmarks, |b, _| *b = file.bookmarks.clone()),
                self.change(self.reflections, |r, _| *r = file.reflections.clone()),
                self.change(self.history, |h, _| *h = file.history.clone()),
            ],
        };
        saved.iter().all(|&store_saved| store_saved)
    }

    pub fn delete_all(&self) -> bool {
        let deleted = persistence().delete_all().is_ok();
        self.bookmarks.set(Bookmarks::default());
        self.reflections.set(Reflections::default());
        self.history.set(History::default());
        self.settings.set(Settings::default());
        self.backups.set(Vec::new());
        self.notices.set(Vec::new());
        self.unsaved.set(Vec::new());
        deleted
    }
}
