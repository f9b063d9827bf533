use crate::components::prose::{Contents, Sections};
use crate::components::speech_controls::Listen;
use crate::components::text::PageHeading;
use crate::content::{self, paths, Collection, PageId, ARTICLE};
use crate::links::href;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let page = content::page(PageId::Home);
    let more = Collection::ALL
        .iter()
        .map(|collection| {
            let target = content::page(collection.page());
            view! {
                <li>
                    <a href=href(collection.path())>{target.title}</a>
                    <span class="more__intro">{target.intro}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageHeading page />
        <Listen read="main h1, main .intro, main .prose-section" label="Listen to the whole article" keep_room=true />
        <Contents page_path=paths::HOME sections=ARTICLE />
        <Sections sections=ARTICLE page=PageId::Home listen=true />
        <nav class="more" aria-labelledby="more-heading">
            <h2 id="more-heading">"More in this guide"</h2>
            <ul>{more}</ul>
        </nav>
    }
}
