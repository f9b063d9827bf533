//! Editorial rules for the content files, checked by `cargo test` so a mistake in an edit is caught
//! before it ships: unique ids, required fields, plausible years, safe links, no leftovers of the
//! old web page and none of the typos the source had.

use super::*;

/// Words from the old web page's navigation that are not content.
const LEFTOVERS: &[&str] = &["Click on title", "Click here", "Go to website", "Back to top", "Translate »"];

/// Slips in the source that content-sources.md corrects; none may come back.
const KNOWN_SLIPS: &[&str] = &[
    "TheIt",
    "persons identity",
    "reevaluate",
    "self determination",
    "personaljourney",
    "Rethink.This",
    "NetworkThis",
    ") he implementation",
    "Kandirikiria ",
    "Empowerment Centre",
    "100 Action Point'",
    "option 2",
];

/// Languages the app marks up (`lang=...`). Add one here when the content needs it.
const KNOWN_LANGUAGES: &[&str] = &["mi"];

/// Every problem found in the compiled-in content, in plain words. Empty means good to ship.
pub fn problems() -> Vec<String> {
    let mut problems = Vec::new();
    let newest_year = checked_year(HELP.checked);
    if newest_year.is_none() {
        problems.push(format!("help.toml: `checked` should end with a year, found {:?}", HELP.checked));
    }
    check_resources(RESOURCES, newest_year.unwrap_or(u16::MAX), &mut problems);
    check_sections("article.md", ARTICLE, &mut problems);
    check_sections("about.md", ABOUT, &mut problems);
    check_unique_ids(&mut problems);
    check_pages(PAGES, &mut problems);
    check_help(&HELP, &mut problems);
    check_checklist(CHECKLIST, RESOURCES, &mut problems);
    check_shipped_ids(SHIPPED_CHECKLIST_IDS, CHECKLIST, CHECKLIST_RENAMES, &mut problems);
    check_urgent_words(&URGENT_WORDS, &mut problems);
    check_plan(PLAN_STEPS, PLAN_ABOUT, &mut problems);
    check_breathing(&BREATHING, &mut problems);
    problems
}

/// Every checklist id that has ever shipped (see the file's own header).
const SHIPPED_CHECKLIST_IDS: &str = include_str!("checklist-ids.txt");

/// The year in a date such as "November 2026".
fn checked_year(checked: &str) -> Option<u16> {
    checked.split_whitespace().last()?.parse().ok()
}

