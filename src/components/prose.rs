//! Prose pages (the article, About): a contents list and the sections themselves.

use crate::components::bookmark_button::BookmarkButton;
use crate::components::speech_controls::Listen;
use crate::components::text::Rich;
use crate::content::{self, Block, PageId, Section};
use crate::links::section_href;
use leptos::either::Either;
use leptos::prelude::*;

/// "On this page": links to each section of a prose page.
#[component]
pub fn Contents(page_path: &'static str, sections: &'static [Section]) -> impl IntoView {
    view! {
        <nav class="contents" aria-labelledby="contents-heading">
            <h2 id="contents-heading">"On this page"</h2>
            <ol>
                {sections
                    .iter()
                    .map(|s| view! { <li><a href=section_href(page_path, s.id)>{s.title}</a></li> })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// The sections of a prose page; `page` is where bookmarks say they were made. With `listen`,
/// each section can be read aloud from its heading.
#[component]
pub fn Sections(sections: &'static [Section], page: PageId, #[prop(optional)] listen: bool) -> impl IntoView {
    sections.iter().map(|section| view! { <SectionView section page listen /> }).collect_view()
}

#[component]
fn SectionView(section: &'static Section, page: PageId, listen: bool) -> impl IntoView {
    let heading_id = format!("{}-heading", section.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="prose-section" id=section.id aria-labelledby=labelled_by>
            <div class="heading-row">
                <h2 id=heading_id>{section.title}</h2>
                <div class="heading-row__actions">
                    {listen.then(|| view! { <Listen read=format!("#{}", section.id) label="Listen" part=section.title /> })}
                    <BookmarkButton id=section.id page=content::page(page).id title=section.title.to_string() />
                </div>
            </div>
            {section.summary.map(|summary| view! {
                <p class="summary"><strong class="summary__label">"In short: "</strong><Rich text=summary /></p>
            })}
            {section.blocks.iter().map(|block| match block {
                Block::Paragraph(text) => Either::Left(view! { <p><Rich text=*text /></p> }),
                Block::List(items) => Either::Right(view! {
                    <ul>{items.iter().map(|item| view! { <li><Rich text=item.text /></li> }).collect_view()}</ul>
                }),
            }).collect_view()}
        </section>
    }
}
