use crate::browser;
use crate::chart::{self, history_chart};
use crate::components::controls::{focus_follows, ConfirmButton, DrawnWhenOpened, Paged, ShowMore};
use crate::components::lock_screens::UnlessLocked;
use crate::components::text::PageHeading;
use crate::content::{self, locate, paths, ChecklistGroup, PageId, CHECKLIST};
use crate::data::reflection::{own_item_too_long_by, same_item, SaveCheck, OWN_ITEM_MAX_CHARS};
use crate::data::{Answer, ChecklistItem, Snapshot};
use crate::links::{href, section_href};
use crate::time::{format_date, format_date_time};
use crate::user_data::{quote, track_draft, use_user_data, UserData};
use leptos::prelude::*;

/// The guide's checklist items, in page order.
fn guide_items() -> Vec<ChecklistItem<'static>> {
    CHECKLIST.iter().flat_map(|g| g.items).map(|i| ChecklistItem { id: i.id, text: i.text, own: false }).collect()
}

/// Saves today's checklist in the history and says what was saved, unless it is the same as the
/// latest saved reflection (then it says so). Returns false, saving nothing, when nothing is ticked
/// and there are no notes, unless `even_if_blank`.
fn save_reflection(data: UserData, even_if_blank: bool) -> bool {
    let offset = data.utc_offset_minutes.get_untracked();
    let now = browser::now();
    let snapshot = data.reflections.with_untracked(|r| r.snapshot(&guide_items(), now, offset));
    let unchanged_since = data.history.with_untracked(|h| match h.check(&snapshot) {
        SaveCheck::Unchanged(latest) => Some(Some(format_date_time(latest.saved_at, offset))),
        SaveCheck::Blank if !even_if_blank => Some(None),
        _ => None,
    });
    match unchanged_since {
        Some(Some(when)) => data.say(format!("Nothing has changed since you last saved, on {when}, so there is nothing new to save.")),
        Some(None) => return false,
        None => {
            let summary = snapshot.summary();
            let id = browser::new_id("reflection");
            if data.change_history(|h, _| h.save(&id, snapshot)) {
                let date = format_date(now, offset);
                data.say(format!("Saved your reflection of {date}: {summary}. It is under “Your past reflections”."));
            }
        }
    }
    true
}

/// "Save this reflection". With nothing ticked and no notes it asks first: that is most often a
/// slip (the first button comes before the checklist), but on a hard day it can be just what is
/// true, and refusing it would say that day does not count.
#[component]
fn SaveButton() -> impl IntoView {
    let data = use_user_data();
    let asking = RwSignal::new(false);
    let question = NodeRef::<leptos::html::P>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    focus_follows(asking, question, button);
    view! {
        <button type="button" class="button button--primary" node_ref=button disabled=move || !data.ready.get()
            on:click=move |_| asking.set(!save_reflection(data, false))>
            "Save this reflection"
        </button>
        {move || asking.get().then(|| view! {
            <div class="confirm confirm--calm" role="group" aria-label="Save with nothing ticked?">
                <p class="confirm__question" tabindex="-1" node_ref=question>
                    "Nothing is ticked and there are no notes. Save it anyway, as a record of today?"
                </p>
                <button type="button" class="button button--primary" on:click=move |_| {
                    save_reflection(data, true);
                    asking.set(false);
                }>"Yes, save it"</button>
                <button type="button" class="button" on:click=move |_| asking.set(false)>"No, not now"</button>
            </div>
        })}
    }
}

#[component]
pub fn Reflect() -> impl IntoView {
    let page = content::page(PageId::Reflect);
    let path = paths::REFLECT;
    view! {
        <PageHeading page />
        <UnlessLocked>
            <div class="reflect-screen">
                <div class="actions needs-script">
                    <SaveButton />
                    <button type="button" class="button" on:click=|_| browser::print()>"Print a summary"</button>
                    <a class="actions__link" href=section_href(path, "history")>"Your past reflections"</a>
                </div>
                {CHECKLIST.iter().map(|group| view! { <GroupView group /> }).collect_view()}
                <OwnItems />
                <div class="actions needs-script">
                    <SaveButton />
                </div>
                <GoneAnswers />
                <History empty=page.empty.unwrap_or_default() />
            </div>
            <PrintSummary />
        </UnlessLocked>
    }
}

