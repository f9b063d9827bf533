//! Reads an export file's JSON, noticing keys that an object repeats. `serde_json` keeps the last
//! of a repeated key without a word, so a file listing one bookmark twice would lose one copy
//! unseen. Here an id listed twice keeps its later change (as merging the two would) and is
//! counted, so the preview can say so; any other repeated field makes the file damaged, because
//! which copy was meant cannot be known.

use super::stores::personal_stores;
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;
use serde_json::{Map, Number, Value};
use std::cell::Cell;
use std::fmt;

/// The maps in a store whose keys are ids (bookmarks, checklist items, saved reflections, the
/// plan's entries and their places), in every version the app has written.
const ENTRY_MAPS: &[&str] = &["bookmarks", "true_now", "work_on", "notes", "own_items", "checklist", "snapshots", "entries", "positions"];
/// The stores a file holds (`personal_stores!`).
const STORES: &[&str] = {
    macro_rules! names {
        ($($field:ident: $type:ty, $since:literal, $place:literal;)*) => {
            &[$(stringify!($field)),*]
        };
    }
    personal_stores!(names)
};

/// The file's JSON and how many repeated entries were left out.
pub struct Read {
    pub value: Value,
    pub repeated_entries: usize,
}

/// `serde_json`'s error: its category says whether the text was cut short, not JSON, or JSON with
/// a field repeated (`Category::Data`, with the reason).
pub fn read(text: &str) -> Result<Read, serde_json::Error> {
    let repeats = Cell::new(0);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Node { place: Place::Root, repeats: &repeats }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(Read { value, repeated_entries: repeats.get() })
}

/// Any JSON text as a `Value`, read the same way: stored values too, so the wasm holds one copy of
/// `serde_json`'s reader (about 2 KB gzip). Nothing this app writes repeats a key; a stored value that
/// does was changed outside the app, and reads as damaged (kept aside, never lost).
pub fn value(text: &str) -> Result<Value, serde_json::Error> {
    read(text).map(|read| read.value)
}

/// Where a value sits in the file, which decides what a repeated key inside it means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Root,
    Store,
    Entries,
    Other,
}

impl Place {
    fn child(self, key: &str) -> Place {
        match self {
            Place::Root if STORES.contains(&key) => Place::Store,
            Place::Store if ENTRY_MAPS.contains(&key) => Place::Entries,
            _ => Place::Other,
        }
    }
}

/// The entry with the later time ("at") is kept; at the same time, the one listed last.
fn later(candidate: &Value, kept: &Value) -> bool {
    let at = |entry: &Value| entry.get("at").and_then(Value::as_u64);
    at(candidate) >= at(kept)
}

/// Builds a `serde_json::Value` as `Value`'s own visitor does (depth is limited by `serde_json`'s
/// deserializer), deciding repeated keys by `place`.
struct Node<'a> {
    place: Place,
    repeats: &'a Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Node { place: Place::Other, repeats: self.repeats })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let value = access.next_value_seed(Node { place: self.place.child(&key), repeats: self.repeats })?;
            match map.get_mut(&key) {
                None => {
                    map.insert(key, value);
                }
                Some(kept) if self.place == Place::Entries => {
                    self.repeats.set(self.repeats.get() + 1);
                    if later(&value, kept) {
                        *kept = value;
                    }
                }
                Some(_) => return Err(A::Error::custom(format!("the field {key:?} appears twice"))),
            }
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_id_listed_twice_keeps_its_later_change_and_is_counted() {
        let text = r#"{"bookmarks":{"bookmarks":{
            "a":{"at":9,"value":"later"},
            "a":{"at":3,"value":"earlier"},
            "b":{"at":1},
            "b":{"at":2,"value":"back"}}}}"#;
        let read = read(text).unwrap();
        assert_eq!(read.repeated_entries, 2);
        assert_eq!(read.value["bookmarks"]["bookmarks"], json!({"a": {"at": 9, "value": "later"}, "b": {"at": 2, "value": "back"}}));
    }

    #[test]
    fn any_other_repeated_field_is_refused() {
        for text in [
            r#"{"format":1,"format":2}"#,
            r#"{"bookmarks":{"version":1,"version":2}}"#,
            r#"{"bookmarks":{"bookmarks":{"a":{"at":1,"at":2}}}}"#,
            r#"{"history":{"snapshots":{"s":{"at":1,"value":{"items":[{"id":"x","id":"y"}]}}}}}"#,
        ] {
            let error = read(text).err().unwrap_or_else(|| panic!("{text} was read"));
            assert_eq!(error.classify(), serde_json::error::Category::Data, "{text}");
        }
    }

    #[test]
    fn reads_every_kind_of_value_as_serde_json_does() {
        let text = r#"{"a":[null,true,-1,18446744073709551615,1e300,0.5,"s",{}],"b":{"c":[]}}"#;
        assert_eq!(read(text).unwrap().value, serde_json::from_str::<Value>(text).unwrap());
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(read(&deep).is_err(), "deep nesting stops at serde_json's limit, not the stack");
    }
}
