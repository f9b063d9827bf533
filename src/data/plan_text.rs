//! The plan in words, as it is printed, shared and downloaded: each step's heading with its
//! entries as lines, and the urgent help for the person's place at the top. Plain text only, so
//! what a person wrote is never read as anything but words.
//!
//! What a person wrote keeps its own direction: a name in Arabic or Hebrew beside a phone number
//! must not turn "+44 20 7946 0018" into "0018 7946 20 44+". Print isolates each piece (`<bdi>`,
//! `dir="ltr"` on a number); the text isolates them with Unicode's isolates, so a text app shows
//! them in order too.

use super::plan::{Entry, Plan};
use crate::content::help::{emergency_by_country, first_help, service};
use crate::content::{Place, PLAN_STEPS};

/// Where entries under a step the guide does not have are listed (see `Plan::entries_outside`).
pub const OTHER_ENTRIES: &str = "Other things in your plan";

/// What a step with no entries says in a summary.
pub const NOTHING_YET: &str = "Nothing written yet.";

/// Unicode's isolates: first strong (the piece's own direction), left to right, and their end.
const FSI: char = '\u{2068}';
const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

/// One step in a summary: its heading (numbered) and its entries, each as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLines {
    pub heading: String,
    pub lines: Vec<Line>,
}

/// One line of a summary, in pieces that each keep their own direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The guide's words (a service and how to reach it), left to right.
    Guide(String),
    /// What the person wrote, and the phone number as they typed it (maybe none).
    Written { text: String, phone: String },
}

impl Line {
    /// As a line of plain text: what the person wrote between first-strong isolates, a number
    /// between left-to-right ones.
    pub fn text(&self) -> String {
        match self {
            Self::Guide(text) => text.clone(),
            Self::Written { text, phone } if phone.is_empty() => format!("{FSI}{text}{PDI}"),
            Self::Written { text, phone } => format!("{FSI}{text}{PDI}: {}{phone}{PDI}", if is_number(phone) { LRI } else { FSI }),
        }
    }
}

/// Whether a phone number as typed is a number (no letters), so it always reads left to right.
fn is_number(phone: &str) -> bool {
    !phone.chars().any(char::is_alphabetic)
}

/// The `dir` of a phone number as typed: left to right for a number, its own for words.
pub fn phone_direction(phone: &str) -> &'static str {
    if is_number(phone) {
        "ltr"
    } else {
        "auto"
    }
}

/// One entry as a line: what the person wrote, with the phone number as typed; for a service
/// from the urgent-help list, its name, country and how to reach it.
pub fn entry_line(entry: &Entry) -> Line {
    match entry.service.as_deref().and_then(service) {
        Some(service) => {
            let contacts: Vec<String> = service.contacts.iter().map(|c| c.label()).collect();
            Line::Guide(format!("{} ({}): {}", service.name, service.country, contacts.join(", ")))
        }
        None => Line::Written { text: entry.text.clone(), phone: entry.phone.clone() },
    }
}

/// Every step in order, numbered, with its entries; then any entries under steps the guide does
/// not have.
pub fn step_lines(plan: &Plan) -> Vec<StepLines> {
    let lines = |entries: Vec<(&str, &Entry)>| entries.into_iter().map(|(_, entry)| entry_line(entry)).collect::<Vec<_>>();
    let mut steps: Vec<StepLines> = PLAN_STEPS
        .iter()
        .enumerate()
        .map(|(i, step)| StepLines { heading: format!("{}. {}", i + 1, step.heading), lines: lines(plan.step_entries(step.id)) })
        .collect();
    let known: Vec<&str> = PLAN_STEPS.iter().map(|step| step.id).collect();
    let outside = plan.entries_outside(&known);
    if !outside.is_empty() {
        steps.push(StepLines { heading: OTHER_ENTRIES.to_string(), lines: lines(outside) });
    }
    steps
}

/// Who to call now: in the chosen place, its emergency number and main line; with no place
/// chosen, every country's emergency number (always with the country: the same number means
/// different things in different places).
pub fn urgent_lines(place: Option<&Place>) -> Vec<String> {
    match place {
        Some(place) => {
            first_help(place).into_iter().map(|service| format!("{} ({}): {}", service.name, service.country, service.contacts[0].label())).collect()
        }
        None => emergency_by_country().into_iter().map(|(place, service)| format!("{}: {}", place.name, service.contacts[0].label())).collect(),
    }
}

/// The heading above `urgent_lines`.
pub const URGENT_HEADING: &str = "If a life is at risk, or you need help now";