fn is_slug(id: &str) -> bool {
    !id.is_empty() && !id.starts_with('-') && !id.ends_with('-') && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn check_text(place: &str, text: &str, problems: &mut Vec<String>) {
    if text.trim().is_empty() {
        problems.push(format!("{place}: text is empty"));
    }
    for phrase in LEFTOVERS {
        if text.contains(phrase) {
            problems.push(format!("{place}: {phrase:?} is a leftover of the old web page, not content"));
        }
    }
    for slip in KNOWN_SLIPS {
        if text.contains(slip) {
            problems.push(format!("{place}: {slip:?} is corrected in content-sources.md"));
        }
    }
    if text.contains("  ") {
        problems.push(format!("{place}: double space in {text:?}"));
    }
}

fn check_rich_text(place: &str, text: RichText, problems: &mut Vec<String>) {
    check_text(place, &plain(text), problems);
    for span in text {
        if let Some(lang) = span.lang {
            if !KNOWN_LANGUAGES.contains(&lang) {
                problems.push(format!("{place}: unknown language {lang:?}"));
            }
        }
    }
}

pub fn check_resources(resources: &[Resource], newest_year: u16, problems: &mut Vec<String>) {
    for r in resources {
        let place = format!("resources.toml, {}", r.id);
        if !is_slug(r.id) {
            problems.push(format!("{place}: id must be lower-case letters, digits and '-'"));
        }
        check_rich_text(&format!("{place}, title"), r.title, problems);
        for (field, value) in [("subtitle", r.subtitle), ("publisher", r.publisher), ("published_in", r.published_in), ("region", r.region)] {
            if let Some(value) = value {
                check_text(&format!("{place}, {field}"), value, problems);
            }
        }
        for text in r.authors.iter().chain(r.identifiers).chain(r.notes) {
            check_text(&place, text, problems);
        }
        for paragraph in r.description {
            check_rich_text(&format!("{place}, description"), paragraph, problems);
        }
        if let Some(year) = r.year {
            if !(1800..=newest_year).contains(&year) {
                problems.push(format!("{place}: year {year} is not between 1800 and {newest_year}"));
            }
        }
        for link in r.links {
            if !(link.url.starts_with("https://") || link.url.starts_with("http://")) || link.host().is_empty() {
                problems.push(format!("{place}: link {:?} must be a full https:// or http:// address", link.url));
            }
            if link.url.contains(char::is_whitespace) {
                problems.push(format!("{place}: link {:?} contains a space", link.url));
            }
            if link.kind == LinkKind::Doi && !link.url.starts_with("https://doi.org/10.") {
                problems.push(format!("{place}: a DOI link must start https://doi.org/10."));
            }
        }
    }
}

fn check_sections(file: &str, sections: &[Section], problems: &mut Vec<String>) {
    for s in sections {
        let place = format!("{file}, {}", s.id);
        if !is_slug(s.id) {
            problems.push(format!("{place}: id must be lower-case letters, digits and '-'"));
        }
        check_text(&place, s.title, problems);
        if let Some(summary) = s.summary {
            check_rich_text(&place, summary, problems);
        }
        if s.blocks.is_empty() {
            problems.push(format!("{place}: section has no text"));
        }
        for block in s.blocks {
            match block {
                Block::Paragraph(text) => check_rich_text(&place, text, problems),
                Block::List(items) => items.iter().for_each(|item| check_rich_text(&place, item.text, problems)),
            }
        }
    }
}

/// Resource and section ids share one space: both are deep links and bookmark keys.
fn check_unique_ids(problems: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let ids = RESOURCES.iter().map(|r| r.id).chain(ARTICLE.iter().chain(ABOUT).map(|s| s.id));
    for id in ids {
        if !seen.insert(id) {
            problems.push(format!("id {id:?} is used twice"));
        }
    }
}

pub fn check_pages(pages: &[Page], problems: &mut Vec<String>) {
    let mut ids = std::collections::HashSet::new();
    let mut paths = std::collections::HashSet::new();
    for p in pages {
        let place = format!("pages.toml, {}", p.id);
        if !ids.insert(p.id) {
            problems.push(format!("{place}: id used twice"));
        }
        for text in [p.title, p.heading, p.intro] {
            check_text(&place, text, problems);
        }
        match p.path {
            Some(path) => {
                if !path.starts_with('/') || (path.len() > 1 && !is_slug(&path[1..])) {
                    problems.push(format!("{place}: path {path:?} must be \"/\" or \"/some-name\""));
                }
                if !paths.insert(path) {
                    problems.push(format!("{place}: path {path:?} used twice"));
                }
            }
            None if p.nav.is_some() => problems.push(format!("{place}: a page in the navigation needs a path")),
            None => {}
        }
    }
    if pages.iter().filter(|p| p.path.is_none()).count() != 1 {
        problems.push("pages.toml: exactly one page (not-found) must have no path".into());
    }
}

pub fn check_help(help: &Help, problems: &mut Vec<String>) {
    if help.services.is_empty() {
        problems.push("help.toml: no services".into());
    }
    let mut ids = std::collections::HashSet::new();
    for s in help.services {
        let place = format!("help.toml, {}", s.id);
        if !is_slug(s.id) || !ids.insert(s.id) {
            problems.push(format!("{place}: id must be unique, lower-case letters, digits and '-'"));
        }
        for text in [s.country, s.name, s.hours, s.details] {
            check_text(&place, text, problems);
        }
        // Every number is shown with its country: the country must be one of the places.
        if !help.places.iter().any(|p| p.name == s.country) {
            problems.push(format!("{place}: country {:?} is not a [[place]]", s.country));
        }
        if s.contacts.is_empty() {
            problems.push(format!("{place}: a service needs at least one way to contact it"));
        }
        for c in s.contacts {
            let valid = match c.method {
                ContactMethod::Call | ContactMethod::Text => {
                    c.address.chars().all(|ch| ch.is_ascii_digit() || ch == ' ') && c.address.chars().any(|ch| ch.is_ascii_digit())
                }
                ContactMethod::Email => c.address.contains('@') && !c.address.contains(char::is_whitespace),
            };
            if !valid {
                problems.push(format!("{place}: {:?} is not a valid number or address", c.address));
            }
        }
    }
    check_places(help, problems);
}

/// Places nest one level (a nation in its country), each has services of its own, and what the
/// top of the page offers for it is a call or text to a service that applies there.
fn check_places(help: &Help, problems: &mut Vec<String>) {
    let find = |name: &str| help.places.iter().find(|p| p.name == name);
    let mut names = std::collections::HashSet::new();
    for p in help.places {
        let place = format!("help.toml, place {:?}", p.name);
        check_text(&place, p.name, problems);
        if !names.insert(p.name) {
            problems.push(format!("{place}: named twice"));
        }
        if help.services.iter().any(|s| s.id == super::help::place_id(p)) {
            problems.push(format!("{place}: its part of the page would have the same id as a service"));
        }
        if !help.services.iter().any(|s| s.country == p.name) {
            problems.push(format!("{place}: no service has this country"));
        }
        let larger = p.part_of.and_then(find);
        match (p.part_of, larger) {
            (Some(part_of), None) => problems.push(format!("{place}: part_of {part_of:?} is not a place")),
            (Some(_), Some(larger)) if larger.part_of.is_some() => {
                problems.push(format!("{place}: part_of must name a place that is not itself part of another"))
            }
            (None, _) if p.emergency.is_none() => problems.push(format!("{place}: needs an emergency service")),
            _ => {}
        }
        let applies_here = |s: &HelpService| s.country == p.name || larger.is_some_and(|l| s.country == l.name);
        for (field, id) in [("emergency", p.emergency), ("main", Some(p.main))] {
            let Some(id) = id else { continue };
            match help.services.iter().find(|s| s.id == id) {
                None => problems.push(format!("{place}: {field} {id:?} is not a service")),
                Some(s) if !applies_here(s) => problems.push(format!("{place}: {field} {id:?} is a service of {}", s.country)),
                Some(s) if s.contacts.first().is_none_or(|c| c.method == ContactMethod::Email) => {
                    problems.push(format!("{place}: {field} {id:?} must start with a number to call or text"))
                }
                Some(_) => {}
            }
        }
    }
}

fn check_urgent_words(urgent: &UrgentWords, problems: &mut Vec<String>) {
    check_text("urgent-words.toml, message", urgent.message, problems);
    check_text("urgent-words.toml, link", urgent.link, problems);
    if urgent.words.is_empty() {
        problems.push("urgent-words.toml: no words".into());
    }
    for word in urgent.words {
        check_text("urgent-words.toml, words", word, problems);
    }
}

/// Checklist items need unique ids (people's answers are kept under them), and items quoted from
/// a resource must be that resource's words.
pub fn check_checklist(groups: &[ChecklistGroup], resources: &[Resource], problems: &mut Vec<String>) {
    let mut ids = std::collections::HashSet::new();
    for group in groups {
        let place = format!("reflect.toml, {}", group.id);
        if group.items.is_empty() {
            problems.push(format!("{place}: the group has no items"));
        }
        let source_text = group.source.map(|id| match resources.iter().find(|r| r.id == id) {
            Some(resource) => resource.description.iter().map(|p| plain(p)).collect::<Vec<_>>().join(" "),
            None => {
                problems.push(format!("{place}: source {id:?} is not in resources.toml"));
                String::new()
            }
        });
        for item in group.items {
            if !is_slug(item.id) || !ids.insert(item.id) {
                problems.push(format!("{place}: item id {:?} must be unique, lower-case letters, digits and '-'", item.id));
            }
            check_text(&place, item.text, problems);
            if let Some(source_text) = &source_text {
                if !source_text.contains(item.text) {
                    problems.push(format!("{place}: {:?} is not in the source's description", item.text));
                }
            }
        }
    }
}

/// People's answers are kept under checklist ids, so every id that has shipped must still be in
/// the checklist, or be named by a `renamed_from` that carries its answers to a current item; and
/// every current id must be in `shipped` (`checklist-ids.txt`), so it is protected from then on.
/// `renames` is (old id, new id).
pub fn check_shipped_ids(shipped: &str, groups: &[ChecklistGroup], renames: &[(&str, &str)], problems: &mut Vec<String>) {
    const FILE: &str = "checklist-ids.txt";
    let current: Vec<&str> = groups.iter().flat_map(|g| g.items).map(|item| item.id).collect();
    let mut listed = std::collections::HashSet::new();
    for line in shipped.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
        if !is_slug(line) || !listed.insert(line) {
            problems.push(format!("{FILE}: {line:?} must be one id per line, each listed once"));
        } else if !current.contains(&line) && !renames.iter().any(|(old, _)| *old == line) {
            problems.push(format!(
                "{FILE}: the checklist id {line:?} has shipped but is no longer in the checklist, so people's answers to it \
                 would be lost. Put the item back, or give the item that replaces it `renamed_from` {line:?} (reflect.toml \
                 explains how)."
            ));
        }
    }
    let missing: Vec<&str> = current.iter().copied().filter(|id| !listed.contains(id)).collect();
    if !missing.is_empty() {
        problems.push(format!("{FILE}: add the new checklist ids {}, one per line at the end of the file, so they are kept from now on", missing.join(", ")));
    }
    let mut renamed = std::collections::HashSet::new();
    for (old, new) in renames {
        if current.contains(old) {
            problems.push(format!("reflect.toml: {new:?} is renamed_from {old:?}, which is still in the checklist"));
        }
        if !renamed.insert(old) {
            problems.push(format!("reflect.toml: {old:?} is named in renamed_from more than once"));
        }
        if !listed.contains(old) {
            problems.push(format!("reflect.toml: {new:?} is renamed_from {old:?}, which {FILE} does not list: check its spelling"));
        }
    }
}

