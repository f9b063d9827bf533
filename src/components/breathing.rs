//! "Breathe with me" on the help page: a pacer for the calming breathing in `breathing.toml`, in
//! for five seconds and out for five, with no pause, ending by itself after five minutes.
//!
//! The shape grows and shrinks by a CSS animation restarted at each change of direction, so it
//! keeps time with the words; with reduced motion it stays still. Screen readers hear each change
//! once, from a polite live region that holds only "Breathe in" or "Breathe out" (never the count).

use crate::components::speech_controls::use_speech;
use crate::content::{paths, BREATHING};
use crate::links::section_href;
use leptos::prelude::*;
use std::time::Duration;

/// The source's count of one to five, one a second, each way.
const SECONDS_EACH_WAY: usize = 5;
/// The source says three to five minutes: the pacer stops by itself after five.
const SECONDS_IN_ALL: usize = 5 * 60;

/// Whether `second` (from the start) is spent breathing in, and the count (1 to 5) to show.
fn breathing_at(second: usize) -> (bool, usize) {
    ((second / SECONDS_EACH_WAY).is_multiple_of(2), second % SECONDS_EACH_WAY + 1)
}

#[component]
pub fn BreatheWithMe() -> impl IntoView {
    let speech = use_speech();
    // The seconds since Start, while the pacer runs.
    let second = RwSignal::new(None::<usize>);
    // What the live region says: set at each change of direction (not every second), so screen
    // readers, and the voice if chosen, hear each change once.
    let said = RwSignal::new(None::<&'static str>);
    let aloud = RwSignal::new(false);
    let ticking = StoredValue::new_local(None::<IntervalHandle>);
    let clear_timer = move || {
        if let Some(ticking) = ticking.try_update_value(Option::take).flatten() {
            ticking.clear();
        }
    };
    let show = move |at: usize| {
        second.set(Some(at));
        let (breathing_in, count) = breathing_at(at);
        if count == 1 {
            let words = if breathing_in { BREATHING.breathe_in } else { BREATHING.breathe_out };
            said.set(Some(words));
            if aloud.get_untracked() {
                speech.say(words);
            }
        }
    };
    let stop = move |finished: bool| {
        clear_timer();
        second.set(None);
        said.set(finished.then_some(BREATHING.finished));
    };
    let tick = move || match second.get_untracked().map(|at| at + 1) {
        Some(next) if next < SECONDS_IN_ALL => show(next),
        _ => stop(true),
    };
    let toggle = move |_| {
        if second.get_untracked().is_some() {
            return stop(false);
        }
        ticking.set_value(set_interval_with_handle(tick, Duration::from_secs(1)).ok());
        show(0);
    };
    on_cleanup(clear_timer);
    let pacer = move || {
        let (breathing_in, count) = breathing_at(second.get()?);
        let direction = if breathing_in { "breathe__shape breathe__shape--in" } else { "breathe__shape breathe__shape--out" };
        Some(view! { <div class="breathe__pacer" aria-hidden="true"><div class=direction>{count}</div></div> })
    };
    let how = BREATHING.how.iter().map(|step| view! { <li>{*step}</li> }).collect_view();
    view! {
        <section class="breathe" aria-labelledby="breathe-heading">
            <h2 id="breathe-heading">{BREATHING.heading}</h2>
            <p>{BREATHING.intro}</p>
            <details class="breathe__how">
                <summary>"How to do it"</summary>
                <ol>{how}</ol>
            </details>
            {pacer}
            // Seen and heard: the one live region, so nothing is said twice.
            <p class="breathe__said" aria-live="polite">{move || said.get()}</p>
            <div class="breathe__controls needs-script">
                <button type="button" class="button" on:click=toggle>
                    {move || if second.get().is_some() { BREATHING.stop } else { BREATHING.start }}
                </button>
                {move || speech.available().then(|| view! {
                    <label class="check">
                        <input type="checkbox" on:change=move |event| aloud.set(event_target_checked(&event)) />
                        {BREATHING.speak}
                    </label>
                })}
            </div>
            {move || (said.get() == Some(BREATHING.finished)).then(|| view! { <p><a href=section_href(paths::HELP, "first-help-heading")>{BREATHING.back}</a></p> })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_and_out_alternate_every_five_seconds_counting_one_to_five() {
        let first_ten: Vec<(bool, usize)> = (0..10).map(breathing_at).collect();
        let expected: Vec<(bool, usize)> = (1..=5).map(|c| (true, c)).chain((1..=5).map(|c| (false, c))).collect();
        assert_eq!(first_ten, expected);
        assert_eq!(breathing_at(10), (true, 1));
        assert_eq!(breathing_at(SECONDS_IN_ALL - 1), (false, 5), "five minutes end on a breath out");
    }
}
