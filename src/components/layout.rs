//! What every page has: a skip link, the header with the urgent-help link, navigation, a footer.
//! (What happens after a route change, focus and scroll, is the shell's: `crate::shell`.)

use crate::browser;
use crate::components::controls::ConfirmButton;
use crate::components::lock_screens::LockButton;
use crate::components::search_field::SiteSearch;
use crate::components::speech_controls::{use_speech, VoiceChoice};
use crate::content::{self, paths, HELP, SITE_NAME};
use crate::data::settings::{ReadingSpeed, Settings, TextSize, Theme};
use crate::effect::effect;
use crate::links::{href, section_href};
use crate::offline::use_app_status;
use crate::quick_exit;
use crate::user_data::use_user_data;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn SkipLink() -> impl IntoView {
    // The router would treat "#main" as a navigation and leave focus behind; move it ourselves.
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        browser::focus("#main");
    };
    view! { <a class="skip-link" href="#main" on:click=skip>"Skip to main content"</a> }
}

/// The header: the guide's name and "Need help now?" always in sight; on a phone, the navigation
/// behind a Menu button (a disclosure), so the page starts within the first 120 px.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let location = use_location();
    let menu_open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    // A link in the menu was followed: the new page starts with the menu closed.
    effect(move || {
        location.pathname.track();
        menu_open.set(false);
    });
    let escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && menu_open.get_untracked() {
            // Escape closes the menu only (reading aloud, also stopped by Escape, goes on).
            event.prevent_default();
            menu_open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    let nav_links = content::nav_pages()
        .map(|(nav, path)| {
            // The home link would otherwise be "current" everywhere; the others must also match
            // "/publications/", which static hosts redirect to.
            let count = (path == paths::BOOKMARKS).then(|| view! { <BookmarkCount /> });
            view! {
                <li>
                    <A href=href(path) exact=path == paths::HOME>{nav} {count}</A>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="site-header" on:keydown=escape>
            <div class="site-header__bar">
                <a class="brand" href=href(paths::HOME)>
                    <span class="brand__mark" aria-hidden="true"></span>
                    {SITE_NAME}
                </a>
                // Same place on every page, one tap away, never in the menu.
                <a class="help-now" href=href(paths::HELP)>"Need help now?"</a>
                // On a phone, the second line: Lock (while the lock is open), search and Menu.
                <div class="site-header__tools">
                    <LockButton />
                    // After help, in reading and Tab order: help is never more than two stops away.
                    <SiteSearch />
                    // Shown on narrow screens only; the navigation follows it in Tab order.
                    <button type="button" class="menu-button needs-script" node_ref=menu_button
                        aria-expanded=move || menu_open.get().to_string() aria-controls="site-nav"
                        on:click=move |_| menu_open.update(|open| *open = !*open)>
                        <span class="menu-button__icon" aria-hidden="true"></span>
                        "Menu"
                    </button>
                </div>
            </div>
            <nav class="site-nav" id="site-nav" aria-label="Main" class:site-nav--open=move || menu_open.get()>
                <ul>{nav_links}</ul>
            </nav>
        </header>
    }
}

/// Colours, text size, the Quick exit button and reading aloud, remembered on this device.
#[component]
fn DisplayControls() -> impl IntoView {
    let data = use_user_data();
    let speech = use_speech();
    view! {
        <section class="display needs-script" aria-labelledby="display-heading">
            <h2 id="display-heading" class="display__heading">
                {move || if speech.available() { "Text size, colours, reading aloud and quick exit" } else { "Text size, colours and quick exit" }}
            </h2>
            <div class="display__groups">
                <SettingChoice legend="Text size" name="text-size" options=TextSize::ALL label=TextSize::label
                    get=|s| s.text_size set=|s, size| s.text_size = size />
                <SettingChoice legend="Colours" name="theme" options=Theme::ALL label=Theme::label
                    get=|s| s.theme set=|s, theme| s.theme = theme />
                <fieldset class="choice">
                    <legend>"Quick exit"</legend>
                    <label class="choice__option">
                        <input type="checkbox" prop:checked=move || data.settings.with(|s| s.quick_exit_button)
                            on:change=move |event| {
                                let shown = event_target_checked(&event);
                                data.change_settings(|s| s.quick_exit_button = shown);
                            } />
                        "Show a Quick exit button on every page"
                    </label>
                    <p class="choice__hint">
                        "With a keyboard, you can also press Shift 3 times. "
                        <a href=section_href(paths::ABOUT, quick_exit::ABOUT_SECTION)>"How quick exit works"</a>
                    </p>
                </fieldset>
                // Only with a voice on the device to read with.
                {move || speech.available().then(|| view! {
                    <SettingChoice legend="Reading aloud speed" name="reading-speed" options=ReadingSpeed::ALL label=ReadingSpeed::label
                        get=|s| s.reading_speed set=|s, speed| s.reading_speed = speed />
                    <VoiceChoice />
                })}
            </div>
        </section>
    }
}

/// One display setting as a group of radio buttons, saved as soon as it is chosen.
#[component]
fn SettingChoice<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: &'static str,
    name: &'static str,
    options: [T; 3],
    label: fn(T) -> &'static str,
    get: fn(&Settings) -> T,
    set: fn(&mut Settings, T),
) -> impl IntoView {
    let data = use_user_data();
    view! {
        <fieldset class="choice">
            <legend>{legend}</legend>
            {options.into_iter().map(|option| view! {
                <label class="choice__option">
                    <input type="radio" name=name prop:checked=move || data.settings.with(|s| get(s) == option)
                        on:change=move |_| data.change_settings(|s| set(s, option)) />
                    {label(option)}
                </label>
            }).collect_view()}
        </fieldset>
    }
}

/// How many bookmarks there are, beside "Bookmarks" in the navigation.
#[component]
fn BookmarkCount() -> impl IntoView {
    let data = use_user_data();
    let count = move || data.bookmarks.with(|b| b.count());
    view! {
        {move || (count() != 0).then(|| view! {
            <span class="nav-count">
                <span class="visually-hidden">", "</span>
                {count}
                <span class="visually-hidden">" saved"</span>
            </span>
        })}
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <DisplayControls />
            <p>
                "Nothing you do here leaves your device. "
                <a href=section_href(paths::ABOUT, "your-privacy")>"Privacy"</a>
                " · "
                <a href=href(paths::YOUR_DATA)>"Your data"</a>
                " · "
                <a href=href(paths::ABOUT)>"About this guide"</a>
            </p>
            <p>"Links and phone numbers checked " {HELP.checked} "."</p>
        </footer>
    }
}

/// What works without scripts, shown only when the browser runs none (index.html's <noscript>
/// style reveals it); with scripts it stays hidden, even before the app has loaded.
#[component]
pub fn WithoutScriptNote() -> impl IntoView {
    view! {
        <p class="banner without-script">
            "Your browser is not running JavaScript, so bookmarks, the reflection checklist, your plan, search and saving your data are not available. Everything else in this guide works."
        </p>
    }
}

/// "You are offline" and "A new version is ready", calmly, at the top of the page.
#[component]
pub fn AppBanners() -> impl IntoView {
    let status = use_app_status();
    let data = use_user_data();
    view! {
        <div class="app-banners" role="status">
            {move || (!status.online.get()).then(|| view! {
                <p class="banner banner--offline">
                    "You are offline. Everything in this guide still works; links to other websites need a connection."
                </p>
            })}
            {move || status.update_waiting.get().then(|| view! {
                <div class="banner banner--update">
                    <p>"A new version of the guide is ready."</p>
                    {move || {
                        // Reloading would lose writing that is not saved: say what, and ask first.
                        let unsaved = data.unsaved_writing();
                        if unsaved.is_empty() {
                            view! {
                                <button type="button" class="button button--small button--primary" on:click=move |_| {
                                    // A field's change event saves what is in it before the page goes.
                                    browser::blur_focused();
                                    status.reload_to_update();
                                }>"Reload to update"</button>
                            }.into_any()
                        } else {
                            view! {
                                <ConfirmButton
                                    label="Reload to update".to_string()
                                    question=format!("Not saved yet: {}. Reloading now would lose it. Finish or save it first, or reload anyway.", unsaved.join("; "))
                                    confirm="Reload anyway".to_string()
                                    on_confirm=move || status.reload_to_update()
                                />
                            }.into_any()
                        }
                    }}
                </div>
            })}
        </div>
    }
}
