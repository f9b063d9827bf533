//! Quick exit on every page: the Shift shortcut, what it says to screen readers as it counts, and
//! the Quick exit button (shown only when chosen in the display settings).

use crate::browser;
use crate::effect::effect;
use crate::lock::use_lock;
use crate::quick_exit::{announcement, leave, show_page_again, Key, Progress, ShiftPresses, MAX_GAP_MS, NEUTRAL_SITE};
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn QuickExit() -> impl IntoView {
    let lock = use_lock();
    // Locks (if the lock is on) and drops the key, between blanking the page and going.
    let exit = move || leave(|| lock.lock_at_once());
    // Said politely after the first and second press, and cleared when counting starts again.
    // Its own live region rather than the app's message bar: a stray Shift must not push aside a
    // message such as "Added" with its Undo, and nothing needs to be seen or closed.
    let progress = RwSignal::new(String::new());
    effect(move || {
        let presses = StoredValue::new_local(ShiftPresses::default());
        let quiet_later = StoredValue::new_local(None::<TimeoutHandle>);
        let take = move |key: Key| {
            match presses.try_update_value(|p| p.key(key, browser::now())) {
                Some(Progress::Leave) => exit(),
                Some(Progress::NeedMore(more)) => {
                    progress.set(announcement(more));
                    // After the longest gap, the next press starts again: so must the words.
                    let clear = set_timeout_with_handle(move || progress.set(String::new()), Duration::from_millis(MAX_GAP_MS));
                    if let Some(previous) = quiet_later.try_update_value(|later| std::mem::replace(later, clear.ok())).flatten() {
                        previous.clear();
                    }
                }
                Some(Progress::Cancelled) => progress.set(String::new()),
                Some(Progress::Unchanged) | None => {}
            }
        };
        let down = window_event_listener(leptos::ev::keydown, move |event| {
            take(if event.key() == "Shift" { Key::ShiftDown { repeat: event.repeat() } } else { Key::OtherDown });
        });
        let up = window_event_listener(leptos::ev::keyup, move |event| {
            if event.key() == "Shift" {
                take(Key::ShiftUp);
            }
        });
        // Back may bring the left page out of the browser's memory, still blank.
        let shown = window_event_listener(leptos::ev::pageshow, |_| show_page_again());
        on_cleanup(move || {
            down.remove();
            up.remove();
            shown.remove();
        });
    });
    let on_click = move |event: leptos::ev::MouseEvent| {
        // Without the app (not loaded yet) the link still goes there, as an ordinary link.
        event.prevent_default();
        exit();
    };
    view! {
        // Hidden by the stylesheet unless the root element has `data-quick-exit` (set from the
        // display settings, before the first paint by index.html), so it shows before the app has
        // loaded too.
        <aside class="quick-exit" aria-label="Quick exit">
            <a class="quick-exit__button" href=NEUTRAL_SITE rel="noreferrer" on:click=on_click>"Quick exit"</a>
        </aside>
        <p class="visually-hidden quick-exit-progress" aria-live="polite">{progress}</p>
    }
}
