//! The status region: where the person is told what just happened (`user_data`'s messages), with
//! Undo where it applies. What it does on the whole page (Escape, the room kept for it at the
//! bottom) is the shell's (`shell::StatusOnPage`).

use crate::browser;
use crate::user_data::{use_user_data, UserData};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the region's view and the shell share: the region itself, and the control the person was
/// using when the message appeared, where focus goes back to when it closes.
#[derive(Clone, Copy)]
pub struct StatusRegionHandle {
    region: NodeRef<leptos::html::Div>,
    was_focused: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Default for StatusRegionHandle {
    fn default() -> Self {
        Self { region: NodeRef::new(), was_focused: StoredValue::new_local(None) }
    }
}

impl StatusRegionHandle {
    fn contains(&self, element: &web_sys::Element) -> bool {
        self.region.get_untracked().is_some_and(|r| r.contains(Some(element)))
    }

    /// Remembers the control in use outside the region (as a message appears).
    pub fn remember_focus(&self) {
        let focused = document().active_element().filter(|e| !self.contains(e) && e.tag_name() != "BODY");
        if let Some(focused) = focused.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            self.was_focused.set_value(Some(focused));
        }
    }

    /// The region's height in pixels.
    pub fn height(&self) -> i32 {
        self.region.get_untracked().map_or(0, |r| r.offset_height())
    }

    /// Scrolls the focused control outside the region into view, if it is not, clear of the
    /// region (`scroll-padding-bottom`).
    pub fn keep_focus_in_view(&self) {
        if let Some(focused) = document().active_element().filter(|e| !self.contains(e) && e.tag_name() != "BODY") {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            focused.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }

    fn return_focus(&self) {
        match self.was_focused.get_value().filter(|e| e.is_connected()) {
            Some(element) => {
                let _ = element.focus();
            }
            None => browser::focus("#main"),
        }
    }

    /// Closes the message; focus inside the region goes back to where the person was.
    pub fn close(&self, data: UserData) {
        let focus_was_inside = document().active_element().is_some_and(|e| self.contains(&e));
        data.status.set(None);
        if focus_was_inside {
            self.return_focus();
        }
    }
}

/// The live region for "Saved", "Removed" and the like, with Undo where it applies. It is always
/// in the page (empty when quiet), so screen readers announce what appears in it. Nothing here
/// goes away on a timer; Escape or Close dismisses it, and focus goes back to where the person was.
#[component]
pub fn StatusRegion(handle: StatusRegionHandle) -> impl IntoView {
    let data = use_user_data();
    view! {
        <div class="status" role="status" aria-live="polite" node_ref=handle.region>
            {move || data.status.get().map(|status| {
                let undo = status.undo.clone();
                view! {
                    <div class="status__box">
                        <p class="status__text">{status.text.clone()}</p>
                        {undo.map(|undo| view! {
                            <button type="button" class="button button--small" on:click=move |_| {
                                data.undo(undo.clone());
                                handle.return_focus();
                            }>"Undo"</button>
                        })}
                        <button type="button" class="button button--small button--quiet" on:click=move |_| handle.close(data)>
                            "Close" <span class="visually-hidden">" this message"</span>
                        </button>
                    </div>
                }
            })}
        </div>
    }
}
