//! The app shell: router, layout and the route table. Routes come from `pages.toml`, so the page
//! addresses live in one place with the rest of the content.

use crate::components::layout::{AppBanners, SiteFooter, SiteHeader, SkipLink, WithoutScriptNote};
use crate::components::notices::{DownloadReminder, Notices};
use crate::components::quick_exit::QuickExit;
use crate::components::speech_controls::Speech;
use crate::components::status::{StatusRegion, StatusRegionHandle};
use crate::content::{paths, Collection};
use crate::links;
use crate::lock::Lock;
use crate::offline::AppStatus;
use crate::pages::{About, Bookmarks, CollectionPage, Help, Home, NotFound, Plan, Reflect, Search, YourData};
use crate::shell::{show_display_settings, RouteFocus, SearchShortcut, StatusOnPage};
use crate::user_data::UserData;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::StaticSegment;

/// The route segment for a page's address (`"/publications"` -> `publications`).
fn segment(path: &'static str) -> StaticSegment<&'static str> {
    StaticSegment(path.trim_start_matches('/'))
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let data = UserData::provide();
    show_display_settings(data);
    Lock::provide(data);
    Speech::provide();
    AppStatus::provide();
    let status = StatusRegionHandle::default();
    view! {
        <Router base=links::BASE>
            <SkipLink />
            <QuickExit />
            <SiteHeader />
            <main id="main" tabindex="-1">
                <WithoutScriptNote />
                <AppBanners />
                <Notices />
                <DownloadReminder />
                <Routes fallback=NotFound>
                    <Route path=segment(paths::HOME) view=Home />
                    <Route path=segment(paths::PUBLICATIONS) view=|| view! { <CollectionPage collection=Collection::Publications /> } />
                    <Route path=segment(paths::RESEARCH) view=|| view! { <CollectionPage collection=Collection::Research /> } />
                    <Route path=segment(paths::VIDEOS) view=|| view! { <CollectionPage collection=Collection::Videos /> } />
                    <Route path=segment(paths::ORGANISATIONS) view=|| view! { <CollectionPage collection=Collection::Organisations /> } />
                    <Route path=segment(paths::BOOKMARKS) view=Bookmarks />
                    <Route path=segment(paths::REFLECT) view=Reflect />
                    <Route path=segment(paths::PLAN) view=Plan />
                    <Route path=segment(paths::YOUR_DATA) view=YourData />
                    <Route path=segment(paths::SEARCH) view=Search />
                    <Route path=segment(paths::HELP) view=Help />
                    <Route path=segment(paths::ABOUT) view=About />
                </Routes>
            </main>
            <SiteFooter />
            <StatusOnPage handle=status />
            <StatusRegion handle=status />
            <RouteFocus />
            <SearchShortcut />
        </Router>
    }
}
