use crate::components::text::PageHeading;
use crate::content::{self, paths, PageId};
use crate::links::href;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let home = content::page(PageId::Home);
    let help = content::page(PageId::Help);
    view! {
        <PageHeading page=content::page(PageId::NotFound) />
        <ul class="way-back">
            <li><a href=href(paths::HOME)>"Go to the start: " {home.title}</a></li>
            <li><a href=href(paths::HELP)>{help.title}</a></li>
        </ul>
    }
}
