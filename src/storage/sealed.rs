//! The passphrase lock's stored forms and rules, in plain Rust (the browser's WebCrypto does the
//! sealing itself, in `crypto.rs`).
//!
//! With the lock on, every personal value (bookmarks, checklist answers and notes, saved
//! reflections, own items, the plan, and backups of any of them) is stored sealed: AES-GCM with a
//! 256-bit key derived from the passphrase by PBKDF2-SHA-256. Each sealed value names its
//! algorithm, key derivation, iterations and salt beside its IV and ciphertext, so a later change of
//! parameters is an upgrade step, and any value can be opened with the passphrase alone. Display
//! settings and the device's own record stay plain.
//!
//! The lock is there for someone else holding the device, who can read and write this site's
//! storage from the browser's developer tools. So a sealed value is bound to its place (AES-GCM's
//! additional data names its key, format and salt, and how many times this device has written
//! that key), the lock's record keeps those counts sealed (`Ledger`), and on unlocking anything
//! that was not sealed here, for this place, at least as recently as the ledger says, is set aside
//! rather than used (`verdict`).

use super::PREFIX;
use crate::data::stores::personal_stores;
use crate::data::transfer::{ImportError, FILE_APP};
use serde::Serialize;
use serde_json::Value;

/// OWASP's password storage guidance for PBKDF2-HMAC-SHA256 (2023): 600,000 iterations.
pub const ITERATIONS: u32 = 600_000;
/// What a stored or imported value may ask for: fewer would make guessing cheap, more would keep
/// the page "Opening…" for minutes (4,294,967,295 would never finish).
const ITERATIONS_ACCEPTED: std::ops::RangeInclusive<u32> = ITERATIONS..=2_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
pub const ALGORITHM: &str = "AES-GCM-256";
pub const KEY_DERIVATION: &str = "PBKDF2-SHA-256";
/// Sealed values bound to their place (version 1, without `store` and `count`, still opens and is
/// sealed again, bound, on unlocking).
const BOUND: u32 = 2;

/// Where the lock keeps its record; present exactly when the lock is on.
pub const LOCK_KEY: &str = "recovery-guide:lock";
/// Stores that stay plain with the lock on: they hold nothing the person wrote or chose to keep.
const PLAIN_STORES: [&str; 3] = ["settings", "safekeeping", "lock"];
const BACKUP_PREFIX: &str = "recovery-guide:backup:";
/// Where a value found in storage on unlocking, and not used, is kept (sealed) for the person to
/// look at: `recovery-guide:set-aside:<n>`.
pub const SET_ASIDE_PREFIX: &str = "recovery-guide:set-aside:";
/// What a sealed export file is bound to, in place of a stored key.
pub const FILE_PLACE: &str = "recovery-guide:file";
/// Whether a stored key holds something personal, which the lock seals. Anything of this app's
/// that is not known to be plain counts as personal, so a new store is sealed without anyone
/// having to remember to list it.
pub fn is_personal(key: &str) -> bool {
    let store = match key.strip_prefix(BACKUP_PREFIX) {
        Some(rest) => rest.rsplit_once(':').map_or(rest, |(store, _)| store),
        None => match key.strip_prefix(PREFIX) {
            Some(store) => store,
            None => return false,
        },
    };
    !PLAIN_STORES.contains(&store)
}

/// A sealed value as stored: `{"sealed": {...}}`, in place of the plain `{"version": n, ...}`.
/// Written with serde; read from JSON as a `Value` (`from_json`), whose reader the wasm has anyway:
/// derived readers for the lock's forms added about 8 KB to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sealed {
    pub algorithm: String,
    pub key_derivation: String,
    pub iterations: u32,
    pub salt: Bytes,
    pub iv: Bytes,
    pub ciphertext: Bytes,
    /// 2: bound to `store` and `count` (`binding`); missing: 1, sealed before values were bound.
    #[serde(skip_serializing_if = "is_unbound")]
    pub version: u32,
    /// The stored key (or `FILE_PLACE`) it was sealed for.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub store: String,
    /// How many times this device had written `store` with this one, so an older copy put back
    /// is known.
    #[serde(skip_serializing_if = "is_zero")]
    pub count: u64,
}

