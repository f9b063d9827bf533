use crate::browser;
use crate::components::text::PageHeading;
use crate::components::user::ConfirmButton;
use crate::content;
use crate::data::time::{date, format_date};
use crate::data::transfer::{parse_import, preview, Changes, ExportFile, ImportError, ImportMode, StoreChanges, MAX_IMPORT_BYTES};
use crate::storage::Notice;
use crate::user_data::{use_user_data, UserData};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

fn today_for_file_name(data: UserData) -> String {
    let (year, month, day) = date(browser::now(), data.utc_offset_minutes.get_untracked());
    format!("{year}-{month:02}-{day:02}")
}

/// "1 bookmark", "2 bookmarks".
fn count(n: usize, thing: &str) -> String {
    if n == 1 { format!("1 {thing}") } else { format!("{n} {thing}s") }
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

fn describe_all(changes: StoreChanges) -> Vec<String> {
    if changes.is_empty() {
        return vec!["Nothing would change: this device already has everything in the file.".into()];
    }
    [
        describe("Bookmarks", changes.bookmarks),
        describe("Checklist answers and your own items", changes.checklist),
        describe("Saved reflections", changes.snapshots),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What the preview says about entries a file lists twice (only the later of each is used).
fn repeated_note(repeated: usize) -> Option<String> {
    (repeated > 0).then(|| format!("The file repeats {}. For each item, only the latest version is used.", count(repeated, "entry").replace("entrys", "entries")))
}

#[component]
pub fn YourData() -> impl IntoView {
    let page = content::page("your-data");
    let data = use_user_data();
    let storage_state = move || {
        if data.notices.with(|n| n.contains(&Notice::StorageRefused)) {
            "Your browser is not letting this app save anything, so your data will be gone when you close this page. Download a copy to keep it."
        } else if data.has_unsaved_changes() {
            "Some of your latest changes could not be saved on this device. What was saved before is safe. Download a copy to keep everything."
        } else {
            "Your bookmarks and reflections are saved in this browser, on this device only."
        }
    };
    let export = move |_| {
        let name = format!("recovery-guide-{}.json", today_for_file_name(data));
        match browser::download(&name, &data.export_file()) {
            Ok(()) => data.say(format!("Your download should start now: the file {name}.")),
            Err(_) => data.say("Your browser did not let the app save the file. Nothing was changed."),
        }
    };
    view! {
        <PageHeading page />
        <p class="storage-state">{storage_state}</p>

        <section aria-labelledby="export-heading" class="panel">
            <h2 id="export-heading">"Download a copy"</h2>
            <p>"One file with all your bookmarks, notes, checklist answers and saved reflections. Keep it somewhere safe, or use it to move your data to another device."</p>
            <button type="button" class="button button--primary needs-script" disabled=move || !data.ready.get() on:click=export>"Download my data"</button>
        </section>

        <Import />

        <Show when=move || data.backups.with(|b| !b.is_empty())>
            <section aria-labelledby="backups-heading" class="panel">
                <h2 id="backups-heading">"Saved data that could not be read"</h2>
                <p>"The app found saved data it could not read, and kept a copy of it exactly as it was. You can download it, for example to ask someone for help with it."</p>
                <ul class="backup-list">
                    {move || data.backups.get().into_iter().enumerate().map(|(i, backup)| {
                        let name = format!("recovery-guide-unreadable-{}.txt", i + 1);
                        view! {
                            <li>
                                <button type="button" class="button" on:click=move |_| { let _ = browser::download(&name, &backup.raw); }>
                                    {format!("Download unreadable copy {}", i + 1)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>

        <section aria-labelledby="delete-heading" class="panel">
            <h2 id="delete-heading">"Delete all my data"</h2>
            <p>"This removes all your bookmarks, notes, checklist answers and saved reflections from this device."</p>
            <ConfirmButton
                label="Delete all my data".to_string()
                question="Delete everything you have saved in this app on this device? This cannot be undone. You may want to download a copy first.".to_string()
                confirm="Yes, delete everything".to_string()
                on_confirm=move || {
                    if data.delete_all() {
                        data.say("All your data has been deleted from this device.");
                    } else {
                        data.say("Some of your data could not be deleted. Please try again.");
                    }
                }
            />
        </section>
    }
}

#[component]
fn Import() -> impl IntoView {
    let data = use_user_data();
    let chosen: RwSignal<Option<Result<ExportFile, ImportError>>> = RwSignal::new(None);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Back to the file chooser, with focus on it (the preview and its buttons are gone).
    let reset = move || {
        chosen.set(None);
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
        spawn_local(async move {
            let result = match browser::read_text(&file).await {
                Ok(text) => parse_import(&text, size, browser::now(), content::CHECKLIST_RENAMES),
                Err(_) => Err(ImportError::NotJson),
            };
            chosen.set(Some(result));
        });
    };
    let apply = move |mode: ImportMode| {
        if let Some(Ok(file)) = chosen.get_untracked() {
            let saved = data.import(&file, mode);
            data.say(match (mode, saved) {
                (ImportMode::Merge, true) => "Done. The file's data has been combined with yours.",
                (ImportMode::Replace, true) => "Done. Your data has been replaced with the file's.",
                (_, false) => "The file's data is on screen, but not all of it could be saved on this device: see the message above. Keep the file.",
            });
            reset();
        }
    };
    let preview_of = move |mode: ImportMode| {
        chosen.with(|c| match c {
            Some(Ok(file)) => describe_all(preview(&data.all_data(), file, mode)),
            _ => Vec::new(),
        })
    };
    // Bringing in a file asks first whenever it would remove something from this device.
    let removes = move |mode: ImportMode| {
        chosen.with(|c| match c {
            Some(Ok(file)) => {
                let changes = preview(&data.all_data(), file, mode);
                changes.bookmarks.removed + changes.checklist.removed + changes.snapshots.removed > 0
            }
            _ => false,
        })
    };
    let apply_button = move |mode: ImportMode, label: &'static str, class: &'static str, question: &'static str, confirm: &'static str| {
        if removes(mode) {
            view! {
                <ConfirmButton label=label.to_string() question=question.to_string() confirm=confirm.to_string() on_confirm=move || apply(mode) />
            }.into_any()
        } else {
            view! { <button type="button" class=class on:click=move |_| apply(mode)>{label}</button> }.into_any()
        }
    };
    let bullet_list = |lines: Vec<String>| view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> };
    view! {
        <section aria-labelledby="import-heading" class="panel">
            <h2 id="import-heading">"Bring back a copy"</h2>
            <p>"Choose a file made with “Download my data”. You will see what would change before anything does."</p>
            <label class="field-label needs-script" for="import-file">"Export file"</label>
            <input id="import-file" class="needs-script" type="file" accept=".json,application/json" node_ref=input_ref on:change=on_change disabled=move || !data.ready.get() />
            {move || {
                // The preview follows changes made meanwhile (in another tab, for instance).
                data.bookmarks.track();
                data.reflections.track();
                data.history.track();
                match chosen.get() {
                None => ().into_any(),
                Some(Err(error)) => view! { <p class="error" role="alert">{error.explain()}</p> }.into_any(),
                Some(Ok(file)) => view! {
                    <div class="import-preview" role="region" aria-label="What this file would change">
                        <p>
                            "This file was made on " {format_date(file.exported_at, data.utc_offset_minutes.get_untracked())} ". It has "
                            {count(file.bookmarks.count(), "bookmark")} " and " {count(file.history.oldest_first().len(), "saved reflection")} "."
                        </p>
                        {repeated_note(file.repeated_entries).map(|note| view! { <p class="import-repeats">{note}</p> })}
                        <h3>"Combine with what is here"</h3>
                        <p>"Adds what the file has to what is on this device. Where both changed or deleted the same thing, the later change is kept."</p>
                        {bullet_list(preview_of(ImportMode::Merge))}
                        {apply_button(ImportMode::Merge, "Combine", "button button--primary",
                            "Combine the file with your data? What is listed as removed above was deleted later on the other device, and will be gone from this one too.",
                            "Yes, combine")}
                        <h3>"Replace what is here"</h3>
                        <p>"Makes this device hold exactly what the file holds."</p>
                        {bullet_list(preview_of(ImportMode::Replace))}
                        {apply_button(ImportMode::Replace, "Replace", "button",
                            "Replace your data with the file's? What is listed as removed above will be gone from this device.",
                            "Yes, replace it")}
                        <p><button type="button" class="button button--quiet" on:click=move |_| reset()>"Cancel: change nothing"</button></p>
                    </div>
                }.into_any(),
                }
            }}
        </section>
    }
}
