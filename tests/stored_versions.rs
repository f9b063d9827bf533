//! Data saved by every version of the app must still load. When a store's version goes up, keep
//! the old fixture here (it then exercises the upgrade) and add one for the new version.

use recovery_guide::data::plan::dial_number;
use recovery_guide::data::reflection::STORED_HISTORY_VERSION;
use recovery_guide::data::settings::{ReadingSpeed, Settings, TextSize, Theme};
use recovery_guide::data::{decode, transfer, Bookmarks, History, Plan, Reflections, Versioned};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/storage/{name}")).unwrap()
}

#[test]
fn every_bookmarks_version_loads() {
    for version in 1..=Bookmarks::VERSION {
        let marks: Bookmarks = decode(&fixture(&format!("bookmarks-v{version}.json"))).unwrap();
        assert_eq!(marks.version, Bookmarks::VERSION);
        assert_eq!(marks.get("pace-recovery-guide").unwrap().note, "Ask about the PDF");
        assert_eq!(marks.get("what-supports-recovery").unwrap().note, "", "a missing note reads as empty");
        assert!(!marks.contains("removed-item"), "a deletion stays deleted");
        assert_eq!(marks.count(), 2);
    }
}

#[test]
fn every_reflections_version_loads() {
    for version in 1..=Reflections::VERSION {
        let r: Reflections = decode(&fixture(&format!("reflections-v{version}.json"))).unwrap();
        assert_eq!(r.version, Reflections::VERSION);
        assert_eq!(r.answer("good-relationships").note, "my sister");
        assert_eq!(r.own_items()[0].text, "Walk every day");
        assert!(r.answer("own-1").work_on);
    }
}

#[test]
fn every_history_version_loads() {
    // Stored on the device from version 2 in a compact form; export files keep version 1's form.
    for version in 1..=STORED_HISTORY_VERSION {
        let h = History::from_stored(&fixture(&format!("history-v{version}.json"))).unwrap();
        assert_eq!(h.version, History::VERSION);
        let history = h.oldest_first();
        assert_eq!(history.len(), 1, "a deleted reflection stays deleted");
        assert_eq!((history[0].1.true_now(), history[0].1.work_on()), (1, 1));
        assert_eq!(history[0].1.items[2].answer, Default::default(), "unset answers read as unset");
        let words: Vec<&str> = history[0].1.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(words, ["good relationships", "Walk every day", "satisfying work"], "each item's words as saved then");
    }
    assert!(decode::<History>(&fixture("history-v1.json")).is_ok(), "an export file's form");
}

#[test]
fn an_export_holding_stores_of_every_version_imports() {
    let file = format!(
        "{{\"app\":\"recovery-guide\",\"format\":1,\"exported_at\":1,\"bookmarks\":{},\"reflections\":{},\"history\":{}}}",
        fixture("bookmarks-v1.json"),
        fixture("reflections-v1.json"),
        fixture("history-v1.json")
    );
    let imported = transfer::parse_import(&file, file.len() as u64, 1_800_000_000_000, &[]).unwrap();
    assert_eq!(imported.bookmarks.count(), 2);
    assert_eq!(imported.history.oldest_first().len(), 1);
    assert_eq!(imported.reflections.own_items().len(), 1);
}

#[test]
fn every_plan_version_loads() {
    for version in 1..=Plan::VERSION {
        let plan: Plan = decode(&fixture(&format!("plan-v{version}.json"))).unwrap();
        assert_eq!(plan.version, Plan::VERSION);
        let signs: Vec<&str> = plan.step_entries("warning-signs").into_iter().map(|(_, e)| e.text.as_str()).collect();
        assert_eq!(signs, ["I can't sleep", "I stop answering my phone"], "in the order the person chose");
        let mum = plan.step_entries("people-to-ask")[0].1;
        assert_eq!((mum.text.as_str(), mum.phone.as_str()), ("Mum", "07700 900123"));
        assert_eq!(dial_number(&mum.phone).as_deref(), Some("07700900123"));
        assert_eq!(plan.step_entries("services")[0].1.service.as_deref(), Some("uk-samaritans"));
        assert_eq!(plan.count(), 4, "a removed entry stays removed");
        assert_eq!(plan.reviewed_at, Some(1_795_653_500_000));
        assert_eq!(plan.last_changed(), Some(1_795_653_400_000));
    }
}

#[test]
fn every_settings_version_loads() {
    for version in 1..=Settings::VERSION {
        let s: Settings = decode(&fixture(&format!("settings-v{version}.json"))).unwrap();
        assert_eq!((s.theme, s.text_size), (Theme::Dark, TextSize::Large));
        assert_eq!(s.place, None, "settings saved before places were added read as no place chosen");
        assert!(!s.quick_exit_button, "settings saved before the Quick exit button read as no button");
        assert_eq!((s.reading_voice, s.reading_speed), (None, ReadingSpeed::Normal), "settings saved before reading aloud read as the app's choice");
    }
}
