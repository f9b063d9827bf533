use crate::browser;
use crate::components::text::PageHeading;
use crate::components::user::ConfirmButton;
use crate::content::{self, locate, ChecklistGroup, CHECKLIST};
use crate::data::chart::{self, history_chart};
use crate::data::time::{format_date, format_date_time};
use crate::data::{Answer, ChecklistItem, Snapshot};
use crate::links::{href, section_href};
use crate::user_data::{track_draft, use_user_data, UserData};
use leptos::prelude::*;

/// The guide's checklist items, in page order.
fn guide_items() -> Vec<ChecklistItem<'static>> {
    CHECKLIST.iter().flat_map(|g| g.items).map(|i| ChecklistItem { id: i.id, text: i.text, own: false }).collect()
}

fn save_reflection(data: UserData) {
    let offset = data.utc_offset_minutes.get_untracked();
    let id = browser::new_id("reflection");
    let snapshot = data.reflections.with_untracked(|r| r.snapshot(&guide_items(), browser::now(), offset));
    if data.change_history(|h, _| h.save(&id, snapshot)) {
        let date = format_date(browser::now(), offset);
        data.say(format!("Saved your reflection of {date}. It is under “Your past reflections”."));
    }
}

#[component]
pub fn Reflect() -> impl IntoView {
    let page = content::page("reflect");
    let data = use_user_data();
    let path = page.path.expect("reflect has a path");
    view! {
        <PageHeading page />
        <div class="reflect-screen">
            <div class="actions needs-script">
                <button type="button" class="button button--primary" disabled=move || !data.ready.get() on:click=move |_| save_reflection(data)>
                    "Save this reflection"
                </button>
                <button type="button" class="button" on:click=|_| browser::print()>"Print a summary"</button>
                <a class="actions__link" href=section_href(path, "history")>"Your past reflections"</a>
            </div>
            {CHECKLIST.iter().map(|group| view! { <GroupView group /> }).collect_view()}
            <OwnItems />
            <div class="actions needs-script">
                <button type="button" class="button button--primary" disabled=move || !data.ready.get() on:click=move |_| save_reflection(data)>
                    "Save this reflection"
                </button>
            </div>
            <History empty=page.empty.unwrap_or_default() />
        </div>
        <PrintSummary />
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
#[component]
fn CheckItem(id: String, text: Signal<String>, #[prop(optional)] extra: Option<AnyView>) -> impl IntoView {
    let data = use_user_data();
    let answer = {
        let id = id.clone();
        move || data.reflections.with(|r| r.answer(&id))
    };
    let update = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Answer)>| {
            data.change_reflections(|r, now| r.update_answer(&id, now, change));
        }
    };
    let (on_true, on_work, on_note) = (update.clone(), update.clone(), update);
    let note_id = format!("note-{id}");
    let (a1, a2, a3, a4) = (answer.clone(), answer.clone(), answer.clone(), answer);
    view! {
        <li class="check-item">
            <fieldset>
                <legend>{move || text.get()}</legend>
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
                    <textarea id=note_id class="note" rows="2" prop:value=move || a4().note disabled=move || !data.ready.get()
                        on:input=move |e| { let note = event_target_value(&e); on_note(Box::new(move |a| a.note = note)) }></textarea>
                </details>
                {extra}
            </fieldset>
        </li>
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
        let id = browser::new_id("own");
        let saved = data.change_reflections(|r, now| r.add_own_item(&id, &text, now));
        new_text.set(String::new());
        if saved {
            data.say(format!("Added “{}” to your checklist.", text.trim()));
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
                    <input id="new-own-item" type="text" maxlength="300" autocomplete="off"
                        prop:value=move || new_text.get() on:input=move |e| new_text.set(event_target_value(&e))
                        disabled=move || !data.ready.get() />
                    <button type="submit" class="button" disabled=move || !data.ready.get()>"Add"</button>
                </div>
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
    let edit_id = format!("edit-{id}");
    let save = {
        let id = id.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let new_text = draft.get_untracked();
            if !new_text.trim().is_empty() {
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
                data.say(format!("Removed “{removed}” from your checklist."));
            }
        }
    };
    let controls = view! {
        <div class="own-controls">
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <button type="button" class="button" on:click=move |_| { draft.set(text.get_untracked()); editing.set(true); }>
                        "Edit" <span class="visually-hidden">" " {move || text.get()}</span>
                    </button>
                }
            >
                <form class="add-own" on:submit=save.clone()>
                    <label class="field-label" for=edit_id.clone()>"Change the words"</label>
                    <div class="add-own__row">
                        <input id=edit_id.clone() type="text" maxlength="300" prop:value=move || draft.get() on:input=move |e| draft.set(event_target_value(&e)) />
                        <button type="submit" class="button button--small">"Save"</button>
                        <button type="button" class="button button--small button--quiet" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </div>
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

#[component]
fn History(empty: &'static str) -> impl IntoView {
    let data = use_user_data();
    let ids = Memo::new(move |_| data.history.with(|h| h.oldest_first().iter().rev().map(|(id, _)| id.to_string()).collect::<Vec<_>>()));
    view! {
        <section class="history" id="history" aria-labelledby="history-heading">
            <h2 id="history-heading">"Your past reflections"</h2>
            <Show when=move || !ids.with(Vec::is_empty) fallback=move || view! { <p class="empty-note">{empty}</p> }>
                <HistoryChart />
                <ul class="history-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <SnapshotView id />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn HistoryChart() -> impl IntoView {
    let data = use_user_data();
    let history = move || data.history.with(|h| h.oldest_first().into_iter().map(|(_, s)| s.clone()).collect::<Vec<Snapshot>>());
    let view_box = format!("0 0 {} {}", chart::WIDTH, chart::HEIGHT);
    view! {
        <figure class="chart">
            {move || {
                let history = history();
                let chart = history_chart(&history.iter().collect::<Vec<_>>());
                let markers = |points: &[(f32, f32)], square: bool| points.iter().map(|(x, y)| if square {
                    view! { <rect x=x - 4.0 y=y - 4.0 width="8" height="8" class="chart__work-marker" /> }.into_any()
                } else {
                    view! { <circle cx=*x cy=*y r="4.5" class="chart__true-marker" /> }.into_any()
                }).collect_view();
                view! {
                    <svg viewBox=view_box.clone() role="img" aria-labelledby="chart-title" class="chart__svg">
                        <title id="chart-title">"How your answers changed over time. The same figures are in the table below."</title>
                        {chart.y_ticks.iter().map(|(y, value)| view! {
                            <line x1="36" x2=chart::WIDTH - 20.0 y1=*y y2=*y class="chart__grid" />
                            <text x="28" y=y + 5.0 class="chart__axis" text-anchor="end">{*value}</text>
                        }).collect_view()}
                        {chart.x_labels.iter().enumerate().map(|(i, (x, label))| {
                            // The first and last dates line up with the chart's edges, so they are not cut off.
                            let anchor = match i {
                                0 if chart.x_labels.len() > 1 => "start",
                                i if i + 1 == chart.x_labels.len() && i > 0 => "end",
                                _ => "middle",
                            };
                            view! { <text x=*x y=chart.baseline + 24.0 class="chart__axis" text-anchor=anchor>{label.clone()}</text> }
                        }).collect_view()}
                        <path d=chart.true_now.path.clone() class="chart__true" />
                        <path d=chart.work_on.path.clone() class="chart__work" />
                        {markers(&chart.true_now.points, false)}
                        {markers(&chart.work_on.points, true)}
                    </svg>
                    <figcaption class="chart__key">
                        <span class="chart__key-item"><svg width="34" height="12" aria-hidden="true"><line x1="2" x2="32" y1="6" y2="6" class="chart__true" /><circle cx="17" cy="6" r="4" class="chart__true-marker" /></svg>"True for me now (solid line, circles)"</span>
                        <span class="chart__key-item"><svg width="34" height="12" aria-hidden="true"><line x1="2" x2="32" y1="6" y2="6" class="chart__work" /><rect x="13" y="2" width="8" height="8" class="chart__work-marker" /></svg>"Want to work on (dashed line, squares)"</span>
                    </figcaption>
                    <details class="chart__table">
                        <summary>"Show these figures as a table"</summary>
                        <table>
                            <caption class="visually-hidden">"Your past reflections"</caption>
                            <thead><tr><th scope="col">"Date"</th><th scope="col">"True for you now"</th><th scope="col">"You wanted to work on"</th><th scope="col">"Items"</th></tr></thead>
                            <tbody>
                                {history.iter().map(|s| view! {
                                    <tr>
                                        <th scope="row">{format_date_time(s.saved_at, s.utc_offset_minutes)}</th>
                                        <td>{s.true_now()}</td>
                                        <td>{s.work_on()}</td>
                                        <td>{s.items.len()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </details>
                }
            }}
        </figure>
    }
}

#[component]
fn SnapshotView(id: String) -> impl IntoView {
    let data = use_user_data();
    let Some(snapshot) = data.history.with_untracked(|h| h.snapshots.get(&id).cloned()) else { return ().into_any() };
    // With the time: two reflections saved on one day must not look (or be named) the same.
    let date = format_date_time(snapshot.saved_at, snapshot.utc_offset_minutes);
    let summary = format!("{date}: {} true for you now, {} to work on", snapshot.true_now(), snapshot.work_on());
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
            <details>
                <summary>{summary}</summary>
                <ul class="snapshot__items">
                    {snapshot.items.iter().map(|item| {
                        let marks = [item.answer.true_now.then_some("true for you"), item.answer.work_on.then_some("to work on")]
                            .into_iter().flatten().collect::<Vec<_>>().join(", ");
                        view! {
                            <li>
                                {item.text.clone()}
                                {(!marks.is_empty()).then(|| view! { <strong class="snapshot__marks">" — " {marks}</strong> })}
                                {(!item.answer.note.is_empty()).then(|| view! { <span class="snapshot__note">"Note: " {item.answer.note.clone()}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <ConfirmButton
                    label=format!("Delete the reflection of {date}")
                    question=format!("Delete your reflection of {date}? This cannot be undone.")
                    confirm="Yes, delete it".to_string()
                    on_confirm=delete
                />
            </details>
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
            <Show when=move || data.ready.get()>
                <h2>"My reflection, " {move || format_date(browser::now(), data.utc_offset_minutes.get())}</h2>
                {move || list("True for me now", |a| a.true_now)}
                {move || list("I want to work on", |a| a.work_on)}
                <h3>"My notes"</h3>
                <dl>
                    {move || lists().into_iter().filter(|(_, a)| !a.note.is_empty()).map(|(text, a)| view! {
                        <dt>{text}</dt>
                        <dd>{a.note}</dd>
                    }).collect_view()}
                </dl>
            </Show>
        </section>
    }
}
