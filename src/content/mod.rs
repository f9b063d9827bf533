//! The guide's content, compiled in from the files beside this one (see `build.rs`), and the few
//! questions the pages ask of it.

pub mod help;
mod model;
pub mod validate;

pub use model::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The fixed words of a page (`PageId` and `PAGES` are generated in the same order).
pub fn page(id: PageId) -> &'static Page {
    &PAGES[id as usize]
}

/// The main navigation, in order: each page's link text and address.
pub fn nav_pages() -> impl Iterator<Item = (&'static str, &'static str)> {
    PAGES.iter().filter_map(|p| Some((p.nav?, p.path?)))
}

/// The resources shown on one list page, in the order they appear in the content file.
pub fn resources_in(collection: Collection) -> impl Iterator<Item = &'static Resource> {
    RESOURCES.iter().filter(move |r| r.kind.collection() == collection)
}

/// Where an id (a resource or a section, as used in deep links and bookmarks) is in the guide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub page: &'static Page,
    pub title: String,
    /// The path with the `#id`, inside the app (not yet through `links::href`).
    pub path: String,
}

pub fn locate(id: &str) -> Option<Location> {
    let at = |page_id: PageId, page_path: &str, title: String| Location { page: page(page_id), title, path: format!("{page_path}#{id}") };
    if let Some(resource) = RESOURCES.iter().find(|r| r.id == id) {
        let collection = resource.kind.collection();
        return Some(at(collection.page(), collection.path(), plain(resource.title)));
    }
    let section_in = |sections: &[Section]| sections.iter().find(|s| s.id == id).map(|s| s.title.to_string());
    section_in(ARTICLE).map(|title| at(PageId::Home, paths::HOME, title)).or_else(|| section_in(ABOUT).map(|title| at(PageId::About, paths::ABOUT, title)))
}

/// One section of the About page by its id, alone (for showing it on another page too).
///
/// Panics on an unknown id: the ids asked for are fixed in code and tested below.
pub fn about_section(id: &str) -> &'static [Section] {
    let at = ABOUT.iter().position(|s| s.id == id).unwrap_or_else(|| panic!("no section {id:?} in about.md"));
    &ABOUT[at..=at]
}

/// Which way a list is sorted by year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum YearOrder {
    #[default]
    NewestFirst,
    OldestFirst,
}

/// Resources by year, in the given order; resources without a year always come last, and ties keep
/// their content-file order.
pub fn sorted_by_year(resources: impl Iterator<Item = &'static Resource>, order: YearOrder) -> Vec<&'static Resource> {
    let mut sorted: Vec<&'static Resource> = resources.collect();
    crate::sort::sort_by_key(&mut sorted, |r| {
        let year = r.year;
        let order_key = match order {
            YearOrder::NewestFirst => year.map(|y| u16::MAX - y),
            YearOrder::OldestFirst => year,
        };
        // `None` sorts first, so flip "has no year" into the leading key.
        (order_key.is_none(), order_key)
    });
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(order: YearOrder) -> Vec<Option<u16>> {
        sorted_by_year(resources_in(Collection::Publications), order).iter().map(|r| r.year).collect()
    }

    /// The publications' years as resources.toml gives them, in its order.
    fn publication_years() -> impl Iterator<Item = u16> {
        resources_in(Collection::Publications).filter_map(|r| r.year)
    }

    #[test]
    fn publications_newest_first_with_undated_last() {
        let years = years(YearOrder::NewestFirst);
        let dated: Vec<u16> = years.iter().map_while(|y| *y).collect();
        assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{years:?}");
        assert!(years[dated.len()..].iter().all(Option::is_none), "undated must come last: {years:?}");
        assert_eq!(dated.first(), publication_years().max().as_ref());
    }

    #[test]
    fn reversed_order_is_oldest_first_and_still_undated_last() {
        let years = years(YearOrder::OldestFirst);
        let dated: Vec<u16> = years.iter().map_while(|y| *y).collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
        assert_eq!(dated.first(), publication_years().min().as_ref());
    }

    #[test]
    fn the_only_presentation_is_under_videos_and_presentations() {
        let videos: Vec<&str> = resources_in(Collection::Videos).map(|r| r.id).collect();
        assert_eq!(videos, ["recovering-mental-health-in-scotland-presentation"]);
        assert!(resources_in(Collection::Publications).all(|r| r.kind != ResourceKind::Presentation));
    }

    #[test]
    fn contacts_open_the_right_app() {
        let shout = HELP.services.iter().find(|s| s.id == "uk-shout").unwrap();
        assert_eq!(shout.contacts[0].href(), "sms:85258?body=SHOUT");
        assert_eq!(shout.contacts[0].label(), "Text SHOUT to 85258");
        let samaritans = HELP.services.iter().find(|s| s.id == "uk-samaritans").unwrap();
        assert_eq!(samaritans.contacts[0].href(), "tel:116123");
        assert_eq!(samaritans.contacts[1].href(), "mailto:jo@samaritans.org");
    }

    #[test]
    fn link_host_is_shown_without_scheme_or_path() {
        let link = Link { kind: LinkKind::Website, url: "https://www.rethink.org/100ways", label: None };
        assert_eq!(link.host(), "www.rethink.org");
    }

    #[test]
    fn ids_are_located_on_their_page() {
        let pace = locate("pace-recovery-guide").unwrap();
        assert_eq!((pace.page.id, pace.path.as_str()), ("publications", "/publications#pace-recovery-guide"));
        assert_eq!(locate("what-supports-recovery").unwrap().page.id, "home");
        assert_eq!(locate("your-privacy").unwrap().page.id, "about");
        assert_eq!(locate("no-such-thing"), None);
    }

    #[test]
    fn language_marks_become_spans() {
        let oranga = RESOURCES.iter().find(|r| r.id == "oranga-ngakau").unwrap();
        assert_eq!(oranga.title[0], Span { text: "Oranga Ngākau", lang: Some("mi") });
        assert_eq!(plain(oranga.title), "Oranga Ngākau: Getting the most out of mental health services");
    }
}
