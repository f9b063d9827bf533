//! The passphrase lock's stored forms and rules, in plain Rust (the browser's WebCrypto does the
//! sealing itself, in `crypto.rs`).
//!
//! With the lock on, every personal value (bookmarks, checklist answers and notes, saved
//! reflections, own items, the plan, and backups of any of them) is stored sealed: AES-GCM with a
//! 256-bit key derived from the passphrase by PBKDF2-SHA-256. Each sealed value names its
//! algorithm, key derivation, iterations and salt beside its IV and ciphertext, so a later change of
//! parameters is an upgrade step, and any value can be opened with the passphrase alone. Display
//! settings and the device's own record stay plain.

use super::PREFIX;
use serde::{Deserialize, Serialize};

/// OWASP's password storage guidance for PBKDF2-HMAC-SHA256 (2023): 600,000 iterations.
pub const ITERATIONS: u32 = 600_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
pub const ALGORITHM: &str = "AES-GCM-256";
pub const KEY_DERIVATION: &str = "PBKDF2-SHA-256";
/// Short enough to remember, long enough that guessing it is slow at 600,000 iterations a try.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Where the lock keeps its record; present exactly when the lock is on.
pub const LOCK_KEY: &str = "recovery-guide:lock";
/// Stores that stay plain with the lock on: they hold nothing the person wrote or chose to keep.
const PLAIN_STORES: [&str; 3] = ["settings", "safekeeping", "lock"];
const BACKUP_PREFIX: &str = "recovery-guide:backup:";

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub algorithm: String,
    pub key_derivation: String,
    pub iterations: u32,
    pub salt: Bytes,
    pub iv: Bytes,
    pub ciphertext: Bytes,
}

#[derive(Serialize, Deserialize)]
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
        serde_json::from_str::<SealedValue>(text).ok().map(|v| v.sealed).filter(Self::is_supported)
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(&SealedValue { sealed: self.clone() }).expect("sealed values serialise")
    }

    fn is_supported(&self) -> bool {
        self.algorithm == ALGORITHM && self.key_derivation == KEY_DERIVATION && self.salt.0.len() == SALT_BYTES && self.iv.0.len() == IV_BYTES
    }

    /// Whether a key derived with `salt` and `iterations` can open this.
    pub fn opens_with(&self, salt: &Bytes, iterations: u32) -> bool {
        self.salt == *salt && self.iterations == iterations
    }
}

/// An export file sealed with the passphrase: `{"app": "recovery-guide", "sealed": {...}}`, so it
/// is known as this app's even though nothing inside can be read without the passphrase.
#[derive(Serialize, Deserialize)]
struct SealedFile {
    app: String,
    sealed: Sealed,
}

impl Sealed {
    /// A chosen file that is a sealed export, read as one.
    pub fn read_file(text: &str) -> Option<Self> {
        let file: SealedFile = serde_json::from_str(text).ok()?;
        (file.app == crate::data::transfer::FILE_APP && file.sealed.is_supported()).then_some(file.sealed)
    }

    pub fn to_file(&self) -> String {
        serde_json::to_string(&SealedFile { app: crate::data::transfer::FILE_APP.into(), sealed: self.clone() }).expect("sealed files serialise")
    }
}

/// What unlocking is checked against: a known text sealed with the key, so a wrong passphrase is
/// told apart from damaged data.
pub const CHECK_TEXT: &str = "recovery-guide lock check";

/// The lock's own record, plain: the key derivation's salt and a check value, and when to lock by
/// itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        serde_json::from_str::<Self>(text).ok().filter(|r| r.version == Self::VERSION && r.check.is_supported())
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("the lock record serialises")
    }
}

/// How long the app may sit unused, unlocked, before it locks by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
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

/// Why a passphrase cannot be used, in plain words.
pub fn passphrase_problem(passphrase: &str, repeated: &str) -> Option<String> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Some(format!(
            "Use at least {MIN_PASSPHRASE_CHARS} characters. A few ordinary words with spaces between them are easy to remember and hard to guess."
        ));
    }
    (passphrase != repeated).then(|| "The two passphrases are not the same. Type it again in both boxes.".into())
}

/// How long to wait before the next try after `failures` wrong passphrases in a row: none for the
/// first two (a typo), then 2, 4, 8... seconds, at most 30 (long enough to slow guessing, short
/// enough not to shut out someone who is upset and mistyping).
pub fn wait_after_failures(failures: u32) -> u64 {
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

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        base64::decode(&text).map(Bytes).ok_or_else(|| serde::de::Error::custom("not base64"))
    }
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
        }
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
    fn a_sealed_export_file_is_known_as_ours() {
        let file = sealed().to_file();
        assert!(file.starts_with("{\"app\":\"recovery-guide\""));
        assert_eq!(Sealed::read_file(&file), Some(sealed()));
        assert_eq!(Sealed::read_file(&sealed().to_text()), None, "a stored value is not a file");
        assert_eq!(Sealed::read_file("{\"app\":\"recovery-guide\",\"format\":1}"), None, "a plain export is read as one");
    }

    #[test]
    fn the_lock_record_round_trips() {
        let record = LockRecord {
            version: LockRecord::VERSION,
            salt: Bytes(vec![1; SALT_BYTES]),
            iterations: ITERATIONS,
            check: sealed(),
            auto_lock: AutoLock::Minutes5,
        };
        assert_eq!(LockRecord::read(&record.to_text()), Some(record));
        assert_eq!(LockRecord::read("{}"), None);
    }

    #[test]
    fn short_or_mismatched_passphrases_are_refused_with_the_reason() {
        assert!(passphrase_problem("short", "short").unwrap().contains("at least 8 characters"));
        assert!(passphrase_problem("long enough words", "long enough word").unwrap().contains("not the same"));
        assert_eq!(passphrase_problem("long enough words", "long enough words"), None);
        // Characters, not bytes: eight letters of any script are enough.
        assert_eq!(passphrase_problem("ĀĒĪŌŪāēī", "ĀĒĪŌŪāēī"), None);
        let pasted = "x".repeat(10_000);
        assert_eq!(passphrase_problem(&pasted, &pasted), None);
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
