//! Searches that can mean the person needs help now ("suicidal", "self harm", "kill myself"): the
//! words are content (`urgent-words.toml`); this decides whether a search holds one, forgiving
//! case, accents, spaces and hyphens as the search itself does.

use super::text::words;
use crate::content::URGENT_WORDS;

/// A text's words, folded (lower case, no accents) and joined with nothing between them.
fn squashed(text: &str) -> String {
    words(text).into_iter().map(|w| w.folded).collect()
}

/// Whether some run of whole words in `query`, joined, is `entry` (already squashed): so "self
/// harm", "self-harm" and "selfharm" all hold "selfharm", and "skill myself" does not hold
/// "killmyself".
fn holds(query: &[String], entry: &str) -> bool {
    (0..query.len()).any(|start| {
        let mut joined = String::new();
        for word in &query[start..] {
            joined.push_str(word);
            if joined == entry {
                return true;
            }
            if !entry.starts_with(&joined) {
                return false;
            }
        }
        false
    })
}

/// Whether the search holds one of the urgent words, so the page opens with a way to urgent help.
pub fn needs_urgent_help(query: &str) -> bool {
    let query: Vec<String> = words(query).into_iter().map(|w| w.folded).collect();
    !query.is_empty() && URGENT_WORDS.words.iter().any(|entry| holds(&query, &squashed(entry)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_found_alone_and_in_a_sentence() {
        for entry in URGENT_WORDS.words {
            assert!(needs_urgent_help(entry), "{entry:?}");
            assert!(needs_urgent_help(&format!("i feel {entry} tonight")), "{entry:?} in a sentence");
        }
    }

    #[test]
    fn what_people_type_in_distress_is_found() {
        for query in ["suicidal", "self harm", "kill myself", "overdose", "suicide", "crisis", "I want to kill myself", "sucidal thoughts"] {
            assert!(needs_urgent_help(query), "{query:?}");
        }
    }

    #[test]
    fn case_accents_spaces_and_hyphens_do_not_matter() {
        for query in [
            "SUICIDAL",
            "Suicidal",
            "self-harm",
            "Self Harm",
            "selfharm",
            "self  harm",
            "  overdose  ",
            "sùïcidal",
            "KILL MY SELF",
            "killmyself",
            "I don't want to live",
        ] {
            assert!(needs_urgent_help(query), "{query:?}");
        }
    }

    #[test]
    fn ordinary_searches_are_not_caught() {
        for query in [
            "",
            "   ",
            "hope",
            "recovery",
            "peer support",
            "Slade",
            "Scotland",
            "self",
            "self-determination",
            "harmony",
            "harmful",
            "skill myself",
            "dose",
            "over",
            "overdue",
            "kill",
            "myself",
            "critical",
            "crisp",
            "die",
            "hopelessly",
            "end",
            "life",
            "Samaritans",
            "help",
        ] {
            assert!(!needs_urgent_help(query), "{query:?}");
        }
    }

    #[test]
    fn the_list_has_no_entry_twice() {
        let mut seen = std::collections::HashSet::new();
        for entry in URGENT_WORDS.words {
            assert_eq!(*entry, entry.to_lowercase(), "entries are written in lower case");
            assert!(seen.insert(squashed(entry)), "{entry:?} is listed twice (spaces and hyphens do not matter)");
        }
    }
}
