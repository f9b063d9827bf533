use crate::components::search_field::{focus_result, show_search, use_search_query};
use crate::components::text::PageHeading;
use crate::content::{self, paths, PageId, CHECKLIST, URGENT_WORDS};
use crate::effect::effect;
use crate::links::href;
use crate::search::{grouped, guide_documents, needs_urgent_help, note_documents, Filters, Hit, Index, Kind, Marked, SearchQuery};
use crate::user_data::use_user_data;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::OnceLock;

/// The guide's index, built the first time anyone searches.
fn guide_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(guide_documents()))
}

#[component]
pub fn Search() -> impl IntoView {
    let page = content::page(PageId::Search);
    let data = use_user_data();
    let query = use_search_query();
    let navigate = use_navigate();
    let set_filters = move |change: &dyn Fn(&mut Filters)| {
        let mut next = query.get_untracked();
        change(&mut next.filters);
        show_search(&navigate, &next, true);
    };
    let set_filters = StoredValue::new(set_filters);
    // The person's notes are searched here, on their device, and never indexed anywhere else.
    // (A handful of notes: indexing them for each search costs less than keeping an index in step.)
    let notes = move || {
        data.bookmarks.with(|b| {
            data.reflections.with(|r| {
                data.plan
                    .with(|p| Index::new(note_documents(b, r, p, |id| CHECKLIST.iter().flat_map(|g| g.items).find(|i| i.id == id).map(|i| i.text.to_string()))))
            })
        })
    };
    let results = move || {
        let query = query.get();
        let hits: Vec<Hit<'static>> = measure(|| guide_index().search(&query.text, &query.filters));
        let notes = notes();
        let own: Vec<(Kind, Marked, Option<Marked>, String)> =
            notes.search(&query.text, &query.filters).into_iter().map(|h| (h.doc.kind, h.title, h.snippet, h.doc.path.clone())).collect();
        let mut all: Vec<(Kind, Marked, Option<Marked>, String)> = hits.into_iter().map(|h| (h.doc.kind, h.title, h.snippet, h.doc.path.clone())).collect();
        all.extend(own);
        (query.text, all)
    };
    let urgent = Memo::new(move |_| query.with(|q| needs_urgent_help(&q.text)));
    view! {
        <PageHeading page />
        <UrgentNote urgent />
        <Filters query set_filters />
        {move || {
            let (text, all) = results();
            if text.trim().is_empty() {
                return Either::Left(view! { <p class="search-status" role="status">"Type in the search box above to search the whole guide."</p> });
            }
            let count = all.len();
            let years_reversed = query.with(|q| matches!((q.filters.from, q.filters.to), (Some(from), Some(to)) if from > to));
            let status = match count {
                // Said in the live region, so it is heard as well as seen.
                0 if years_reversed => format!("No results for “{text}”: the “From” year is after the “To” year. Swap them to see results."),
                0 => format!("No results for “{text}”."),
                1 => format!("1 result for “{text}”."),
                n => format!("{n} results for “{text}”."),
            };
            let groups = grouped(all.into_iter().map(|(kind, title, snippet, path)| (kind, (title, snippet, path))).collect());
            Either::Right(view! {
                <p class="search-status" role="status">{status}</p>
                // Nothing found: other words to try, then a calm line and the way to urgent help (at
                // the top of the page already when the search holds urgent words, and then no
                // other words are suggested).
                {(count == 0 && !urgent.get()).then(|| view! {
                    {(!years_reversed).then(|| view! { <p class="empty-note">{page.empty}</p> })}
                    <p class="urgent-note">
                        {URGENT_WORDS.nothing_found} " "
                        <a class="urgent-note__link" href=href(paths::HELP)>{URGENT_WORDS.link}</a>
                    </p>
                })}
                <div class="results" on:keydown=move_between_results>
                    {groups.into_iter().map(|(kind, items)| view! {
                        <section class="result-group" aria-label=kind.group()>
                            <h2>{kind.group()}</h2>
                            <ol class="result-list">
                                {items.into_iter().map(|(title, snippet, path)| view! {
                                    <li>
                                        <a class="result" href=href(&path)>
                                            <span class="result__title" dir="auto"><Highlighted marked=title /></span>
                                            // Titles and snippets may be the person's own words, in any script.
                                            {snippet.map(|s| view! { <span class="result__snippet" dir="auto"><Highlighted marked=s /></span> })}
                                        </a>
                                    </li>
                                }).collect_view()}
                            </ol>
                        </section>
                    }).collect_view()}
                </div>
            })
        }}
    }
}

