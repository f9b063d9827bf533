//! Reading a page aloud, the parts that need no browser: cutting text into what is said in one go,
//! and choosing a voice. The browser's `speechSynthesis` is driven by `components::speech_controls`.
//!
//! Chrome silently stops an utterance after about 15 seconds, so each is one sentence, and a
//! sentence longer than [`MAX_UTTERANCE_CHARS`] is cut at a comma or a space.

/// The longest utterance, in characters: about 15 seconds at the fastest speed offered.
pub const MAX_UTTERANCE_CHARS: usize = 300;

/// Text in one language, as read from the page: `lang` is none for the page's own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub lang: Option<String>,
}

impl Run {
    pub fn new(text: &str, lang: Option<&str>) -> Self {
        Self { text: text.to_string(), lang: lang.map(str::to_string) }
    }
}

/// What is said in one go: one sentence, or part of a long one, with the words in another
/// language marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub runs: Vec<Run>,
}

impl Utterance {
    pub fn text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }

    /// The pieces to speak one after another: a run in another language on its own, with that
    /// language's voice, only where the device has one (`has_voice`); otherwise it stays in the
    /// sentence, read by the page's voice, so the sentence is said in one breath.
    pub fn voiced_runs(&self, has_voice: impl Fn(&str) -> bool) -> Vec<Run> {
        let mut pieces: Vec<Run> = Vec::new();
        for run in &self.runs {
            let lang = run.lang.clone().filter(|lang| has_voice(lang));
            match pieces.last_mut() {
                Some(last) if last.lang == lang => last.text.push_str(&run.text),
                _ => pieces.push(Run { text: run.text.clone(), lang }),
            }
        }
        // A space at the edge of a piece would be said as a pause, or not at all.
        pieces.iter_mut().for_each(|piece| piece.text = piece.text.trim().to_string());
        pieces.retain(|piece| !piece.text.is_empty());
        pieces
    }
}

/// Short words written with a full stop that do not end a sentence ("Dr. Smith", "e.g. this").
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "sr", "jr", "vs", "vol", "pp", "ed", "eds", "e.g", "i.e", "cf", "al", "fig", "approx", "dept", "inc", "ltd",
    "co",
];

/// One word of the text, with the language of each of its characters.
#[derive(Debug, Clone)]
struct Word {
    chars: Vec<(char, Option<usize>)>,
    /// A line break follows it: the end of a line is the end of what is said.
    line_ends: bool,
}

impl Word {
    fn text(&self) -> String {
        self.chars.iter().map(|(c, _)| c).collect()
    }

    fn len(&self) -> usize {
        self.chars.len()
    }
}

/// The words of the runs, in order, with the language of every character (an index into `langs`).
fn words(runs: &[Run], langs: &mut Vec<String>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Vec<(char, Option<usize>)> = Vec::new();
    for run in runs {
        let lang = run.lang.as_ref().map(|lang| match langs.iter().position(|known| known == lang) {
            Some(i) => i,
            None => {
                langs.push(lang.clone());
                langs.len() - 1
            }
        });
        for c in run.text.chars() {
            if c.is_whitespace() {
                if !current.is_empty() {
                    words.push(Word { chars: std::mem::take(&mut current), line_ends: false });
                }
                if c == '\n' {
                    if let Some(last) = words.last_mut() {
                        last.line_ends = true;
                    }
                }
            } else {
                current.push((c, lang));
            }
        }
    }
    if !current.is_empty() {
        words.push(Word { chars: current, line_ends: false });
    }
    words
}

/// Whether a sentence ends with `word`, given the word after it.
fn ends_sentence(word: &str, is_first: bool, next: Option<&str>) -> bool {
    const CLOSING: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
    const OPENING: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];
    let core = word.trim_end_matches(CLOSING);
    let Some(last) = core.chars().last() else { return false };
    if !matches!(last, '.' | '!' | '?' | '…') {
        return false;
    }
    let Some(next) = next else { return true };
    // "“Is it?” he asked", "etc. and more": the sentence goes on.
    if next.trim_start_matches(OPENING).chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if last != '.' {
        return true;
    }
    let stem = core.trim_end_matches('.').trim_start_matches(OPENING);
    let abbreviation = ABBREVIATIONS.contains(&stem.to_lowercase().as_str());
    let initial = stem.chars().count() == 1 && stem.chars().all(char::is_uppercase);
    // "1." at the start is a list's number, not the end of a sentence.
    let list_number = is_first && !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit());
    !(abbreviation || initial || list_number)
}

