//! Every item of the source page is in the guide, on the right page, with the editors' corrections.
//!
//! Where the lists come from: neither source is in this repository. The source page is the
//! "What is Recovery?" resource page the guide was made from (kept by the team as
//! `shared/seed/what-is-recovery.txt`); the corrections, verified links and urgent help numbers are
//! from the team's editorial notes, `shared/content-sources.md` (checked November 2026 against
//! stored copies of public pages). The lists below were copied by hand from those two files on 26
//! and 27 November 2026, so they are this repository's record of them: dropping an item from the
//! content files fails this test, and a change to the sources must be copied here too.

use recovery_guide::content::help::{help_for, place};
use recovery_guide::content::{plain, resources_in, Block, Collection, ContactMethod, ARTICLE, HELP, RESOURCES};

fn titles(collection: Collection) -> Vec<String> {
    resources_in(collection).map(|r| plain(r.title)).collect()
}

fn assert_has_all(collection: Collection, expected: &[&str]) {
    let titles = titles(collection);
    for title in expected {
        assert!(titles.iter().any(|t| t.starts_with(title)), "{collection:?} is missing {title:?}; it has {titles:#?}");
    }
    assert_eq!(titles.len(), expected.len(), "{collection:?} has items the source does not: {titles:#?}");
}

#[test]
fn every_publication_of_the_source() {
    assert_has_all(
        Collection::Publications,
        &[
            "Oranga Ngākau",
            "PACE: Personal Assistance in Community Existence",
            "100 Ways to Support Recovery",
            "Finding Strength from Within",
            "Recovering Mental Health in Scotland",
            "Rights, Relationships and Recovery",
        ],
    );
}

#[test]
fn every_research_item_of_the_source() {
    assert_has_all(
        Collection::Research,
        &[
            "Uses and abuses of recovery",
            "Recovery from mental illness: the guiding vision of the mental health service system",
            "Changes in schizophrenia across time",
        ],
    );
}

#[test]
fn the_presentation_is_under_videos_and_presentations() {
    assert_has_all(Collection::Videos, &["Recovering Mental Health in Scotland"]);
}

#[test]
fn every_organisation_and_website_of_the_source() {
    assert_has_all(
        Collection::Organisations,
        &[
            "Section for Recovery",
            "Centre for Mental Health",
            "ImROC",
            "Mental Health Foundation",
            "National Coalition for Mental Health Recovery",
            "Peer Worker Research Project",
            "Recovery Devon",
            "Recovery In-Sight Centre",
            "Rethink Mental Illness",
            "Scottish Recovery Network",
            "Social Perspectives Network",
            "WRAP®",
            "Recovery approach (Wikipedia)",
        ],
    );
}

#[test]
fn the_article_has_the_four_parts_and_every_list_item() {
    let ids: Vec<&str> = ARTICLE.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["the-recovery-approach", "what-recovery-means", "the-recovery-process", "what-supports-recovery"]);
    let list_lengths: Vec<usize> = ARTICLE
        .iter()
        .flat_map(|s| s.blocks)
        .filter_map(|b| match b {
            Block::List(items) => Some(items.len()),
            Block::Paragraph(_) => None,
        })
        .collect();
    // The recovery process (9), factors found by research (7), factors people highlighted (4).
    assert_eq!(list_lengths, [9, 7, 4]);
}

