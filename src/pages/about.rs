use crate::components::prose::{Contents, Sections};
use crate::components::text::PageHeading;
use crate::content::{self, ABOUT};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let page = content::page("about");
    view! {
        <PageHeading page />
        <Contents page_path=page.path.expect("about has a path") sections=ABOUT />
        <Sections sections=ABOUT page_id="about" />
    }
}
