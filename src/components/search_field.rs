//! The search field in the header, and what it shares with the search page: the search the
//! address holds, going to a search, and moving between results with the arrow keys.

use crate::content::paths;
use crate::links::href;
use crate::search::SearchQuery;
use crate::user_data::use_user_data;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The current search, read from the address once the app has started: the prerendered page has
/// no search in it, and hydration must find exactly that page before anything changes.
pub fn use_search_query() -> Memo<SearchQuery> {
    let query = use_query_map();
    let data = use_user_data();
    Memo::new(move |_| {
        if !data.ready.get() {
            return SearchQuery::default();
        }
        query.with(|q| SearchQuery::from_params(|name| q.get_str(name)))
    })
}

/// Goes to the search page for `query` (`navigate` from `use_navigate`), replacing the address
/// while the person types.
pub fn show_search(navigate: &impl Fn(&str, NavigateOptions), query: &SearchQuery, replace: bool) {
    navigate(&href(&query.to_path()), NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() });
}

/// Focuses the next (or previous) result from the focused one, or the first.
pub fn focus_result(step: i32) {
    use wasm_bindgen::JsCast;
    let Ok(links) = document().query_selector_all(".results .result") else { return };
    let links: Vec<web_sys::HtmlElement> = (0..links.length()).filter_map(|i| links.get(i)?.dyn_into().ok()).collect();
    let active = document().active_element();
    let current = links.iter().position(|link| {
        let node: &web_sys::Node = link;
        active.as_ref().is_some_and(|a| a.is_same_node(Some(node)))
    });
    let next = match current {
        Some(i) => (i as i32 + step).clamp(0, links.len() as i32 - 1) as usize,
        None if step > 0 => 0,
        None => return,
    };
    if let Some(link) = links.get(next) {
        let _ = link.focus();
    }
}

/// The search field on every page. Typing shows results at once on the search page, whose address
/// (`/search?q=...`) can be shared; "/" anywhere jumps here (`shell::SearchShortcut`); the down
/// arrow goes to the results.
/// Without the app (before it loads), the form still works as a plain GET to the search page.
#[component]
pub fn SiteSearch() -> impl IntoView {
    let location = use_location();
    let on_search_page = move || location.pathname.with(|p| p.trim_end_matches('/').ends_with(paths::SEARCH));
    let query = use_search_query();
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    let search = {
        let navigate = navigate.clone();
        move |text: String| {
            let on_page = on_search_page();
            let mut next = if on_page { query.get_untracked() } else { SearchQuery::default() };
            next.text = text;
            show_search(&navigate, &next, on_page);
        }
    };
    let submit = {
        let search = search.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            if let Some(input) = input.get_untracked() {
                search(input.value());
            }
            focus_result(1);
        }
    };
    view! {
        <form class="site-search needs-script" role="search" action=href(paths::SEARCH) method="get" on:submit=submit>
            <label for="site-search" class="site-search__label">
                "Search the guide " <span class="site-search__hint">"(press /)"</span>
            </label>
            <input
                id="site-search"
                type="search"
                name="q"
                autocomplete="off"
                // On a phone the label above is left out to keep the header short: this says it.
                placeholder="Search the guide"
                aria-keyshortcuts="/"
                node_ref=input
                prop:value=move || if on_search_page() { query.with(|q| q.text.clone()) } else { String::new() }
                on:input=move |event| search(event_target_value(&event))
                on:keydown=|event| {
                    if event.key() == "ArrowDown" {
                        event.prevent_default();
                        focus_result(1);
                    }
                }
            />
        </form>
    }
}