/// The whole plan as plain text, to share or download. `last_changed` is the date in words.
pub fn plain_text(plan: &Plan, place: Option<&Place>, last_changed: Option<&str>) -> String {
    let mut text = String::from("My plan for hard days\n");
    if let Some(date) = last_changed {
        text.push_str(&format!("Last changed {date}.\n"));
    }
    let mut section = |heading: &str, lines: &[String], empty: &str| {
        text.push_str(&format!("\n{heading}\n"));
        if lines.is_empty() {
            text.push_str(&format!("{empty}\n"));
        }
        for line in lines {
            text.push_str(&format!("- {line}\n"));
        }
    };
    section(URGENT_HEADING, &urgent_lines(place), "");
    let mut section = |heading: &str, lines: Vec<Line>, empty: &str| section(heading, &lines.iter().map(Line::text).collect::<Vec<_>>(), empty);
    for step in step_lines(plan) {
        section(&step.heading, step.lines, NOTHING_YET);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::help::place;

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.add("a", Entry::new("warning-signs", "I stop answering my phone", "", 1), 1);
        plan.add("b", Entry::new("warning-signs", "I can't sleep", "", 2), 2);
        plan.add("mum", Entry::new("people-to-ask", "Mum", "07700 900123", 3), 3);
        plan.add("sam", Entry { service: Some("uk-samaritans".into()), ..Entry::new("services", "Samaritans (UK)", "116 123", 4) }, 4);
        plan.add("gone", Entry { service: Some("a-service-since-removed".into()), ..Entry::new("services", "Old line", "0800 000 000", 5) }, 5);
        plan.move_entry("b", super::super::plan::Direction::Up, 6);
        plan
    }

    /// The text without its isolates, as it reads.
    fn read(text: &str) -> String {
        text.replace([FSI, LRI, PDI], "")
    }

    #[test]
    fn the_text_has_help_now_then_every_step_in_order_with_entries_in_the_persons_order() {
        let text = read(&plain_text(&plan(), place("Scotland"), Some("27 November 2026")));
        let expected = "My plan for hard days
Last changed 27 November 2026.

If a life is at risk, or you need help now
- Emergency services (UK): Call 999
- NHS 24 Mental Health Hub (Scotland): Call 111

1. Signs that things are getting hard
- I can't sleep
- I stop answering my phone

2. Things I can do on my own
Nothing written yet.

3. People and places that take my mind off things
Nothing written yet.

4. People I can ask for help
- Mum: 07700 900123

5. Professionals and services
- Samaritans (UK): Call 116 123, Email jo@samaritans.org
- Old line: 0800 000 000

6. Making where I am safer
Nothing written yet.

7. What matters to me
Nothing written yet.
";
        assert_eq!(text, expected);
    }

    #[test]
    fn with_no_place_every_countrys_emergency_number_is_listed_with_its_country() {
        let lines = urgent_lines(None);
        assert_eq!(lines[0], "UK: Call 999");
        assert!(lines.contains(&"New Zealand: Call 111".to_string()));
        assert!(plain_text(&Plan::default(), None, None).starts_with("My plan for hard days\n\nIf a life is at risk"));
    }

    #[test]
    fn entries_under_an_unknown_step_are_listed_last_and_words_stay_words() {
        let mut plan = Plan::default();
        plan.add("x", Entry::new("from-a-newer-app", "<b>kept</b> as typed", "", 1), 1);
        let steps = step_lines(&plan);
        assert_eq!(steps.last().unwrap().heading, OTHER_ENTRIES);
        assert_eq!(steps.last().unwrap().lines, [Line::Written { text: "<b>kept</b> as typed".into(), phone: String::new() }]);
        assert!(read(&plain_text(&plan, None, None)).ends_with("Other things in your plan\n- <b>kept</b> as typed\n"));
    }

    /// Issue 28: "سارة" with "+44 20 7946 0018" printed as "0018 7946 20 44+ :سارة".
    #[test]
    fn what_a_person_wrote_and_each_number_are_isolated_in_the_text() {
        let mut plan = Plan::default();
        plan.add("sara", Entry::new("people-to-ask", "سارة", "+44 20 7946 0018", 1), 1);
        plan.add("sam", Entry::new("people-to-ask", "Sam", "ask Sam for his new number", 2), 2);
        plan.add("sea", Entry::new("reasons", "הים", "", 3), 3);
        let text = plain_text(&plan, None, None);
        assert!(text.contains("\n- \u{2068}سارة\u{2069}: \u{2066}+44 20 7946 0018\u{2069}\n"), "{text:?}");
        assert!(text.contains("\n- \u{2068}Sam\u{2069}: \u{2068}ask Sam for his new number\u{2069}\n"), "{text:?}");
        assert!(text.contains("\n- \u{2068}הים\u{2069}\n"), "{text:?}");
        // Every isolate is closed on its own line.
        for line in text.lines() {
            let opened = line.chars().filter(|c| [FSI, LRI].contains(c)).count();
            assert_eq!(opened, line.chars().filter(|c| *c == PDI).count(), "{line:?}");
        }
    }
}
