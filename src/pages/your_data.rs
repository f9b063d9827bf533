use crate::browser;
use crate::components::controls::{ConfirmButton, DownloadButton};
use crate::components::lock_screens::{FoundWhileLocked, LockSettings, UnlessLocked};
use crate::components::notices::{download_copy, download_copy_of};
use crate::components::prose::Sections;
use crate::components::text::PageHeading;
use crate::content::{self, PageId, PLAN_STEPS};
use crate::data::transfer::{parse_import, preview, removed_here, Changes, ExportFile, ImportError, ImportMode, RemovedHere, StoreChanges, MAX_IMPORT_BYTES};
use crate::effect::effect;
use crate::lock::{open_file, use_lock};
use crate::quick_exit;
use crate::storage::sealed::Sealed;
use crate::storage::vault::Mode;
use crate::storage::{Notice, LOCAL_STORAGE_LIMIT, PREFIX};
use crate::time::{days_ago, format_date};
use crate::user_data::{self, track_draft, use_user_data};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// After bringing in a file, when some of it could not be saved on this device.
const NOT_ALL_SAVED: &str = "The file's data is on screen, but not all of it could be saved on this device: see the message above. Keep the file.";

/// "1 bookmark", "2 bookmarks": the word for one, and for more.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "2 bookmarks added, 1 changed", or None when nothing would change.
fn describe(what: &str, changes: Changes) -> Option<String> {
    let parts: Vec<String> = [(changes.added, "added"), (changes.changed, "changed"), (changes.removed, "removed")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, verb)| format!("{n} {verb}"))
        .collect();
    (!parts.is_empty()).then(|| format!("{what}: {}", parts.join(", ")))
}

fn describe_all(changes: StoreChanges, removed_here: RemovedHere) -> Vec<String> {
    if changes.is_empty() && removed_here.is_empty() {
        return vec!["Nothing would change: this device already has everything in the file.".into()];
    }
    if changes.is_empty() {
        return vec!["Nothing new would be added.".into()];
    }
    // The plan's steps in the page's order; a step the guide does not have, by its id.
    let step_name = |id: &str| PLAN_STEPS.iter().find(|s| s.id == id).map_or(id.to_string(), |s| s.heading.to_string());
    let step_order = |id: &str| PLAN_STEPS.iter().position(|s| s.id == id).unwrap_or(usize::MAX);
    let mut plan = changes.plan.clone();
    crate::sort::sort_by_key(&mut plan, |(step, _)| step_order(step));
    [
        describe("Bookmarks", changes.bookmarks),
        describe("Checklist answers and your own items", changes.checklist),
        describe("Saved reflections", changes.snapshots),
    ]
    .into_iter()
    .flatten()
    .chain(plan.into_iter().filter_map(|(step, changes)| describe(&format!("Your plan, “{}”", step_name(&step)), changes)))
    .collect()
}

