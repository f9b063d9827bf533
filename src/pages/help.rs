use crate::components::text::PageHeading;
use crate::content::{self, help_by_country, HelpService, HELP};
use crate::links::section_href;
use leptos::prelude::*;

/// The id of a country's part of the help page ("New Zealand" -> "new-zealand").
fn country_id(country: &str) -> String {
    country.to_lowercase().replace(' ', "-")
}

#[component]
pub fn Help() -> impl IntoView {
    let page = content::page("help");
    let path = page.path.expect("help has a path");
    let groups = help_by_country();
    let jump_links = groups
        .iter()
        .map(|(country, _)| view! { <li><a href=section_href(path, &country_id(country))>{*country}</a></li> })
        .collect_view();
    let countries = groups
        .into_iter()
        .map(|(country, services)| {
            view! {
                <section class="help-country" id=country_id(country) aria-labelledby=format!("{}-heading", country_id(country))>
                    <h2 id=format!("{}-heading", country_id(country))>{country}</h2>
                    {services.into_iter().map(|service| view! { <ServiceCard service /> }).collect_view()}
                </section>
            }
        })
        .collect_view();
    view! {
        <PageHeading page />
        <nav class="jump" aria-label="Countries">
            <p>"Where are you?"</p>
            <ul>{jump_links}</ul>
        </nav>
        {countries}
        <p class="checked">"These numbers were checked in " {HELP.checked} "."</p>
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