fn is_unbound(version: &u32) -> bool {
    *version == 1
}
fn is_zero(count: &u64) -> bool {
    *count == 0
}

#[derive(Serialize)]
struct SealedValue {
    sealed: Sealed,
}

impl Sealed {
    /// A stored or imported text that is a sealed value, read as one (`None` for anything else).
    pub fn read(text: &str) -> Option<Self> {
        // Cheap first look: plain stores are large, and most of them are not sealed.
        if !text.trim_start().starts_with("{\"sealed\"") {
            return None;
        }
        Self::from_json(json(text)?.get("sealed")?).filter(Self::is_supported)
    }

    /// Read as serde's derive would: `version`, `store` and `count` may be missing (a value sealed
    /// before values were bound), anything else missing or of another type is not a sealed value.
    fn from_json(json: &Value) -> Option<Self> {
        let text = |name: &str| json.get(name)?.as_str();
        let bytes = |name: &str| base64::decode(text(name)?).map(Bytes);
        let optional = |name: &str| json.get(name).map(|v| v.as_u64().ok_or(()));
        Some(Self {
            algorithm: text("algorithm")?.into(),
            key_derivation: text("key_derivation")?.into(),
            iterations: u32::try_from(json.get("iterations")?.as_u64()?).ok()?,
            salt: bytes("salt")?,
            iv: bytes("iv")?,
            ciphertext: bytes("ciphertext")?,
            version: optional("version").unwrap_or(Ok(1)).ok().and_then(|v| u32::try_from(v).ok())?,
            store: json.get("store").map_or(Some(""), Value::as_str)?.into(),
            count: optional("count").unwrap_or(Ok(0)).ok()?,
        })
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(&SealedValue { sealed: self.clone() }).expect("sealed values serialise")
    }

    fn is_supported(&self) -> bool {
        self.algorithm == ALGORITHM
            && self.key_derivation == KEY_DERIVATION
            && self.salt.0.len() == SALT_BYTES
            && self.iv.0.len() == IV_BYTES
            && ITERATIONS_ACCEPTED.contains(&self.iterations)
            && (self.version == 1 || self.version == BOUND)
    }

    /// The empty shell of a value sealed now for `store`, its `count`th write: the IV and
    /// ciphertext are WebCrypto's to fill.
    pub fn bound(store: &str, count: u64, salt: &Bytes, iterations: u32) -> Self {
        Self {
            algorithm: ALGORITHM.into(),
            key_derivation: KEY_DERIVATION.into(),
            iterations,
            salt: salt.clone(),
            iv: Bytes::default(),
            ciphertext: Bytes::default(),
            version: BOUND,
            store: store.into(),
            count,
        }
    }

    /// AES-GCM's additional data: a value opens only with the place, format, salt and count it was
    /// sealed with (`None`: sealed before values were bound).
    pub fn binding(&self) -> Option<Vec<u8>> {
        (self.version == BOUND).then(|| format!("recovery-guide {BOUND}|{}|{}|{}", self.store, base64::encode(&self.salt.0), self.count).into_bytes())
    }

    /// Whether a key derived with `salt` and `iterations` can open this.
    pub fn opens_with(&self, salt: &Bytes, iterations: u32) -> bool {
        self.salt == *salt && self.iterations == iterations
    }
}

/// An export file sealed with the passphrase: `{"app": "recovery-guide", "sealed": {...}}`, so it
/// is known as this app's even though nothing inside can be read without the passphrase.
#[derive(Serialize)]
struct SealedFile {
    app: String,
    sealed: Sealed,
}

impl Sealed {
    /// A chosen file that is a sealed export: `None` when it is not one, an error when it is one
    /// whose parameters are not this app's (refused at once: never minutes of key derivation).
    pub fn read_file(text: &str) -> Option<Result<Self, ImportError>> {
        let file = json(text)?;
        let sealed = Self::from_json(file.get("sealed")?)?;
        (file.get("app")?.as_str()? == FILE_APP).then(|| Some(sealed).filter(Self::is_supported).ok_or(ImportError::LockedOtherwise))
    }

    pub fn to_file(&self) -> String {
        serde_json::to_string(&SealedFile { app: FILE_APP.into(), sealed: self.clone() }).expect("sealed files serialise")
    }
}

