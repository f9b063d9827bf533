//! What every page has: a skip link, the header with the urgent-help link, navigation, a footer.

use crate::content::{self, HELP, SITE_NAME};
use crate::links::href;
use crate::data::settings::{TextSize, Theme};
use crate::offline::use_app_status;
use crate::user_data::use_user_data;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Focuses the first element matching `selector` (it must be focusable, e.g. `tabindex="-1"`).
fn focus(selector: &str) {
    if let Ok(Some(element)) = document().query_selector(selector) {
        let _ = element.unchecked_into::<HtmlElement>().focus();
    }
}

#[component]
pub fn SkipLink() -> impl IntoView {
    // The router would treat "#main" as a navigation and leave focus behind; move it ourselves.
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        focus("#main");
    };
    view! { <a class="skip-link" href="#main" on:click=skip>"Skip to main content"</a> }
}

/// After the page changes: show the `#id` the address points to, if any (it only exists once the
/// app has drawn the page); otherwise move focus to the new page's heading, so keyboard and
/// screen-reader users start at the top of the new page instead of at a link that has gone.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous_path: Option<String>| {
        let path = location.pathname.get();
        let hash = location.hash.get();
        let page_changed = previous_path.is_some_and(|previous| previous != path);
        request_animation_frame(move || {
            let target = hash.strip_prefix('#').filter(|id| !id.is_empty()).and_then(|id| document().get_element_by_id(id));
            match target {
                Some(target) => target.scroll_into_view(),
                None if page_changed => focus("main h1"),
                None => {}
            }
        });
        path
    });
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let help = content::page("help");
    let nav_links = content::nav_pages()
        .map(|page| {
            let path = page.path.expect("nav pages have a path");
            // The home link would otherwise be "current" everywhere; the others must also match
            // "/publications/", which static hosts redirect to.
            let count = (page.id == "bookmarks").then(|| view! { <BookmarkCount /> });
            view! {
                <li>
                    <A href=href(path) exact=path == "/">{page.nav} {count}</A>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <a class="brand" href=href("/")>
                    <span class="brand__mark" aria-hidden="true"></span>
                    {SITE_NAME}
                </a>
                // Same place on every page, one tap away.
                <a class="help-now" href=href(help.path.expect("help has a path"))>"Need help now?"</a>
            </div>
            <nav class="site-nav" aria-label="Main">
                <ul>{nav_links}</ul>
            </nav>
        </header>
    }
}

/// Colours and text size, remembered on this device.
#[component]
fn DisplayControls() -> impl IntoView {
    let data = use_user_data();
    let theme = move || data.settings.with(|s| s.theme);
    let text_size = move || data.settings.with(|s| s.text_size);
    view! {
        <section class="display" aria-labelledby="display-heading">
            <h2 id="display-heading" class="display__heading">"Text size and colours"</h2>
            <div class="display__groups">
                <fieldset class="choice">
                    <legend>"Text size"</legend>
                    {TextSize::ALL.into_iter().map(|size| view! {
                        <label class="choice__option">
                            <input type="radio" name="text-size" prop:checked=move || text_size() == size
                                on:change=move |_| data.change_settings(|s| s.text_size = size) />
                            {size.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <fieldset class="choice">
                    <legend>"Colours"</legend>
                    {Theme::ALL.into_iter().map(|choice| view! {
                        <label class="choice__option">
                            <input type="radio" name="theme" prop:checked=move || theme() == choice
                                on:change=move |_| data.change_settings(|s| s.theme = choice) />
                            {choice.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
            </div>
        </section>
    }
}

/// How many bookmarks there are, beside "Bookmarks" in the navigation.
#[component]
fn BookmarkCount() -> impl IntoView {
    let data = use_user_data();
    let count = move || data.bookmarks.with(|b| b.count());
    view! {
        <Show when=move || count() != 0>
            <span class="nav-count">
                <span class="visually-hidden">", "</span>
                {count}
                <span class="visually-hidden">" saved"</span>
            </span>
        </Show>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <DisplayControls />
            <p>
                "Nothing you do here leaves your device. "
                <a href=href("/about#your-privacy")>"Privacy"</a>
                " · "
                <a href=href("/your-data")>"Your data"</a>
                " · "
                <a href=href("/about")>"About this guide"</a>
            </p>
            <p>"Links and phone numbers checked " {HELP.checked} "."</p>
        </footer>
    }
}

/// "You are offline" and "A new version is ready", calmly, at the top of the page.
#[component]
pub fn AppBanners() -> impl IntoView {
    let status = use_app_status();
    view! {
        <div class="app-banners" role="status">
            <Show when=move || !status.online.get()>
                <p class="banner banner--offline">
                    "You are offline. Everything in this guide still works; links to other websites need a connection."
                </p>
            </Show>
            <Show when=move || status.update_waiting.get()>
                <p class="banner banner--update">
                    "A new version of the guide is ready. "
                    <button type="button" class="button button--small button--primary" on:click=move |_| status.reload_to_update()>
                        "Reload to update"
                    </button>
                </p>
            </Show>
        </div>
    }
}
