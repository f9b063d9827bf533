//! The plan in words, as it is printed, shared and downloaded: each step's heading with its
//! entries as lines, and the urgent help for the person's place at the top. Plain text only, so
//! what a person wrote is never read as anything but words.

use super::plan::{Entry, Plan};
use crate::content::help::{emergency_by_country, first_help, service};
use crate::content::{Place, PLAN_STEPS};

/// Where entries under a step the guide does not have are listed (see `Plan::entries_outside`).
pub const OTHER_ENTRIES: &str = "Other things in your plan";

/// What a step with no entries says in a summary.
pub const NOTHING_YET: &str = "Nothing written yet.";

/// One step in a summary: its heading (numbered) and its entries, each as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepLines {
    pub heading: String,
    pub lines: Vec<String>,
}

/// One entry as a line: what the person wrote, with the phone number as typed; for a service
/// from the urgent-help list, its name, country and how to reach it.
pub fn entry_line(entry: &Entry) -> String {
    match entry.service.as_deref().and_then(service) {
        Some(service) => {
            let contacts: Vec<String> = service.contacts.iter().map(|c| c.label()).collect();
            format!("{} ({}): {}", service.name, service.country, contacts.join(", "))
        }
        None if entry.phone.is_empty() => entry.text.clone(),
        None => format!("{}: {}", entry.text, entry.phone),
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
    for step in step_lines(plan) {
        section(&step.heading, &step.lines, NOTHING_YET);
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

    #[test]
    fn the_text_has_help_now_then_every_step_in_order_with_entries_in_the_persons_order() {
        let text = plain_text(&plan(), place("Scotland"), Some("27 November 2026"));
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
        assert_eq!(steps.last().unwrap(), &StepLines { heading: OTHER_ENTRIES.into(), lines: vec!["<b>kept</b> as typed".into()] });
        assert!(plain_text(&plan, None, None).ends_with("Other things in your plan\n- <b>kept</b> as typed\n"));
    }
}
