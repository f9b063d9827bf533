//! The app shell's behaviour on the whole page, which no page or component owns: where focus and
//! the scroll position go after a route change (and back to on Back and Forward), the display
//! settings on the root element, the keys that work anywhere ("/" and Escape for the status
//! message), and the room kept for the status message.

use crate::browser;
use crate::components::status::StatusRegionHandle;
use crate::effect::effect;
use crate::user_data::{use_user_data, UserData};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::HashMap;
use web_sys::ScrollRestoration;

/// After the page changes: show the `#id` the address points to, if any (it only exists once the
/// app has drawn the page); otherwise move focus to the new page's heading, so keyboard and
/// screen-reader users start at the top of the new page instead of at a link that has gone.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    let data = use_user_data();
    // Back and Forward return to where the person was on that page, as on any website: the router
    // does not do this, so remember each address's scroll position here (for this visit only).
    let scroll_positions = StoredValue::new_local(HashMap::<String, f64>::new());
    // Set by Back or Forward: the address arrived at, and where the person was on it.
    let pending_restore = StoredValue::new_local(None::<(String, f64)>);
    // The browser's own address: the router's may spell the same page differently (a trailing
    // slash under a sub-path) before and after Back.
    let address = || {
        let location = window().location();
        location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
    };
    effect(move || {
        let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
            let y = window().scroll_y().unwrap_or_default();
            scroll_positions.update_value(|positions| {
                positions.insert(address(), y);
            });
        });
        on_cleanup(move || on_scroll.remove());
        // Read now, before scroll events on the new page overwrite it. The router may already
        // have changed the page (its listener can run first), so the page effect below applies
        // it a frame later, when both have run.
        let on_history = window_event_listener(leptos::ev::popstate, move |_| {
            let here = address();
            let y = scroll_positions.with_value(|positions| positions.get(&here).copied());
            pending_restore.set_value(y.map(|y| (here, y)));
        });
        on_cleanup(move || on_history.remove());
        // The app restores positions itself; the browser's own attempt would race with it. A
        // reload still restores: the page hands the job back to the browser as it unloads.
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(ScrollRestoration::Manual);
        }
        let on_leave = window_event_listener(leptos::ev::pagehide, move |_| {
            if let Ok(history) = window().history() {
                let _ = history.set_scroll_restoration(ScrollRestoration::Auto);
            }
        });
        on_cleanup(move || on_leave.remove());
    });
    Effect::new(move |previous_path: Option<String>| {
        let path = location.pathname.get();
        let hash = location.hash.get();
        location.search.track();
        let page_changed = previous_path.is_some_and(|previous| previous != path);
        if page_changed {
            // The new page is in the document: the benchmark times route changes up to here.
            browser::performance_mark("recovery-guide:route-shown");
            // A message about something done on the last page does not belong on this one.
            data.status.set(None);
        }
        request_animation_frame(move || {
            let restore = pending_restore.try_update_value(Option::take).flatten().filter(|(to, _)| page_changed && *to == address());
            if let Some((_, y)) = restore {
                browser::focus("main h1");
                window().scroll_to_with_x_and_y(0.0, y);
                return;
            }
            let target = hash.strip_prefix('#').filter(|id| !id.is_empty()).and_then(|id| document().get_element_by_id(id));
            // The router changes the address without the browser's own jump, so `:target` styles
            // never apply: mark where the person arrived ourselves, until they go elsewhere.
            if let Ok(Some(previous)) = document().query_selector(".arrived") {
                let _ = previous.class_list().remove_1("arrived");
            }
            match target {
                Some(target) => {
                    let _ = target.class_list().add_1("arrived");
                    target.scroll_into_view();
                }
                // Never take focus from a field being typed in (the search field changes the page).
                None if page_changed && !browser::typing_in_a_field() => browser::focus("main h1"),
                None => {}
            }
        });
        path
    });
}

/// Theme, text size and the Quick exit button act on the whole page, through attributes on the
/// root element that the stylesheet reads (`index.html` sets them before the first paint; this
/// keeps them in step with the settings). Called as the app starts, right after the data.
pub fn show_display_settings(data: UserData) {
    effect(move || {
        let settings = data.settings.get();
        if let Some(root) = document().document_element() {
            for (name, value) in [
                ("data-theme", settings.theme.attribute()),
                ("data-text-size", settings.text_size.attribute()),
                ("data-quick-exit", settings.quick_exit_attribute()),
            ] {
                let _ = match value {
                    Some(value) => root.set_attribute(name, value),
                    None => root.remove_attribute(name),
                };
            }
        }
    });
}

/// "/" anywhere but in a field jumps to the header's search field.
#[component]
pub fn SearchShortcut() -> impl IntoView {
    effect(move || {
        let slash = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "/" && !event.ctrl_key() && !event.meta_key() && !browser::typing_in_a_field() {
                event.prevent_default();
                browser::focus("#site-search");
            }
        });
        on_cleanup(move || slash.remove());
    });
}

/// The status message on the whole page: Escape closes it (outside a field), and the page keeps
/// room at its bottom while one shows, so focus and scrolling stop clear of it
/// (`scroll-padding-bottom` in the stylesheet reads `--status-room`), and the focused control
/// stays in view above it.
#[component]
pub fn StatusOnPage(handle: StatusRegionHandle) -> impl IntoView {
    let data = use_user_data();
    effect(move || {
        let shown = data.status.with(Option::is_some);
        handle.remember_focus();
        // Measured once the message is drawn. Then the focused control is brought back into view
        // above it, if it went under it: adding an entry with Enter grows the list above the field.
        request_animation_frame(move || {
            let room = if shown { handle.height() } else { 0 };
            browser::set_root_style("--status-room", &format!("{room}px"));
            if shown {
                handle.keep_focus_in_view();
            }
        });
    });
    effect(move || {
        let escape = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "Escape" && !browser::typing_in_a_field() && data.status.with_untracked(Option::is_some) {
                handle.close(data);
            }
        });
        on_cleanup(move || escape.remove());
    });
}
