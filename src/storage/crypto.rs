//! Sealing and opening with the browser's own WebCrypto (`crypto.subtle`), so the wasm carries no
//! cryptography of its own: PBKDF2-SHA-256 turns the passphrase into a non-extractable AES-GCM
//! key, held in this tab's memory only, and every seal uses a fresh random IV and binds the value
//! to its place (`Sealed::binding`, as AES-GCM's additional data).

use super::sealed::{Bytes, Sealed, IV_BYTES};
use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// A key derived from a passphrase, with what it was derived with.
#[derive(Clone)]
pub struct Key {
    key: CryptoKey,
    pub salt: Bytes,
    pub iterations: u32,
}

/// Why a sealed value could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotOpened {
    /// It was sealed with another passphrase (or another salt: the passphrase was changed).
    OtherKey,
    /// The key is right but the text is damaged (AES-GCM checks every byte).
    Damaged,
}

fn subtle() -> Result<SubtleCrypto, JsValue> {
    Ok(web_sys::window().ok_or("no window")?.crypto()?.subtle())
}

async fn wait(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

pub fn random_bytes(count: usize) -> Result<Bytes, JsValue> {
    let mut bytes = vec![0; count];
    web_sys::window().ok_or("no window")?.crypto()?.get_random_values_with_u8_array(&mut bytes)?;
    Ok(Bytes(bytes))
}

/// Derives the key for `passphrase` (slow on purpose: `iterations` rounds of PBKDF2).
pub async fn derive(passphrase: &str, salt: &Bytes, iterations: u32) -> Result<Key, JsValue> {
    let subtle = subtle()?;
    let usages = |names: &[&str]| Array::from_iter(names.iter().map(|n| JsValue::from_str(n)));
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base: CryptoKey = wait(subtle.import_key_with_str("raw", &secret, "PBKDF2", false, &usages(&["deriveKey"]))).await?.unchecked_into();
    let params = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt.0.as_slice()));
    let aes = AesDerivedKeyParams::new("AES-GCM", 256);
    let key = wait(subtle.derive_key_with_object_and_object(&params, &base, &aes, false, &usages(&["encrypt", "decrypt"]))).await?;
    Ok(Key { key: key.unchecked_into(), salt: salt.clone(), iterations })
}

fn params(sealed: &Sealed) -> AesGcmParams {
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(sealed.iv.0.as_slice()));
    if let Some(binding) = sealed.binding() {
        params.set_additional_data(&Uint8Array::from(binding.as_slice()));
    }
    params
}

/// Seals `plain` for `place` (a stored key, or `FILE_PLACE`), as this device's `count`th write
/// there.
pub async fn seal(key: &Key, plain: &str, place: &str, count: u64) -> Result<Sealed, JsValue> {
    let mut sealed = Sealed::bound(place, count, &key.salt, key.iterations);
    sealed.iv = random_bytes(IV_BYTES)?;
    let ciphertext = wait(subtle()?.encrypt_with_object_and_u8_array(&params(&sealed), &key.key, plain.as_bytes())).await?;
    sealed.ciphertext = Bytes(Uint8Array::new(&ciphertext).to_vec());
    Ok(sealed)
}

/// Opens a value with the place and count it names (`Sealed::binding`): whether that is where it
/// belongs is `sealed::verdict`'s to judge.
pub async fn open(key: &Key, sealed: &Sealed) -> Result<String, NotOpened> {
    if !sealed.opens_with(&key.salt, key.iterations) {
        return Err(NotOpened::OtherKey);
    }
    let subtle = subtle().map_err(|_| NotOpened::Damaged)?;
    let opened = wait(subtle.decrypt_with_object_and_u8_array(&params(sealed), &key.key, &sealed.ciphertext.0)).await.map_err(|_| NotOpened::Damaged)?;
    String::from_utf8(Uint8Array::new(&opened).to_vec()).map_err(|_| NotOpened::Damaged)
}