/// What unlocking is checked against: a known text sealed with the key, so a wrong passphrase is
/// told apart from damaged data. Sealed before values were bound, the check was this text alone;
/// now it opens to a `Ledger` that carries it.
pub const CHECK_TEXT: &str = "recovery-guide lock check";

/// The lock's own record: the key derivation's salt, the sealed check (with the ledger inside), and
/// when to lock by itself, in plain for older versions of the app; the sealed copy is the one used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LockRecord {
    pub version: u32,
    pub salt: Bytes,
    pub iterations: u32,
    pub check: Sealed,
    pub auto_lock: AutoLock,
}

impl LockRecord {
    pub const VERSION: u32 = 1;

    pub fn read(text: &str) -> Option<Self> {
        let json = json(text)?;
        let number = |name: &str| u32::try_from(json.get(name)?.as_u64()?).ok();
        let record = Self {
            version: number("version")?,
            salt: Bytes(base64::decode(json.get("salt")?.as_str()?)?),
            iterations: number("iterations")?,
            check: Sealed::from_json(json.get("check")?)?,
            auto_lock: AutoLock::from_value(json.get("auto_lock")?.as_str()?)?,
        };
        Some(record).filter(|r| r.version == Self::VERSION && r.check.is_supported() && r.check.opens_with(&r.salt, r.iterations))
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("the lock record serialises")
    }
}

/// What the sealed check holds besides `CHECK_TEXT`: the auto-lock time (tamper-evident: the plain
/// copy in the record is only trusted when it agrees), and how many times this device has written
/// each personal key while locked on (`counts`), so a store put back to an older copy is caught.
/// Written as lines (`CHECK_TEXT`, the auto-lock value, then "count key" each) rather than with
/// serde: it is read on every unlock and written after every save, and a derive would add to the
/// wasm more than these few lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ledger {
    pub auto_lock: AutoLock,
    /// Sorted by key. A key with no count was last written before values were bound.
    pub counts: Vec<(String, u64)>,
}

impl Ledger {
    /// The check value's opened text: a ledger, or `CHECK_TEXT` alone from before values were bound
    /// (then the plain auto-lock time is all there is). `None`: not this lock's check.
    pub fn read(opened: &str, plain_auto_lock: AutoLock) -> Option<Self> {
        let mut lines = opened.lines();
        if lines.next()? != CHECK_TEXT {
            return None;
        }
        let Some(auto_lock) = lines.next() else { return Some(Self::new(plain_auto_lock)) };
        let mut ledger = Self::new(AutoLock::from_value(auto_lock)?);
        for line in lines {
            let (count, key) = line.split_once(' ')?;
            ledger.saw(key, count.parse().ok()?);
        }
        Some(ledger)
    }

    pub fn new(auto_lock: AutoLock) -> Self {
        Self { auto_lock, counts: Vec::new() }
    }

    pub fn to_text(&self) -> String {
        let mut text = format!("{CHECK_TEXT}\n{}", self.auto_lock.value());
        for (key, count) in &self.counts {
            text += &format!("\n{count} {key}");
        }
        text
    }

    pub fn count(&self, key: &str) -> u64 {
        self.counts.binary_search_by(|(k, _)| k.as_str().cmp(key)).map_or(0, |i| self.counts[i].1)
    }

    /// Records that `key` has been written `count` times (never fewer than it knew).
    pub fn saw(&mut self, key: &str, count: u64) {
        match self.counts.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(i) => self.counts[i].1 = self.counts[i].1.max(count),
            Err(i) => self.counts.insert(i, (key.to_string(), count)),
        }
    }

    /// The auto-lock time to use: the sealed one, unless the plain copy was changed, when the
    /// shortest is safest.
    pub fn auto_lock_against(&self, plain: AutoLock) -> AutoLock {
        if plain == self.auto_lock {
            plain
        } else {
            AutoLock::Minutes5
        }
    }
}

/// What unlocking does with one stored personal value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The person's own, as this device last wrote it: open it with `binding`. `seal_again`: it was
    /// sealed before values were bound.
    Use { seal_again: bool },
    /// Not taken as the person's data (it may have been planted), kept aside for them to look at.
    SetAside(Found),
}

