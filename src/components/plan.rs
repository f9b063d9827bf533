//! The plan for hard days: its steps with the person's entries (add, change, move, remove), the
//! helplines to add in one tap, when it was last changed and looked over, printing, sharing and
//! downloading it, and the line about it on the help page.
//! Person-written text is marked `dir="auto"` or isolated in `<bdi>`, and is only ever text.

use crate::browser;
use crate::components::controls::focus_follows;
use crate::content::help::{self, help_for, place_label};
use crate::content::{paths, ContactMethod, Place, PlanStep, HELP, PLAN_STEPS};
use crate::data::plan::{dial_number, takes_texts, Direction, Entry};
use crate::data::plan_text::{phone_direction, plain_text, step_lines, urgent_lines, Line, NOTHING_YET, OTHER_ENTRIES, URGENT_HEADING};
use crate::effect::effect;
use crate::links::href;
use crate::lock::use_lock;
use crate::time::{date, days_ago, format_date};
use crate::user_data::{quote, track_draft, use_user_data, UserData};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The place the person chose (on this page or the help page), remembered on this device.
pub fn chosen_place(data: UserData) -> Signal<Option<&'static Place>> {
    Signal::derive(move || data.settings.with(|s| s.place.as_deref().and_then(help::place)))
}

/// The ids of a step's entries, in the person's order.
fn entry_ids(data: UserData, step: &'static str) -> Memo<Vec<String>> {
    Memo::new(move |_| data.plan.with(|p| p.step_entries(step).into_iter().map(|(id, _)| id.to_string()).collect()))
}

/// "27 November 2026 (today)".
fn when(data: UserData, at: u64) -> String {
    let offset = data.utc_offset_minutes.get();
    format!("{} ({})", format_date(at, offset), days_ago(at, data.now(), offset))
}

/// One step: its heading, question and examples (readable before the app starts), the person's
/// entries, and the field that adds one.
#[component]
pub fn StepSection(step: &'static PlanStep, number: usize) -> impl IntoView {
    let data = use_user_data();
    let ids = entry_ids(data, step.id);
    let heading_id = format!("step-{}-heading", step.id);
    view! {
        <section class="plan-step" id=format!("step-{}", step.id) aria-labelledby=format!("step-{}-heading", step.id)>
            <h2 id=heading_id tabindex="-1">{format!("{number}. {}", step.heading)}</h2>
            <p class="plan-step__prompt">{step.prompt}</p>
            <p class="plan-step__hint" id=format!("step-{}-hint", step.id)>"For example: " {step.hints.join(" ")}</p>
            <Show when=move || !ids.with(Vec::is_empty)>
                <ol class="plan-list">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <EntryItem id step=step.id />
                    </For>
                </ol>
            </Show>
            <AddEntry step />
            {step.helplines.then(|| view! { <Helplines step=step.id /> })}
        </section>
    }
}

/// The field (name and phone number, for a step of contacts) that adds an entry to a step.
#[component]
fn AddEntry(step: &'static PlanStep) -> impl IntoView {
    let data = use_user_data();
    let text = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    track_draft("what you are adding to your plan", move || !text.with(|t| t.trim().is_empty()) || !phone.with(|p| p.trim().is_empty()));
    let text_id = format!("add-{}", step.id);
    let phone_id = format!("add-{}-phone", step.id);
    let phone_hint_id = format!("add-{}-phone-hint", step.id);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (words, number) = (text.get_untracked(), phone.get_untracked());
        if words.trim().is_empty() {
            data.say(if number.trim().is_empty() { "Write something first, then press Add." } else { "Add a name too, then press Add." });
            return;
        }
        let id = browser::new_id("plan");
        let saved = data.change_plan(|p, now| p.add(&id, Entry::new(step.id, &words, &number, now), now));
        text.set(String::new());
        phone.set(String::new());
        if saved {
            data.say(format!("Added {} to your plan.", quote(&words)));
        }
    };
    let phone_field = step.contacts.then(|| {
        view! {
            <label class="field-label" for=phone_id.clone()>"Phone number (if you like)"</label>
            <p class="field-hint" id=phone_hint_id.clone()>"Kept as you type it. A phone number gets a Call button, and a mobile number a Text button too."</p>
            <input id=phone_id.clone() type="tel" autocomplete="off" aria-describedby=phone_hint_id.clone()
                prop:value=move || phone.get() on:input=move |e| phone.set(event_target_value(&e))
                disabled=move || !data.ready.get() />
        }
    });
    view! {
        <form class="plan-add needs-script" on:submit=add>
            <label class="field-label" for=text_id.clone()>{step.add}</label>
            <input id=text_id type="text" dir="auto" autocomplete="off" aria-describedby=format!("step-{}-hint", step.id)
                prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))
                disabled=move || !data.ready.get() />
            {phone_field}
            <button type="submit" class="button" disabled=move || !data.ready.get()>
                "Add" <span class="visually-hidden">{format!(" to “{}”", step.heading)}</span>
            </button>
        </form>
    }
}

