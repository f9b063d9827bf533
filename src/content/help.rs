//! Urgent help by place: which services apply where (a nation also gets its country's), what the
//! top of the help page offers first, and which part of the page a link points into. The places
//! and how they nest are content (`help.toml`); these are only the questions the page asks of it.

use super::{HelpService, Place, HELP};

/// One part of the help page: a place (its heading) and the services that are its own.
pub type PlaceGroup = (&'static Place, Vec<&'static HelpService>);

/// The place with this name, if the content has it (a remembered choice may outlive a place).
pub fn place(name: &str) -> Option<&'static Place> {
    HELP.places.iter().find(|p| p.name == name)
}

/// A place as the "Where are you?" choices name it: a nation with its country ("Scotland (UK)").
pub fn place_label(place: &Place) -> String {
    match place.part_of {
        Some(larger) => format!("{} ({larger})", place.name),
        None => place.name.to_string(),
    }
}

/// The heading over a place's first numbers: "Help in Scotland", and "Help in the UK" for a name
/// written in capitals (UK, USA), which is read with "the".
pub fn help_in(place: &Place) -> String {
    let the = if place.name.chars().all(|c| c.is_ascii_uppercase()) { "the " } else { "" };
    format!("Help in {the}{}", place.name)
}

/// The id of a place's part of the page ("New Zealand" -> "new-zealand").
pub fn place_id(place: &Place) -> String {
    place.name.to_lowercase().replace(' ', "-")
}

fn own_services(place: &Place) -> Vec<&'static HelpService> {
    HELP.services.iter().filter(|s| s.country == place.name).collect()
}

fn group(place: &'static Place) -> PlaceGroup {
    (place, own_services(place))
}

/// The larger place this one is part of (Scotland -> UK).
pub fn larger_place(place: &Place) -> Option<&'static Place> {
    place.part_of.and_then(self::place)
}

/// The places that are part of this one (UK -> England, Scotland, Wales, Northern Ireland).
fn parts_of(place: &Place) -> impl Iterator<Item = &'static Place> + '_ {
    HELP.places.iter().filter(move |p| p.part_of == Some(place.name))
}

/// Every place with its own services, in the content's order: the page before a place is chosen.
pub fn help_by_place() -> Vec<PlaceGroup> {
    HELP.places.iter().map(group).filter(|(_, services)| !services.is_empty()).collect()
}

/// Everything that applies in `place`, each under its own place: the place's own services, then
/// the larger place's (Scotland, then the UK-wide 999, Samaritans and Shout), then those of its
/// parts (the UK, then England, Scotland, Wales and Northern Ireland). Nothing from elsewhere.
pub fn help_for(place: &'static Place) -> Vec<PlaceGroup> {
    std::iter::once(place).chain(larger_place(place)).chain(parts_of(place)).map(group).filter(|(_, services)| !services.is_empty()).collect()
}

pub fn service(id: &str) -> Option<&'static HelpService> {
    HELP.services.iter().find(|s| s.id == id)
}

/// The service to use in `place` if a life is at risk: its own, or the larger place's.
pub fn emergency_service(place: &Place) -> Option<&'static HelpService> {
    match place.emergency {
        Some(id) => service(id),
        None => larger_place(place).and_then(emergency_service),
    }
}

/// What the top of the help page offers someone who chose `place`: the emergency service, then
/// the place's main line.
pub fn first_help(place: &Place) -> Vec<&'static HelpService> {
    let mut first: Vec<&'static HelpService> = emergency_service(place).into_iter().collect();
    first.extend(service(place.main).filter(|main| !first.contains(main)));
    first
}

/// The emergency service of every country (a nation shares its country's), for the top of the
/// page before a place is chosen.
pub fn emergency_by_country() -> Vec<(&'static Place, &'static HelpService)> {
    HELP.places.iter().filter(|p| p.part_of.is_none()).filter_map(|p| Some((p, emergency_service(p)?))).collect()
}

/// Whether the page for `place` shows the element with this id (a service or a place's part), so
/// a link to something elsewhere (e.g. a search result) can show every place instead of hiding it.
pub fn help_for_shows(place: &'static Place, id: &str) -> bool {
    help_for(place).iter().any(|(shown, services)| place_id(shown) == id || services.iter().any(|s| s.id == id))
}

#[cfg(test)]
mod tests {
    /// Issue 28: "Help in UK" and "Help in USA".
    #[test]
    fn a_place_written_in_capitals_is_read_with_the() {
        let heading = |name: &str| help_in(place(name).unwrap());
        assert_eq!(heading("UK"), "Help in the UK");
        assert_eq!(heading("USA"), "Help in the USA");
        assert_eq!(heading("Scotland"), "Help in Scotland");
        assert_eq!(heading("New Zealand"), "Help in New Zealand");
    }