#[component]
fn GroupView(group: &'static ChecklistGroup) -> impl IntoView {
    let source = group.source.and_then(locate);
    view! {
        <section class="check-group" aria-labelledby=format!("{}-heading", group.id)>
            <h2 id=format!("{}-heading", group.id)>{group.title}</h2>
            <p>{group.prompt}</p>
            {source.map(|source| view! {
                <p class="check-group__source">"From " <a href=href(&source.path)>{source.title}</a></p>
            })}
            <ul class="check-list">
                {group.items.iter().map(|item| view! { <CheckItem id=item.id.to_string() text=Signal::stored(item.text.to_string()) /> }).collect_view()}
            </ul>
        </section>
    }
}

/// One checklist item: "true for me now", "want to work on this" and a private note. `extra` holds
/// the edit and remove controls of the person's own items.
/// Person-written text (notes, own items) is marked `dir="auto"` or isolated in `<bdi>`, so words
/// in a right-to-left script are laid out right to left.
#[component]
fn CheckItem(id: String, text: Signal<String>, #[prop(optional)] extra: Option<AnyView>) -> impl IntoView {
    let data = use_user_data();
    // Its own copy: ticking another item does not redraw this one.
    let answer = {
        let id = id.clone();
        Memo::new(move |_| data.reflections.with(|r| r.answer(&id)))
    };
    let answer = move || answer.get();
    let update = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Answer)>| {
            data.change_reflections(|r, now| r.update_answer(&id, now, change));
        }
    };
    let (on_true, on_work) = (update.clone(), update);
    let on_note = {
        let id = id.clone();
        move |e| data.type_checklist_note(&id, &event_target_value(&e))
    };
    let note_id = format!("note-{id}");
    let (a1, a2, a3, a4) = (answer, answer, answer, answer);
    view! {
        <li class="check-item">
            <fieldset>
                <legend><bdi>{move || text.get()}</bdi></legend>
                <div class="check-item__choices">
                    <label class="check">
                        <input type="checkbox" prop:checked=move || a1().true_now disabled=move || !data.ready.get()
                            on:change=move |e| { let on = event_target_checked(&e); on_true(Box::new(move |a| a.true_now = on)) } />
                        "True for me now"
                    </label>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || a2().work_on disabled=move || !data.ready.get()
                            on:change=move |e| { let on = event_target_checked(&e); on_work(Box::new(move |a| a.work_on = on)) } />
                        "I want to work on this"
                    </label>
                </div>
                <details class="note-details" prop:open=move || !a3().note.is_empty()>
                    <summary>"Private note"</summary>
                    <label class="visually-hidden" for=note_id.clone()>{move || format!("Your note about: {}", text.get())}</label>
                    <textarea id=note_id class="note" rows="2" dir="auto" prop:value=move || a4().note disabled=move || !data.ready.get()
                        on:input=on_note></textarea>
                </details>
                {extra}
            </fieldset>
        </li>
    }
}

/// Whether `text` can be an own item (a new one, or item `editing` changed); if not, says why. The
/// text stays in its box either way, so nothing typed is lost.
fn own_item_fits(data: UserData, text: &str, editing: Option<&str>) -> bool {
    let over = own_item_too_long_by(text);
    if over > 0 {
        data.say(format!(
            "That is {over} characters too long: an item can have up to {OWN_ITEM_MAX_CHARS}. Shorten it, or keep the details in its private note."
        ));
        return false;
    }
    let guide = guide_items();
    let same = data.reflections.with_untracked(|r| {
        let items: Vec<ChecklistItem> = guide.iter().cloned().chain(r.own_items()).filter(|i| Some(i.id) != editing).collect();
        same_item(&items, text).map(|i| i.text.to_string())
    });
    if let Some(same) = same {
        data.say(format!("{} is already on your checklist, so it is not added again.", quote(&same)));
        return false;
    }
    true
}

