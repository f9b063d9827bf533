//! The passphrase lock's screens: the locked screen that stands in for personal pages, the
//! settings on "Your data", and the "Lock" button in the header.

use crate::components::controls::{ConfirmButton, DownloadButton};
use crate::effect::effect;
use crate::lock::use_lock;
use crate::storage::sealed::{AutoLock, PASSPHRASE_RULE};
use crate::storage::vault::Mode;
use crate::time::format_date_time;
use crate::user_data::use_user_data;
use leptos::html::Input;
use leptos::prelude::*;

/// The value typed into a passphrase field.
fn typed(field: NodeRef<Input>) -> String {
    field.get_untracked().map(|input| input.value()).unwrap_or_default()
}

fn empty(fields: &[NodeRef<Input>]) {
    fields.iter().filter_map(|f| f.get_untracked()).for_each(|input| input.set_value(""));
}

/// The value typed into a passphrase field, which is then emptied: a passphrase is never kept on
/// the page longer than it takes to use it.
fn take(field: NodeRef<Input>) -> String {
    let value = typed(field);
    empty(&[field]);
    value
}

/// A labelled passphrase field, with an optional hint tied to it. When the last try of its
/// `form` was refused because of it, it is marked invalid, tied to the reason, and focused.
#[component]
fn PassphraseField(
    form: &'static str,
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    field: NodeRef<Input>,
    #[prop(optional)] hint: Option<&'static str>,
    shown: RwSignal<bool>,
) -> impl IntoView {
    let lock = use_lock();
    let invalid = move || lock.field.get() == Some(id) && lock.message.with(Option::is_some);
    effect(move || {
        if invalid() {
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
            }
        }
    });
    let described_by = move || {
        let ids: Vec<String> = hint.map(|_| format!("{id}-hint")).into_iter().chain(invalid().then(|| format!("{form}-error"))).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <label class="field-label" for=id>{label}</label>
        {hint.map(|hint| view! { <p class="field-hint field-hint--above" id=format!("{id}-hint")>{hint}</p> })}
        <input
            id=id
            class="passphrase"
            type=move || if shown.get() { "text" } else { "password" }
            autocomplete=autocomplete
            spellcheck="false"
            autocapitalize="off"
            aria-invalid=move || invalid().then_some("true")
            aria-describedby=described_by
            node_ref=field
        />
    }
}

/// "Show what I type", for people who find typing blind hard (and on a shared device can check
/// no one is looking).
#[component]
fn ShowPassphrase(id: &'static str, shown: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check show-passphrase" for=id>
            <input id=id type="checkbox" prop:checked=move || shown.get() on:change=move |_| shown.update(|s| *s = !*s) />
            "Show what I type"
        </label>
    }
}

/// What the last try of this form came to, or that it is working.
#[component]
fn LockMessage(form: &'static str) -> impl IntoView {
    let lock = use_lock();
    let here = move || lock.form.get() == Some(form);
    view! {
        <p class="lock-working" role="status">{move || (here() && lock.working.get()).then_some("Checking… this takes a second or two.")}</p>
        {move || lock.message.get().filter(|_| here()).map(|message| view! { <p class="error" role="alert" id=format!("{form}-error")>{message}</p> })}
    }
}

