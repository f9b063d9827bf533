//! The guide's content, and the person's notes, as searchable documents.

use super::{Document, Field, Kind};
use crate::content::{page, paths, plain, Block, Collection, PageId, Section, ABOUT, ARTICLE, HELP, PLAN_STEPS, RESOURCES, URGENT_WORDS};
use crate::data::{Bookmarks, Plan, Reflections};

fn section_documents(sections: &'static [Section], page_path: &str) -> impl Iterator<Item = Document> {
    let page_path = page_path.to_string();
    sections.iter().map(move |section| {
        let mut body: Vec<String> = section.summary.map(plain).into_iter().collect();
        for block in section.blocks {
            match block {
                Block::Paragraph(text) => body.push(plain(text)),
                Block::List(items) => body.extend(items.iter().map(|item| plain(item.text))),
            }
        }
        Document {
            kind: Kind::Section,
            title: section.title.to_string(),
            path: format!("{page_path}#{}", section.id),
            year: None,
            fields: vec![(Field::Title, section.title.to_string()), (Field::Body, body.join(" · "))],
        }
    })
}

/// Everything in the guide: the article, About, every resource, the urgent help page and each of
/// its services.
pub fn guide_documents() -> Vec<Document> {
    let mut docs: Vec<Document> = section_documents(ARTICLE, paths::HOME).collect();
    // The urgent help page itself, found by what people call what they need ("helpline", "talk to
    // someone"), so such a search does not end with nothing.
    let help = page(PageId::Help);
    docs.push(Document {
        kind: Kind::Help,
        title: help.heading.to_string(),
        path: paths::HELP.to_string(),
        year: None,
        fields: vec![(Field::Title, help.heading.to_string()), (Field::Keywords, URGENT_WORDS.found_by.to_string()), (Field::Body, help.intro.to_string())],
    });
    docs.extend(section_documents(ABOUT, paths::ABOUT));
    for resource in RESOURCES {
        let collection = resource.kind.collection();
        let kind = match collection {
            Collection::Publications => Kind::Publication,
            Collection::Research => Kind::Research,
            Collection::Videos => Kind::Presentation,
            Collection::Organisations => Kind::Organisation,
        };
        let title = plain(resource.title);
        let meta: Vec<String> = [
            Some(resource.kind.label().to_string()),
            resource.year.map(|y| y.to_string()),
            resource.subtitle.map(str::to_string),
            resource.publisher.map(str::to_string),
            resource.published_in.map(str::to_string),
            resource.region.map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .chain(resource.identifiers.iter().map(|i| i.to_string()))
        .collect();
        let body: Vec<String> = resource.description.iter().map(|p| plain(p)).chain(resource.notes.iter().map(|n| n.to_string())).collect();
        docs.push(Document {
            kind,
            title: title.clone(),
            path: format!("{}#{}", collection.path(), resource.id),
            year: resource.year,
            fields: vec![(Field::Title, title), (Field::Author, resource.authors.join(", ")), (Field::Meta, meta.join(" · ")), (Field::Body, body.join(" "))],
        });
    }
    for service in HELP.services {
        let title = format!("{} ({})", service.name, service.country);
        let numbers: Vec<String> = service.contacts.iter().map(|c| c.label()).collect();
        docs.push(Document {
            kind: Kind::Help,
            title: title.clone(),
            path: format!("{}#{}", paths::HELP, service.id),
            year: None,
            fields: vec![
                (Field::Title, title),
                (Field::Meta, format!("{} · {} · {}", service.country, service.hours, numbers.join(" · "))),
                (Field::Body, [service.when.unwrap_or_default(), service.details].join(" ") + " " + &service.notes.join(" ")),
            ],
        });
    }
    docs
}

/// The person's own notes on bookmarks and checklist items, and their plan's entries, searched on
/// their device only.
pub fn note_documents(bookmarks: &Bookmarks, reflections: &Reflections, plan: &Plan, checklist_text: impl Fn(&str) -> Option<String>) -> Vec<Document> {
    let bookmark_notes = bookmarks.newest_first().into_iter().filter(|(_, b)| !b.note.trim().is_empty()).map(|(id, b)| Document {
        kind: Kind::YourNote,
        title: format!("Your note on “{}”", b.title),
        path: format!("{}#bookmark-{id}", paths::BOOKMARKS),
        year: None,
        fields: vec![(Field::Title, b.title.clone()), (Field::Body, b.note.clone())],
    });
    let own: Vec<(String, String)> = reflections.own_items().into_iter().map(|i| (i.id.to_string(), i.text.to_string())).collect();
    let checklist_notes = reflections.notes.live().filter(|(_, note)| !note.trim().is_empty()).filter_map(|(id, note)| {
        let text = checklist_text(id).or_else(|| own.iter().find(|(own_id, _)| own_id == id).map(|(_, t)| t.clone()))?;
        Some(Document {
            kind: Kind::YourNote,
            title: format!("Your reflection note on “{text}”"),
            path: paths::REFLECT.to_string(),
            year: None,
            fields: vec![(Field::Title, text), (Field::Body, note.clone())],
        })
    });
    let plan_entries = PLAN_STEPS.iter().flat_map(|step| {
        plan.step_entries(step.id).into_iter().map(move |(id, entry)| Document {
            kind: Kind::YourNote,
            title: format!("In your plan, under “{}”", step.heading),
            path: format!("{}#entry-{id}", paths::PLAN),
            year: None,
            fields: vec![(Field::Body, [entry.text.as_str(), &entry.phone].join(" "))],
        })
    });
    bookmark_notes.chain(checklist_notes).chain(plan_entries).collect()
}

#[cfg(test)]
mod tests {
    use super::super::{grouped, Filters, Index};
    use super::*;

    fn search(query: &str) -> Vec<String> {
        let index = Index::new(guide_documents());
        index.search(query, &Filters::default()).into_iter().map(|h| h.doc.path.clone()).collect()
    }

    #[test]
    fn finds_what_people_come_with() {
        assert_eq!(search("Slade").first().map(String::as_str), Some("/publications#100-ways-to-support-recovery"));
        assert!(search("WRAP").contains(&"/organisations#wrap-and-recovery-books".to_string()));
        assert!(search("peer support").contains(&"/organisations#imroc".to_string()));
        assert!(search("Scotland").contains(&"/help#scotland-breathing-space".to_string()));
        assert!(search("ngakau").contains(&"/publications#oranga-ngakau".to_string()));
        assert!(search("samaritans").contains(&"/help#uk-samaritans".to_string()));
        assert!(search("hope").contains(&"/#what-recovery-means".to_string()));
    }

    /// Issue 28: for these, urgent help was the last group (1,618 px down the page for "help"), or
    /// there was nothing at all ("talk to someone").
    #[test]
    fn searches_for_help_find_urgent_help_first() {
        let index = Index::new(guide_documents());
        for query in ["help", "crisis", "phone", "helpline", "talk to someone", "suicide", "samaritans"] {
            let hits = index.search(query, &Filters::default());
            let groups = grouped(hits.iter().map(|h| (h.doc.kind, h.doc.path.as_str())).collect());
            assert_eq!(groups.first().map(|(kind, _)| *kind), Some(Kind::Help), "{query:?}");
        }
        // The page of urgent help itself is found by what people call it.
        for query in ["help", "helpline", "phone", "talk to someone", "someone to talk to", "emergency"] {
            assert!(search(query).contains(&paths::HELP.to_string()), "{query:?}");
        }
    }

    #[test]
    fn notes_are_searchable_and_marked_as_the_persons_own() {
        let mut bookmarks = Bookmarks::default();
        bookmarks.add("pace-recovery-guide", "publications", "PACE", 1);
        bookmarks.set_note("pace-recovery-guide", "ask the nurse about the PDF", 2);
        let mut reflections = Reflections::default();
        reflections.update_answer("good-relationships", 1, |a| a.note = "my sister helps".into());
        let mut plan = Plan::default();
        plan.add("plan-1", crate::data::plan::Entry::new("reasons", "Seeing the sea with my nephew", "", 1), 1);
        let notes = note_documents(&bookmarks, &reflections, &plan, |id| (id == "good-relationships").then(|| "good relationships".to_string()));
        let index = Index::new(notes);
        let hits = index.search("nurse", &Filters::default());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].doc.kind, Kind::YourNote);
        assert_eq!(index.search("sister", &Filters::default())[0].doc.path, "/reflect");
        let hits = index.search("nephew", &Filters::default());
        assert_eq!((hits[0].doc.kind, hits[0].doc.path.as_str()), (Kind::YourNote, "/plan#entry-plan-1"));
        assert_eq!(hits[0].doc.title, "In your plan, under “What matters to me”");
    }
}
