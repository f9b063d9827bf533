use crate::browser;
use crate::components::controls::{Paged, ShowMore};
use crate::components::lock_screens::UnlessLocked;
use crate::components::text::PageHeading;
use crate::content::{self, locate, paths, PageId};
use crate::effect::effect;
use crate::links::href;
use crate::time::format_date;
use crate::user_data::use_user_data;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

const GONE: &str = "No longer in the guide";

/// Bookmark ids grouped by the page they are on (in navigation order), newest first in each
/// group; bookmarks whose item has left the guide come last, kept and labelled.
fn grouped(newest_first: Vec<String>) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for id in newest_first {
        let group = locate(&id).map_or(GONE.to_string(), |l| l.page.title.to_string());
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, ids)) => ids.push(id),
            None => groups.push((group, vec![id])),
        }
    }
    let order = |group: &str| content::PAGES.iter().position(|p| p.title == group).unwrap_or(usize::MAX);
    crate::sort::sort_by_key(&mut groups, |(group, _)| order(group));
    groups
}

#[component]
pub fn Bookmarks() -> impl IntoView {
    let page = content::page(PageId::Bookmarks);
    let data = use_user_data();
    // Only the ids and their order: the list is keyed, so typing a note never redraws the list.
    let groups = Memo::new(move |_| grouped(data.bookmarks.with(|b| b.newest_first().into_iter().map(|(id, _)| id.to_string()).collect())));
    view! {
        <PageHeading page />
        <UnlessLocked>
            // Until the stored bookmarks are read, and when there are none, one note says so: the same
            // element with its words changed, so the prerendered page does not jump when the app starts.
            <Show
                when=move || data.ready.get() && !groups.with(Vec::is_empty)
                fallback=move || view! { <p class="empty-note needs-script">{move || if data.ready.get() { page.empty } else { page.loading }}</p> }
            >
                <For each=move || groups.get() key=|(group, _)| group.clone() let:group>
                    <BookmarkGroup title=group.0 groups />
                </For>
            </Show>
            <p class="your-data-link">
                "Bookmarks stay on this device. " <a href=href(paths::YOUR_DATA)>"Download a copy or move them"</a>
            </p>
        </UnlessLocked>
    }
}

/// How many bookmarks a group shows at first, and how many more each "Show more" adds: a year of
/// heavy use can leave a thousand, and drawing them all at once would make the page slow to open.
const SHOWN_AT_A_TIME: usize = 50;

/// One page's bookmarks, the first `SHOWN_AT_A_TIME` of them and a button for more. A link to a
/// bookmark further down (from search) shows as many as it takes to reach it.
#[component]
fn BookmarkGroup(title: String, groups: Memo<Vec<(String, Vec<String>)>>) -> impl IntoView {
    let ids = {
        let title = title.clone();
        Memo::new(move |_| groups.with(|all| all.iter().find(|(g, _)| *g == title).map(|(_, ids)| ids.clone()).unwrap_or_default()))
    };
    let paged = Paged::new(ids, SHOWN_AT_A_TIME);
    // Reaching for a bookmark by its link (#bookmark-id, from search) draws the rows down to it.
    let hash = use_location().hash;
    effect(move || {
        hash.with(|h| h.strip_prefix("#bookmark-").map(|id| paged.reach(id)));
    });
    view! {
        <section class="bookmark-group">
            <h2>{title}</h2>
            <ul class="bookmark-list">
                <For each=move || paged.drawn() key=|id| id.clone() let:id>
                    <BookmarkItem id />
                </For>
            </ul>
            <ShowMore paged words=|next, left| format!("Show {next} more ({left} not shown yet)") focus_id=|id| format!("note-{id}") />
        </section>
    }
}

#[component]
fn BookmarkItem(id: String) -> impl IntoView {
    let data = use_user_data();
    // Its own copy: a change to another bookmark (a note being typed) does not redraw this row.
    let bookmark = {
        let id = id.clone();
        Memo::new(move |_| data.bookmarks.with(|b| b.get(&id).cloned()))
    };
    let bookmark = move || bookmark.get();
    let title = move || bookmark().map(|b| b.title).unwrap_or_default();
    let location = locate(&id);
    let note_id = format!("note-{id}");
    let item_id = format!("bookmark-{id}");
    let added = move || bookmark().map(|b| format_date(b.added_at, data.utc_offset_minutes.get()));
    let note = move || bookmark().map(|b| b.note).unwrap_or_default();
    let save_note = {
        let id = id.clone();
        move |event| {
            let note = event_target_value(&event);
            data.type_bookmark_note(&id, &note);
        }
    };
    let heading = match &location {
        Some(location) => view! { <a href=href(&location.path)>{title}</a> }.into_any(),
        None => view! { <span>{title}</span> }.into_any(),
    };
    let gone = location.is_none().then(|| view! { <p class="bookmark__gone">"No longer in the guide. Your bookmark and note are kept."</p> });
    view! {
        <li class="bookmark" id=item_id>
            <h3 class="bookmark__title">{heading}</h3>
            {gone}
            <p class="bookmark__added">"Added " {added}</p>
            <label class="field-label" for=note_id.clone()>"Your private note"</label>
            <textarea id=note_id class="note" rows="2" dir="auto" prop:value=note on:input=save_note></textarea>
            <button type="button" class="button button--small" aria-label=move || format!("Remove {}", title()) on:click=move |_| {
                data.remove_bookmark(&id);
                // Its item (and this button) is gone: carry on from the top of the list.
                browser::focus("main h1");
            }>
                "Remove"
            </button>
        </li>
    }
}
