//! Stored data carries its schema version (`{ "version": n, ... }`). Reading it upgrades older
//! versions one step at a time, and refuses (without touching it) anything that is not JSON, has
//! the wrong shape, or was written by a newer version of the app.

use super::lww::Stamps;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Every store holds times (`Stamps`), brought back to now when they come from the future.
pub trait Versioned: Serialize + DeserializeOwned + Default + Clone + PartialEq + Stamps {
    /// What this is, in the words shown to people ("bookmarks").
    const NAME: &'static str;
    /// Its name in storage (after the app's prefix).
    const KEY: &'static str;
    /// The version this app writes.
    const VERSION: u32;

    /// Takes every change from `other` that is later than ours, so two copies of a store (this
    /// tab's unsaved changes and what another tab saved, say) combine without losing either.
    fn merge(&mut self, other: &Self);

    /// Turns the JSON of version `from` into the JSON of version `from + 1`.
    /// Every version this app has ever written must have a step here (and a fixture in
    /// `tests/fixtures/storage/`).
    fn upgrade(from: u32, value: Value) -> Result<Value, String> {
        let _ = value;
        Err(format!("there is no upgrade from version {from}"))
    }

    /// The text kept on this device: the same as in export files, unless the store has a more
    /// compact form for storage (saved reflections do: see `History`).
    fn to_stored(&self) -> String {
        encode(self)
    }

    /// Reads what `to_stored` wrote, or what any earlier version of the app stored.
    fn from_stored(raw: &str) -> Result<Self, Unreadable> {
        decode(raw)
    }
}

/// Why stored or imported data could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    NotJson,
    WrongShape(String),
    NewerVersion(u32),
}

impl Unreadable {
    /// The problem in plain words, for the person whose data it is.
    pub fn explain(&self, name: &str) -> String {
        match self {
            Self::NotJson => format!("Your saved {name} could not be read: the stored text is damaged."),
            Self::WrongShape(_) => format!("Your saved {name} could not be read: they are not in the form this app expects."),
            Self::NewerVersion(version) => {
                format!("Your saved {name} were made by a newer version of this app (format {version}). Reload the page to get the newest version.")
            }
        }
    }
}

pub fn decode<T: Versioned>(raw: &str) -> Result<T, Unreadable> {
    let value = upgraded(raw, T::VERSION, T::upgrade)?;
    serde_json::from_value(value).map_err(|e| Unreadable::WrongShape(e.to_string()))
}

/// The JSON of `raw` brought up to version `latest` by `upgrade`'s steps. Not generic, so each
/// store compiles only its own `from_value`.
#[inline(never)]
fn upgraded(raw: &str, latest: u32, upgrade: fn(u32, Value) -> Result<Value, String>) -> Result<Value, Unreadable> {
    let mut value: Value = super::file_json::value(raw).map_err(|_| Unreadable::NotJson)?;
    let version = value.get("version").and_then(Value::as_u64).filter(|v| *v >= 1).ok_or_else(|| Unreadable::WrongShape("no version number".into()))?;
    let version = u32::try_from(version).map_err(|_| Unreadable::NewerVersion(u32::MAX))?;
    if version > latest {
        return Err(Unreadable::NewerVersion(version));
    }
    for from in version..latest {
        value = upgrade(from, value).map_err(Unreadable::WrongShape)?;
        value["version"] = Value::from(from + 1);
    }
    Ok(value)
}

pub fn encode<T: Versioned>(data: &T) -> String {
    serde_json::to_string(data).expect("stores serialise to JSON")
}
