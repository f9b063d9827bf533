//! Text handling for search: folding case and accents ("Ngākau" finds "ngakau"), splitting into
//! words with their positions (for highlighting), simple English plurals, and small typos.
//!
//! Written here rather than taken from a Unicode normalisation crate: the guide's text is English
//! with a few Latin accents, and a full normalisation table would add far more to the download than
//! this small mapping.

/// Lower-case, without accents, for the Latin letters the guide (and people's notes) use.
pub fn fold(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ß' => 's',
        other => other,
    }
}

/// Whether `c` is a combining accent (Unicode's Combining Diacritical Marks, U+0300 to U+036F),
/// as a letter written in two parts has ("Ngā" as "a" and a combining macron).
fn combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A word of a text: its folded form and where it is in the original (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`: runs of letters and digits (an apostrophe inside a word keeps it whole).
pub fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<Word> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '’') && current.is_some() && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() {
            let word = current.get_or_insert(Word { folded: String::new(), start: i, end: i });
            word.folded.push(fold(c));
            word.end = i + c.len_utf8();
        } else if let Some(word) = current.as_mut().filter(|_| combining(c)) {
            // An accent typed or pasted as its own mark ("a" and U+0304 for "ā") stays in its word,
            // and folds away as the accented letter would.
            word.end = i + c.len_utf8();
        } else if inner_apostrophe {
            // "one's" is one word, found by "one" or "ones".
        } else if let Some(word) = current.take() {
            words.push(word);
        }
    }
    words.extend(current);
    words
}

/// A crude English stem, enough for plurals: "relationships" and "relationship" meet, as do
/// "stories" and "story".
pub fn stem(word: &str) -> &str {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        // "stories" -> "stor", which "story" also becomes below.
        return &word[..n - 3];
    }
    if n > 3 && word.ends_with('y') && !word.ends_with("ay") && !word.ends_with("ey") && !word.ends_with("oy") {
        return &word[..n - 1];
    }
    for ending in ["ches", "shes", "sses", "xes", "zes"] {
        if n > ending.len() + 1 && word.ends_with(ending) {
            return &word[..n - 2];
        }
    }
    if n > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        return &word[..n - 1];
    }
    word
}

/// Whether `a` and `b` are at most one edit apart (a letter added, dropped, changed, or two
/// neighbours swapped).
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        let rest_equal = |skip: usize| short[prefix + skip..] == long[prefix + skip..];
        // Changed letter, or two neighbours swapped.
        rest_equal(1) || (prefix + 1 < short.len() && short[prefix] == long[prefix + 1] && short[prefix + 1] == long[prefix] && rest_equal(2))
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        let folded: Vec<String> = words("Oranga Ngākau, WRAP® and Perceval's").into_iter().map(|w| w.folded).collect();
        assert_eq!(folded, ["oranga", "ngakau", "wrap", "and", "percevals"]);
    }

    /// Issue 28: a pasted "Ngā" written as "a" and a combining macron became two words.
    #[test]
    fn an_accent_written_as_its_own_mark_folds_inside_its_word() {
        let text = "Oranga Nga\u{304}kau and Mo\u{302}\u{301}re";
        let found = words(text);
        let folded: Vec<&str> = found.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["oranga", "ngakau", "and", "more"]);
        assert_eq!(&text[found[1].start..found[1].end], "Nga\u{304}kau");
        assert_eq!(&text[found[3].start..found[3].end], "Mo\u{302}\u{301}re");
    }

    #[test]
    fn words_know_where_they_are() {
        let text = "Peer support – people";
        let found = words(text);
        assert_eq!(&text[found[2].start..found[2].end], "people");
    }

    #[test]
    fn plurals_meet_their_singulars() {
        for (plural, singular) in
            [("relationships", "relationship"), ("stories", "story"), ("services", "service"), ("approaches", "approach"), ("boxes", "box")]
        {
            assert_eq!(stem(plural), stem(singular), "{plural} / {singular}");
        }
        assert_eq!(stem("progress"), "progress");
        assert_eq!(stem("focus"), "focus");
    }

    #[test]
    fn one_typo_is_forgiven() {
        assert!(one_edit_apart("recovery", "recovry"));
        assert!(one_edit_apart("recovery", "recoverry"));
        assert!(one_edit_apart("recovery", "recivery"));
        assert!(one_edit_apart("recovery", "recovrey"));
        assert!(!one_edit_apart("recovery", "discovery"));
        assert!(!one_edit_apart("hope", "help"));
    }
}
