use crate::components::prose::{Contents, Sections};
use crate::components::text::PageHeading;
use crate::content::{self, paths, PageId, ABOUT};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let page = content::page(PageId::About);
    view! {
        <PageHeading page />
        <Contents page_path=paths::ABOUT sections=ABOUT />
        <Sections sections=ABOUT page=PageId::About />
    }
}