/// Why a value was set aside, in the words the person is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Stored without the lock: this app never writes personal data plain while it is on.
    NotLocked,
    /// Locked with another passphrase (or before the passphrase was changed).
    OtherPassphrase,
    /// This person's, but sealed for another part of their data and copied here.
    Moved,
    /// This person's, but older than what this device last wrote there: an earlier copy put back.
    Older,
}

impl Found {
    pub fn explain(self) -> &'static str {
        match self {
            Self::NotLocked => "it was not locked with your passphrase",
            Self::OtherPassphrase => "it was locked with a different passphrase",
            Self::Moved => "it was copied from another part of your data",
            Self::Older => "it is an older copy than the one this device saved last",
        }
    }
}

/// Judges a stored personal value (`sealed`: as read, `None` when it is plain) against the lock's
/// key (`salt`, `iterations`) and ledger. Damaged values (the right key and place, but AES-GCM
/// refuses them) are `Use`d as they are: the persistence layer copies them aside as unreadable.
pub fn verdict(key: &str, sealed: Option<&Sealed>, salt: &Bytes, iterations: u32, ledger: &Ledger) -> Verdict {
    let Some(sealed) = sealed else { return Verdict::SetAside(Found::NotLocked) };
    if !sealed.opens_with(salt, iterations) {
        return Verdict::SetAside(Found::OtherPassphrase);
    }
    let written = ledger.count(key);
    if sealed.version == 1 {
        // Before values were bound, nothing tells an older copy from the latest, so one is used
        // only until this device has written the key bound.
        return if written == 0 { Verdict::Use { seal_again: true } } else { Verdict::SetAside(Found::Older) };
    }
    if sealed.store != key {
        Verdict::SetAside(Found::Moved)
    } else if sealed.count < written {
        Verdict::SetAside(Found::Older)
    } else {
        Verdict::Use { seal_again: false }
    }
}

/// A value set aside on unlocking, as kept (sealed, under `SET_ASIDE_PREFIX`): its first three
/// lines say where, when and why, the rest is what was found (lines, not serde, as for `Ledger`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The key it was found under.
    pub key: String,
    /// When it was found (ms since 1970).
    pub found_at: u64,
    pub why: String,
    /// What it holds: the opened text where this passphrase opens it, else the text as found.
    pub text: String,
}

impl SetAside {
    pub fn read(text: &str) -> Option<Self> {
        let mut parts = text.splitn(4, '\n');
        let (key, found_at, why) = (parts.next()?, parts.next()?.parse().ok()?, parts.next()?);
        Some(Self { key: key.into(), found_at, why: why.into(), text: parts.next()?.into() })
    }

    pub fn to_text(&self) -> String {
        format!("{}\n{}\n{}\n{}", self.key, self.found_at, self.why, self.text)
    }

    /// The part of the person's data it was found in, as they would name it.
    pub fn place(&self) -> &'static str {
        let store = self.key.strip_prefix(BACKUP_PREFIX).or(self.key.strip_prefix(PREFIX)).unwrap_or_default();
        macro_rules! place {
            ($($field:ident: $type:ty, $since:literal, $place:literal;)*) => {
                match store.split(':').next().unwrap_or_default() {
                    $(stringify!($field) => $place,)*
                    _ => "your data",
                }
            };
        }
        personal_stores!(place)
    }
}

/// How long the app may sit unused, unlocked, before it locks by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum AutoLock {
    #[serde(rename = "5")]
    Minutes5,
    #[default]
    #[serde(rename = "15")]
    Minutes15,
    #[serde(rename = "60")]
    Minutes60,
    #[serde(rename = "never")]
    Never,
}

impl AutoLock {
    pub const ALL: [Self; 4] = [Self::Minutes5, Self::Minutes15, Self::Minutes60, Self::Never];

    pub fn after_ms(self) -> Option<u64> {
        let minutes = match self {
            Self::Minutes5 => 5,
            Self::Minutes15 => 15,
            Self::Minutes60 => 60,
            Self::Never => return None,
        };
        Some(minutes * 60_000)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Minutes5 => "After 5 minutes",
            Self::Minutes15 => "After 15 minutes",
            Self::Minutes60 => "After 1 hour",
            Self::Never => "Never by itself",
        }
    }

    pub fn value(self) -> &'static str {
        match self {
            Self::Minutes5 => "5",
            Self::Minutes15 => "15",
            Self::Minutes60 => "60",
            Self::Never => "never",
        }
    }

    pub fn from_value(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.value() == value)
    }
}

