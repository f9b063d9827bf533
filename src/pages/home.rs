use crate::components::listen::Listen;
use crate::components::prose::{Contents, Sections};
use crate::components::text::PageHeading;
use crate::content::{self, Collection, ARTICLE};
use crate::links::href;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let page = content::page("home");
    let path = page.path.expect("home has a path");
    let more = Collection::ALL
        .iter()
        .map(|collection| {
            let target = content::page(collection.page_id());
            view! {
                <li>
                    <a href=href(target.path.expect("list pages have a path"))>{target.title}</a>
                    <span class="more__intro">{target.intro}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageHeading page />
        <Listen read="main h1, main .intro, main .prose-section" label="Listen to the whole article" keep_room=true />
        <Contents page_path=path sections=ARTICLE />
        <Sections sections=ARTICLE page_id="home" listen=true />
        <nav class="more" aria-labelledby="more-heading">
            <h2 id="more-heading">"More in this guide"</h2>
            <ul>{more}</ul>
        </nav>
    }
}
