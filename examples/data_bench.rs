//! How long the person's data takes to read and write at a heavy but real size: 1,000 bookmarks
//! with notes and 365 saved reflections (a year of daily use). Each change the app saves is one
//! read (decode) and one write (encode) of a store. Run: cargo run --release --example data_bench

use recovery_guide::data::transfer::{export, parse_import, AllData};
use recovery_guide::data::{decode, encode, Bookmarks, ChecklistItem, History, Reflections, Versioned};
use std::time::{Duration, Instant};

/// The table these figures go into in docs/performance.md.
const DATA_TABLE: &str = "A heavy user's data, native release build (`examples/data_bench.rs`; wasm in the browser is slower by a small factor)";

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(runs: usize, mut work: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let mut bookmarks = Bookmarks::default();
    for i in 0..1_000u64 {
        let id = format!("item-{i}");
        bookmarks.add(&id, "publications", "A resource with a title of ordinary length", i);
        bookmarks.set_note(&id, "A private note of a sentence or two, about why this matters to me now.", i + 1);
    }
    let ids: Vec<String> = (0..24).map(|i| format!("checklist-item-{i}")).collect();
    let items: Vec<ChecklistItem> = ids.iter().map(|id| ChecklistItem { id, text: "developing resilience to possible adversity", own: false }).collect();
    let mut reflections = Reflections::default();
    let mut history = History::default();
    for day in 0..365u64 {
        for (i, id) in ids.iter().enumerate() {
            reflections.update_answer(id, day * 86_400_000, |a| {
                a.true_now = (day as usize + i).is_multiple_of(3);
                a.note = format!("note for day {day}");
            });
        }
        history.save(&format!("reflection-{day}"), reflections.snapshot(&items, day * 86_400_000, 0));
    }

    let bookmarks_json = encode(&bookmarks);
    let reflections_json = encode(&reflections);
    // As stored on the device (each item's words once), not as in export files.
    let history_json = history.to_stored();
    let export_json = export(&AllData { bookmarks: bookmarks.clone(), reflections: reflections.clone(), history: history.clone(), ..AllData::default() }, 0);
    println!(
        "Data size: bookmarks {} KB, checklist {} KB, history {} KB, export file {} KB",
        bookmarks_json.len() / 1024,
        reflections_json.len() / 1024,
        history_json.len() / 1024,
        export_json.len() / 1024
    );
    for (what, json) in
        [("1,000 bookmarks with notes", &bookmarks_json), ("a year of saved reflections, as stored", &history_json), ("the export file", &export_json)]
    {
        println!("figure\t{DATA_TABLE}\t{what}\tsize\t{} KB", json.len() / 1024);
    }
    // Each figure twice: for people, and as a figure line for docs/performance.md (scripts/bench-table.mjs).
    let report = |what: &str, d: Duration| {
        let ms = d.as_secs_f64() * 1e3;
        println!("{what:<46} {ms:>8.2} ms");
        println!("figure\t{DATA_TABLE}\t{what}\ttime\t{ms:.2} ms");
    };
    report(
        "load 1,000 bookmarks (decode)",
        time(21, || {
            decode::<Bookmarks>(&bookmarks_json).unwrap();
        }),
    );
    report(
        "save 1,000 bookmarks (encode)",
        time(21, || {
            encode(&bookmarks);
        }),
    );
    report(
        "load 365 saved reflections (decode)",
        time(21, || {
            History::from_stored(&history_json).unwrap();
        }),
    );
    report(
        "save 365 saved reflections (encode)",
        time(21, || {
            history.to_stored();
        }),
    );
    report(
        "one checklist tick (read + change + write)",
        time(21, || {
            let mut latest = decode::<Reflections>(&reflections_json).unwrap();
            latest.update_answer("checklist-item-3", 1, |a| a.true_now = !a.true_now);
            encode(&latest);
        }),
    );
    report(
        "one bookmark change (read + change + write)",
        time(21, || {
            let mut latest = decode::<Bookmarks>(&bookmarks_json).unwrap();
            latest.set_note("item-5", "changed", 10_000);
            encode(&latest);
        }),
    );
    report(
        "import the export file (parse + checks)",
        time(11, || {
            parse_import(&export_json, export_json.len() as u64, 0, &[]).unwrap();
        }),
    );
}