/// Why a passphrase cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassphraseProblem {
    /// Easy to guess, with the reason in plain words: type another in the first box.
    Weak(&'static str),
    /// The second box does not match the first.
    Mismatch,
}

impl PassphraseProblem {
    pub fn explain(&self) -> &'static str {
        match self {
            Self::Weak(reason) => reason,
            Self::Mismatch => "The two passphrases are not the same. Type it again in the second box.",
        }
    }
}

pub const MIN_PASSPHRASE_CHARS: usize = 12;
pub const MIN_PASSPHRASE_WORDS: usize = 3;
/// The rule in the words the set-up form shows.
pub const PASSPHRASE_RULE: &str =
    "Use at least 12 characters, or three or more words with spaces between them. A few ordinary words that mean something only to you are easy to remember and hard to guess.";

/// Passphrases and phrases people choose most often that the length rule alone would let through,
/// lower case with only letters and digits kept, one a line.
const COMMON: &str = include_str!("common-passphrases.txt");

/// Letters and digits only, lower case: "I love  you!" and "iloveyou" are the same guess.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Why a passphrase cannot be used, if it cannot: long enough (12 characters, or three words of
/// two or more letters), not one of the most common, not one character or word over and over or
/// only digits, and typed the same twice.
pub fn passphrase_problem(passphrase: &str, repeated: &str) -> Option<PassphraseProblem> {
    let words: Vec<&str> = passphrase.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 2).collect();
    let squeezed = squeezed(passphrase);
    let weak = if passphrase.chars().count() < MIN_PASSPHRASE_CHARS && words.len() < MIN_PASSPHRASE_WORDS {
        Some(PASSPHRASE_RULE)
    } else if COMMON.lines().any(|common| common == squeezed) {
        Some("That is one of the passphrases people choose most often, so it is easy to guess. Add words of your own that other people would not think of.")
    } else if squeezed.chars().all(|c| c.is_ascii_digit())
        || squeezed.chars().all(|c| squeezed.starts_with(c))
        || (words.len() > 1 && words.iter().all(|w| w.to_lowercase() == words[0].to_lowercase()))
    {
        Some("That would be easy to guess. Use a few different ordinary words, not only numbers or the same thing again and again.")
    } else {
        None
    };
    weak.map(PassphraseProblem::Weak).or((passphrase != repeated).then_some(PassphraseProblem::Mismatch))
}

/// How long to wait before the next try after `failures` wrong passphrases in a row: none for the
/// first two (a typo), then 2, 4, 8... seconds, at most 30 (long enough to slow guessing, short
/// enough not to shut out someone who is upset and mistyping).
pub fn wait_after_failures(failures: u64) -> u64 {
    match failures {
        0..=2 => 0,
        n => (1u64 << (n - 2).min(5)).min(30) * 1000,
    }
}

/// Bytes stored as base64 text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bytes(pub Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::encode(&self.0))
    }
}

/// A text's JSON, if it is JSON.
fn json(text: &str) -> Option<Value> {
    crate::data::file_json::value(text).ok()
}

