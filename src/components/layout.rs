//! What every page has: a skip link, the header with the urgent-help link, navigation, a footer.

use crate::content::{self, HELP, SITE_NAME};
use crate::links::href;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="skip-link" href="#main">"Skip to main content"</a> }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let help = content::page("help");
    let nav_links = content::nav_pages()
        .map(|page| {
            let path = page.path.expect("nav pages have a path");
            view! {
                <li>
                    <A href=href(path) exact=true>{page.nav}</A>
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

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Nothing you do here leaves your device. "
                <a href=href("/about#your-privacy")>"Privacy"</a>
                " · "
                <a href=href("/about")>"About this guide"</a>
            </p>
            <p>"Links and phone numbers checked " {HELP.checked} "."</p>
        </footer>
    }
}