/// How long an own item is, once it is near the limit: a count, and how much to cut when over.
#[component]
fn LengthHint(id: String, text: Signal<String>) -> impl IntoView {
    let count = move || text.with(|t| t.trim().chars().count());
    let over = move || count() > OWN_ITEM_MAX_CHARS;
    // From four fifths of the limit: sooner, it would only be noise.
    let quiet = move || count() * 5 < OWN_ITEM_MAX_CHARS * 4;
    view! {
        <p id=id class="field-hint" class:field-hint--over=over hidden=quiet>
            // Empty while hidden: the field's description reads hidden text too.
            {move || (!quiet()).then(|| match count() {
                n if n > OWN_ITEM_MAX_CHARS => format!("{n} characters: {} more than the {OWN_ITEM_MAX_CHARS} an item can have.", n - OWN_ITEM_MAX_CHARS),
                n => format!("{n} of {OWN_ITEM_MAX_CHARS} characters."),
            })}
        </p>
    }
}

#[component]
fn OwnItems() -> impl IntoView {
    let data = use_user_data();
    let ids = Memo::new(move |_| data.reflections.with(|r| r.own_items().iter().map(|i| i.id.to_string()).collect::<Vec<_>>()));
    let new_text = RwSignal::new(String::new());
    track_draft("the item you are adding to your checklist", move || !new_text.with(|t| t.trim().is_empty()));
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = new_text.get_untracked();
        if text.trim().is_empty() {
            data.say("Write something first, then press Add.");
            return;
        }
        if !own_item_fits(data, &text, None) {
            return;
        }
        let id = browser::new_id("own");
        let saved = data.change_reflections(|r, now| r.add_own_item(&id, &text, now));
        new_text.set(String::new());
        if saved {
            data.say(format!("Added {} to your checklist.", quote(&text)));
        }
    };
    view! {
        <section class="check-group" aria-labelledby="own-heading">
            <h2 id="own-heading">"Your own"</h2>
            <p>"Add anything else that matters to your recovery."</p>
            <ul class="check-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <OwnItem id />
                </For>
            </ul>
            <form class="add-own needs-script" on:submit=add>
                <label class="field-label" for="new-own-item">"Something that matters to you"</label>
                <div class="add-own__row">
                    // No maxlength: the browser would cut a long paste without a word. The hint
                    // and the message on Add say what is too long instead.
                    <input id="new-own-item" type="text" dir="auto" autocomplete="off" aria-describedby="new-own-item-length"
                        prop:value=move || new_text.get() on:input=move |e| new_text.set(event_target_value(&e))
                        disabled=move || !data.ready.get() />
                    <button type="submit" class="button" disabled=move || !data.ready.get()>"Add"</button>
                </div>
                <LengthHint id="new-own-item-length".to_string() text=new_text.into() />
            </form>
        </section>
    }
}

#[component]
fn OwnItem(id: String) -> impl IntoView {
    let data = use_user_data();
    let text = {
        let id = id.clone();
        Signal::derive(move || data.reflections.with(|r| r.own_items.get(&id).map(|i| i.text.clone()).unwrap_or_default()))
    };
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    track_draft("the item you are changing on your checklist", move || editing.get() && draft.get() != text.get());
    let edit_button = NodeRef::<leptos::html::Button>::new();
    let edit_box = NodeRef::<leptos::html::Input>::new();
    focus_follows(editing, edit_box, edit_button);
    let edit_id = format!("edit-{id}");
    let length_id = format!("edit-{id}-length");
    let save = {
        let id = id.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let new_text = draft.get_untracked();
            if new_text.trim().is_empty() {
                data.say("An item needs some words. To take it off your checklist, use Remove.");
                return;
            }
            if new_text.trim() != text.get_untracked() {
                if !own_item_fits(data, &new_text, Some(&id)) {
                    return;
                }
                if data.change_reflections(|r, now| r.edit_own_item(&id, &new_text, now)) {
                    data.say("Saved your change.");
                }
            }
            editing.set(false);
        }
    };
    let remove = {
        let id = id.clone();
        move || {
            let removed = text.get_untracked();
            if data.change_reflections(|r, now| r.remove_own_item(&id, now)) {
                data.say(format!("Removed {} from your checklist.", quote(&removed)));
            }
        }
    };
    let controls = view! {
        <div class="own-controls">
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <button type="button" class="button" node_ref=edit_button on:click=move |_| { draft.set(text.get_untracked()); editing.set(true); }>
                        "Edit" <span class="visually-hidden">" " {move || text.get()}</span>
                    </button>
                }
            >
                <form class="add-own" on:submit=save.clone()>
                    <label class="field-label" for=edit_id.clone()>"Change the words"</label>
                    <div class="add-own__row">
                        <input id=edit_id.clone() type="text" dir="auto" node_ref=edit_box aria-describedby=length_id.clone()
                            prop:value=move || draft.get() on:input=move |e| draft.set(event_target_value(&e))
                            on:keydown=move |e| if e.key() == "Escape" { editing.set(false) } />
                        <button type="submit" class="button button--small">"Save"</button>
                        <button type="button" class="button button--small button--quiet" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </div>
                    <LengthHint id=length_id.clone() text=draft.into() />
                </form>
            </Show>
            <ConfirmButton
                label="Remove".to_string()
                question="Remove this from your checklist, with your answer and note? Past saved reflections keep it.".to_string()
                confirm="Yes, remove it".to_string()
                on_confirm=remove
            />
        </div>
    }
    .into_any();
    view! { <CheckItem id text extra=controls /> }
}