/// A calm line and the way to urgent help, first on the page, when the search holds words that can
/// mean the person needs help now. Announced once when it appears, not at every key press.
#[component]
fn UrgentNote(urgent: Memo<bool>) -> impl IntoView {
    let help = paths::HELP;
    view! {
        <div class="urgent-note-region" aria-live="polite">
            {move || urgent.get().then(|| view! {
                <p class="urgent-note">
                    {URGENT_WORDS.message} " "
                    <a class="urgent-note__link" href=href(help)>{URGENT_WORDS.link}</a>
                </p>
            })}
        </div>
    }
}

/// Times one search with the browser's Performance API (a "search" measure per keystroke, which
/// the benchmark reads); natively (tests, prerendering) it only runs the search.
fn measure<T>(search: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("search-start");
        let result = search();
        let _ = performance.measure_with_start_mark("search", "search-start");
        return result;
    }
    search()
}

/// A year that filters: only a whole one ("2" on the way to "2005" would empty the list).
fn whole_year(text: &str) -> Option<u16> {
    text.trim().parse().ok().filter(|year: &u16| (1000..=9999).contains(year))
}

/// Arrow keys move between results (Enter opens one, as on any link).
fn move_between_results(event: leptos::ev::KeyboardEvent) {
    let step: i32 = match event.key().as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => return,
    };
    event.prevent_default();
    focus_result(step);
}

#[component]
fn Highlighted(marked: Marked) -> impl IntoView {
    marked
        .parts()
        .into_iter()
        .map(|(text, hit)| if hit { Either::Left(view! { <mark>{text.to_string()}</mark> }) } else { Either::Right(text.to_string()) })
        .collect_view()
}

#[component]
fn Filters(query: Memo<SearchQuery>, set_filters: StoredValue<impl Fn(&dyn Fn(&mut Filters)) + Send + Sync + 'static>) -> impl IntoView {
    // Open when the address holds filters, and from then on as the person leaves it: typing a
    // year that is not (yet) a year must not fold the panel away mid-word.
    let open = RwSignal::new(false);
    effect(move || {
        if query.with(|q| q.filters != Filters::default()) {
            open.set(true);
        }
    });
    let year_input = move |label: &'static str, id: &'static str, get: fn(&Filters) -> Option<u16>, set: fn(&mut Filters, Option<u16>)| {
        // What the person typed, kept on screen while it says the same year as the address (so
        // "99999" or "-5" stays as typed instead of being wiped).
        let typed = RwSignal::new(None::<String>);
        view! {
            <label class="year-field" for=id>
                {label}
                // Text, not type="number": a number field empties itself mid-typing ("-" reads as
                // ""), and the app could not keep what the person typed on screen.
                <input id=id type="text" inputmode="numeric" autocomplete="off" size="6"
                    prop:value=move || {
                        let year = query.with(|q| get(&q.filters));
                        match typed.get() {
                            Some(text) if whole_year(&text) == year => text,
                            _ => year.map(|y| y.to_string()).unwrap_or_default(),
                        }
                    }
                    on:input=move |e| {
                        let text = event_target_value(&e);
                        let year = whole_year(&text);
                        typed.set(Some(text));
                        set_filters.with_value(|f| f(&|filters: &mut Filters| set(filters, year)));
                    } />
                {move || typed.get().filter(|text| !text.trim().is_empty() && whole_year(text).is_none()).map(|text| view! {
                    <span class="year-field__note" role="status">{format!("“{text}” is not a year, so it does not filter.")}</span>
                })}
            </label>
        }
    };
    view! {
        <details class="search-filters needs-script" prop:open=move || open.get() on:toggle=move |e| open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open())>
            <summary>"Filter results"</summary>
            <fieldset class="choice">
                <legend>"Show only"</legend>
                {Kind::FILTERABLE.into_iter().map(|kind| view! {
                    <label class="choice__option">
                        <input type="checkbox"
                            prop:checked=move || query.with(|q| q.filters.kinds.contains(&kind))
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                set_filters.with_value(|f| f(&|filters: &mut Filters| {
                                    filters.kinds.retain(|k| *k != kind);
                                    if on { filters.kinds.push(kind); crate::sort::sort(&mut filters.kinds); }
                                }));
                            } />
                        {kind.group()}
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset class="choice">
                <legend>"Years (only items with a year)"</legend>
                {year_input("From", "year-from", |f| f.from, |f, y| f.from = y)}
                {year_input("To", "year-to", |f| f.to, |f, y| f.to = y)}
            </fieldset>
        </details>
    }
}