/// Every plan step id that has shipped: people's entries are kept under them, so none may go.
const SHIPPED_PLAN_STEPS: &[&str] = &["warning-signs", "on-my-own", "take-my-mind-off", "people-to-ask", "services", "safer-place", "reasons"];

/// The section names of WRAP (Wellness Recovery Action Plan), a registered trademark: the plan
/// uses its own words.
const WRAP_WORDS: &[&str] =
    &["wrap", "wellness", "toolbox", "daily maintenance", "triggers", "early warning signs", "breaking down", "crisis plan", "post crisis", "action plan"];

/// The most words a sentence the app writes for people may have.
const MAX_SENTENCE_WORDS: usize = 25;

/// The plan's steps: every shipped id still there, each once; two or three examples; one step
/// offering helplines (a step of contacts); short sentences; none of WRAP's words.
pub fn check_plan(steps: &[PlanStep], about: &str, problems: &mut Vec<String>) {
    let mut ids = std::collections::HashSet::new();
    for step in steps {
        let place = format!("plan.toml, {}", step.id);
        if !is_slug(step.id) || !ids.insert(step.id) {
            problems.push(format!("{place}: step id {:?} must be unique, lower-case letters, digits and '-'", step.id));
        }
        if !(2..=3).contains(&step.hints.len()) {
            problems.push(format!("{place}: give two or three hints, not {}", step.hints.len()));
        }
        if step.helplines && !step.contacts {
            problems.push(format!("{place}: a step with helplines holds contacts: add `contacts = true`"));
        }
        for text in [step.heading, step.prompt, step.add].into_iter().chain(step.hints.iter().copied()) {
            check_plain_words(&place, text, problems);
        }
    }
    check_plain_words("plan.toml, about", about, problems);
    for id in SHIPPED_PLAN_STEPS {
        if !ids.contains(id) {
            problems.push(format!("plan.toml: the step {id:?} has shipped, so people's entries are kept under it: it cannot go"));
        }
    }
    if steps.iter().filter(|s| s.helplines).count() != 1 {
        problems.push("plan.toml: exactly one step must have `helplines = true`".into());
    }
}

