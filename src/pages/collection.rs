use crate::components::resource::ResourceCard;
use crate::components::speech_controls::Listen;
use crate::components::text::PageHeading;
use crate::content::{self, resources_in, sorted_by_year, Collection, ResourceKind, YearOrder};
use leptos::prelude::*;

/// A list page: Publications, Research, Videos or Organisations.
#[component]
pub fn CollectionPage(collection: Collection) -> impl IntoView {
    let page = content::page(collection.page());
    let order = RwSignal::new(YearOrder::default());
    // Only publications are in date order; the other lists keep the source's order.
    let sortable = collection == Collection::Publications;
    let no_videos = collection == Collection::Videos && resources_in(collection).all(|r| r.kind != ResourceKind::Video);

    let cards = move || {
        let resources: Vec<_> = if sortable { sorted_by_year(resources_in(collection), order.get()) } else { resources_in(collection).collect() };
        resources.into_iter().map(|resource| view! { <ResourceCard resource collection /> }).collect_view()
    };

    view! {
        <PageHeading page />
        <Listen read="main .intro, main .empty-note, main .resource-list" label="Listen to this page" keep_room=true />
        {no_videos.then(|| page.empty.map(|empty| view! { <p class="empty-note">{empty}</p> }))}
        {sortable.then(|| view! {
            <div class="sort-control">
                <p id="sort-state" aria-live="polite">
                    {move || match order.get() {
                        YearOrder::NewestFirst => "Showing newest first.",
                        YearOrder::OldestFirst => "Showing oldest first.",
                    }}
                    " Items without a year come last."
                </p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| order.update(|o| *o = match o {
                        YearOrder::NewestFirst => YearOrder::OldestFirst,
                        YearOrder::OldestFirst => YearOrder::NewestFirst,
                    })
                >
                    {move || match order.get() {
                        YearOrder::NewestFirst => "Show oldest first",
                        YearOrder::OldestFirst => "Show newest first",
                    }}
                </button>
            </div>
        })}
        <div class="resource-list">{cards}</div>
    }
}
