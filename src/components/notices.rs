//! What the person is told about their saved data across the app: problems with saving, and the
//! calm reminder to download a copy (with the download itself).

use crate::browser;
use crate::content::paths;
use crate::links::href;
use crate::time::date;
use crate::user_data::{use_user_data, UserData};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Problems with saving (storage refused or full, unreadable data), each said once, in plain words.
#[component]
pub fn Notices() -> impl IntoView {
    let data = use_user_data();
    // A memo, as `Show` has, but smaller: a new notice redraws the list, not the section.
    let any = Memo::new(move |_| data.notices.with(|n| !n.is_empty()));
    view! {
        {move || any.get().then(|| view! {
            <section class="notices" aria-labelledby="notices-heading">
                <h2 id="notices-heading" class="notices__heading">"About your saved data"</h2>
                <ul>
                    {move || data.notices.get().into_iter().map(|notice| view! { <li>{notice.explain()}</li> }).collect_view()}
                </ul>
                <p class="notices__actions">
                    <a href=href(paths::YOUR_DATA)>"Your data: download a copy"</a>
                    <button type="button" class="button button--small button--quiet" on:click=move |_| data.notices.set(Vec::new())>
                        "I understand"
                    </button>
                </p>
            </section>
        })}
    }
}

/// Offers the person a file with all their data, and remembers that they have a copy.
pub fn download_copy(data: UserData) {
    download_copy_of(data, &data.export_file(), "");
}

/// Offers an export file (`contents`), named by today's date and `kind` ("-locked").
pub fn download_copy_of(data: UserData, contents: &str, kind: &str) {
    let (year, month, day) = date(data.now(), data.utc_offset_minutes.get_untracked());
    let name = format!("recovery-guide-{year}-{month:02}-{day:02}{kind}.json");
    match browser::download(&name, contents) {
        Ok(()) => {
            data.downloaded();
            data.say(format!("Your download should start now: the file {name}."));
        }
        Err(_) => data.say("Your browser did not let the app save the file. Nothing was changed."),
    }
}

/// One calm line when the person has data and no recent copy of it: never on the urgent-help
/// page, never a pop-up, and put away for a week by "Not now".
#[component]
pub fn DownloadReminder() -> impl IntoView {
    let data = use_user_data();
    let location = use_location();
    let on_help_page = move || location.pathname.with(|path| path.trim_end_matches('/').ends_with(paths::HELP));
    let never = move || data.safekeeping.with(|s| s.downloaded_at.is_none());
    // A memo, as `Show` has, but smaller: only a change of the answer redraws the banner.
    let due = Memo::new(move |_| data.reminder_due() && !on_help_page());
    view! {
        {move || due.get().then(|| view! {
            <aside class="banner banner--reminder" aria-label="Keep a copy of your data">
                <p>
                    {move || if never() { "You have not downloaded a copy of your data yet." } else { "It has been a month since you downloaded a copy of your data." }}
                    " A copy keeps it safe if this browser clears it."
                </p>
                <button type="button" class="button button--small button--primary" on:click=move |_| download_copy(data)>"Download a copy"</button>
                <button type="button" class="button button--small button--quiet" on:click=move |_| data.dismiss_reminder()>"Not now"</button>
            </aside>
        })}
    }
}