/// How to reach a contact: buttons to call and text a phone number, the guide's own links for a
/// service from the urgent-help list, or the number as typed when it is not one.
#[component]
fn Reach(entry: Entry) -> impl IntoView {
    if let Some(service) = entry.service.as_deref().and_then(help::service) {
        return view! {
            <ul class="contact-list">
                {service.contacts.iter().map(|contact| view! { <li><a class="contact" href=contact.href()>{contact.label()}</a></li> }).collect_view()}
            </ul>
        }
        .into_any();
    }
    match dial_number(&entry.phone) {
        Some(number) => {
            // One text each: a flex box would drop the space before a separate element. What was
            // typed with the number ("(evenings)") is isolated, in case it is written right to left.
            let typed = if entry.phone.contains(char::is_alphabetic) { format!("\u{2068}{}\u{2069}", entry.phone) } else { entry.phone };
            let text =
                takes_texts(&number).then(|| view! { <li><a class="contact contact--quiet" href=format!("sms:{number}")>{format!("Text {typed}")}</a></li> });
            view! {
                <ul class="contact-list">
                    <li><a class="contact" href=format!("tel:{number}")>{format!("Call {typed}")}</a></li>
                    {text}
                </ul>
            }
            .into_any()
        }
        None if entry.phone.is_empty() => ().into_any(),
        None => {
            let dir = phone_direction(&entry.phone);
            view! { <p class="plan-entry__phone">"Phone: " <bdi dir=dir>{entry.phone}</bdi></p> }.into_any()
        }
    }
}