#[test]
fn the_article_keeps_every_paragraph_of_the_source() {
    let text: String = ARTICLE
        .iter()
        .flat_map(|s| s.blocks)
        .map(|b| match b {
            Block::Paragraph(t) => plain(t),
            Block::List(items) => items.iter().map(|i| plain(i.text)).collect::<Vec<_>>().join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n");
    for opening in [
        "The concept of the recovery approach for service users",
        "It requires a paradigm shift",
        "It should be rooted in cultural",
        "To promote the recovery approach staff should re-evaluate",
        "Service organisations need to allow",
        "For many people, the concept of recovery",
        "Putting recovery into action",
        "There is no single definition",
        "The recovery model aims",
        "Recovery emphasises that",
        "Recovery can be a voyage",
        "Research has found that",
        "Further factors highlighted",
        "In addition, it is important",
    ] {
        assert!(text.contains(opening), "article is missing the paragraph starting {opening:?}");
    }
    assert!(text.contains("the person's identity"));
    assert!(text.contains(". Health professionals, friends and families"));
}

#[test]
fn corrections_from_content_sources_are_applied() {
    let find = |id: &str| RESOURCES.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no {id}"));
    assert!(find("recovering-mental-health-in-scotland-report").authors.contains(&"Niki Kandirikirira"));
    assert_eq!(find("rights-relationships-and-recovery").publisher, Some("Scottish Executive"));
    assert!(find("pace-recovery-guide").publisher.unwrap().contains("Center"));
    let anthony = plain(find("recovery-from-mental-illness-anthony-1993").description[0]);
    assert!(anthony.starts_with("The implementation of deinstitutionalization"));
    let wikipedia = plain(find("wikipedia-recovery-approach").description[0]);
    assert!(wikipedia.contains("personal journey"));
    let finding = find("finding-strength-from-within");
    assert!(finding.year_approximate, "the report's year is not stated: show c. 2008");
    assert_eq!(finding.year_label().as_deref(), Some("c. 2008"));
}

#[test]
fn items_with_no_verified_link_show_none() {
    for id in ["oranga-ngakau", "recovering-mental-health-in-scotland-presentation", "changes-in-schizophrenia-across-time", "recovery-in-sight-centre"] {
        let resource = RESOURCES.iter().find(|r| r.id == id).unwrap();
        assert!(resource.links.is_empty(), "{id} has no verified link in content-sources.md");
    }
}

/// Every row of content-sources.md's urgent help tables (November, and the V rows added on 27
/// November), as (place, how, number): a person who chooses that place finds it, with its country.
/// Wales's and Northern Ireland's 999 and Samaritans are the UK-wide services.
const URGENT_HELP_ROWS: &[(&str, ContactMethod, &str)] = &[
    ("UK", ContactMethod::Call, "999"),
    ("UK", ContactMethod::Call, "18000"),
    ("UK", ContactMethod::Call, "116 123"),
    ("UK", ContactMethod::Email, "jo@samaritans.org"),
    ("UK", ContactMethod::Text, "85258"),
    ("England", ContactMethod::Call, "111"),
    ("Scotland", ContactMethod::Call, "111"),
    ("Scotland", ContactMethod::Call, "0800 83 85 87"),
    ("Wales", ContactMethod::Call, "999"),
    ("Wales", ContactMethod::Call, "111"),
    ("Wales", ContactMethod::Call, "116 123"),
    ("Northern Ireland", ContactMethod::Call, "999"),
    ("Northern Ireland", ContactMethod::Call, "0808 808 8000"),
    ("Northern Ireland", ContactMethod::Call, "116 123"),
    ("Ireland", ContactMethod::Call, "112"),
    ("Ireland", ContactMethod::Call, "999"),
    ("Ireland", ContactMethod::Call, "116 123"),
    ("Ireland", ContactMethod::Text, "50808"),
    ("Ireland", ContactMethod::Call, "1800 111 888"),
    ("Australia", ContactMethod::Call, "000"),
    ("Australia", ContactMethod::Call, "13 11 14"),
    ("Australia", ContactMethod::Text, "0477 13 11 14"),
    ("Australia", ContactMethod::Call, "1300 22 4636"),
    ("Australia", ContactMethod::Call, "13 92 76"),
    ("Canada", ContactMethod::Call, "911"),
    ("Canada", ContactMethod::Call, "988"),
    ("Canada", ContactMethod::Text, "988"),
    ("Canada", ContactMethod::Text, "686868"),
    ("New Zealand", ContactMethod::Call, "1737"),
    ("New Zealand", ContactMethod::Text, "1737"),
    ("New Zealand", ContactMethod::Call, "111"),
    ("USA", ContactMethod::Call, "988"),
    ("USA", ContactMethod::Text, "988"),
    ("USA", ContactMethod::Call, "911"),
];

#[test]
fn every_urgent_help_row_is_there_for_its_place_and_nothing_else() {
    for (name, method, number) in URGENT_HELP_ROWS {
        let place = place(name).unwrap_or_else(|| panic!("no place {name:?} in help.toml"));
        let found =
            help_for(place).into_iter().flat_map(|(_, services)| services).flat_map(|s| s.contacts).any(|c| c.method == *method && c.address == *number);
        assert!(found, "{name}: {method:?} {number} is missing");
    }
    let contacts = HELP.services.iter().map(|s| s.contacts.len()).sum::<usize>();
    // Each row once, except Wales's and Northern Ireland's 999 and 116 123 (the UK-wide ones).
    assert_eq!(contacts, URGENT_HELP_ROWS.len() - 4, "help.toml has a number the sources do not list");
}

#[test]
fn unverified_numbers_and_words_are_left_out() {
    let contacts: Vec<_> = HELP.services.iter().flat_map(|s| s.contacts).collect();
    // Kids Help Phone's call number is marked K; no start word for 50808 was verified.
    assert!(!contacts.iter().any(|c| c.address.replace([' ', '-'], "").ends_with("8006686868")));
    assert!(contacts.iter().filter(|c| c.address == "50808").all(|c| c.message.is_none()));
    assert_eq!(contacts.iter().find(|c| c.address == "686868").and_then(|c| c.message), Some("CONNECT"));
    // Northern Ireland has no 111 mental health option.
    let ni = help_for(place("Northern Ireland").unwrap());
    assert!(!ni.iter().flat_map(|(_, s)| s).flat_map(|s| s.contacts).any(|c| c.address == "111"));
}
