//! The shape of the guide's content. `build.rs` turns the editable files in `src/content/` into
//! static values of these types, so the app ships no parser and reads its content for free.

use super::{paths, PageId};

/// A run of text, optionally in another language (e.g. te reo Māori, `lang="mi"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub text: &'static str,
    pub lang: Option<&'static str>,
}

/// Text made of spans; most is a single span with no language mark.
pub type RichText = &'static [Span];

/// The plain text of rich text, for titles, search and tests.
pub fn plain(text: RichText) -> String {
    text.iter().map(|span| span.text).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListItem {
    pub text: RichText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph(RichText),
    List(&'static [ListItem]),
}

/// One part of a prose page, with its own heading and deep link (`#id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    /// A short, plain-English summary shown before a dense part.
    pub summary: Option<RichText>,
    pub blocks: &'static [Block],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResourceKind {
    Publication,
    Paper,
    Chapter,
    Presentation,
    Video,
    Organisation,
    Website,
}

impl ResourceKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Publication => "Publication",
            Self::Paper => "Journal article",
            Self::Chapter => "Book chapter",
            Self::Presentation => "Presentation",
            Self::Video => "Video",
            Self::Organisation => "Organisation",
            Self::Website => "Website",
        }
    }

    /// The list page a resource of this kind appears on.
    pub fn collection(self) -> Collection {
        match self {
            Self::Publication => Collection::Publications,
            Self::Paper | Self::Chapter => Collection::Research,
            Self::Presentation | Self::Video => Collection::Videos,
            Self::Organisation | Self::Website => Collection::Organisations,
        }
    }
}

/// The four list pages of the guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Collection {
    Publications,
    Research,
    Videos,
    Organisations,
}

impl Collection {
    pub const ALL: [Collection; 4] = [Collection::Publications, Collection::Research, Collection::Videos, Collection::Organisations];

    /// The page that shows this collection.
    pub fn page(self) -> PageId {
        match self {
            Self::Publications => PageId::Publications,
            Self::Research => PageId::Research,
            Self::Videos => PageId::Videos,
            Self::Organisations => PageId::Organisations,
        }
    }

    /// That page's address.
    pub fn path(self) -> &'static str {
        match self {
            Self::Publications => paths::PUBLICATIONS,
            Self::Research => paths::RESEARCH,
            Self::Videos => paths::VIDEOS,
            Self::Organisations => paths::ORGANISATIONS,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Website,
    Pdf,
    Doi,
}

impl LinkKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Website => "Website",
            Self::Pdf => "PDF",
            Self::Doi => "DOI",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub kind: LinkKind,
    pub url: &'static str,
    /// What the link leads to, when the address alone would not say (e.g. "publisher").
    pub label: Option<&'static str>,
}

impl Link {
    /// The host name shown to the reader, so they know where they are going.
    pub fn host(&self) -> &'static str {
        let rest = self.url.split_once("://").map_or(self.url, |(_, rest)| rest);
        rest.split(['/', '?', '#']).next().unwrap_or(rest)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Year {
    pub value: u16,
    /// Shown as "c. 2008" when the source does not state the year.
    pub approximate: bool,
}

impl Year {
    pub fn display(self) -> String {
        if self.approximate {
            format!("c. {}", self.value)
        } else {
            self.value.to_string()
        }
    }
}

/// A publication, paper, chapter, presentation, organisation or website.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    /// Stable id: its deep link (`/publications#id`) and, later, its bookmark key.
    pub id: &'static str,
    pub kind: ResourceKind,
    pub title: RichText,
    pub subtitle: Option<&'static str>,
    pub authors: &'static [&'static str],
    pub year: Option<Year>,
    pub publisher: Option<&'static str>,
    /// Journal and pages, or the book a chapter is in.
    pub published_in: Option<&'static str>,
    /// ISBN, PMID and similar citation identifiers.
    pub identifiers: &'static [&'static str],
    pub region: Option<&'static str>,
    pub description: &'static [RichText],
    /// Short facts that have changed since the source was written.
    pub notes: &'static [&'static str],
    pub links: &'static [Link],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactMethod {
    Call,
    Text,
    Email,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contact {
    pub method: ContactMethod,
    /// A phone number as people write it ("116 123") or an email address.
    pub address: &'static str,
    /// For texts: the word to send (e.g. "SHOUT").
    pub message: Option<&'static str>,
    pub note: Option<&'static str>,
}