/// One entry: its words (and how to reach a contact), with Edit, Move up, Move down and Remove.
#[component]
fn EntryItem(id: String, step: &'static str) -> impl IntoView {
    let data = use_user_data();
    let entry = {
        let id = id.clone();
        Memo::new(move |_| data.plan.with(|p| p.get(&id).cloned()))
    };
    let place_in_step = {
        let id = id.clone();
        Memo::new(move |_| {
            data.plan.with(|p| {
                let order = p.step_entries(step);
                (order.iter().position(|(other, _)| *other == id), order.len())
            })
        })
    };
    let text = move || entry.with(|e| e.as_ref().map(|e| e.text.clone()).unwrap_or_default());
    let editing = RwSignal::new(false);
    let (words_box, edit_button) = (NodeRef::<leptos::html::Input>::new(), NodeRef::<leptos::html::Button>::new());
    focus_follows(editing, words_box, edit_button);
    let move_entry = {
        let id = id.clone();
        move |direction: Direction| {
            let mut moved = false;
            if data.change_plan(|p, now| moved = p.move_entry(&id, direction, now)) && moved {
                let (at, count) = place_in_step.get_untracked();
                let at = at.unwrap_or_default();
                data.say(format!("Moved {} to place {} of {count}.", quote(&text()), at + 1));
            }
            // The entry's buttons were taken out and put back in their new place, which loses
            // focus: keep it on the button pressed, or on the other one at the top or bottom.
            let id = id.clone();
            request_animation_frame(move || {
                let pressed = move_button_id(direction, &id);
                let exists = document().get_element_by_id(&pressed).is_some();
                browser::focus_id(&if exists { pressed } else { move_button_id(direction.opposite(), &id) });
            });
        }
    };
    // "Move up", except on the first entry, and "Move down", except on the last.
    let move_button = {
        let id = id.clone();
        move |direction: Direction| {
            let on_move = move_entry.clone();
            let dom_id = move_button_id(direction, &id);
            let label = match direction {
                Direction::Up => "Move up",
                Direction::Down => "Move down",
            };
            let shown = move || {
                let (at, count) = place_in_step.get();
                at.is_some_and(|at| match direction {
                    Direction::Up => at > 0,
                    Direction::Down => at + 1 < count,
                })
            };
            view! {
                <Show when=shown>
                    <button type="button" class="button button--small button--quiet" id=dom_id.clone() on:click={
                        let on_move = on_move.clone();
                        move |_| on_move(direction)
                    }>
                        {label} <span class="visually-hidden">" " <bdi>{text}</bdi></span>
                    </button>
                </Show>
            }
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            data.remove_plan_entry(&id);
            // Its buttons are gone: carry on from the step's heading.
            browser::focus_id(&format!("step-{step}-heading"));
        }
    };
    let is_service = move || entry.with(|e| e.as_ref().is_some_and(|e| e.service.is_some()));
    view! {
        <li class="plan-entry" id=format!("entry-{id}")>
            <Show when=move || !editing.get() fallback={
                let id = id.clone();
                move || view! { <EditEntry id=id.clone() editing words_box /> }
            }>
                <p class="plan-entry__text" dir="auto">{text}</p>
                {move || entry.get().map(|entry| view! { <Reach entry /> })}
            </Show>
            <div class="plan-entry__controls needs-script">
                <Show when=move || !editing.get() && !is_service()>
                    <button type="button" class="button button--small" node_ref=edit_button on:click=move |_| editing.set(true)>
                        "Edit" <span class="visually-hidden">" " <bdi>{text}</bdi></span>
                    </button>
                </Show>
                {move_button(Direction::Up)}
                {move_button(Direction::Down)}
                <button type="button" class="button button--small button--danger" on:click=remove.clone()>
                    "Remove" <span class="visually-hidden">" " <bdi>{text}</bdi></span>
                </button>
            </div>
        </li>
    }
}

/// The id of an entry's "Move up" or "Move down" button, for focus to go back to after a move.
fn move_button_id(direction: Direction, entry: &str) -> String {
    let word = match direction {
        Direction::Up => "up",
        Direction::Down => "down",
    };
    format!("move-{word}-{entry}")
}

/// Changing an entry's words (and phone number): saved as it is typed. An entry needs words, so
/// while the words field is empty nothing is saved, and Done says so.
#[component]
fn EditEntry(id: String, editing: RwSignal<bool>, words_box: NodeRef<leptos::html::Input>) -> impl IntoView {
    let data = use_user_data();
    let Some(entry) = data.plan.with_untracked(|p| p.get(&id).cloned()) else { return ().into_any() };
    let contacts = PLAN_STEPS.iter().any(|step| step.id == entry.step && step.contacts);
    let text = RwSignal::new(entry.text.clone());
    let phone = RwSignal::new(entry.phone.clone());
    let saved_text = {
        let id = id.clone();
        move || data.plan.with(|p| p.get(&id).map(|e| e.text.clone()).unwrap_or_default())
    };
    track_draft("the entry you are changing in your plan", move || text.get().trim() != saved_text().trim());
    let save = {
        let id = id.clone();
        move || {
            let (words, number) = (text.get_untracked(), phone.get_untracked());
            if !words.trim().is_empty() {
                data.change_plan(|p, now| p.edit(&id, &words, &number, now));
            }
        }
    };
    let done = move || {
        if text.with_untracked(|t| t.trim().is_empty()) {
            data.say("An entry needs some words. To take it out of your plan, use Remove.");
        } else {
            editing.set(false);
        }
    };
    let (text_id, phone_id) = (format!("edit-{id}"), format!("edit-{id}-phone"));
    let save_phone = save.clone();
    view! {
        <form class="plan-edit" on:submit=move |e: leptos::ev::SubmitEvent| { e.prevent_default(); done(); }>
            <label class="field-label" for=text_id.clone()>{if contacts { "Change the name" } else { "Change the words" }}</label>
            <input id=text_id type="text" dir="auto" autocomplete="off" node_ref=words_box
                prop:value=move || text.get() on:input=move |e| { text.set(event_target_value(&e)); save(); }
                on:keydown=move |e| if e.key() == "Escape" { done() } />
            {contacts.then(|| view! {
                <label class="field-label" for=phone_id.clone()>"Phone number"</label>
                <input id=phone_id.clone() type="tel" autocomplete="off"
                    prop:value=move || phone.get() on:input=move |e| { phone.set(event_target_value(&e)); save_phone(); }
                    on:keydown=move |e| if e.key() == "Escape" { done() } />
            })}
            <p class="field-hint">"Saved as you type."</p>
            <button type="submit" class="button button--small">"Done"</button>
        </form>
    }
    .into_any()
}