    use super::*;

    fn ids(groups: &[PlaceGroup]) -> Vec<(&str, Vec<&str>)> {
        groups.iter().map(|(place, services)| (place.name, services.iter().map(|s| s.id).collect())).collect()
    }

    fn named(name: &str) -> &'static Place {
        place(name).unwrap_or_else(|| panic!("no place {name:?}"))
    }

    #[test]
    fn with_no_choice_every_place_shows_under_its_own_heading() {
        let groups = help_by_place();
        let names: Vec<&str> = groups.iter().map(|(p, _)| p.name).collect();
        assert_eq!(names, ["UK", "England", "Scotland", "Wales", "Northern Ireland", "Ireland", "Australia", "Canada", "New Zealand", "USA"]);
        // 111, "Lifeline" and 116 123 mean different things in different places: each is labelled.
        for (place, services) in &groups {
            assert!(services.iter().all(|s| s.country == place.name), "{}", place.name);
        }
        assert_eq!(groups.iter().map(|(_, s)| s.len()).sum::<usize>(), HELP.services.len(), "every service is shown once");
    }

    #[test]
    fn a_nation_shows_the_uk_wide_numbers_under_the_uk_and_nothing_from_elsewhere() {
        for nation in ["England", "Scotland", "Wales", "Northern Ireland"] {
            let groups = help_for(named(nation));
            let shown = ids(&groups);
            assert_eq!(shown[0].0, nation, "the chosen place comes first");
            assert_eq!(shown[1], ("UK", vec!["uk-emergency", "uk-samaritans", "uk-shout"]), "{nation}");
            assert_eq!(shown.len(), 2, "{nation} shows nothing from another place: {shown:?}");
        }
        assert_eq!(ids(&help_for(named("Scotland")))[0].1, ["scotland-nhs-24", "scotland-breathing-space"]);
    }

    #[test]
    fn the_uk_shows_its_nations_each_under_its_own_heading() {
        let names: Vec<&str> = help_for(named("UK")).iter().map(|(p, _)| p.name).collect();
        assert_eq!(names, ["UK", "England", "Scotland", "Wales", "Northern Ireland"]);
    }

    #[test]
    fn a_country_shows_only_its_own_services() {
        assert_eq!(
            ids(&help_for(named("Ireland"))),
            [("Ireland", vec!["ireland-emergency", "ireland-samaritans", "ireland-50808", "ireland-your-mental-health"])]
        );
        assert_eq!(ids(&help_for(named("New Zealand"))), [("New Zealand", vec!["nz-emergency", "nz-need-to-talk"])]);
    }

    #[test]
    fn the_top_of_the_page_offers_the_emergency_number_then_the_main_line() {
        let first = |name: &str| first_help(named(name)).iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(first("Scotland"), ["uk-emergency", "scotland-nhs-24"]);
        assert_eq!(first("Wales"), ["uk-emergency", "wales-nhs-111"]);
        assert_eq!(first("UK"), ["uk-emergency", "uk-samaritans"]);
        assert_eq!(first("Australia"), ["australia-emergency", "australia-lifeline"]);
        for place in HELP.places {
            let first = first_help(place);
            assert_eq!(first.len(), 2, "{} needs an emergency number and a main line", place.name);
            assert_eq!(first[0].when, Some("If a life is at risk"), "{}", place.name);
        }
    }

    #[test]
    fn before_a_choice_each_country_shows_its_emergency_number_once() {
        let numbers: Vec<(&str, &str)> = emergency_by_country().iter().map(|(p, s)| (p.name, s.contacts[0].address)).collect();
        assert_eq!(numbers, [("UK", "999"), ("Ireland", "112"), ("Australia", "000"), ("Canada", "911"), ("New Zealand", "111"), ("USA", "911")]);
    }

    #[test]
    fn links_into_the_page_know_whether_a_chosen_place_shows_them() {
        let scotland = named("Scotland");
        assert!(help_for_shows(scotland, "uk-samaritans"));
        assert!(help_for_shows(scotland, "scotland"));
        assert!(help_for_shows(scotland, "uk"));
        assert!(!help_for_shows(scotland, "nz-emergency"));
        assert!(!help_for_shows(scotland, "england"));
    }

    #[test]
    fn an_unknown_remembered_place_is_no_place() {
        assert_eq!(place("Atlantis"), None);
        assert_eq!(place_id(named("Northern Ireland")), "northern-ireland");
    }
}