/// The text's sentences, as lists of words.
fn sentences(words: Vec<Word>) -> Vec<Vec<Word>> {
    let mut sentences = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    let texts: Vec<String> = words.iter().map(Word::text).collect();
    for (i, word) in words.into_iter().enumerate() {
        let ends = word.line_ends || ends_sentence(&texts[i], current.is_empty(), texts.get(i + 1).map(String::as_str));
        current.push(word);
        if ends {
            sentences.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// A word longer than the cap (a long web address) cut into pieces that fit.
fn cut_long_word(word: Word, cap: usize) -> Vec<Word> {
    if word.len() <= cap {
        return vec![word];
    }
    word.chars.chunks(cap).map(|chunk| Word { chars: chunk.to_vec(), line_ends: false }).collect()
}

/// A sentence cut into parts of at most `cap` characters (words joined by one space): at the last
/// comma, semicolon, colon or dash that leaves a part at least a third of the cap, otherwise
/// between words.
fn fit(sentence: Vec<Word>, cap: usize) -> Vec<Vec<Word>> {
    let words: Vec<Word> = sentence.into_iter().flat_map(|word| cut_long_word(word, cap)).collect();
    let mut parts = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    let mut length = 0;
    for word in words {
        let added = if current.is_empty() { word.len() } else { length + 1 + word.len() };
        if added <= cap {
            current.push(word);
            length = added;
            continue;
        }
        let pause = current.iter().enumerate().rev().find_map(|(i, w)| {
            let text = w.text();
            let said = current[..=i].iter().map(Word::len).sum::<usize>() + i;
            (said >= cap / 3 && (text.ends_with([',', ';', ':']) || current.get(i + 1).is_some_and(|n| matches!(n.text().as_str(), "–" | "—" | "-"))))
                .then_some(i + 1)
        });
        let rest = current.split_off(pause.unwrap_or(current.len()));
        parts.push(std::mem::replace(&mut current, rest));
        current.push(word);
        length = current.iter().map(Word::len).sum::<usize>() + current.len() - 1;
        // The words carried over and this one may still be too long together.
        while length > cap {
            let rest = current.split_off(current.len() - 1);
            parts.push(std::mem::replace(&mut current, rest));
            length = current[0].len();
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// The words joined with single spaces, as runs of one language each.
fn utterance(words: &[Word], langs: &[String]) -> Utterance {
    let mut runs: Vec<Run> = Vec::new();
    let mut push = |c: char, lang: Option<usize>| {
        let lang = lang.map(|i| langs[i].clone());
        match runs.last_mut() {
            Some(last) if last.lang == lang => last.text.push(c),
            _ => runs.push(Run { text: c.to_string(), lang }),
        }
    };
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            // A space between two words of one language belongs to that language.
            let before = words[i - 1].chars.last().and_then(|(_, lang)| *lang);
            let after = word.chars.first().and_then(|(_, lang)| *lang);
            push(' ', before.filter(|_| before == after));
        }
        word.chars.iter().for_each(|&(c, lang)| push(c, lang));
    }
    Utterance { runs }
}

/// The text of one paragraph, heading or list item, cut into utterances: one a sentence, none
/// longer than `cap` characters. Spaces and line breaks are tidied; no word is lost or changed.
pub fn utterances(runs: &[Run], cap: usize) -> Vec<Utterance> {
    let mut langs = Vec::new();
    let words = words(runs, &mut langs);
    sentences(words).into_iter().flat_map(|sentence| fit(sentence, cap)).map(|part| utterance(&part, &langs)).collect()
}

/// A voice the device offers, as the browser describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// The browser's id for it (`voiceURI`), which is what the settings remember.
    pub id: String,
    pub name: String,
    /// A BCP 47 tag ("en-GB"); some Android versions write "en_GB".
    pub lang: String,
    /// Made on the device. Other voices send the text to a server to be spoken, so the app never
    /// uses them: what is read (a person's plan) stays on the device.
    pub local: bool,
    /// The device's own default.
    pub default: bool,
}

/// "en_GB" and "en-gb" alike, as lower-case subtags.
fn tag(lang: &str) -> Vec<String> {
    lang.split(['-', '_']).map(str::to_lowercase).collect()
}

impl Voice {
    fn speaks(&self, lang: &str) -> bool {
        tag(&self.lang).first() == tag(lang).first()
    }

    fn speaks_exactly(&self, lang: &str) -> bool {
        tag(&self.lang) == tag(lang)
    }

    /// "Daniel (English, UK)": how the voice is named in the settings.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.lang.replace('_', "-"))
    }
}

/// The voices the app may use: those made on the device, English ones first (then by name).
pub fn usable_voices(voices: &[Voice]) -> Vec<Voice> {
    let mut usable: Vec<Voice> = voices.iter().filter(|voice| voice.local).cloned().collect();
    crate::sort::sort_by_key(&mut usable, |voice| (!voice.speaks(PAGE_LANG), !voice.speaks_exactly(PAGE_LANG), voice.name.to_lowercase()));
    usable
}

/// The language the guide is written in.
pub const PAGE_LANG: &str = "en-GB";

/// The voice to read the page with: the one the person chose, if the device still has it;
/// otherwise one in British English, then any English (the device's default first), then the
/// device's default. Only voices made on the device count.
pub fn page_voice<'a>(voices: &'a [Voice], chosen: Option<&str>) -> Option<&'a Voice> {
    let local = || voices.iter().filter(|voice| voice.local);
    let best = |fits: &dyn Fn(&Voice) -> bool| local().filter(|v| fits(v)).max_by_key(|v| v.default);
    chosen
        .and_then(|id| local().find(|voice| voice.id == id))
        .or_else(|| best(&|v| v.speaks_exactly(PAGE_LANG)))
        .or_else(|| best(&|v| v.speaks(PAGE_LANG)))
        .or_else(|| local().find(|voice| voice.default))
        .or_else(|| local().next())
}

