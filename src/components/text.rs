//! Text pieces: rich text with language marks, page headings, links that leave the app.

use crate::content::{Link, Page, RichText, SITE_NAME};
use crate::offline::use_app_status;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

/// Text with words in another language marked with `lang` (so screen readers say them right).
#[component]
pub fn Rich(text: RichText) -> impl IntoView {
    text.iter()
        .map(|span| match span.lang {
            Some(lang) => Either::Left(view! { <span lang=lang>{span.text}</span> }),
            None => Either::Right(span.text),
        })
        .collect_view()
}

/// The document title, the page's one `h1` and its short introduction.
#[component]
pub fn PageHeading(page: &'static Page) -> impl IntoView {
    view! {
        <Title text=format!("{} – {SITE_NAME}", page.title) />
        <h1 tabindex="-1">{page.heading}</h1>
        <p class="intro">{page.intro}</p>
    }
}

/// A link to another website. It says so, and says where, before anyone taps it.
#[component]
pub fn ExternalLink(link: &'static Link) -> impl IntoView {
    let text = link.label.unwrap_or(link.kind.label());
    let online = use_app_status().online;
    view! {
        <a class="external" href=link.url rel="noopener noreferrer">
            <span class="external__kind">{link.kind.label()}</span>
            <span class="external__text">{text}</span>
            <span class="external__host">{link.host()}</span>
            <span class="external__leaves">
                {move || if online.get() { "(leaves this app)" } else { "(leaves this app; needs a connection)" }}
            </span>
        </a>
    }
}
