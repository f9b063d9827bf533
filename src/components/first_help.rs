//! Urgent help where the person is: the numbers to call now, at the top of the help page and of
//! the plan.

use crate::content::help::{emergency_by_country, first_help, help_in};
use crate::content::{Contact, Place};
use leptos::either::Either;
use leptos::prelude::*;

/// The top of the page, on a phone's first screen: the emergency number of every country, or,
/// once a place is chosen, its emergency number and main line.
#[component]
pub fn FirstHelp(shown: Signal<Option<&'static Place>>) -> impl IntoView {
    let calls = move || match shown.get() {
        None => Either::Left(
            emergency_by_country()
                .into_iter()
                .map(|(place, service)| view! { <li><QuickContact what=place.name.to_string() contact=&service.contacts[0] /></li> })
                .collect_view(),
        ),
        Some(place) => Either::Right(
            first_help(place)
                .into_iter()
                .map(|service| view! { <li><QuickContact what=format!("{} ({})", service.name, service.country) contact=&service.contacts[0] /></li> })
                .collect_view(),
        ),
    };
    let heading = move || match shown.get() {
        None => "Emergency numbers, if a life is at risk".to_string(),
        Some(place) => help_in(place),
    };
    view! {
        <section class="first-help" aria-labelledby="first-help-heading">
            <h2 id="first-help-heading">{heading}</h2>
            <ul class="first-help__list">{calls}</ul>
        </section>
    }
}

/// One big button: who it reaches (always with the country) and the number.
#[component]
fn QuickContact(what: String, contact: &'static Contact) -> impl IntoView {
    view! {
        <a class="quick-contact" href=contact.href()>
            <span class="quick-contact__what">{what}</span>
            <span class="quick-contact__action">{contact.label()}</span>
            {contact.note.map(|note| view! { <span class="quick-contact__note">{note}</span> })}
        </a>
    }
}