impl Contact {
    /// The `tel:`, `sms:` or `mailto:` address that opens the phone's own app.
    pub fn href(&self) -> String {
        let digits: String = self.address.chars().filter(|c| !c.is_whitespace()).collect();
        match (self.method, self.message) {
            (ContactMethod::Call, _) => format!("tel:{digits}"),
            (ContactMethod::Text, Some(message)) => format!("sms:{digits}?body={message}"),
            (ContactMethod::Text, None) => format!("sms:{digits}"),
            (ContactMethod::Email, _) => format!("mailto:{}", self.address),
        }
    }

    /// What the button says: the action and the number, never a number alone.
    pub fn label(&self) -> String {
        match (self.method, self.message) {
            (ContactMethod::Call, _) => format!("Call {}", self.address),
            (ContactMethod::Text, Some(message)) => format!("Text {message} to {}", self.address),
            (ContactMethod::Text, None) => format!("Text {}", self.address),
            (ContactMethod::Email, _) => format!("Email {}", self.address),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpService {
    pub id: &'static str,
    /// Always shown beside the numbers: the same number means different things in different places.
    pub country: &'static str,
    pub name: &'static str,
    /// When to use it, e.g. "If a life is at risk".
    pub when: Option<&'static str>,
    pub hours: &'static str,
    pub details: &'static str,
    pub contacts: &'static [Contact],
    pub notes: &'static [&'static str],
}

/// A country or nation a person can choose on the help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Its name on the page; each service's `country` is one of these.
    pub name: &'static str,
    /// The larger place whose services also apply here (Scotland is part of the UK).
    pub part_of: Option<&'static str>,
    /// The service id to use if a life is at risk; `None` uses the larger place's.
    pub emergency: Option<&'static str>,
    /// The service id shown first, beside the emergency number, to someone who chose this place.
    pub main: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help {
    /// When the numbers were last checked, shown on the page.
    pub checked: &'static str,
    pub places: &'static [Place],
    pub services: &'static [HelpService],
}

/// Words in a search that can mean the person needs help now (from `urgent-words.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrgentWords {
    /// The calm line the search page opens with.
    pub message: &'static str,
    /// The words of the link to the urgent help page.
    pub link: &'static str,
    pub words: &'static [&'static str],
}

/// Fixed words of one page (from `pages.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub id: &'static str,
    /// The path inside the app; `None` for the not-found page.
    pub path: Option<&'static str>,
    pub nav: Option<&'static str>,
    pub title: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub empty: Option<&'static str>,
    /// Shown in the prerendered page until the app has read what is stored on the device.
    pub loading: Option<&'static str>,
}

/// One group of the reflection checklist (from `reflect.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChecklistGroup {
    pub id: &'static str,
    pub title: &'static str,
    pub prompt: &'static str,
    /// The resource the items come from, when not from the article.
    pub source: Option<&'static str>,
    pub items: &'static [ChecklistEntry],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChecklistEntry {
    /// The key the person's answer is kept under.
    pub id: &'static str,
    pub text: &'static str,
}

/// One step of the plan for hard days (from `plan.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanStep {
    /// The key the person's entries are kept under: never changes once shipped.
    pub id: &'static str,
    pub heading: &'static str,
    pub prompt: &'static str,
    /// Two or three examples, shown as hint text tied to the field.
    pub hints: &'static [&'static str],
    /// The label of the field that adds an entry.
    pub add: &'static str,
    /// Entries are a name with a phone number.
    pub contacts: bool,
    /// The step offers the chosen place's urgent-help services, each added in one tap.
    pub helplines: bool,
}
