//! The status region: where the person is told what just happened (`user_data`'s messages), with
//! Undo where it applies.

use crate::browser;
use crate::user_data::use_user_data;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The live region for "Saved", "Removed" and the like, with Undo where it applies. It is always
/// in the page (empty when quiet), so screen readers announce what appears in it. Nothing here
/// goes away on a timer; Escape or Close dismisses it, and focus goes back to where the person was.
#[component]
pub fn StatusRegion() -> impl IntoView {
    let data = use_user_data();
    let region = NodeRef::<leptos::html::Div>::new();
    // The control the person was using when the message appeared.
    let was_focused = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let inside_region = move |element: &web_sys::Element| region.get_untracked().is_some_and(|r| r.contains(Some(element)));
    Effect::new(move |_| {
        let shown = data.status.with(Option::is_some);
        let focused = document().active_element().filter(|e| !inside_region(e) && e.tag_name() != "BODY");
        if let Some(focused) = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            was_focused.set_value(Some(focused));
        }
        // Room at the bottom for the message, so focus and scrolling stop clear of it
        // (`scroll-padding-bottom` in the stylesheet reads this).
        let room = if shown { region.get().map_or(0, |r| r.offset_height()) } else { 0 };
        browser::set_root_style("--status-room", &format!("{room}px"));
    });
    let return_focus = move || {
        let target = was_focused.get_value().filter(|e| e.is_connected());
        match target {
            Some(element) => {
                let _ = element.focus();
            }
            None => browser::focus("#main"),
        }
    };
    let close = move || {
        let focus_was_inside = document().active_element().is_some_and(|e| inside_region(&e));
        data.status.set(None);
        if focus_was_inside {
            return_focus();
        }
    };
    Effect::new(move |_| {
        let escape = window_event_listener(leptos::ev::keydown, move |event| {
            if event.key() == "Escape" && !browser::typing_in_a_field() && data.status.with_untracked(Option::is_some) {
                close();
            }
        });
        on_cleanup(move || escape.remove());
    });
    view! {
        <div class="status" role="status" aria-live="polite" node_ref=region>
            {move || data.status.get().map(|status| {
                let undo = status.undo.clone();
                view! {
                    <div class="status__box">
                        <p class="status__text">{status.text.clone()}</p>
                        {undo.map(|undo| view! {
                            <button type="button" class="button button--small" on:click=move |_| {
                                data.undo(undo.clone());
                                return_focus();
                            }>"Undo"</button>
                        })}
                        <button type="button" class="button button--small button--quiet" on:click=move |_| close()>
                            "Close" <span class="visually-hidden">" this message"</span>
                        </button>
                    </div>
                }
            })}
        </div>
    }
}
