//! Full-text search over the guide (and, separately, the person's own notes), as they type.
//! Plain Rust with no browser: the page only shows what `Index::search` returns.
//!
//! The index is built once, on the first search, from the content already compiled into the app.
//! Building it at compile time instead would add the index (every word and where it is) to the
//! download on top of the content it is made from; building it takes about a millisecond natively
//! and a few in the browser (`scripts/bench.sh`), once, so building it in the app is both smaller
//! and fast enough.

mod documents;
mod query;
pub mod text;
mod urgent;

pub use documents::{guide_documents, note_documents};
pub use query::SearchQuery;
pub use urgent::needs_urgent_help;

use std::collections::{BTreeMap, HashMap};
use text::{one_edit_apart, stem, words, Word};

/// What a result is, for grouping results and for the kind filter. Results are grouped in this
/// order: urgent help first, so that someone searching "help" or "crisis" finds it at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Help,
    Section,
    Publication,
    Research,
    Presentation,
    Organisation,
    YourNote,
}

impl Kind {
    /// The kinds a person can filter by (their own notes are always shown, marked as theirs).
    pub const FILTERABLE: [Kind; 6] = [Kind::Section, Kind::Publication, Kind::Research, Kind::Presentation, Kind::Organisation, Kind::Help];

    /// The heading its results are grouped under.
    pub fn group(self) -> &'static str {
        match self {
            Self::Section => "In the guide's pages",
            Self::Publication => "Publications",
            Self::Research => "Research and Practice",
            Self::Presentation => "Videos and Presentations",
            Self::Organisation => "Organisations and websites",
            Self::Help => "Urgent help",
            Self::YourNote => "Your own notes (only on this device)",
        }
    }

    /// Its name in the address (`?kind=publication`) and on the filter.
    pub fn key(self) -> &'static str {
        match self {
            Self::Section => "section",
            Self::Publication => "publication",
            Self::Research => "research",
            Self::Presentation => "presentation",
            Self::Organisation => "organisation",
            Self::Help => "help",
            Self::YourNote => "note",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Self::FILTERABLE.into_iter().find(|k| k.key() == key)
    }
}

/// Results grouped by kind, in the order of `Kind` (urgent help first); within a group, in the order
/// they came (best first).
pub fn grouped<T>(found: Vec<(Kind, T)>) -> Vec<(Kind, Vec<T>)> {
    let mut groups: Vec<(Kind, Vec<T>)> = Vec::new();
    for (kind, item) in found {
        match groups.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, items)) => items.push(item),
            None => groups.push((kind, vec![item])),
        }
    }
    crate::sort::sort_by_key(&mut groups, |(kind, _)| *kind);
    groups
}

/// Where in a document words were found; matches in titles and authors count for more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Author,
    Meta,
    Body,
    /// Words a thing is found by that are never shown (a list of them reads as noise).
    Keywords,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Self::Title => 10.0,
            Self::Author => 8.0,
            Self::Meta | Self::Keywords => 3.0,
            Self::Body => 1.0,
        }
    }
}

/// One searchable thing, with a deep link to where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub kind: Kind,
    pub title: String,
    /// The path inside the app, with its `#id`.
    pub path: String,
    pub year: Option<u16>,
    pub fields: Vec<(Field, String)>,
}

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    field: u16,
    word: u32,
}

/// Which kinds and years to show. Empty kinds means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kinds: Vec<Kind>,
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl Filters {
    fn allows(&self, doc: &Document) -> bool {
        let kind_ok = self.kinds.is_empty() || self.kinds.contains(&doc.kind) || doc.kind == Kind::YourNote;
        let year_ok = match (self.from, self.to) {
            (None, None) => true,
            (from, to) => doc.year.is_some_and(|y| from.is_none_or(|f| y >= f) && to.is_none_or(|t| y <= t)),
        };
        kind_ok && year_ok
    }
}

