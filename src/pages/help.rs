use crate::components::breathing::BreatheWithMe;
use crate::components::first_help::FirstHelp;
use crate::components::plan::PlanCallout;
use crate::components::speech_controls::Listen;
use crate::components::text::PageHeading;
use crate::content::help::{self, help_by_place, help_for, help_for_shows, place_id, place_label};
use crate::content::{self, paths, HelpService, PageId, Place, HELP};
use crate::links::{href, section_href};
use crate::user_data::use_user_data;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

#[component]
pub fn Help() -> impl IntoView {
    let page = content::page(PageId::Help);
    let path = paths::HELP;
    let data = use_user_data();
    let location = use_location();
    // The settings are read from storage in an effect once the app has started, so until then no
    // place is chosen: the first render is the prerendered page, with every place.
    let remembered = Memo::new(move |_| data.settings.with(|s| s.place.as_deref().and_then(help::place)));
    // A link into the page (a search result) that the chosen place would hide shows every place.
    let shown = Memo::new(move |_| {
        let place = remembered.get()?;
        let target = location.hash.with(|hash| hash.trim_start_matches('#').to_string());
        (target.is_empty() || help_for_shows(place, &target)).then_some(place)
    });
    let groups = move || {
        let groups = match shown.get() {
            Some(place) => help_for(place),
            None => help_by_place(),
        };
        groups
            .into_iter()
            .map(|(place, services)| {
                let id = place_id(place);
                view! {
                    <section class="help-country" id=id.clone() aria-labelledby=format!("{id}-heading")>
                        <h2 id=format!("{id}-heading")>{place.name}</h2>
                        {services.into_iter().map(|service| view! { <ServiceCard service /> }).collect_view()}
                    </section>
                }
            })
            .collect_view()
    };
    let jump_links = move || {
        shown.get().is_none().then(|| {
            let links =
                help_by_place().into_iter().map(|(place, _)| view! { <li><a href=section_href(path, &place_id(place))>{place.name}</a></li> }).collect_view();
            view! {
                <nav class="jump" aria-label="Countries on this page">
                    <p>"Countries on this page"</p>
                    <ul>{links}</ul>
                </nav>
            }
        })
    };
    view! {
        <PageHeading page />
        // The numbers to call stay first (the first screen of a phone, the first Tab stop); then
        // something to do in the next minute, and the person's own plan.
        <FirstHelp shown=shown.into() />
        <BreatheWithMe />
        <PlanCallout />
        <Listen read="main h1, main .intro, main .first-help, main .help-country" label="Listen to this page" keep_room=true />
        <PlacePicker shown path />
        {jump_links}
        {groups}
        <p class="checked">"These numbers were checked in " {HELP.checked} "."</p>
    }
}

/// "Where are you?": shows only what applies in one place, remembered on this device.
#[component]
fn PlacePicker(shown: Memo<Option<&'static Place>>, path: &'static str) -> impl IntoView {
    let data = use_user_data();
    let location = use_location();
    let navigate = use_navigate();
    let choose = move |event: leptos::ev::Event| {
        let place = help::place(&event_target_value(&event)).map(|p| p.name.to_string());
        data.change_settings(|settings| settings.place = place);
        // A link into the page no longer decides what it shows: the person has chosen.
        if location.hash.with_untracked(|hash| !hash.is_empty()) {
            navigate(&href(path), NavigateOptions { resolve: false, replace: true, scroll: false, ..Default::default() });
        }
    };
    let option = |place: &'static Place| view! { <option value=place.name>{place_label(place)}</option> };
    view! {
        <div class="place-picker needs-script">
            <label for="help-place">"Where are you?"</label>
            <p id="help-place-hint" class="place-picker__hint">"Show only the help there. This is remembered on this device."</p>
            <select id="help-place" aria-describedby="help-place-hint"
                disabled=move || !data.ready.get()
                prop:value=move || shown.get().map_or("", |place| place.name)
                on:change=choose>
                <option value="">"Every country"</option>
                {HELP.places.iter().map(option).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn ServiceCard(service: &'static HelpService) -> impl IntoView {
    view! {
        <article class="service" id=service.id aria-labelledby=format!("{}-heading", service.id)>
            <h3 id=format!("{}-heading", service.id)>
                {service.name}
                <span class="service__country">" (" {service.country} ")"</span>
            </h3>
            {service.when.map(|when| view! { <p class="service__when">{when}</p> })}
            <p>{service.details}</p>
            <p class="service__hours">"Open: " {service.hours}</p>
            <ul class="contact-list">
                {service.contacts.iter().map(|contact| view! {
                    <li>
                        <a class="contact" href=contact.href()>{contact.label()}</a>
                        {contact.note.map(|note| view! { <span class="contact__note">{note}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            {(!service.notes.is_empty()).then(|| view! {
                <ul class="service__notes">{service.notes.iter().map(|n| view! { <li>{*n}</li> }).collect_view()}</ul>
            })}
        </article>
    }
}