/// Breathing the source does not describe: holding the breath can make people dizzy or more
/// panicky (shared/content-sources.md, "Calming breathing").
const NOT_IN_THE_BREATHING_SOURCE: &[&str] = &["hold", "holding", "held", "box breathing", "4-7-8", "7-11"];

/// "Breathe with me": plain words, and only the source's technique.
pub fn check_breathing(breathing: &Breathing, problems: &mut Vec<String>) {
    let Breathing { heading, intro, how, start, stop, breathe_in, breathe_out, speak, finished, back } = *breathing;
    for text in [heading, intro, start, stop, breathe_in, breathe_out, speak, finished, back].into_iter().chain(how.iter().copied()) {
        check_plain_words("breathing.toml", text, problems);
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !(c.is_alphanumeric() || c == '-')).collect();
        for banned in NOT_IN_THE_BREATHING_SOURCE {
            if words.contains(banned) || (banned.contains(' ') && lower.contains(banned)) {
                problems.push(format!("breathing.toml: {banned:?} is not in the calming breathing source; keep to in for five, out for five"));
            }
        }
    }
}

/// Text in the app's own words: short sentences, and none of WRAP's section names.
fn check_plain_words(place: &str, text: &str, problems: &mut Vec<String>) {
    check_text(place, text, problems);
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    for name in WRAP_WORDS {
        let name: Vec<&str> = name.split(' ').collect();
        if words.windows(name.len()).any(|w| w == name.as_slice()) {
            problems.push(format!("{place}: {:?} is WRAP's wording; write it in our own words", name.join(" ")));
        }
    }
    for sentence in text.split(['.', '?', '!']) {
        let count = sentence.split_whitespace().count();
        if count > MAX_SENTENCE_WORDS {
            problems.push(format!("{place}: a sentence of {count} words; keep each under {MAX_SENTENCE_WORDS}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_content_has_no_problems() {
        let problems = problems();
        assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
    }

    const GOOD: Resource = Resource {
        id: "a-guide",
        kind: ResourceKind::Publication,
        title: &[Span { text: "A guide", lang: None }],
        subtitle: None,
        authors: &[],
        year: Some(2004),
        year_approximate: false,
        publisher: None,
        published_in: None,
        identifiers: &[],
        region: None,
        description: &[],
        notes: &[],
        links: &[Link { kind: LinkKind::Website, url: "https://example.org/", label: None }],
    };

    fn resource_problems(resource: Resource) -> Vec<String> {
        let mut problems = Vec::new();
        check_resources(&[resource], 2026, &mut problems);
        problems
    }

    #[test]
    fn a_good_resource_passes() {
        assert_eq!(resource_problems(GOOD), Vec::<String>::new());
    }

    #[test]
    fn catches_unsafe_or_partial_links() {
        for url in ["javascript:alert(1)", "ftp://example.org/", "www.example.org", "https://", "https://exa mple.org/"] {
            let links = Box::leak(Box::new([Link { kind: LinkKind::Website, url, label: None }]));
            assert!(!resource_problems(Resource { links, ..GOOD }).is_empty(), "{url} should be refused");
        }
    }

    #[test]
    fn catches_years_in_the_future_or_implausible() {
        for value in [1066, 2027, 9999] {
            assert!(!resource_problems(Resource { year: Some(value), ..GOOD }).is_empty(), "{value} should be refused");
        }
    }

    #[test]
    fn catches_bad_ids_empty_titles_and_leftovers() {
        assert!(!resource_problems(Resource { id: "Bad Id", ..GOOD }).is_empty());
        assert!(!resource_problems(Resource { title: &[Span { text: " ", lang: None }], ..GOOD }).is_empty());
        let leftover = &[Span { text: "A guide. Click here to download", lang: None }];
        assert!(!resource_problems(Resource { title: leftover, ..GOOD }).is_empty());
        let slip = &[Span { text: "on self determination", lang: None }];
        assert!(!resource_problems(Resource { title: slip, ..GOOD }).is_empty());
    }

    #[test]
    fn catches_unknown_language_marks() {
        let title = &[Span { text: "Kia ora", lang: Some("xx") }];
        assert!(!resource_problems(Resource { title, ..GOOD }).is_empty());
    }

    const UK: Place = Place { name: "UK", part_of: None, emergency: Some("x"), main: "x" };

    const SERVICE: HelpService = HelpService {
        id: "x",
        country: "UK",
        name: "X",
        when: None,
        hours: "24/7",
        details: "Call.",
        contacts: &[Contact { method: ContactMethod::Call, address: "999", message: None, note: None }],
        notes: &[],
    };

    fn help_problems(places: Vec<Place>, services: Vec<HelpService>) -> Vec<String> {
        let mut problems = Vec::new();
        let (places, services) = (places.leak(), services.leak());
        check_help(&Help { checked: "November 2026", places, services }, &mut problems);
        problems
    }

    fn service(id: &'static str, country: &'static str) -> HelpService {
        HelpService { id, country, ..SERVICE }
    }

    #[test]
    fn good_help_passes() {
        assert_eq!(help_problems(vec![UK], vec![SERVICE]), Vec::<String>::new());
    }

    #[test]
    fn catches_numbers_that_are_not_numbers() {
        let contacts = &[Contact { method: ContactMethod::Call, address: "111, option 2", message: None, note: None }];
        let problems = help_problems(vec![UK], vec![HelpService { contacts, ..SERVICE }]);
        assert!(problems.iter().any(|p| p.contains("not a valid number")), "{problems:?}");
    }

    #[test]
    fn catches_a_number_without_a_known_country() {
        let problems = help_problems(vec![UK], vec![SERVICE, service("y", "Narnia")]);
        assert!(problems.iter().any(|p| p.contains("\"Narnia\" is not a [[place]]")), "{problems:?}");
    }

    #[test]
    fn catches_places_that_nest_wrongly_or_point_at_another_places_services() {
        let wales = Place { name: "Wales", part_of: Some("UK"), emergency: None, main: "y" };
        assert_eq!(help_problems(vec![UK, wales], vec![SERVICE, service("y", "Wales")]), Vec::<String>::new());
        let cardiff = Place { name: "Cardiff", part_of: Some("Wales"), emergency: None, main: "y" };
        let problems = help_problems(vec![UK, wales, cardiff], vec![SERVICE, service("y", "Wales"), service("z", "Cardiff")]);
        assert!(problems.iter().any(|p| p.contains("not itself part of another")), "{problems:?}");
        let ireland = Place { name: "Ireland", part_of: None, emergency: Some("x"), main: "z" };
        let problems = help_problems(vec![UK, ireland], vec![SERVICE, service("z", "Ireland")]);
        assert!(problems.iter().any(|p| p.contains("emergency \"x\" is a service of UK")), "{problems:?}");
        let mars = Place { name: "Mars", part_of: None, emergency: None, main: "x" };
        let problems = help_problems(vec![mars], vec![service("x", "Mars")]);
        assert!(problems.iter().any(|p| p.contains("needs an emergency service")), "{problems:?}");
    }

    #[test]
    fn catches_an_email_as_the_first_thing_offered() {
        let contacts = &[Contact { method: ContactMethod::Email, address: "jo@example.org", message: None, note: None }];
        let problems = help_problems(vec![UK], vec![HelpService { contacts, ..SERVICE }]);
        assert!(problems.iter().any(|p| p.contains("must start with a number")), "{problems:?}");
    }

    #[test]
    fn catches_bad_paths() {
        let page = Page { id: "home", path: Some("/Home Page"), nav: None, title: "T", heading: "H", intro: "I", empty: None, loading: None };
        let mut problems = Vec::new();
        check_pages(&[page], &mut problems);
        assert!(problems.iter().any(|p| p.contains("must be")));
    }

    const ITEMS: &[ChecklistEntry] = &[ChecklistEntry { id: "being-heard", text: "being heard" }, ChecklistEntry { id: "hope", text: "hope" }];
    const GROUPS: &[ChecklistGroup] = &[ChecklistGroup { id: "g", title: "G", prompt: "P", source: None, items: ITEMS }];

    fn shipped_problems(shipped: &str, renames: &[(&str, &str)]) -> Vec<String> {
        let mut problems = Vec::new();
        check_shipped_ids(shipped, GROUPS, renames, &mut problems);
        problems
    }

    #[test]
    fn a_shipped_id_that_disappears_without_renamed_from_is_caught() {
        assert_eq!(shipped_problems("# header\nbeing-heard\n\nhope\n", &[]), Vec::<String>::new());
        let lost = shipped_problems("being-listened-to\nbeing-heard\nhope", &[]);
        assert_eq!(lost.len(), 1, "{lost:?}");
        assert!(lost[0].contains("\"being-listened-to\" has shipped but is no longer in the checklist"), "{lost:?}");
        assert_eq!(shipped_problems("being-listened-to\nbeing-heard\nhope", &[("being-listened-to", "being-heard")]), Vec::<String>::new());
    }

    #[test]
    fn a_new_id_must_be_added_to_the_list_and_the_message_says_which() {
        let problems = shipped_problems("being-heard", &[]);
        assert_eq!(problems, ["checklist-ids.txt: add the new checklist ids hope, one per line at the end of the file, so they are kept from now on"]);
    }

    #[test]
    fn renamed_from_must_name_an_old_shipped_id_once() {
        let problems = shipped_problems("being-heard\nhope\nold", &[("hope", "being-heard"), ("old", "hope"), ("old", "being-heard"), ("typo", "hope")]);
        assert!(problems.iter().any(|p| p.contains("\"hope\", which is still in the checklist")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("\"old\" is named in renamed_from more than once")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("\"typo\", which checklist-ids.txt does not list")), "{problems:?}");
        let listed_twice = shipped_problems("being-heard\nhope\nhope\nNot An Id", &[]);
        assert_eq!(listed_twice.len(), 2, "{listed_twice:?}");
    }

    #[test]
    fn breathing_refuses_breath_holds_and_other_techniques() {
        let with_intro = |intro: &'static str| {
            let mut problems = Vec::new();
            check_breathing(&Breathing { intro, ..BREATHING }, &mut problems);
            problems
        };
        assert_eq!(with_intro(BREATHING.intro), Vec::<String>::new());
        for intro in ["Hold your breath for four.", "Try box breathing.", "Breathe 4-7-8.", "Keep holding it."] {
            assert!(with_intro(intro).iter().any(|p| p.contains("not in the calming breathing source")), "{intro:?} was let through");
        }
        let long = "This sentence goes on and on with far too many words for someone who is frightened and tired to read at two or three in the morning.";
        assert!(with_intro(long).iter().any(|p| p.contains("keep each under 25")));
    }

    fn plan_problems(steps: Vec<PlanStep>) -> Vec<String> {
        let mut problems = Vec::new();
        check_plan(steps.leak(), "Write as much as you like.", &mut problems);
        problems
    }

    #[test]
    fn the_plan_keeps_every_shipped_step_and_one_helpline_step() {
        let mut steps: Vec<PlanStep> = PLAN_STEPS.to_vec();
        assert!(plan_problems(steps.clone()).is_empty());
        steps.retain(|s| s.id != "reasons");
        assert!(plan_problems(steps.clone()).iter().any(|p| p.contains("\"reasons\" has shipped")));
        steps.iter_mut().for_each(|s| s.helplines = false);
        assert!(plan_problems(steps).iter().any(|p| p.contains("exactly one step")));
    }

    #[test]
    fn the_plan_refuses_wraps_wording_long_sentences_and_too_few_hints() {
        let step = |heading: &'static str, hints: &'static [&'static str]| PlanStep { heading, hints, ..PLAN_STEPS[0] };
        let found = |step: PlanStep| plan_problems([vec![step], PLAN_STEPS[1..].to_vec()].concat());
        assert!(found(step("My Wellness Toolbox", &["a", "b"])).iter().any(|p| p.contains("\"wellness\" is WRAP's wording")));
        assert!(found(step("Early warning signs", &["a", "b"])).iter().any(|p| p.contains("\"early warning signs\"")));
        assert!(found(step("Things wrapped up", &["a", "b"])).is_empty(), "only whole words");
        assert!(found(step("Signs", &["a"])).iter().any(|p| p.contains("two or three hints")));
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six.";
        assert!(found(step(long, &["a", "b"])).iter().any(|p| p.contains("a sentence of 26 words")));
    }
}