/// A stretch of text with the matched words marked (byte ranges into `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub marks: Vec<(usize, usize)>,
}

impl Marked {
    /// The text cut into (piece, is_match) parts, for drawing with `<mark>`.
    pub fn parts(&self) -> Vec<(&str, bool)> {
        let mut parts = Vec::new();
        let mut at = 0;
        for &(start, end) in &self.marks {
            if start > at {
                parts.push((&self.text[at..start], false));
            }
            parts.push((&self.text[start..end], true));
            at = end;
        }
        if at < self.text.len() {
            parts.push((&self.text[at..], false));
        }
        parts
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a> {
    pub doc: &'a Document,
    pub score: f32,
    pub title: Marked,
    /// Where the words were found (authors, text or details), when not only in the title.
    pub snippet: Option<Marked>,
}

/// How well a query word matched a word of the text.
const EXACT: f32 = 1.0;
const SAME_STEM: f32 = 0.9;
const PREFIX: f32 = 0.6;
const TYPO: f32 = 0.4;
/// Typos are forgiven only in longer words, where one wrong letter cannot make another word.
const TYPO_MIN_LEN: usize = 5;
const SNIPPET_WORDS: usize = 24;

pub struct Index {
    docs: Vec<Document>,
    /// The words of each field of each document.
    words: Vec<Vec<Vec<Word>>>,
    /// Folded word -> where it is.
    terms: BTreeMap<String, Vec<Posting>>,
    /// Stem -> folded words with that stem.
    stems: HashMap<String, Vec<String>>,
}

/// For one document while searching: the best score per query word, and each matching (word, position).
type DocumentMatch = (Vec<f32>, Vec<(u16, u32)>);

impl Index {
    pub fn new(docs: Vec<Document>) -> Self {
        let mut terms: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        let words: Vec<Vec<Vec<Word>>> = docs.iter().map(|d| d.fields.iter().map(|(_, text)| words(text)).collect()).collect();
        for (doc, fields) in words.iter().enumerate() {
            for (field, field_words) in fields.iter().enumerate() {
                for (word, w) in field_words.iter().enumerate() {
                    terms.entry(w.folded.clone()).or_default().push(Posting { doc: doc as u32, field: field as u16, word: word as u32 });
                }
            }
        }
        let mut stems: HashMap<String, Vec<String>> = HashMap::new();
        for term in terms.keys() {
            stems.entry(stem(term).to_string()).or_default().push(term.clone());
        }
        Self { docs, words, terms, stems }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Every indexed word that a query word matches, with how well.
    fn matching_terms(&self, query_word: &str) -> Vec<(&str, f32)> {
        let mut found: HashMap<&str, f32> = HashMap::new();
        let mut note = |term: &str, quality: f32| {
            if let Some((key, _)) = self.terms.get_key_value(term) {
                let best = found.entry(key.as_str()).or_insert(0.0);
                *best = best.max(quality);
            }
        };
        note(query_word, EXACT);
        if let Some(same) = self.stems.get(stem(query_word)) {
            same.iter().for_each(|term| note(term, SAME_STEM));
        }
        for (term, _) in self.terms.range(query_word.to_string()..).take_while(|(t, _)| t.starts_with(query_word)) {
            note(term, PREFIX);
        }
        if query_word.chars().count() >= TYPO_MIN_LEN {
            let len = query_word.chars().count();
            for term in self.terms.keys() {
                let term_len = term.chars().count();
                if term_len + 1 >= len && term_len <= len + 1 && one_edit_apart(query_word, term) {
                    note(term, TYPO);
                }
            }
        }
        found.into_iter().collect()
    }

    /// Results for `query`, best first. Every word of the query must be found (the last one may be
    /// the start of a word, as it is while typing).
    pub fn search(&self, query: &str, filters: &Filters) -> Vec<Hit<'_>> {
        let query_words: Vec<String> = words(query).into_iter().map(|w| w.folded).collect();
        if query_words.is_empty() {
            return Vec::new();
        }
        // For each document: the best score per query word, and every matching word position.
        let mut per_doc: HashMap<u32, DocumentMatch> = HashMap::new();
        for (q, query_word) in query_words.iter().enumerate() {
            for (term, quality) in self.matching_terms(query_word) {
                for posting in &self.terms[term] {
                    let field = self.docs[posting.doc as usize].fields[posting.field as usize].0;
                    let entry = per_doc.entry(posting.doc).or_insert_with(|| (vec![0.0; query_words.len()], Vec::new()));
                    entry.0[q] = entry.0[q].max(field.weight() * quality);
                    entry.1.push((posting.field, posting.word));
                }
            }
        }
        let mut hits: Vec<Hit<'_>> = per_doc
            .into_iter()
            .filter(|(_, (scores, _))| scores.iter().all(|s| *s > 0.0))
            .map(|(doc, (scores, positions))| (&self.docs[doc as usize], doc, scores.iter().sum::<f32>(), positions))
            .filter(|(doc, ..)| filters.allows(doc))
            .map(|(doc, index, score, positions)| self.hit(doc, index as usize, score, &positions))
            .collect();
        crate::sort::sort_by(&mut hits, |a, b| b.score.total_cmp(&a.score).then_with(|| a.doc.title.cmp(&b.doc.title)));
        hits
    }

    fn hit<'a>(&'a self, doc: &'a Document, index: usize, score: f32, positions: &[(u16, u32)]) -> Hit<'a> {
        let marks_in = |field: usize| {
            let mut marked: Vec<u32> = positions.iter().filter(|(f, _)| *f as usize == field).map(|(_, w)| *w).collect();
            crate::sort::sort(&mut marked);
            marked.dedup();
            marked
        };
        let field_words = &self.words[index];
        // The title is the first field; mark its matched words.
        let title_field = doc.fields.iter().position(|(f, _)| *f == Field::Title);
        let title_marks =
            title_field.map(|f| marks_in(f).iter().map(|&w| (field_words[f][w as usize].start, field_words[f][w as usize].end)).collect()).unwrap_or_default();
        let title = Marked { text: doc.title.clone(), marks: if title_field.is_some_and(|f| doc.fields[f].1 == doc.title) { title_marks } else { Vec::new() } };
        // The snippet says why it matched: the first field other than the title with a match
        // (authors first, as "By …"; then the text; then the details), a window of words around
        // the first match.
        let matched = |field: Field| doc.fields.iter().enumerate().filter(move |(_, (f, _))| *f == field);
        let snippet = matched(Field::Author).chain(matched(Field::Body)).chain(matched(Field::Meta)).find_map(|(f, (field, text))| {
            let marked = marks_in(f);
            let first = *marked.first()? as usize;
            let all = &field_words[f];
            let from = first.saturating_sub(SNIPPET_WORDS / 3);
            let to = (from + SNIPPET_WORDS).min(all.len());
            let (start, end) = (all[from].start, all[to - 1].end);
            let (start, end) = (if from == 0 { 0 } else { start }, if to == all.len() { text.len() } else { end });
            let prefix = match (field, start > 0) {
                (Field::Author, _) => "By ",
                (_, true) => "… ",
                (_, false) => "",
            };
            let suffix = if end < text.len() { " …" } else { "" };
            let marks = marked
                .iter()
                .map(|&w| &all[w as usize])
                .filter(|w| w.start >= start && w.end <= end)
                .map(|w| (w.start - start + prefix.len(), w.end - start + prefix.len()))
                .collect();
            Some(Marked { text: format!("{prefix}{}{suffix}", &text[start..end]), marks })
        });
        Hit { doc, score, title, snippet }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: Kind, title: &str, author: &str, body: &str, year: Option<u16>) -> Document {
        Document {
            kind,
            title: title.into(),
            path: format!("/x#{}", title.to_lowercase().replace(' ', "-")),
            year,
            fields: vec![(Field::Title, title.into()), (Field::Author, author.into()), (Field::Body, body.into())],
        }
    }

    fn index() -> Index {
        Index::new(vec![
            doc(Kind::Publication, "Peer support in practice", "Anna Smith", "A guide to peer workers.", Some(2009)),
            doc(Kind::Research, "Hope and recovery", "Mike Slade", "Peer support is mentioned once here.", Some(2014)),
            doc(Kind::Organisation, "Oranga Ngākau", "", "A resource from New Zealand about relationships and stories.", None),
        ])
    }

    fn titles(hits: &[Hit<'_>]) -> Vec<String> {
        hits.iter().map(|h| h.doc.title.clone()).collect()
    }

    #[test]
    fn title_matches_rank_above_body_matches() {
        assert_eq!(titles(&index().search("peer support", &Filters::default())), ["Peer support in practice", "Hope and recovery"]);
    }

    #[test]
    fn authors_count_for_a_lot() {
        assert_eq!(titles(&index().search("slade", &Filters::default())), ["Hope and recovery"]);
    }

    #[test]
    fn forgiving_accents_case_prefixes_plurals_and_typos() {
        let index = index();
        for query in ["ngakau", "NGĀKAU", "Nga\u{304}kau", "ngak", "relationship", "story", "zealnd"] {
            assert_eq!(titles(&index.search(query, &Filters::default())), ["Oranga Ngākau"], "{query}");
        }
        assert!(index.search("hop", &Filters::default()).iter().any(|h| h.doc.title == "Hope and recovery"));
        // Short words are not guessed at.
        assert!(index.search("peet", &Filters::default()).is_empty());
    }

    #[test]
    fn every_word_must_match() {
        assert!(index().search("peer zealand", &Filters::default()).is_empty());
    }

    #[test]
    fn filters_by_kind_and_year() {
        let index = index();
        let research = Filters { kinds: vec![Kind::Research], ..Filters::default() };
        assert_eq!(titles(&index.search("peer", &research)), ["Hope and recovery"]);
        let years = Filters { from: Some(2000), to: Some(2010), ..Filters::default() };
        assert_eq!(titles(&index.search("peer", &years)), ["Peer support in practice"]);
    }

    #[test]
    fn a_match_in_the_authors_says_so() {
        let index = Index::new(vec![doc(Kind::Publication, "Making recovery a reality", "Shepherd G, Boardman J, Slade M", "A briefing paper.", Some(2008))]);
        let hits = index.search("slade", &Filters::default());
        let snippet = hits[0].snippet.as_ref().expect("the reason it matched");
        assert_eq!(snippet.text, "By Shepherd G, Boardman J, Slade M");
        assert!(snippet.parts().contains(&("Slade", true)));
    }

    #[test]
    fn matched_words_are_marked_in_title_and_snippet() {
        let index = index();
        let hits = index.search("peer", &Filters::default());
        assert_eq!(hits[0].title.parts(), [("Peer", true), (" support in practice", false)]);
        let snippet = hits[1].snippet.as_ref().unwrap();
        assert_eq!(snippet.parts()[0], ("Peer", true));
    }

    #[test]
    fn results_are_grouped_by_kind_with_urgent_help_first() {
        let found = vec![(Kind::Organisation, 1), (Kind::Help, 2), (Kind::Section, 3), (Kind::Organisation, 4), (Kind::YourNote, 5), (Kind::Help, 6)];
        assert_eq!(grouped(found), [(Kind::Help, vec![2, 6]), (Kind::Section, vec![3]), (Kind::Organisation, vec![1, 4]), (Kind::YourNote, vec![5])]);
    }

    #[test]
    fn nothing_for_an_empty_query() {
        assert!(index().search("  ", &Filters::default()).is_empty());
    }
}