/// Stands in for a page of personal data while it is locked.
#[component]
pub fn LockedScreen() -> impl IntoView {
    let lock = use_lock();
    let data = use_user_data();
    let field = NodeRef::<Input>::new();
    let shown = RwSignal::new(false);
    // Straight to the passphrase: this screen is here for nothing else.
    effect(move || {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    let unlock = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        lock.form.set(Some("unlock"));
        lock.unlock(take(field));
    };
    view! {
        <section class="panel locked" aria-labelledby="locked-heading">
            <h2 id="locked-heading">"Locked"</h2>
            <p>"Your bookmarks, notes, reflections and plan are locked with your passphrase. The guide, search and urgent help work as normal."</p>
            {move || lock.record_missing.get().then(|| view! {
                <p class="lock-warning">
                    <strong>"Part of the lock is missing from this browser’s storage."</strong>
                    " Someone else may have removed it. Your data is still encrypted and nothing has been written without it. Your passphrase still opens it, and unlocking puts the missing part back."
                </p>
            })}
            <form class="lock-form" on:submit=unlock>
                <PassphraseField form="unlock" id="unlock-passphrase" label="Passphrase" autocomplete="current-password" field shown />
                <ShowPassphrase id="unlock-show" shown />
                <button type="submit" class="button button--primary" disabled=move || lock.working.get()>"Unlock"</button>
                <LockMessage form="unlock" />
            </form>
            <details class="forgotten">
                <summary>"Forgotten your passphrase?"</summary>
                <p>"It cannot be recovered. No one can open your data without it, not even this app. You can delete everything this app saved on this device and start again. If you downloaded a copy that was not locked, you can bring it back afterwards."</p>
                <ConfirmButton
                    label="Delete everything and start again".to_string()
                    question="Delete all your locked bookmarks, notes, reflections and plan from this device, and turn the lock off? This cannot be undone.".to_string()
                    confirm="Yes, delete everything".to_string()
                    on_confirm=move || {
                        let deleted = lock.delete_everything();
                        data.say(if deleted { "Everything has been deleted from this device, and the lock is off." } else { "Some of your data could not be deleted. Please try again." });
                    }
                />
            </details>
        </section>
    }
}

/// Shows `children` unless the person's data is locked, when the locked screen stands in.
#[component]
pub fn UnlessLocked(children: ChildrenFn) -> impl IntoView {
    let lock = use_lock();
    view! {
        <Show when=move || !lock.is_locked() fallback=|| view! { <LockedScreen /> }>
            {children()}
        </Show>
    }
}

/// Setting the lock up, and, once it is on, locking, the auto-lock time, changing the passphrase
/// and turning it off.
#[component]
pub fn LockSettings() -> impl IntoView {
    let lock = use_lock();
    view! {
        <section aria-labelledby="lock-heading" class="panel needs-script">
            <h2 id="lock-heading">"Lock with a passphrase"</h2>
            <Show when=move || lock.mode.get() == Mode::Open fallback=move || view! { <TurnOn /> }>
                <p>"The lock is on. Your bookmarks, notes, reflections and plan are stored encrypted on this device. This tab has them open until it locks."</p>
                <button type="button" class="button button--primary" on:click=move |_| lock.lock_now()>"Lock now"</button>
                <label class="field-label" for="auto-lock">"Lock by itself when the app is not used"</label>
                <select id="auto-lock" class="select" on:change=move |event| {
                    if let Some(choice) = AutoLock::from_value(&event_target_value(&event)) {
                        lock.set_auto_lock(choice);
                    }
                }>
                    {AutoLock::ALL.into_iter().map(|choice| view! {
                        <option value=choice.value() selected=move || lock.auto_lock.get() == choice>{choice.label()}</option>
                    }).collect_view()}
                </select>
                <ChangePassphrase />
                <TurnOff />
            </Show>
        </section>
    }
}

#[component]
fn TurnOn() -> impl IntoView {
    let lock = use_lock();
    let data = use_user_data();
    let first = NodeRef::<Input>::new();
    let again = NodeRef::<Input>::new();
    let shown = RwSignal::new(false);
    let turn_on = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        lock.form.set(Some("turn-on"));
        // Refused: what was typed first stays, to be changed or typed again below it.
        let accepted = lock.turn_on(typed(first), &take(again));
        if accepted {
            empty(&[first]);
        }
    };
    view! {
        <p>"If other people use this device, you can lock your bookmarks, notes, reflections and plan with a passphrase. They are then stored encrypted: only your passphrase opens them. The guide and urgent help never need it."</p>
        <p class="lock-warning">
            <strong>"If you forget your passphrase, your data cannot be recovered."</strong>
            " No one can open it without the passphrase, not even this app. Download a copy first and keep it somewhere safe."
        </p>
        <p>"On a device other people use, do not let the browser save this passphrase: if it offers, choose “Never” or “Not now”. A saved passphrase would open your data for anyone using this browser."</p>
        <form class="lock-form" on:submit=turn_on>
            <PassphraseField form="turn-on" id="new-passphrase" label="Choose a passphrase" autocomplete="new-password" field=first shown
                hint=PASSPHRASE_RULE />
            <PassphraseField form="turn-on" id="new-passphrase-again" label="Type it again" autocomplete="new-password" field=again shown />
            <ShowPassphrase id="new-passphrase-show" shown />
            <button type="submit" class="button button--primary" disabled=move || lock.working.get() || !data.ready.get()>"Turn on the lock"</button>
            <LockMessage form="turn-on" />
        </form>
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let lock = use_lock();
    let current = NodeRef::<Input>::new();
    let first = NodeRef::<Input>::new();
    let again = NodeRef::<Input>::new();
    let shown = RwSignal::new(false);
    let change = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        lock.form.set(Some("change"));
        if lock.change_passphrase(take(current), typed(first), &take(again)) {
            empty(&[first]);
        }
    };
    view! {
        <details class="lock-details">
            <summary>"Change the passphrase"</summary>
            <form class="lock-form" on:submit=change>
                <PassphraseField form="change" id="current-passphrase" label="Your passphrase now" autocomplete="current-password" field=current shown />
                <PassphraseField form="change" id="changed-passphrase" label="New passphrase" autocomplete="new-password" field=first shown hint=PASSPHRASE_RULE />
                <PassphraseField form="change" id="changed-passphrase-again" label="Type the new one again" autocomplete="new-password" field=again shown />
                <ShowPassphrase id="changed-passphrase-show" shown />
                <button type="submit" class="button" disabled=move || lock.working.get()>"Change the passphrase"</button>
                <LockMessage form="change" />
            </form>
        </details>
    }
}