/// Answers kept for items that are neither in the guide nor the person's own (the guide dropped
/// the item, or a file brought the answer in). Shown, so nothing is stored and counted unseen,
/// and each can be removed.
#[component]
fn GoneAnswers() -> impl IntoView {
    let data = use_user_data();
    let ids = Memo::new(move |_| data.reflections.with(|r| r.answers_outside(&guide_items()).into_iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>()));
    view! {
        <Show when=move || !ids.with(Vec::is_empty)>
            <section class="check-group" aria-labelledby="gone-heading">
                <h2 id="gone-heading" tabindex="-1">"No longer in the guide"</h2>
                <p>"Your answers to these are kept, but the guide no longer has them, so new saved reflections leave them out."</p>
                <ul class="check-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <GoneAnswer id />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn GoneAnswer(id: String) -> impl IntoView {
    let data = use_user_data();
    // Its words as last saved in a reflection; without one, its name in the data is all there is.
    let text = data.history.with_untracked(|h| h.last_text_of(&id).map(str::to_string)).unwrap_or_else(|| id.clone());
    let answer = {
        let id = id.clone();
        move || data.reflections.with(|r| r.answer(&id))
    };
    let marks = {
        let answer = answer.clone();
        move || {
            let answer = answer();
            let marks = [answer.true_now.then_some("True for you now"), answer.work_on.then_some("you wanted to work on it")];
            let marks = marks.into_iter().flatten().collect::<Vec<_>>().join(", ");
            if marks.is_empty() {
                "Nothing ticked".to_string()
            } else {
                marks
            }
        }
    };
    let note = move || Some(answer().note).filter(|n| !n.is_empty()).map(|note| view! { <p class="snapshot__note">"Note: " <bdi>{note}</bdi></p> });
    let remove = {
        let text = text.clone();
        move || {
            if data.change_reflections(|r, now| r.forget_answer(&id, now)) {
                data.say(format!("Removed your answer about {}.", quote(&text)));
            }
            // Its item (and this button) is gone: carry on from the group's heading, or from the
            // next heading once the group has gone too.
            request_animation_frame(|| browser::focus("#gone-heading, #history-heading"));
        }
    };
    view! {
        <li class="check-item">
            <fieldset>
                <legend><bdi>{text}</bdi></legend>
                <p class="gone-answer__marks">{marks}</p>
                {note}
                <ConfirmButton
                    label="Remove".to_string()
                    question="Remove this answer and its note? Past saved reflections keep them.".to_string()
                    confirm="Yes, remove it".to_string()
                    on_confirm=remove
                />
            </fieldset>
        </li>
    }
}

/// How many saved reflections the list shows at first, and how many more each "Show older" adds:
/// years of daily reflections would make the page slow to open if all were drawn at once.
const REFLECTIONS_AT_A_TIME: usize = 30;

#[component]
fn History(empty: &'static str) -> impl IntoView {
    let data = use_user_data();
    let ids = Memo::new(move |_| data.history.with(|h| h.oldest_first().iter().rev().map(|(id, _)| id.to_string()).collect::<Vec<_>>()));
    let paged = Paged::new(ids, REFLECTIONS_AT_A_TIME);
    view! {
        <section class="history" id="history" aria-labelledby="history-heading">
            <h2 id="history-heading" tabindex="-1">"Your past reflections"</h2>
            <Show when=move || !ids.with(Vec::is_empty) fallback=move || view! { <p class="empty-note">{empty}</p> }>
                <HistoryChart />
                <ul class="history-list">
                    <For each=move || paged.drawn() key=|id| id.clone() let:id>
                        <SnapshotView id />
                    </For>
                </ul>
                <ShowMore paged words=|next, left| format!("Show {next} older ({left} not shown yet)") focus_id=|id| format!("{id}-summary") />
            </Show>
        </section>
    }
}

#[component]
fn HistoryChart() -> impl IntoView {
    let data = use_user_data();
    // The chart and the table's rows, read in place: years of saved reflections are not copied.
    let figures = move |offset| {
        data.history.with(|h| {
            let history: Vec<&Snapshot> = h.oldest_first().into_iter().map(|(_, s)| s).collect();
            // Newest first, as the list of saved reflections is.
            let rows: Vec<(u64, usize, usize, usize)> = history.iter().rev().map(|s| (s.saved_at, s.true_now(), s.work_on(), s.items.len())).collect();
            (history_chart(&history, offset), rows)
        })
    };
    let view_box = format!("0 0 {} {}", chart::WIDTH, chart::HEIGHT);
    view! {
        <figure class="chart">
            {move || {
                // Dates in the person's time zone now, here as in the chart (see `chart`).
                let offset = data.utc_offset_minutes.get();
                let (chart, rows) = figures(offset);
                let markers = |points: &[(i32, i32)], square: bool| points.iter().map(|(x, y)| if square {
                    view! { <rect x=x - 4 y=y - 4 width="8" height="8" class="chart__work-marker" /> }.into_any()
                } else {
                    view! { <circle cx=*x cy=*y r="4.5" class="chart__true-marker" /> }.into_any()
                }).collect_view();
                view! {
                    <svg viewBox=view_box.clone() role="img" aria-labelledby="chart-title" class="chart__svg">
                        <title id="chart-title">"How your answers changed over time. The same figures are in the table below."</title>
                        {chart.y_ticks.iter().map(|(y, value)| view! {
                            <line x1="36" x2=chart::WIDTH - 20 y1=*y y2=*y class="chart__grid" />
                            <text x="28" y=y + 5 class="chart__axis" text-anchor="end">{*value}</text>
                        }).collect_view()}
                        {chart.x_labels.iter().map(|label| view! {
                            <text x=label.x y=chart.baseline + 24 class="chart__axis chart__date" text-anchor=label.anchor.as_str()>{label.text.clone()}</text>
                        }).collect_view()}
                        <path d=chart.true_now.path.clone() class="chart__true" />
                        <path d=chart.work_on.path.clone() class="chart__work" />
                        {markers(&chart.true_now.markers, false)}
                        {markers(&chart.work_on.markers, true)}
                    </svg>
                    <figcaption class="chart__key">
                        <span class="chart__key-item"><svg width="34" height="12" aria-hidden="true"><line x1="2" x2="32" y1="6" y2="6" class="chart__true" /><circle cx="17" cy="6" r="4" class="chart__true-marker" /></svg>"True for me now (thick solid line, circles)"</span>
                        <span class="chart__key-item"><svg width="34" height="12" aria-hidden="true"><line x1="2" x2="32" y1="6" y2="6" class="chart__work" /><rect x="13" y="2" width="8" height="8" class="chart__work-marker" /></svg>"Want to work on (thin dashed line, squares)"</span>
                    </figcaption>
                    <DrawnWhenOpened class="chart__table" summary="Show these figures as a table".to_string()>
                        <table>
                            <caption class="visually-hidden">"Your past reflections"</caption>
                            <thead><tr><th scope="col">"Date"</th><th scope="col">"True for you now"</th><th scope="col">"You wanted to work on"</th><th scope="col">"Items"</th></tr></thead>
                            <tbody>
                                {rows.iter().map(|(saved_at, true_now, work_on, items)| view! {
                                    <tr>
                                        <th scope="row">{format_date_time(*saved_at, offset)}</th>
                                        <td>{*true_now}</td>
                                        <td>{*work_on}</td>
                                        <td>{*items}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </DrawnWhenOpened>
                }
            }}
        </figure>
    }
}

#[component]
fn SnapshotView(id: String) -> impl IntoView {
    let data = use_user_data();
    let Some(snapshot) = data.history.with_untracked(|h| h.snapshots.get(&id).cloned()) else { return ().into_any() };
    // With the time: two reflections saved on one day must not look (or be named) the same. In the
    // person's time zone now, like the chart, so the list never runs backwards after travel.
    let date = format_date_time(snapshot.saved_at, data.utc_offset_minutes.get_untracked());
    let summary = format!("{date}: {} true for you now, {} to work on", snapshot.true_now(), snapshot.work_on());
    let summary_id = format!("{id}-summary");
    let delete = {
        let date = date.clone();
        move || {
            if data.change_history(|h, now| h.delete(&id, now)) {
                data.say(format!("Deleted your reflection of {date}."));
            }
        }
    };
    view! {
        <li class="snapshot">
            <DrawnWhenOpened summary summary_id>
                <ul class="snapshot__items">
                    {snapshot.items.iter().map(|item| {
                        let marks = [item.answer.true_now.then_some("true for you"), item.answer.work_on.then_some("to work on")]
                            .into_iter().flatten().collect::<Vec<_>>().join(", ");
                        view! {
                            <li>
                                <bdi>{item.text.clone()}</bdi>
                                {(!marks.is_empty()).then(|| view! { <strong class="snapshot__marks">" — " {marks}</strong> })}
                                {(!item.answer.note.is_empty()).then(|| view! { <span class="snapshot__note">"Note: " <bdi>{item.answer.note.clone()}</bdi></span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <ConfirmButton
                    label=format!("Delete the reflection of {date}")
                    question=format!("Delete your reflection of {date}? This cannot be undone.")
                    confirm="Yes, delete it".to_string()
                    on_confirm=delete.clone()
                />
            </DrawnWhenOpened>
        </li>
    }
    .into_any()
}

/// What prints: today's checklist, notes and wishes, on one or two pages. Hidden on screen.
#[component]
fn PrintSummary() -> impl IntoView {
    let data = use_user_data();
    let lists = move || {
        data.reflections.with(|r| {
            let own = r.own_items();
            let items: Vec<(String, Answer)> = guide_items().iter().chain(own.iter()).map(|i| (i.text.to_string(), r.answer(i.id))).collect();
            items
        })
    };
    let list = move |title: &'static str, pick: fn(&Answer) -> bool| {
        let items: Vec<String> = lists().into_iter().filter(|(_, a)| pick(a)).map(|(text, _)| text).collect();
        view! {
            <h3>{title}</h3>
            {if items.is_empty() {
                view! { <p>"None ticked."</p> }.into_any()
            } else {
                view! { <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
            }}
        }
    };
    view! {
        <section class="print-summary">
            // One drawing of the whole summary (hidden on screen) each time the answers change.
            {move || data.ready.get().then(|| view! {
                <h2>"My reflection, " {format_date(browser::now(), data.utc_offset_minutes.get())}</h2>
                {list("True for me now", |a| a.true_now)}
                {list("I want to work on", |a| a.work_on)}
                <h3>"My notes"</h3>
                {
                    let notes: Vec<(String, Answer)> = lists().into_iter().filter(|(_, a)| !a.note.trim().is_empty()).collect();
                    if notes.is_empty() {
                        view! { <p>"No notes."</p> }.into_any()
                    } else {
                        view! { <dl>{notes.into_iter().map(|(text, a)| view! { <dt><bdi>{text}</bdi></dt> <dd dir="auto">{a.note}</dd> }).collect_view()}</dl> }.into_any()
                    }
                }
            })}
        </section>
    }
}
