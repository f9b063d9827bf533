//! Controls the pages share: asking before something cannot be undone, downloading what is kept
//! aside, and drawing long lists and hidden parts only when they are wanted.

use crate::browser;
use crate::user_data::use_user_data;
use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A button that offers a text file for download (something kept aside), saying so when the browser
/// does not let it. One compiled button for every such list.
#[component]
pub fn DownloadButton(label: String, file_name: String, #[prop(into)] contents: Callback<(), Option<String>>) -> impl IntoView {
    let data = use_user_data();
    let download = move |_| {
        if contents.run(()).is_none_or(|text| browser::download(&file_name, &text).is_err()) {
            data.say("Your browser did not let the app save the file. Nothing was changed.");
        }
    };
    view! { <button type="button" class="button" on:click=download>{label}</button> }
}

/// A button that asks before it does something that cannot be undone.
#[component]
pub fn ConfirmButton(
    /// The button, e.g. "Delete".
    label: String,
    /// The question, saying exactly what will be lost.
    question: String,
    /// The button that goes ahead, e.g. "Yes, delete it".
    confirm: String,
    // A `Callback` rather than `impl Fn`: one compiled button for all nine uses, not one each.
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let question_ref = NodeRef::<leptos::html::P>::new();
    let button_ref = NodeRef::<leptos::html::Button>::new();
    // Move focus to the question so it is read out, and back is one Tab away; when the question
    // goes, back to the button that asked it (if it is still there).
    Effect::new(move |was_asking: Option<bool>| {
        let now_asking = asking.get();
        if now_asking {
            if let Some(p) = question_ref.get() {
                let _ = p.focus();
            }
        } else if was_asking == Some(true) {
            if let Some(button) = button_ref.get() {
                let _ = button.focus();
            }
        }
        now_asking
    });
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class="button button--danger" node_ref=button_ref on:click=move |_| asking.set(true)>{label.clone()}</button>
            }
        >
            <div class="confirm" role="group" aria-label="Confirm">
                <p class="confirm__question" tabindex="-1" node_ref=question_ref>{question.clone()}</p>
                <button type="button" class="button button--danger" on:click=move |_| {
                    asking.set(false);
                    on_confirm.run(());
                }>{confirm.clone()}</button>
                <button type="button" class="button" on:click=move |_| asking.set(false)>"No, keep it"</button>
            </div>
        </Show>
    }
}

/// While `open`, focus is in `inside` (read out, or ready to type in); when it closes, it goes back
/// to `opener`, the button that opened it.
pub fn focus_follows<A, B>(open: RwSignal<bool>, inside: NodeRef<A>, opener: NodeRef<B>)
where
    A: ElementType + 'static,
    A::Output: JsCast + Clone + 'static,
    B: ElementType + 'static,
    B::Output: JsCast + Clone + 'static,
{
    Effect::new(move |was_open: Option<bool>| {
        let now_open = open.get();
        let target = match (now_open, was_open) {
            (true, _) => inside.get().map(JsCast::unchecked_into::<web_sys::HtmlElement>),
            (false, Some(true)) => opener.get().map(JsCast::unchecked_into::<web_sys::HtmlElement>),
            _ => None,
        };
        if let Some(target) = target {
            let _ = target.focus();
        }
        now_open
    });
}

/// A `<details>` whose contents are drawn when it is first opened, and kept from then on: years
/// of saved reflections would otherwise draw tens of thousands of hidden rows as the page opens.
#[component]
pub fn DrawnWhenOpened(
    summary: String,
    /// For focusing the summary from elsewhere.
    #[prop(optional)]
    summary_id: Option<String>,
    #[prop(optional)] class: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    let on_toggle = move |event: leptos::ev::Event| {
        if event_target::<web_sys::Element>(&event).has_attribute("open") {
            opened.set(true);
        }
    };
    view! {
        <details class=class on:toggle=on_toggle>
            <summary id=summary_id>{summary}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}

/// A long list drawn a part at a time: years of heavy use can leave thousands of rows, and drawing
/// them all would make the page slow to open and to change. `step` rows at first, and a button
/// that draws `step` more and moves focus to the first of them (`focus_id` of its id).
#[derive(Clone, Copy)]
pub struct Paged {
    ids: Memo<Vec<String>>,
    shown: RwSignal<usize>,
    step: usize,
}

impl Paged {
    pub fn new(ids: Memo<Vec<String>>, step: usize) -> Self {
        Self { ids, shown: RwSignal::new(step), step }
    }

    /// The ids drawn now.
    pub fn drawn(&self) -> Vec<String> {
        let shown = self.shown.get();
        self.ids.with(|ids| ids.iter().take(shown).cloned().collect())
    }

    /// Draws enough to include `id` (reached by a link, say).
    pub fn reach(&self, id: &str) {
        if let Some(at) = self.ids.with_untracked(|ids| ids.iter().position(|i| i == id)) {
            let step = self.step;
            self.shown.update(|n| *n = (*n).max((at / step + 1) * step));
        }
    }

    fn not_drawn(&self) -> usize {
        self.ids.with(Vec::len).saturating_sub(self.shown.get())
    }
}

/// The button under a `Paged` list: "Show 50 more (950 not shown yet)", in `words`.
#[component]
pub fn ShowMore(paged: Paged, words: fn(next: usize, not_drawn: usize) -> String, focus_id: fn(&str) -> String) -> impl IntoView {
    let show_more = move |_| {
        let first_new = paged.ids.with_untracked(|ids| ids.get(paged.shown.get_untracked()).cloned());
        paged.shown.update(|n| *n += paged.step);
        if let Some(id) = first_new {
            request_animation_frame(move || browser::focus_id(&focus_id(&id)));
        }
    };
    view! {
        <Show when=move || paged.not_drawn() != 0>
            <button type="button" class="button show-more" on:click=show_more>
                {move || words(paged.not_drawn().min(paged.step), paged.not_drawn())}
            </button>
        </Show>
    }
}
