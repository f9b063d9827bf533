//! The bookmark toggle beside every section and resource.

use crate::user_data::use_user_data;
use leptos::prelude::*;

/// Bookmark toggle for a resource or section. Disabled until the app has read the saved bookmarks,
/// so it never claims a state it does not know.
#[component]
pub fn BookmarkButton(id: &'static str, page: &'static str, title: String) -> impl IntoView {
    let data = use_user_data();
    let pressed = move || data.bookmarks.with(|b| b.contains(id));
    // "Bookmarked" tells sighted people the state as well as the filled icon; the name starts
    // with the visible word (WCAG 2.5.3), and aria-pressed gives the state to screen readers.
    let word = move || if pressed() { "Bookmarked" } else { "Bookmark" };
    let name = {
        let title = title.clone();
        move || format!("{}: {title}", word())
    };
    view! {
        <button
            type="button"
            class="bookmark-toggle needs-script"
            aria-label=name
            aria-pressed=move || if pressed() { "true" } else { "false" }
            disabled=move || !data.ready.get()
            on:click=move |_| data.toggle_bookmark(id, page, &title)
        >
            <svg class="bookmark-toggle__icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M6 3h12v18l-6-4.5L6 21z" />
            </svg>
            {word}
        </button>
    }
}
