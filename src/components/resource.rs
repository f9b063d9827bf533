//! One resource (publication, paper, organisation...) as a card with its own deep link.

use crate::components::bookmark_button::BookmarkButton;
use crate::components::text::{ExternalLink, Rich};
use crate::content::{self, plain, Collection, Resource};
use crate::links::section_href;
use leptos::prelude::*;

#[component]
pub fn ResourceCard(resource: &'static Resource, collection: Collection) -> impl IntoView {
    let page_path = collection.path();
    let heading_id = format!("{}-heading", resource.id);
    let labelled_by = heading_id.clone();
    let year = resource.year_label();
    // "Publication · 2004 · USA": the facts people scan for first.
    let facts: Vec<String> = [Some(resource.kind.label().to_string()), year, resource.region.map(str::to_string)].into_iter().flatten().collect();
    let byline = (!resource.authors.is_empty()).then(|| resource.authors.join(", "));
    let citation: Vec<&str> = [resource.published_in, resource.publisher].into_iter().flatten().collect();
    let identifiers = (!resource.identifiers.is_empty()).then(|| resource.identifiers.join(" · "));

    view! {
        <article class="resource" id=resource.id aria-labelledby=labelled_by>
            <div class="heading-row">
                <div>
                    <p class="resource__facts">{facts.join(" · ")}</p>
                    <h2 class="resource__title" id=heading_id>
                        <Rich text=resource.title />
                    </h2>
                </div>
                <BookmarkButton id=resource.id page=content::page(collection.page()).id title=plain(resource.title) />
            </div>
            {resource.subtitle.map(|subtitle| view! { <p class="resource__subtitle">{subtitle}</p> })}
            {byline.map(|authors| view! { <p class="resource__authors">"By " {authors}</p> })}
            {(!citation.is_empty()).then(|| view! { <p class="resource__citation">{citation.join(". ")}</p> })}
            {identifiers.map(|ids| view! { <p class="resource__ids">{ids}</p> })}
            {resource.description.iter().map(|paragraph| view! { <p><Rich text=*paragraph /></p> }).collect_view()}
            {(!resource.notes.is_empty()).then(|| view! {
                <div class="resource__notes">
                    <p class="resource__notes-label">"Good to know"</p>
                    <ul>{resource.notes.iter().map(|note| view! { <li>{*note}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="resource__links">
                {if resource.links.is_empty() {
                    view! { <p class="no-link">"No link known."</p> }.into_any()
                } else {
                    view! {
                        <ul class="link-list">
                            {resource.links.iter().map(|link| view! { <li><ExternalLink link /></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <a class="permalink" href=section_href(page_path, resource.id)>
                    "Link to this" <span class="visually-hidden">": " <Rich text=resource.title /></span>
                </a>
            </div>
        </article>
    }
}