#[component]
fn TurnOff() -> impl IntoView {
    let lock = use_lock();
    let current = NodeRef::<Input>::new();
    let shown = RwSignal::new(false);
    let turn_off = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        lock.form.set(Some("turn-off"));
        lock.turn_off(take(current));
    };
    view! {
        <details class="lock-details">
            <summary>"Turn the lock off"</summary>
            <p>"Your data will be stored on this device without encryption again, as before."</p>
            <form class="lock-form" on:submit=turn_off>
                <PassphraseField form="turn-off" id="off-passphrase" label="Your passphrase" autocomplete="current-password" field=current shown />
                <ShowPassphrase id="off-passphrase-show" shown />
                <button type="submit" class="button" disabled=move || lock.working.get()>"Turn the lock off"</button>
                <LockMessage form="turn-off" />
            </form>
        </details>
    }
}

/// "Lock" in the header, while the lock is on and open.
#[component]
pub fn LockButton() -> impl IntoView {
    let lock = use_lock();
    view! {
        {move || (lock.mode.get() == Mode::Open).then(|| view! {
            <button type="button" class="button button--small lock-now" on:click=move |_| lock.lock_now()>"Lock"</button>
        })}
    }
}

/// On "Your data": what unlocking set aside because this app did not seal it there last (someone
/// may have put it there while the lock was on), to look at, download or remove.
#[component]
pub fn FoundWhileLocked() -> impl IntoView {
    let data = use_user_data();
    view! {
        {move || (data.set_aside.with(|found| !found.is_empty())).then(|| view! {
            <section aria-labelledby="found-heading" class="panel">
                <h2 id="found-heading">"Found while locked"</h2>
                <p>"While the lock was on, something in this browser’s storage was changed, and this app did not make the change. It has not been used as your data. It is kept here, locked like the rest, so you can look at it, download it or remove it."</p>
                <ul class="backup-list">
                    {data.set_aside.get().into_iter().enumerate().map(|(i, (key, found))| {
                        let when = format_date_time(found.found_at, data.utc_offset_minutes.get_untracked());
                        let name = format!("recovery-guide-found-{}.txt", i + 1);
                        let text = found.text.clone();
                        view! {
                            <li>
                                <p>{format!("In {}, found {when}: {}.", found.place(), found.why)}</p>
                                <details class="found-text">
                                    <summary>"Look at what was found"</summary>
                                    <pre>{found.text}</pre>
                                </details>
                                <DownloadButton label="Download it".to_string() file_name=name contents=move || Some(text.clone()) />
                                <ConfirmButton
                                    label="Remove it".to_string()
                                    question="Remove what was found from this device? This cannot be undone.".to_string()
                                    confirm="Yes, remove it".to_string()
                                    on_confirm=move || data.say(if data.remove_unreadable(&key) { "Removed." } else { "It could not be removed. Please try again." })
                                />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