/// "1 bookmark and 2 saved reflections", for what this device removed after a file was made.
fn list_removed(removed: RemovedHere) -> String {
    let parts: Vec<String> = [
        (removed.bookmarks, "bookmark", "bookmarks"),
        (removed.own_items, "item of your own", "items of your own"),
        (removed.snapshots, "saved reflection", "saved reflections"),
        (removed.plan_entries, "entry in your plan", "entries in your plan"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| count(n, one, many))
    .collect();
    parts.join(" and ")
}

/// What the preview says about entries a file lists twice (only the later of each is used).
fn repeated_note(repeated: usize) -> Option<String> {
    (repeated > 0).then(|| format!("The file repeats {}. For each item, only the latest version is used.", count(repeated, "entry", "entries")))
}

#[component]
pub fn YourData() -> impl IntoView {
    let page = content::page(PageId::YourData);
    let data = use_user_data();
    let lock = use_lock();
    let storage_state = move || {
        if data.notices.with(|n| n.contains(&Notice::StorageRefused)) {
            "Your browser is not letting this app save anything, so your data will be gone when you close this page. Download a copy to keep it."
        } else if data.has_unsaved_changes() {
            "Some of your latest changes could not be saved on this device. What was saved before is safe. Download a copy to keep everything."
        } else {
            "Your bookmarks, reflections and plan are saved in this browser, on this device only."
        }
    };
    view! {
        <PageHeading page />
        <UnlessLocked>
            <p class="storage-state">{storage_state}</p>
            <WhereItIsKept />

            <Export />

            <Import />
            <LockSettings />
            <FoundWhileLocked />

            {move || data.backups.with(|b| !b.is_empty()).then(|| view! {
                <section aria-labelledby="backups-heading" class="panel">
                    <h2 id="backups-heading">"Saved data that could not be read"</h2>
                    <p>"The app found saved data it could not read, and kept a copy of it exactly as it was. You can download it, for example to ask someone for help with it."</p>
                    <ul class="backup-list">
                        {data.backups.get().into_iter().enumerate().map(|(i, backup)| {
                            let name = format!("recovery-guide-unreadable-{}.txt", i + 1);
                            view! {
                                <li>
                                    <DownloadButton label=format!("Download unreadable copy {}", i + 1) file_name=name contents=move || Some(backup.raw.clone()) />
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })}

            {move || data.stuck.with(|s| !s.is_empty()).then(|| view! {
                <section aria-labelledby="stuck-heading" class="panel">
                    <h2 id="stuck-heading">"Saved data that could not be read or copied"</h2>
                    <p>"The app found saved data it could not read, and there was no room to keep a copy of it. Until it is removed, new changes to it cannot be saved. Download it first if you may want it, for example to ask someone for help with it."</p>
                    <ul class="backup-list">
                        {data.stuck.get().into_iter().filter_map(|notice| {
                            let Notice::Unreadable { store, key, .. } = notice else { return None };
                            let file_name = format!("recovery-guide-unreadable-{}.txt", key.trim_start_matches(PREFIX));
                            let download_key = key.clone();
                            Some(view! {
                                <li>
                                    <DownloadButton label=format!("Download the unreadable {store}") file_name contents=move || data.stored_text(&download_key) />
                                    <ConfirmButton
                                        label=format!("Remove the unreadable {store}")
                                        question=format!("Remove the unreadable {store} from this device? This cannot be undone.")
                                        confirm="Yes, remove it".to_string()
                                        on_confirm=move || data.say(if data.remove_unreadable(&key) {
                                            "Removed. New changes will be saved again."
                                        } else {
                                            "It could not be removed. Please try again."
                                        })
                                    />
                                </li>
                            })
                        }).collect_view()}
                    </ul>
                </section>
            })}

            <section aria-labelledby="delete-heading" class="panel">
                <h2 id="delete-heading">"Delete all my data"</h2>
                <p>"This removes all your bookmarks, notes, checklist answers, saved reflections and your plan from this device."</p>
                <ConfirmButton
                    label="Delete all my data".to_string()
                    question="Delete everything you have saved in this app on this device? This cannot be undone. You may want to download a copy first.".to_string()
                    confirm="Yes, delete everything".to_string()
                    on_confirm=move || {
                        if lock.delete_everything() {
                            data.say("All your data has been deleted from this device.");
                        } else {
                            data.say("Some of your data could not be deleted: what is still on this device is shown on this page. Please try again.");
                        }
                    }
                />
            </section>
        </UnlessLocked>
    }
}

/// One file with everything; with the lock on, sealed with the passphrase unless the person
/// chooses otherwise.
#[component]
fn Export() -> impl IntoView {
    let data = use_user_data();
    let lock = use_lock();
    let sealed = RwSignal::new(true);
    let lock_open = move || lock.mode.get() == Mode::Open;
    let download = move |_| {
        if lock_open() && sealed.get_untracked() {
            spawn_local(async move {
                match lock.sealed_export().await {
                    Some(file) => download_copy_of(data, &file, "-locked"),
                    None => data.say("The file could not be locked, so nothing was downloaded. Please try again."),
                }
            });
        } else {
            download_copy(data);
        }
    };
    view! {
        <section aria-labelledby="export-heading" class="panel">
            <h2 id="export-heading">"Download a copy"</h2>
            <p>"One file with all your bookmarks, notes, checklist answers, saved reflections and your plan. Keep it somewhere safe, or use it to move your data to another device."</p>
            {move || lock_open().then(|| view! {
                <fieldset class="choice">
                    <legend>"The file"</legend>
                    <label class="choice__option">
                        <input type="radio" name="export-kind" prop:checked=move || sealed.get() on:change=move |_| sealed.set(true) />
                        "Locked with my passphrase"
                    </label>
                    <label class="choice__option">
                        <input type="radio" name="export-kind" prop:checked=move || !sealed.get() on:change=move |_| sealed.set(false) />
                        "Not locked: anyone who has the file can read it"
                    </label>
                </fieldset>
            })}
            <button type="button" class="button button--primary needs-script" disabled=move || !data.ready.get() on:click=download>"Download my data"</button>
        </section>

        // Leaving quickly, and what that cannot hide: the About page's own section (about.md).
        <Sections sections=content::about_section(quick_exit::ABOUT_SECTION) page=PageId::About />
    }
}

/// What this browser does with the data: whether it agreed to keep it, how much room it takes,
/// when a copy was last downloaded, and how to keep it from being cleared.
#[component]
fn WhereItIsKept() -> impl IntoView {
    let data = use_user_data();
    // Device facts, read after the app starts (never while rendering).
    let kept_now = RwSignal::new(None::<bool>);
    // `None` until the browser has answered; `Some(None)` if it cannot say.
    let whole_site = RwSignal::new(None::<Option<(f64, f64)>>);
    let apple = RwSignal::new(false);
    let install_offer = RwSignal::new_local(None::<wasm_bindgen::JsValue>);
    effect(move || {
        // Read again after each save: the first save is when the browser is asked.
        data.safekeeping.track();
        data.bookmarks.track();
        data.reflections.track();
        data.history.track();
        data.plan.track();
        spawn_local(async move {
            kept_now.set(user_data::data_is_kept().await);
            whole_site.set(Some(user_data::site_usage().await));
        });
    });
    effect(move || {
        apple.set(browser::is_apple_webkit());
        install_offer.set(browser::install_offer());
        let offered = window_event_listener_untyped(browser::INSTALL_OFFERED_EVENT, move |_| install_offer.set(browser::install_offer()));
        on_cleanup(move || offered.remove());
    });
    let kept = move || match (kept_now.get(), data.safekeeping.with(|s| s.keep_asked_at.is_some())) {
        (Some(true), _) => "Your browser has agreed to keep this app’s data: it will not clear it to make room.",
        (_, true) => "Your browser has not promised to keep this app’s data. It may clear it if the device runs low on space, so download a copy now and then.",
        (_, false) => "When you first save something, the app asks your browser to keep your data safe rather than clear it to make room.",
    };
    let used = move || {
        // Read again whenever the data changes.
        data.bookmarks.track();
        data.reflections.track();
        data.history.track();
        data.plan.track();
        let units = data.storage_used();
        let share = match units * 100 / LOCAL_STORAGE_LIMIT {
            0 => "less than 1%".to_string(),
            percent => format!("about {percent}%"),
        };
        format!("Your data takes up {} KB: {share} of the room (about 5 MB) this browser gives each website for it.", units.div_ceil(1024))
    };
    let site = move || {
        let Some(answer) = whole_site.get() else {
            return Some("Checking how much room the offline copy of the guide takes.".to_string());
        };
        // Whole numbers: formatting floats would add their machinery to the wasm.
        answer.map(|(usage, quota)| {
            let tenths = |bytes: f64, unit: f64| {
                let tenths = (bytes / unit * 10.0).round() as u64;
                format!("{}.{}", tenths / 10, tenths % 10)
            };
            format!(
                // Browsers leave localStorage out of this figure, so it is the offline copy's, and
                // is said to be apart from the figure above (issue 28: "3,143 KB" beside "0.0 MB").
                "The offline copy of the guide takes up {} MB more, kept apart from your data (this browser would let the site use up to {} GB).",
                tenths(usage, 1e6),
                tenths(quota, 1e9)
            )
        })
    };
    let downloaded = move || match data.safekeeping.with(|s| s.downloaded_at) {
        None => "You have not downloaded a copy yet.".to_string(),
        Some(at) => format!("Last downloaded {}.", days_ago(at, data.now(), data.utc_offset_minutes.get())),
    };
    view! {
        <section aria-labelledby="kept-heading" class="panel needs-script">
            <h2 id="kept-heading">"Where your data is kept"</h2>
            // Until the app has read the device, the same lines say what is being checked, so the
            // page below does not move down when the answers arrive.
            <Show when=move || data.ready.get() fallback=|| view! {
                <ul class="kept-facts">
                    <li>"Checking whether your browser has agreed to keep this app’s data, rather than clear it to make room."</li>
                    <li>"Checking how much of the room (about 5 MB) this browser gives each website your data takes up."</li>
                    <li>"Checking how much room the offline copy of the guide takes."</li>
                    <li>"Checking when you last downloaded a copy."</li>
                </ul>
            }>
                <ul class="kept-facts">
                    <li>{kept}</li>
                    <li>{used}</li>
                    {move || site().map(|text| view! { <li>{text}</li> })}
                    <li>{downloaded}</li>
                    {move || apple.get().then(|| view! {
                        <li>"On an iPhone or iPad, and in Safari, the browser clears what a website keeps after 7 days of use without a visit to it. To stop that, add this app to your Home Screen: tap Share, then “Add to Home Screen”."</li>
                    })}
                </ul>
                {move || install_offer.with(Option::is_some).then(|| view! {
                    <p>
                        "Installing the app keeps it on your device, and helps your browser keep your data. "
                        <button type="button" class="button" on:click=move |_| {
                            if let Some(offer) = install_offer.get_untracked() {
                                browser::accept_install_offer(&offer);
                                install_offer.set(None);
                            }
                        }>"Install the app"</button>
                    </p>
                })}
            </Show>
        </section>
    }
}

/// What the person is told once a file is brought back: never "combined" when the preview said
/// nothing would change.
fn imported(mode: ImportMode, changes_anything: bool, saved: bool) -> &'static str {
    match (mode, changes_anything, saved) {
        (_, _, false) => NOT_ALL_SAVED,
        (_, false, true) => "Nothing changed: this device already had everything in the file.",
        (ImportMode::Merge, true, true) => "Done. The file's data has been combined with yours.",
        (ImportMode::Replace, true, true) => "Done. Your data has been replaced with the file's.",
    }
}

#[component]
fn Import() -> impl IntoView {
    let data = use_user_data();
    let chosen: RwSignal<Option<Result<ExportFile, ImportError>>> = RwSignal::new(None);
    // A file sealed with a passphrase, waiting for it (with the file's size).
    let sealed_file: RwSignal<Option<(Sealed, u64)>> = RwSignal::new(None);
    // The file being brought back was locked; once it is, with the lock off here, the person is
    // offered the lock.
    let was_locked = RwSignal::new(false);
    let offer_lock = RwSignal::new(false);
    let lock = use_lock();
    let opening = RwSignal::new(None::<&'static str>);
    let file_passphrase = NodeRef::<leptos::html::Input>::new();
    let input_ref = NodeRef::<leptos::html::Input>::new();
    track_draft("the file you are bringing back", move || chosen.with(|c| matches!(c, Some(Ok(_)))));
    // Back to the file chooser, with focus on it (the preview and its buttons are gone).
    let reset = move || {
        chosen.set(None);
        sealed_file.set(None);
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
            let _ = input.focus();
        }
    };
    let on_change = move |event: leptos::ev::Event| {
        let Some(file) = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        // A message about an earlier import would only confuse this one.
        data.status.set(None);
        let size = file.size() as u64;
        // Refuse an oversized file before reading it into memory.
        if size > MAX_IMPORT_BYTES {
            chosen.set(Some(Err(ImportError::TooLarge(size))));
            return;
        }
        sealed_file.set(None);
        chosen.set(None);
        spawn_local(async move {
            let result = match browser::read_text(&file).await {
                Ok(text) => match Sealed::read_file(&text) {
                    Some(Ok(sealed)) => return sealed_file.set(Some((sealed, size))),
                    Some(Err(refused)) => Err(refused),
                    None => parse_import(&text, size, browser::now(), content::CHECKLIST_RENAMES),
                },
                Err(_) => Err(ImportError::NotJson),
            };
            chosen.set(Some(result));
        });
    };
    let open_sealed = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some((sealed, size)) = sealed_file.get_untracked() else { return };
        let passphrase = file_passphrase.get_untracked().map(|input| input.value()).unwrap_or_default();
        opening.set(Some("Opening the file… this takes a second or two."));
        spawn_local(async move {
            match open_file(&passphrase, &sealed).await {
                Ok(text) => {
                    opening.set(None);
                    sealed_file.set(None);
                    was_locked.set(true);
                    chosen.set(Some(parse_import(&text, size, browser::now(), content::CHECKLIST_RENAMES)));
                }
                Err(problem) => opening.set(Some(problem)),
            }
        });
    };
    let after_import = move || {
        offer_lock.set(was_locked.get_untracked() && lock.mode.get_untracked() == Mode::Off);
        was_locked.set(false);
    };
    let apply = move |mode: ImportMode| {
        if let Some(Ok(file)) = chosen.get_untracked() {
            after_import();
            let changes_anything = !preview(&data.all_data(), &file, mode).is_empty();
            let saved = data.import(&file, mode);
            data.say(imported(mode, changes_anything, saved));
            reset();
        }
    };
    let bring_back = move || {
        if let Some(Ok(file)) = chosen.get_untracked() {
            after_import();
            data.say(if data.import_bringing_back(&file) {
                "Done. The file's data has been combined with yours, and what you had removed is back."
            } else {
                NOT_ALL_SAVED
            });
            reset();
        }
    };
    // What this device removed after the file was made: combining keeps it removed.
    let removed_since_file =
        move || chosen.with(|c| c.as_ref().and_then(|c| c.as_ref().ok()).map(|file| removed_here(&data.all_data(), file)).unwrap_or_default());
    let preview_of = move |mode: ImportMode| {
        chosen.with(|c| match c {
            Some(Ok(file)) => {
                let removed = if mode == ImportMode::Merge { removed_since_file() } else { RemovedHere::default() };
                describe_all(preview(&data.all_data(), file, mode), removed)
            }
            _ => Vec::new(),
        })
    };
    // Combining asks first whenever it would remove something from this device.
    let combine_removes = move || {
        chosen.with(|c| match c {
            Some(Ok(file)) => preview(&data.all_data(), file, ImportMode::Merge).removes_any(),
            _ => false,
        })
    };
    let combine_button = move || {
        if combine_removes() {
            view! {
                <ConfirmButton
                    label="Combine".to_string()
                    question="Combine the file with your data? What is listed as removed above was deleted later on the other device, and will be gone from this one too.".to_string()
                    confirm="Yes, combine".to_string()
                    on_confirm=move || apply(ImportMode::Merge)
                />
            }.into_any()
        } else {
            view! { <button type="button" class="button button--primary" on:click=move |_| apply(ImportMode::Merge)>"Combine"</button> }.into_any()
        }
    };
    let bullet_list = |lines: Vec<String>| view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> };
    view! {
        <section aria-labelledby="import-heading" class="panel">
            <h2 id="import-heading">"Bring back a copy"</h2>
            <p>"Choose a file made with “Download my data”. You will see what would change before anything does."</p>
            <label class="field-label needs-script" for="import-file">"File to bring back"</label>
            <input id="import-file" class="needs-script" type="file" accept=".json,application/json" node_ref=input_ref on:change=on_change disabled=move || !data.ready.get() />
            {move || (offer_lock.get() && lock.mode.get() == Mode::Off).then(|| view! {
                <div class="lock-offer">
                    <p>"The copy you brought back was locked with a passphrase, but the lock is off on this device, so it is now stored here without one."</p>
                    <button type="button" class="button" on:click=move |_| browser::focus_id("new-passphrase")>"Lock it here too"</button>
                </div>
            })}
            {move || sealed_file.with(Option::is_some).then(|| view! {
                <form class="lock-form" on:submit=open_sealed>
                    <p>"This file is locked with a passphrase. Type the passphrase it was made with."</p>
                    <label class="field-label" for="file-passphrase">"The file’s passphrase"</label>
                    <input id="file-passphrase" class="passphrase" type="password" autocomplete="off" node_ref=file_passphrase />
                    <button type="submit" class="button button--primary">"Open the file"</button>
                    <p role="status">{move || opening.get()}</p>
                </form>
            })}
            {move || {
                // The preview follows changes made meanwhile (in another tab, for instance).
                data.bookmarks.track();
                data.reflections.track();
                data.history.track();
                data.plan.track();
                match chosen.get() {
                None => ().into_any(),
                Some(Err(error)) => view! { <p class="error" role="alert">{error.explain()}</p> }.into_any(),
                Some(Ok(file)) => view! {
                    <div class="import-preview" role="region" aria-label="What this file would change">
                        <p>
                            "This file was made on " {format_date(file.exported_at, data.utc_offset_minutes.get_untracked())} ". It has "
                            {count(file.bookmarks.count(), "bookmark", "bookmarks")} ", " {count(file.history.oldest_first().len(), "saved reflection", "saved reflections")}
                            " and " {count(file.plan.count(), "entry in a plan", "entries in a plan")} "."
                        </p>
                        {repeated_note(file.repeated_entries).map(|note| view! { <p class="import-repeats">{note}</p> })}
                        <h3>"Combine with what is here"</h3>
                        <p>"Adds what the file has to what is on this device. Where both changed or deleted the same thing, the later change is kept."</p>
                        {bullet_list(preview_of(ImportMode::Merge))}
                        {{
                            let removed = removed_since_file();
                            (!removed.is_empty()).then(|| view! {
                                <p>
                                    "Changes you made on this device after the file was made are kept: you removed "
                                    {list_removed(removed)} " since then, and combining keeps "
                                    {if removed.total() == 1 { "it" } else { "them" }}
                                    " removed."
                                </p>
                                <div class="import-actions">
                                    <button type="button" class="button" on:click=move |_| bring_back()>"Combine and bring back what I removed"</button>
                                </div>
                            })
                        }}
                        <div class="import-actions">
                            {combine_button()}
                        </div>
                        <h3>"Replace what is here"</h3>
                        <p>"Makes this device hold exactly what the file holds."</p>
                        {bullet_list(preview_of(ImportMode::Replace))}
                        // Replacing overwrites everything, so it always asks.
                        <div class="import-actions">
                            <ConfirmButton
                                label="Replace".to_string()
                                question="Replace everything on this device with the file's data? Anything here that is not in the file will be gone.".to_string()
                                confirm="Yes, replace everything".to_string()
                                on_confirm=move || apply(ImportMode::Replace)
                            />
                        </div>
                        <p class="import-actions import-actions--cancel">
                            <button type="button" class="button button--quiet" on:click=move |_| reset()>"Cancel: change nothing"</button>
                        </p>
                    </div>
                }.into_any(),
                }
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 28: combining a file that changed nothing said "Done… combined" right after the
    /// preview said "Nothing would change".
    #[test]
    fn bringing_back_a_file_that_changes_nothing_says_so() {
        for mode in [ImportMode::Merge, ImportMode::Replace] {
            assert_eq!(imported(mode, false, true), "Nothing changed: this device already had everything in the file.");
            assert_eq!(imported(mode, true, false), NOT_ALL_SAVED);
        }
        assert!(imported(ImportMode::Merge, true, true).contains("combined"));
        assert!(imported(ImportMode::Replace, true, true).contains("replaced"));
    }
}
