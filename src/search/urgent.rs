//! Searches that can mean the person needs help now ("suicidal", "self harm", "cant cope"): the
//! words are content (`urgent-words.toml`); this decides whether a search holds one, forgiving
//! what people type in distress: case, accents, spaces, hyphens and apostrophes as the search
//! itself does, one slip in a long word, and the words of a phrase in another order.

use super::text::{one_edit_apart, words};
use crate::content::URGENT_WORDS;

/// A text's words, folded (lower case, no accents, no apostrophes).
fn folded(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.folded).collect()
}

/// Whether a word as typed is the listed one: the same, or, in a word of seven letters or more,
/// one slip away with the first letter right ("suicidall", "overdosse"). Shorter words are not
/// guessed at: one letter changes "crisis" into "crisps".
fn same(typed: &str, listed: &str) -> bool {
    typed == listed || (listed.len() >= 7 && typed.as_bytes().first() == listed.as_bytes().first() && one_edit_apart(typed, listed))
}

/// Whether `query` holds the entry `listed` (its words) as whole words: its words side by side in
/// any order ("cope cant", "someone to talk to"), or written together or split in other places
/// ("selfharm", "kill my self"). So "skill myself" does not hold "kill myself", nor "hopelessly"
/// "hopeless".
fn holds(query: &[String], listed: &[String]) -> bool {
    let squashed = listed.concat();
    (0..query.len()).any(|start| {
        let side_by_side = query.get(start..start + listed.len()).is_some_and(|typed| {
            let mut free: Vec<&String> = typed.iter().collect();
            listed.iter().all(|word| match free.iter().position(|t| same(t, word)) {
                Some(at) => {
                    free.swap_remove(at);
                    true
                }
                None => false,
            })
        });
        let mut joined = String::new();
        side_by_side
            || query[start..].iter().enumerate().any(|(n, word)| {
                joined.push_str(word);
                // A slip only in one word as typed ("killmyslf"): across words, "take my wife"
                // would be "take my life".
                if n == 0 {
                    same(&joined, &squashed)
                } else {
                    joined == squashed
                }
            })
    })
}

/// Whether the search holds one of the urgent words, so the page opens with a way to urgent help.
pub fn needs_urgent_help(query: &str) -> bool {
    let query = folded(query);
    !query.is_empty() && URGENT_WORDS.words.iter().any(|entry| holds(&query, &folded(entry)))
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

    /// Issue 28: each of these showed "No results … try hope, peer support, Slade or Scotland".
    #[test]
    fn distress_searches_that_dead_ended_are_found() {
        for query in [
            "cant cope",
            "can't cope anymore",
            "i cant go on",
            "i want to end it",
            "end it",
            "want to disappear",
            "not safe",
            "talk to someone",
            "kms",
            "suicidall",
        ] {
            assert!(needs_urgent_help(query), "{query:?}");
        }
    }

    #[test]
    fn a_slip_a_missing_apostrophe_or_another_word_order_is_forgiven() {
        for query in [
            // Misspellings of long words (the first letter right), and of phrases written together.
            "suicidall",
            "suiciddal",
            "overdosse",
            "hopeles",
            "killmyslf",
            // Apostrophes left out, or typed as the phone's curly one.
            "i cant cope",
            "i can’t cope",
            "dont want to live",
            "im not safe",
            // The words of a phrase in another order.
            "cope cant",
            "harm self",
            "myself kill",
            "someone to talk to",
            "i need someone to talk to",
        ] {
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
            "safe",
            "safety plan",
            "it",
            "the end",
            "cope",
            "coping",
            "coping strategies",
            "someone",
            "talk",
            "disappeared",
            "crisps",
            "still myself",
            "weekend",
            "kind",
        ] {
            assert!(!needs_urgent_help(query), "{query:?}");
        }
    }

    #[test]
    fn the_list_has_no_entry_twice() {
        let mut seen = std::collections::HashSet::new();
        for entry in URGENT_WORDS.words {
            assert_eq!(*entry, entry.to_lowercase(), "entries are written in lower case");
            assert!(seen.insert(folded(entry).concat()), "{entry:?} is listed twice (spaces and hyphens do not matter)");
        }
    }
}