/// Standard base64 with padding (RFC 4648). Written here rather than taken from a crate: it is
/// twenty lines, and the wasm is the slow part of every first visit.
mod base64 {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn encode(bytes: &[u8]) -> String {
        // Bytes first, one string at the end: a whole store is encoded on every sealed save.
        let mut text = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
            for i in 0..4 {
                text.push(if i <= chunk.len() { ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] } else { b'=' });
            }
        }
        String::from_utf8(text).expect("base64 is ASCII")
    }

    pub fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.as_bytes();
        if !text.len().is_multiple_of(4) {
            return None;
        }
        let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
        for (index, chunk) in text.chunks(4).enumerate() {
            let padding = chunk.iter().rev().take_while(|&&c| c == b'=').count();
            if padding > 2 || (padding > 0 && index + 1 != text.len() / 4) {
                return None;
            }
            let mut n = 0u32;
            for (i, &c) in chunk[..4 - padding].iter().enumerate() {
                let value = ALPHABET.iter().position(|&a| a == c)? as u32;
                n |= value << (18 - 6 * i);
            }
            let count = 3 - padding;
            bytes.extend((0..count).map(|i| (n >> (16 - 8 * i)) as u8));
            // Bits below the last byte must be zero, so each byte string has one spelling.
            if n & ((1 << (8 * (3 - count))) - 1) != 0 {
                return None;
            }
        }
        Some(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sealed() -> Sealed {
        Sealed {
            algorithm: ALGORITHM.into(),
            key_derivation: KEY_DERIVATION.into(),
            iterations: ITERATIONS,
            salt: Bytes(vec![7; SALT_BYTES]),
            iv: Bytes(vec![9; IV_BYTES]),
            ciphertext: Bytes(b"not really encrypted".to_vec()),
            version: 1,
            store: String::new(),
            count: 0,
        }
    }

    fn bound(store: &str, count: u64) -> Sealed {
        Sealed { iv: Bytes(vec![9; IV_BYTES]), ciphertext: Bytes(b"sealed".to_vec()), ..Sealed::bound(store, count, &Bytes(vec![7; SALT_BYTES]), ITERATIONS) }
    }

    #[test]
    fn personal_keys_are_every_store_but_display_settings_and_the_devices_own_record() {
        for key in [
            "recovery-guide:bookmarks",
            "recovery-guide:reflections",
            "recovery-guide:history",
            "recovery-guide:plan",
            "recovery-guide:backup:bookmarks:1",
            "recovery-guide:backup:plan:12",
            "recovery-guide:a-store-added-later",
        ] {
            assert!(is_personal(key), "{key}");
        }
        for key in ["recovery-guide:settings", "recovery-guide:safekeeping", LOCK_KEY, "recovery-guide:backup:settings:1", "someone-else", "theme"] {
            assert!(!is_personal(key), "{key}");
        }
    }

    #[test]
    fn a_sealed_value_names_everything_needed_to_open_it() {
        let text = sealed().to_text();
        for field in ["\"algorithm\":\"AES-GCM-256\"", "\"key_derivation\":\"PBKDF2-SHA-256\"", "\"iterations\":600000", "\"salt\"", "\"iv\"", "\"ciphertext\""]
        {
            assert!(text.contains(field), "{field} in {text}");
        }
        assert_eq!(Sealed::read(&text), Some(sealed()));
    }

    #[test]
    fn plain_stores_and_unknown_schemes_are_not_read_as_sealed() {
        assert_eq!(Sealed::read("{\"version\":1,\"bookmarks\":{}}"), None);
        assert_eq!(Sealed::read("{damaged"), None);
        let mut other = sealed();
        other.algorithm = "ROT13".into();
        assert_eq!(Sealed::read(&other.to_text()), None);
        let mut short_iv = sealed();
        short_iv.iv = Bytes(vec![1; 4]);
        assert_eq!(Sealed::read(&short_iv.to_text()), None);
    }

    #[test]
    fn a_value_sealed_before_binding_reads_as_version_one_and_fields_of_the_wrong_kind_are_refused() {
        let bound = Sealed {
            iv: Bytes(vec![9; IV_BYTES]),
            ciphertext: Bytes(b"x".to_vec()),
            ..Sealed::bound("recovery-guide:plan", 3, &Bytes(vec![7; SALT_BYTES]), ITERATIONS)
        };
        let text = bound.to_text();
        assert_eq!(Sealed::read(&text), Some(bound));
        let unbound = text.replace(",\"version\":2,\"store\":\"recovery-guide:plan\",\"count\":3", "");
        assert_ne!(unbound, text);
        assert_eq!(Sealed::read(&unbound).map(|s| (s.version, s.store, s.count)), Some((1, String::new(), 0)));
        for wrong in [
            text.replace("\"count\":3", "\"count\":\"3\""),
            text.replace("\"iterations\":600000", "\"iterations\":600000.5"),
            text.replace("\"ciphertext\":\"", "\"ciphertext\":\"!"),
            text.replace("\"version\":2", "\"version\":null"),
        ] {
            assert_ne!(wrong, text);
            assert_eq!(Sealed::read(&wrong), None, "{wrong}");
        }
    }

    #[test]
    fn a_sealed_export_file_is_known_as_ours() {
        let file = sealed().to_file();
        assert!(file.starts_with("{\"app\":\"recovery-guide\""));
        assert_eq!(Sealed::read_file(&file), Some(Ok(sealed())));
        assert_eq!(Sealed::read_file(&sealed().to_text()), None, "a stored value is not a file");
        assert_eq!(Sealed::read_file("{\"app\":\"recovery-guide\",\"format\":1}"), None, "a plain export is read as one");
    }

    #[test]
    fn the_lock_record_round_trips() {
        let record = LockRecord {
            version: LockRecord::VERSION,
            salt: Bytes(vec![7; SALT_BYTES]),
            iterations: ITERATIONS,
            check: sealed(),
            auto_lock: AutoLock::Minutes5,
        };
        assert_eq!(LockRecord::read(&record.to_text()), Some(record));
        assert_eq!(LockRecord::read("{}"), None);
    }

    #[test]
    fn passphrases_need_twelve_characters_or_three_words_and_must_not_be_common() {
        let weak = |p: &str| matches!(passphrase_problem(p, p), Some(PassphraseProblem::Weak(_)));
        for p in [
            "short",
            "elevenchars",
            "Troubador&3",
            "i love you",
            "I Love You!!",
            "let me in",
            "password1234",
            "Correct horse battery staple",
            "one day at a time",
        ] {
            assert!(weak(p), "{p} should be refused");
        }
        for p in ["aaaaaaaaaaaaaa", "07700 900 123 456", "love love love", "!!!!!!!!!!!!!!"] {
            assert!(weak(p), "{p} should be refused as easy to guess");
        }
        assert_eq!(passphrase_problem("short", "short").unwrap().explain(), PASSPHRASE_RULE);
        for p in ["blue kettle on the hill", "tea at nans", "purple otters dance", "Kia ora e hoa mā", "twelve chars", "ĀĒĪŌŪāēīōūĀĒ"] {
            assert_eq!(passphrase_problem(p, p), None, "{p} should be accepted");
        }
        assert_eq!(passphrase_problem("blue kettle on the hill", "blue kettle on a hill"), Some(PassphraseProblem::Mismatch));
        let pasted: String = (0..10_000).map(|i| char::from(b'a' + (i * 7 % 26) as u8)).collect();
        assert_eq!(passphrase_problem(&pasted, &pasted), None);
        assert!(COMMON.lines().all(|line| line == squeezed(line) && !line.is_empty()), "the list is kept squeezed");
    }

    #[test]
    fn values_are_bound_to_their_place_and_count() {
        let plan = bound("recovery-guide:plan", 3);
        let text = plan.to_text();
        assert_eq!(Sealed::read(&text), Some(plan.clone()));
        assert!(text.contains("\"store\":\"recovery-guide:plan\""), "{text}");
        let binding = String::from_utf8(plan.binding().unwrap()).unwrap();
        assert_eq!(binding, "recovery-guide 2|recovery-guide:plan|BwcHBwcHBwcHBwcHBwcHBw==|3");
        assert_eq!(sealed().binding(), None, "values sealed before binding open as they were");
        assert!(!sealed().to_text().contains("version"), "and are written as they were");
    }

    #[test]
    fn only_known_parameters_are_accepted() {
        for iterations in [0, 1, 599_999, 2_000_001, u32::MAX] {
            let mut other = sealed();
            other.iterations = iterations;
            assert_eq!(Sealed::read(&other.to_text()), None, "{iterations}");
            assert_eq!(Sealed::read_file(&other.to_file()), Some(Err(ImportError::LockedOtherwise)), "{iterations}");
        }
        let mut other = sealed();
        other.iterations = 2_000_000;
        assert!(Sealed::read(&other.to_text()).is_some());
        other.version = 3;
        assert_eq!(Sealed::read(&other.to_text()), None);
        let mut short_salt = sealed();
        short_salt.salt = Bytes(vec![1; 8]);
        assert_eq!(Sealed::read(&short_salt.to_text()), None);
        assert_eq!(Sealed::read_file("{\"app\":\"someone-else\",\"sealed\":{}}"), None);
    }

    #[test]
    fn unlocking_uses_only_what_this_device_sealed_there_last() {
        let salt = Bytes(vec![7; SALT_BYTES]);
        let mut ledger = Ledger::new(AutoLock::Minutes15);
        ledger.saw("recovery-guide:plan", 4);
        let judge = |key: &str, sealed: Option<&Sealed>, ledger: &Ledger| verdict(key, sealed, &salt, ITERATIONS, ledger);
        let plan = "recovery-guide:plan";
        assert_eq!(judge(plan, Some(&bound(plan, 4)), &ledger), Verdict::Use { seal_again: false });
        assert_eq!(judge(plan, Some(&bound(plan, 5)), &ledger), Verdict::Use { seal_again: false }, "another tab wrote it since");
        assert_eq!(judge(plan, Some(&bound(plan, 3)), &ledger), Verdict::SetAside(Found::Older));
        assert_eq!(judge(plan, None, &ledger), Verdict::SetAside(Found::NotLocked));
        assert_eq!(judge(plan, Some(&bound("recovery-guide:reflections", 9)), &ledger), Verdict::SetAside(Found::Moved));
        let mut other_key = bound(plan, 9);
        other_key.salt = Bytes(vec![1; SALT_BYTES]);
        assert_eq!(judge(plan, Some(&other_key), &ledger), Verdict::SetAside(Found::OtherPassphrase));
        // Sealed before binding: used (and sealed again) only where nothing bound was written yet.
        assert_eq!(judge(plan, Some(&sealed()), &ledger), Verdict::SetAside(Found::Older));
        assert_eq!(judge("recovery-guide:bookmarks", Some(&sealed()), &ledger), Verdict::Use { seal_again: true });
    }

    #[test]
    fn the_ledger_keeps_the_highest_count_and_a_changed_auto_lock_time_is_not_trusted() {
        let mut ledger = Ledger::new(AutoLock::Minutes60);
        ledger.saw("recovery-guide:plan", 4);
        ledger.saw("recovery-guide:bookmarks", 2);
        ledger.saw("recovery-guide:plan", 3);
        assert_eq!(ledger.count("recovery-guide:plan"), 4);
        assert_eq!(ledger.count("recovery-guide:history"), 0);
        assert_eq!(Ledger::read(&ledger.to_text(), AutoLock::Never), Some(ledger.clone()));
        assert_eq!(ledger.auto_lock_against(AutoLock::Minutes60), AutoLock::Minutes60);
        assert_eq!(ledger.auto_lock_against(AutoLock::Never), AutoLock::Minutes5);
        // The check from before values were bound: the plain time is all there is.
        assert_eq!(Ledger::read(CHECK_TEXT, AutoLock::Never).map(|l| l.auto_lock), Some(AutoLock::Never));
        assert_eq!(Ledger::read("not the check\n5", AutoLock::Never), None);
        assert_eq!(Ledger::read(&format!("{CHECK_TEXT}\n5\nmany recovery-guide:plan"), AutoLock::Never), None);
    }

    #[test]
    fn what_was_set_aside_keeps_every_line_of_what_was_found() {
        let aside = SetAside { key: "recovery-guide:plan".into(), found_at: 42, why: Found::NotLocked.explain().into(), text: "{\"a\":\n1}\nmore".into() };
        assert_eq!(SetAside::read(&aside.to_text()), Some(aside.clone()));
        assert_eq!(aside.place(), "your plan for hard days");
        assert_eq!(SetAside::read("recovery-guide:plan\nnot a time\nwhy\ntext"), None);
    }

    #[test]
    fn waits_grow_after_a_few_wrong_tries_and_stay_short() {
        let waits: Vec<u64> = (0..10).map(wait_after_failures).collect();
        assert_eq!(waits, [0, 0, 0, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    }

    #[test]
    fn auto_lock_values_round_trip() {
        for choice in AutoLock::ALL {
            assert_eq!(AutoLock::from_value(choice.value()), Some(choice));
        }
        assert_eq!(AutoLock::default().after_ms(), Some(15 * 60_000));
        assert_eq!(AutoLock::Never.after_ms(), None);
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, encoded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        {
            assert_eq!(base64::encode(plain.as_bytes()), encoded);
            assert_eq!(base64::decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zh==", "Zm9v!A==", "===="] {
            assert_eq!(base64::decode(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn base64_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert_eq!(base64::decode(&base64::encode(&bytes)), Some(bytes));
        }
    }
}
