use crate::components::text::PageHeading;
use crate::content;
use crate::links::href;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let home = content::page("home");
    let help = content::page("help");
    view! {
        <PageHeading page=content::page("not-found") />
        <ul class="way-back">
            <li><a href=href("/")>"Go to the start: " {home.title}</a></li>
            <li><a href=href(help.path.expect("help has a path"))>{help.title}</a></li>
        </ul>
    }
}