/// The helplines of the person's place, each added to the plan in one tap.
#[component]
fn Helplines(step: &'static str) -> impl IntoView {
    let data = use_user_data();
    let place = chosen_place(data);
    let choose = move |event: leptos::ev::Event| {
        let place = help::place(&event_target_value(&event)).map(|p| p.name.to_string());
        data.change_settings(|settings| settings.place = place);
    };
    let services = move || place.get().map(|place| help_for(place).into_iter().flat_map(|(_, services)| services).collect::<Vec<_>>());
    view! {
        <div class="helplines needs-script">
            <h3>"Add a helpline from this guide"</h3>
            <label class="field-label" for="plan-place">"Where are you?"</label>
            <p id="plan-place-hint" class="field-hint">"This shows the helplines there. It is remembered on this device, for the help page too."</p>
            <select id="plan-place" aria-describedby="plan-place-hint" disabled=move || !data.ready.get()
                prop:value=move || place.get().map_or("", |place| place.name) on:change=choose>
                <option value="">"Choose a place"</option>
                {HELP.places.iter().map(|place| view! { <option value=place.name>{place_label(place)}</option> }).collect_view()}
            </select>
            {move || match services() {
                None => view! { <p>"Choose where you are to see the helplines there."</p> }.into_any(),
                Some(services) => view! {
                    <ul class="helpline-list">
                        {services.into_iter().map(|service| {
                            let added = move || data.plan.with(|p| p.has_service(service.id));
                            let name = format!("{} ({})", service.name, service.country);
                            let add = {
                                let name = name.clone();
                                move |_| {
                                    if added() {
                                        data.say(format!("{} is already in your plan.", quote(&name)));
                                        return;
                                    }
                                    // Kept with the entry, for if the guide ever drops the service.
                                    let phone = service.contacts.iter().find(|c| c.method == ContactMethod::Call).map_or("", |c| c.address);
                                    let id = browser::new_id("plan");
                                    let from_guide = |now| Entry { service: Some(service.id.to_string()), ..Entry::new(step, &name, phone, now) };
                                    if data.change_plan(|p, now| p.add(&id, from_guide(now), now)) {
                                        data.say(format!("Added {} to your plan.", quote(&name)));
                                    }
                                }
                            };
                            view! {
                                <li class="helpline">
                                    <span class="helpline__name">{name.clone()}</span>
                                    <span class="helpline__how">{service.contacts[0].label()}</span>
                                    <button type="button" class="button button--small" aria-disabled=move || added().then_some("true") on:click=add>
                                        {move || if added() { "Added" } else { "Add" }}
                                        <span class="visually-hidden">{format!(" {name}")}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}

/// Entries under a step the guide does not have (from a file made by another version of the app):
/// shown, so nothing is kept unseen, and each can be removed.
#[component]
pub fn OtherEntries() -> impl IntoView {
    let data = use_user_data();
    let known: Vec<&'static str> = PLAN_STEPS.iter().map(|s| s.id).collect();
    let entries =
        Memo::new(move |_| data.plan.with(|p| p.entries_outside(&known).into_iter().map(|(id, e)| (id.to_string(), e.text.clone())).collect::<Vec<_>>()));
    view! {
        <Show when=move || !entries.with(Vec::is_empty)>
            <section class="plan-step" aria-labelledby="step-other-heading">
                <h2 id="step-other-heading" tabindex="-1">{OTHER_ENTRIES}</h2>
                <p>"These came from a copy of your plan made with another version of this app."</p>
                <ol class="plan-list">
                    <For each=move || entries.get() key=|(id, _)| id.clone() let:entry>
                        <li class="plan-entry">
                            <p class="plan-entry__text" dir="auto">{entry.1.clone()}</p>
                            <button type="button" class="button button--small button--danger" on:click=move |_| {
                                data.remove_plan_entry(&entry.0);
                                browser::focus_id("step-other-heading");
                            }>"Remove" <span class="visually-hidden">" " <bdi>{entry.1.clone()}</bdi></span></button>
                        </li>
                    </For>
                </ol>
            </section>
        </Show>
    }
}

/// When the plan was last changed and looked over ("Mark as reviewed"), and what can be done with
/// it: print, share or copy, download.
#[component]
pub fn PlanStatus() -> impl IntoView {
    let data = use_user_data();
    let place = chosen_place(data);
    let can_share = RwSignal::new(false);
    effect(move || can_share.set(browser::can_share()));
    let has_entries = move || data.plan.with(|p| p.count() > 0);
    let changed = move || match data.plan.with(|p| p.last_changed()) {
        Some(at) if has_entries() => format!("Last changed {}.", when(data, at)),
        _ => "Your plan is empty for now. Start with any step: nothing is required.".to_string(),
    };
    let reviewed = move || match data.plan.with(|p| p.reviewed_at) {
        Some(at) => format!("You last looked it over on {}.", when(data, at)),
        None => "Plans help most when you look at them again now and then, and after a hard time.".to_string(),
    };
    let mark_reviewed = move |_| {
        if data.change_plan(|p, now| p.mark_reviewed(now)) {
            data.say("Marked as reviewed today.");
        }
    };
    let text = move || {
        let offset = data.utc_offset_minutes.get_untracked();
        let last = data.plan.with_untracked(|p| p.last_changed().filter(|_| p.count() > 0)).map(|at| format_date(at, offset));
        data.plan.with_untracked(|p| plain_text(p, place.get_untracked(), last.as_deref()))
    };
    let share = move |_| {
        let text = text();
        spawn_local(async move {
            match browser::share_text("My plan for hard days", &text).await {
                Ok(()) => {}
                // The person closed the share sheet: nothing to say.
                Err(error) if js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError") => {}
                Err(_) => copy(data, text).await,
            }
        });
    };
    let download = move |_| {
        let (year, month, day) = date(data.now(), data.utc_offset_minutes.get_untracked());
        let name = format!("my-plan-{year}-{month:02}-{day:02}.txt");
        data.say(match browser::download(&name, &text()) {
            Ok(()) => format!("Your download should start now: the file {name}."),
            Err(_) => "Your browser did not let the app save the file.".to_string(),
        });
    };
    view! {
        <section class="plan-status needs-script" aria-label="About your plan">
            <Show when=move || data.ready.get() fallback=|| view! { <p>"Looking for your plan on this device."</p> }>
                <p>{changed}</p>
                <p>{reviewed}</p>
            </Show>
            <div class="actions">
                <Show when=has_entries>
                    <button type="button" class="button button--primary" on:click=mark_reviewed>"Mark as reviewed"</button>
                </Show>
                <button type="button" class="button" disabled=move || !data.ready.get() on:click=|_| browser::print()>"Print"</button>
                <Show when=move || can_share.get() fallback=move || view! {
                    <button type="button" class="button" disabled=move || !data.ready.get() on:click=move |_| {
                        let text = text();
                        spawn_local(copy(data, text));
                    }>"Copy as text"</button>
                }>
                    <button type="button" class="button" disabled=move || !data.ready.get() on:click=share>"Share"</button>
                </Show>
                <button type="button" class="button" disabled=move || !data.ready.get() on:click=download>"Download as text"</button>
            </div>
        </section>
    }
}

/// Puts the plan's text on the clipboard and says so.
async fn copy(data: UserData, text: String) {
    data.say(match browser::copy_text(&text).await {
        Ok(()) => "Copied your plan. You can paste it into a message or an email.",
        Err(_) => "Your browser did not let the app copy your plan. Try “Download as text” instead.",
    });
}

/// What prints: the numbers to call, then every step with its entries, on one page. Hidden on
/// screen.
#[component]
pub fn PlanPrint() -> impl IntoView {
    let data = use_user_data();
    let place = chosen_place(data);
    let steps = move || data.plan.with(step_lines);
    // What the person wrote and each number keep their own direction (`<bdi>`, a number left to
    // right), so a right-to-left name cannot reverse the number beside it.
    let list = |lines: Vec<Line>, empty: &'static str| {
        if lines.is_empty() {
            return view! { <p>{empty}</p> }.into_any();
        }
        let line = |line: Line| match line {
            Line::Guide(text) => text.into_any(),
            Line::Written { text, phone } => view! {
                <bdi>{text}</bdi>
                {(!phone.is_empty()).then(|| {
                    let dir = phone_direction(&phone);
                    view! { ": " <bdi dir=dir>{phone}</bdi> }
                })}
            }
            .into_any(),
        };
        view! { <ul>{lines.into_iter().map(|l| view! { <li>{line(l)}</li> }).collect_view()}</ul> }.into_any()
    };
    view! {
        <section class="plan-print">
            // One drawing of the whole printout (hidden on screen) each time the plan changes.
            {move || data.ready.get().then(|| view! {
                {data.plan.with(|p| p.last_changed().filter(|_| p.count() > 0)).map(|at| view! {
                    <p class="plan-print__date">"Last changed " {format_date(at, data.utc_offset_minutes.get())} "."</p>
                })}
                <div class="plan-print__urgent">
                    <h2>{URGENT_HEADING}</h2>
                    {list(urgent_lines(place.get()).into_iter().map(Line::Guide).collect(), "")}
                </div>
                <div class="plan-print__steps">
                    {steps().into_iter().map(|step| view! {
                        <div class="plan-print__step">
                            <h2>{step.heading}</h2>
                            {list(step.lines, NOTHING_YET)}
                        </div>
                    }).collect_view()}
                </div>
            })}
        </section>
    }
}

/// The steps the help page shows from the person's plan, for the worst moments: what they can do
/// alone, what takes their mind off things, and who they can ask.
const STEPS_FOR_NOW: [&str; 3] = ["on-my-own", "take-my-mind-off", "people-to-ask"];

/// On the help page, after the numbers to call: what the person wrote in the plan's steps for
/// right now, with buttons to call and text their people, or a calm line inviting them to make
/// a plan.
#[component]
pub fn PlanCallout() -> impl IntoView {
    let data = use_user_data();
    let lock = use_lock();
    // What the person wrote under each step for right now, with that step's heading.
    let for_now = move || {
        data.plan.with(|p| {
            let written = |step: &'static PlanStep| {
                let entries: Vec<Entry> = p.step_entries(step.id).into_iter().map(|(_, entry)| entry.clone()).collect();
                (!entries.is_empty()).then_some((step.heading, entries))
            };
            PLAN_STEPS.iter().filter(|step| STEPS_FOR_NOW.contains(&step.id)).filter_map(written).collect::<Vec<_>>()
        })
    };
    let entry_view = |entry: Entry| view! { <li><bdi>{entry.text.clone()}</bdi><Reach entry /></li> };
    let path = href(paths::PLAN);
    view! {
        <div class="plan-callout">
            {move || match data.ready.get() && data.plan.with(|p| p.count() > 0) {
                // Locked: whether there is a plan is itself private, so the link says only that.
                _ if lock.is_locked() => view! { <p><a class="plan-callout__link" href=path.clone()>"Your plan"</a> " (locked)"</p> }.into_any(),
                true => view! {
                    <section aria-labelledby="plan-now-heading">
                        <h2 id="plan-now-heading">"From your plan"</h2>
                        {for_now().into_iter().map(|(heading, entries)| view! {
                            <h3>{heading}</h3>
                            <ul class="plan-now__entries">{entries.into_iter().map(entry_view).collect_view()}</ul>
                        }).collect_view()}
                        <p><a class="plan-callout__link" href=path.clone()>"See your whole plan"</a></p>
                    </section>
                }
                .into_any(),
                false => view! { <p>"When things are calmer, you could " <a href=path.clone()>"make a plan for hard days"</a> "."</p> }.into_any(),
            }}
        </div>
    }
}
