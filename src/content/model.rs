//! The shape of the guide's content. `build.rs` turns the editable files in `src/content/` into
//! static values of these types, so the app ships no parser and reads its content for free.

use super::{paths, PageId};

// The records whose fields are the content files' keys are declared once, in `records.rs`, which
// the content compiler reads too; here they become the app's types.
type Text = &'static str;
type Rich = RichText;
type Flag = bool;
type List<T> = &'static [T];
/// The build keeps a value's place in its file (for errors); the app keeps the value.
type Spanned<T> = T;

macro_rules! records {
    ($(
        $(#[doc = $doc:literal])*
        struct $name:ident {
            $( $(#[doc = $field_doc:literal])* $(#[serde($($serde:tt)*)])? $field:ident: $type:ty, )*
        }
    )*) => {$(
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name {
            $( $(#[doc = $field_doc])* pub $field: $type, )*
        }
    )*};
}

macro_rules! kinds {
    ($( $(#[doc = $doc:literal])* enum $name:ident { $($variant:ident,)* } )*) => {$(
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant,)* }
    )*};
}

include!("records.rs");

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

impl Resource {
    /// Its year as shown: "2004", or "c. 2008" when the source does not state it.
    pub fn year_label(&self) -> Option<String> {
        let year = self.year?;
        Some(if self.year_approximate { format!("c. {year}") } else { year.to_string() })
    }
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

impl LinkKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Website => "Website",
            Self::Pdf => "PDF",
            Self::Doi => "DOI",
        }
    }
}

impl Link {
    /// The host name shown to the reader, so they know where they are going.
    pub fn host(&self) -> &'static str {
        let rest = self.url.split_once("://").map_or(self.url, |(_, rest)| rest);
        rest.split(['/', '?', '#']).next().unwrap_or(rest)
    }
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
pub struct Help {
    /// When the numbers were last checked, shown on the page.
    pub checked: &'static str,
    pub places: &'static [Place],
    pub services: &'static [HelpService],
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