/// The voice for words marked with `lang` ("mi" for te reo Māori), if the device has one.
pub fn voice_for<'a>(voices: &'a [Voice], lang: &str) -> Option<&'a Voice> {
    let local = || voices.iter().filter(|voice| voice.local);
    local().find(|voice| voice.speaks_exactly(lang)).or_else(|| local().find(|voice| voice.speaks(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn said(text: &str) -> Vec<String> {
        utterances(&[Run::new(text, None)], MAX_UTTERANCE_CHARS).iter().map(Utterance::text).collect()
    }

    #[test]
    fn one_utterance_per_sentence() {
        assert_eq!(said("Recovery is personal. It takes time! Does it end? No."), ["Recovery is personal.", "It takes time!", "Does it end?", "No."]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            said("Dr. Smith and Prof. M. Slade wrote it, e.g. in 2004. Then more."),
            ["Dr. Smith and Prof. M. Slade wrote it, e.g. in 2004.", "Then more."]
        );
        assert_eq!(said("Anthony et al. (1993) said so. It was read."), ["Anthony et al. (1993) said so.", "It was read."]);
        assert_eq!(said("Eat, sleep, walk, etc. and rest."), ["Eat, sleep, walk, etc. and rest."]);
        assert_eq!(said("It ends with etc. Another begins."), ["It ends with etc.", "Another begins."]);
    }

    #[test]
    fn numbers_are_not_sentence_ends() {
        assert_eq!(said("About 3.5 million people. Call 116 123."), ["About 3.5 million people.", "Call 116 123."]);
        assert_eq!(said("1. Notice the signs early."), ["1. Notice the signs early."]);
        assert_eq!(said("It was 2004. Later it grew."), ["It was 2004.", "Later it grew."]);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(said("She said “it helps.” Then she left."), ["She said “it helps.”", "Then she left."]);
        assert_eq!(said("\"Is it?\" he asked."), ["\"Is it?\" he asked."]);
        assert_eq!(said("He said \"Stop.\" Then silence."), ["He said \"Stop.\"", "Then silence."]);
    }

    #[test]
    fn lines_end_what_is_said_and_spaces_are_tidied() {
        // A list typed into the plan, one thing a line, with no full stops.
        assert_eq!(said("Call my sister\n  Go for a walk\n\nMake tea"), ["Call my sister", "Go for a walk", "Make tea"]);
        assert_eq!(said("  Lots   of\tspace.  "), ["Lots of space."]);
        assert!(said("   ").is_empty());
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_comma_then_between_words() {
        let clause = "people find their own way with support from others";
        let long = format!("{clause}, {clause}, {clause}, {clause}, {clause}, {clause}, {clause}.");
        let parts = said(&long);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|part| part.chars().count() <= MAX_UTTERANCE_CHARS));
        assert!(parts[..parts.len() - 1].iter().all(|part| part.ends_with(',')), "{parts:?}");
        let no_pause = "word ".repeat(100);
        assert!(said(&no_pause).iter().all(|part| part.chars().count() <= MAX_UTTERANCE_CHARS && !part.starts_with(' ')));
    }

    #[test]
    fn words_in_another_language_keep_their_mark() {
        let runs = [Run::new("The idea of ", None), Run::new("Te Whare Tapa Whā", Some("mi")), Run::new(" helps. Kia ora.", None)];
        let said = utterances(&runs, MAX_UTTERANCE_CHARS);
        assert_eq!(said.len(), 2);
        assert_eq!(said[0].runs, [Run::new("The idea of ", None), Run::new("Te Whare Tapa Whā", Some("mi")), Run::new(" helps.", None)]);
        // With a Māori voice, the words are said by it; without, by the page's voice in one go.
        let with = said[0].voiced_runs(|lang| lang == "mi");
        assert_eq!(with, [Run::new("The idea of", None), Run::new("Te Whare Tapa Whā", Some("mi")), Run::new("helps.", None)]);
        assert_eq!(said[0].voiced_runs(|_| false), [Run::new("The idea of Te Whare Tapa Whā helps.", None)]);
    }

    fn voice(id: &str, lang: &str, local: bool, default: bool) -> Voice {
        Voice { id: id.into(), name: id.into(), lang: lang.into(), local, default }
    }

    #[test]
    fn the_page_voice_is_british_english_made_on_the_device() {
        let voices = [
            voice("Google UK English", "en-GB", false, false),
            voice("Amélie", "fr-FR", true, true),
            voice("Samantha", "en-US", true, false),
            voice("Daniel", "en_GB", true, false),
        ];
        assert_eq!(page_voice(&voices, None).unwrap().id, "Daniel");
        assert_eq!(page_voice(&voices[..3], None).unwrap().id, "Samantha", "then any English");
        assert_eq!(page_voice(&voices[..2], None).unwrap().id, "Amélie", "then the device's default");
        assert_eq!(page_voice(&voices, Some("Samantha")).unwrap().id, "Samantha", "the person's choice");
        assert_eq!(page_voice(&voices, Some("Google UK English")).unwrap().id, "Daniel", "never one that speaks on a server");
        assert_eq!(page_voice(&voices, Some("gone")).unwrap().id, "Daniel");
        assert!(page_voice(&voices[..1], None).is_none());
        assert_eq!(usable_voices(&voices).iter().map(|v| v.id.as_str()).collect::<Vec<_>>(), ["Daniel", "Samantha", "Amélie"]);
    }

    #[test]
    fn words_in_another_language_find_their_voice() {
        let voices = [voice("Daniel", "en-GB", true, true), voice("Aroha", "mi-NZ", true, false), voice("Remote", "de-DE", false, false)];
        assert_eq!(voice_for(&voices, "mi").unwrap().id, "Aroha");
        assert!(voice_for(&voices, "de").is_none());
        assert!(voice_for(&voices, "cy").is_none());
    }

    fn text_words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    proptest! {
        /// Whatever the text: no utterance is over the cap, and together they say every word, in
        /// order (words longer than the cap are cut, so they are kept shorter here).
        #[test]
        fn utterances_fit_and_keep_every_word(
            pieces in proptest::collection::vec(("[A-Za-zāē0-9]{1,40}", "[.,;:!?\"“”–-]{0,2}[ \n]{0,2}", proptest::option::of("mi|fr")), 0..80),
            cap in 20usize..400,
        ) {
            let runs: Vec<Run> = pieces.iter().map(|(word, gap, lang)| Run::new(&format!("{word}{gap}"), lang.as_deref())).collect();
            let text: String = runs.iter().map(|run| run.text.as_str()).collect();
            prop_assume!(text.split_whitespace().all(|word| word.chars().count() <= cap));
            let said = utterances(&runs, cap);
            for utterance in &said {
                prop_assert!(utterance.text().chars().count() <= cap, "{:?}", utterance.text());
            }
            let joined = said.iter().map(Utterance::text).collect::<Vec<_>>().join(" ");
            prop_assert_eq!(text_words(&joined), text_words(&text));
        }

        /// Even a word longer than the cap (a long web address) is said, in pieces that fit.
        #[test]
        fn long_words_are_cut_not_lost(word in "[a-z/.:]{1,900}", cap in 20usize..400) {
            let said = utterances(&[Run::new(&word, None)], cap);
            prop_assert!(said.iter().all(|u| u.text().chars().count() <= cap));
            prop_assert_eq!(said.iter().map(Utterance::text).collect::<String>(), word);
        }
    }
}
