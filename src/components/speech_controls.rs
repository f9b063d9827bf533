//! "Listen": reading a page aloud with the browser's own speech (`speechSynthesis`), on the device,
//! with no other service. What is said, and with which voice, is decided by `crate::speech`; this
//! drives the browser: one utterance at a time, the part being read highlighted and kept in view,
//! Pause, Resume and Stop.
//!
//! Nothing here runs while rendering: voices are asked for in an effect, and a Listen control shows
//! only once the device is known to have a voice, so every page still prerenders.
//! Screen readers already speak: the controls are plain labelled buttons, and what is being read
//! is never put into a live region.

use crate::browser;
use crate::data::settings::Settings;
use crate::effect::effect;
use crate::speech::{page_voice, usable_voices, utterances, voice_for, Run, Voice, MAX_UTTERANCE_CHARS, PAGE_LANG};
use crate::user_data::use_user_data;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance};

/// What a page's text is read in: one of these that holds none of the others.
const BLOCKS: &str = "h1, h2, h3, h4, p, li, dt, dd";
/// What is never read: controls, text meant for screen readers only, and link addresses.
const NOT_READ: &str = "button, nav, form, select, textarea, input, label, [hidden], [aria-hidden='true'], \
    .visually-hidden, .listen, .resource__links, .permalink";
/// Marks the paragraph (or heading, or list item) being read.
const READING_NOW: &str = "listen-now";
/// How long to wait for voices before deciding the device has none: some browsers never say.
const VOICES_WAIT: Duration = Duration::from_secs(3);

/// Which Listen control is reading, and whether it is paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    owner: u64,
    paused: bool,
}

/// One utterance to speak: a sentence (or part of one, or words in another language) in a block.
struct Piece {
    block: usize,
    /// The first piece of its sentence: Resume starts the sentence Pause cut off again.
    sentence_start: usize,
    text: String,
    lang: Option<String>,
}

/// An utterance being spoken, with its handlers (kept alive until it is done: Chrome drops the
/// events of an utterance nothing refers to).
struct Speaking {
    utterance: SpeechSynthesisUtterance,
    _on_end: Closure<dyn FnMut()>,
    _on_error: Closure<dyn FnMut()>,
}

impl Drop for Speaking {
    /// A cancelled utterance still reports its end: not to handlers that are gone.
    fn drop(&mut self) {
        self.utterance.set_onend(None);
        self.utterance.set_onerror(None);
    }
}

#[derive(Default)]
struct Engine {
    pieces: Vec<Piece>,
    blocks: Vec<Element>,
    /// The piece being said.
    at: usize,
    /// Raised by every Pause and Stop, so the events of what was cut off are ignored.
    generation: u64,
    speaking: Option<Speaking>,
    shown: Option<Element>,
}

#[derive(Clone, Copy)]
pub struct Speech {
    /// The voices the app may use, once the browser has said: none until then (they load late).
    voices: RwSignal<Option<Vec<Voice>>>,
    reading: RwSignal<Option<Reading>>,
    settings: RwSignal<Settings>,
    engine: StoredValue<Engine, LocalStorage>,
}

pub fn use_speech() -> Speech {
    expect_context::<Speech>()
}

/// The voices the device offers, as the browser describes them.
fn device_voices(synth: &SpeechSynthesis) -> Vec<(Voice, web_sys::SpeechSynthesisVoice)> {
    synth
        .get_voices()
        .iter()
        .map(|voice| {
            let voice: web_sys::SpeechSynthesisVoice = voice.unchecked_into();
            let described = Voice { id: voice.voice_uri(), name: voice.name(), lang: voice.lang(), local: voice.local_service(), default: voice.default() };
            (described, voice)
        })
        .collect()
}

/// The page's words marked with a language other than the page's: "mi", or none.
fn other_lang(lang: &str) -> Option<String> {
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or_default().to_lowercase();
    (!lang.is_empty() && primary(lang) != primary(PAGE_LANG)).then(|| lang.to_string())
}

/// The text of `node`, as runs of one language, leaving out what is not read.
fn text_runs(node: &web_sys::Node, lang: Option<String>, runs: &mut Vec<Run>) {
    let children = node.child_nodes();
    for child in (0..children.length()).filter_map(|i| children.item(i)) {
        match child.node_type() {
            web_sys::Node::TEXT_NODE => runs.push(Run { text: child.text_content().unwrap_or_default(), lang: lang.clone() }),
            web_sys::Node::ELEMENT_NODE => {
                let element: &Element = child.unchecked_ref();
                if element.matches(NOT_READ).unwrap_or(true) {
                    continue;
                }
                let lang = element.get_attribute("lang").map_or(lang.clone(), |lang| other_lang(&lang));
                text_runs(&child, lang, runs);
            }
            _ => {}
        }
    }
}

/// What `selector` picks out of the page, in page order, as the blocks to read and their text.
fn blocks(selector: &str) -> Vec<(Element, Vec<Run>)> {
    let Ok(roots) = document().query_selector_all(selector) else { return Vec::new() };
    let elements = |list: web_sys::NodeList| (0..list.length()).filter_map(move |i| list.item(i)).map(|node| node.unchecked_into::<Element>());
    let mut found = Vec::new();
    for root in elements(roots) {
        let inner: Vec<Element> = root.query_selector_all(BLOCKS).map(|list| elements(list).collect()).unwrap_or_default();
        let candidates = if inner.is_empty() { vec![root] } else { inner };
        for block in candidates {
            let innermost = block.query_selector(BLOCKS).ok().flatten().is_none();
            let read = block.closest(NOT_READ).ok().flatten().is_none();
            // Hidden by the stylesheet (another place's help, a closed section): not on screen.
            let shown = block.get_client_rects().length() > 0;
            if !(innermost && read && shown) {
                continue;
            }
            let lang = block.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang")).and_then(|lang| other_lang(&lang));
            let mut runs = Vec::new();
            text_runs(&block, lang, &mut runs);
            if runs.iter().any(|run| !run.text.trim().is_empty()) {
                found.push((block, runs));
            }
        }
    }
    found
}

impl Speech {
    pub fn provide() {
        let speech = Speech {
            voices: RwSignal::new(None),
            reading: RwSignal::new(None),
            settings: use_user_data().settings,
            engine: StoredValue::new_local(Engine::default()),
        };
        provide_context(speech);
        // Remembered for the next visit's first paint (`Settings::no_voice`), once it is known
        // and the settings have been read.
        let data = use_user_data();
        effect(move || {
            let no_voice = speech.voices.with(|voices| voices.as_ref().map(Vec::is_empty));
            if let Some(no_voice) = no_voice.filter(|_| data.ready.get()) {
                if speech.settings.with_untracked(|s| s.no_voice) != no_voice {
                    data.change_settings(|s| s.no_voice = no_voice);
                }
            }
        });
        effect(move || {
            let Some(synth) = browser::speech_synthesis() else {
                speech.voices.set(Some(Vec::new()));
                return;
            };
            let load = {
                let synth = synth.clone();
                move || {
                    let usable = usable_voices(&device_voices(&synth).into_iter().map(|(voice, _)| voice).collect::<Vec<_>>());
                    speech.voices.set(Some(usable));
                }
            };
            // Voices load late: ask at once, again when the browser says they changed, and if it
            // never says, decide there are none.
            if synth.get_voices().length() > 0 {
                load();
            }
            let changed = Closure::<dyn FnMut()>::new(load);
            let _ = synth.add_event_listener_with_callback("voiceschanged", changed.as_ref().unchecked_ref());
            let give_up = set_timeout_with_handle(
                move || {
                    if speech.voices.get_untracked().is_none() {
                        speech.voices.set(Some(Vec::new()));
                    }
                },
                VOICES_WAIT,
            );
            let escape = window_event_listener(leptos::ev::keydown, move |event| {
                if event.key() == "Escape" && !event.default_prevented() {
                    speech.stop();
                }
            });
            // Leaving the page: nothing goes on speaking on the next site, or after a reload.
            let leave = window_event_listener(leptos::ev::pagehide, move |_| speech.stop());
            let listener = StoredValue::new_local(Some(changed));
            on_cleanup(move || {
                if let Some(changed) = listener.try_update_value(Option::take).flatten() {
                    let _ = synth.remove_event_listener_with_callback("voiceschanged", changed.as_ref().unchecked_ref());
                }
                if let Ok(give_up) = give_up {
                    give_up.clear();
                }
                escape.remove();
                leave.remove();
            });
        });
    }

    /// Whether reading aloud can be offered: true once the device is known to have a voice.
    pub fn available(&self) -> bool {
        self.voices.with(|voices| voices.as_ref().is_some_and(|v| !v.is_empty()))
    }

    /// Whether the device is known to have no voice the app may use.
    fn unavailable(&self) -> bool {
        self.voices.with(|voices| voices.as_ref().is_some_and(Vec::is_empty))
    }

    fn is_current(&self, generation: u64) -> bool {
        self.engine.try_with_value(|engine| engine.generation == generation).unwrap_or(false)
    }

    /// Reads what `selector` picks out of the page, from the start; stops any other reading first.
    fn start(&self, owner: u64, selector: &str) {
        self.stop();
        let Some(synth) = browser::speech_synthesis() else { return };
        let voices: Vec<Voice> = device_voices(&synth).into_iter().map(|(voice, _)| voice).collect();
        let mut pieces = Vec::new();
        let blocks = blocks(selector);
        for (block, (_, runs)) in blocks.iter().enumerate() {
            for utterance in utterances(runs, MAX_UTTERANCE_CHARS) {
                let sentence_start = pieces.len();
                for run in utterance.voiced_runs(|lang| voice_for(&voices, lang).is_some()) {
                    pieces.push(Piece { block, sentence_start, text: run.text, lang: run.lang });
                }
            }
        }
        if pieces.is_empty() {
            return;
        }
        self.engine.update_value(|engine| {
            engine.pieces = pieces;
            engine.blocks = blocks.into_iter().map(|(block, _)| block).collect();
        });
        self.reading.set(Some(Reading { owner, paused: false }));
        self.speak(0);
    }

    /// `text` to be said in the voice the person chose (or the page's), or in a voice for `lang`.
    fn utterance(&self, synth: &SpeechSynthesis, text: &str, lang: Option<&str>) -> Option<SpeechSynthesisUtterance> {
        let utterance = SpeechSynthesisUtterance::new_with_text(text).ok()?;
        let voices = device_voices(synth);
        let described: Vec<Voice> = voices.iter().map(|(voice, _)| voice.clone()).collect();
        let (chosen, rate) = self.settings.with_untracked(|s| (s.reading_voice.clone(), s.reading_speed.rate()));
        let voice = lang.and_then(|lang| voice_for(&described, lang)).or_else(|| page_voice(&described, chosen.as_deref()));
        match voice.and_then(|voice| voices.iter().find(|(v, _)| v.id == voice.id)) {
            Some((described, voice)) => {
                utterance.set_voice(Some(voice));
                utterance.set_lang(&described.lang.replace('_', "-"));
            }
            None => utterance.set_lang(lang.unwrap_or(PAGE_LANG)),
        }
        utterance.set_rate(rate);
        Some(utterance)
    }

    /// Says a few words now (the breathing pacer's "Breathe in"), cutting off anything being said.
    pub fn say(&self, text: &str) {
        self.stop();
        let Some(synth) = browser::speech_synthesis() else { return };
        if let Some(utterance) = self.utterance(&synth, text, None) {
            synth.cancel();
            synth.speak(&utterance);
        }
    }

    /// Says piece `index`, then (when it ends) the next; after the last, the reading is over.
    fn speak(&self, index: usize) {
        let speech = *self;
        let Some(synth) = browser::speech_synthesis() else { return self.stop() };
        let Some((text, lang, block)) = self.engine.with_value(|e| e.pieces.get(index).map(|p| (p.text.clone(), p.lang.clone(), p.block))) else {
            return self.stop();
        };
        let Some(utterance) = self.utterance(&synth, &text, lang.as_deref()) else { return self.stop() };
        let generation = self.engine.with_value(|e| e.generation);
        // The next utterance is started after this handler has returned, never inside it (this
        // handler is dropped when the next one is kept).
        let on_end = Closure::<dyn FnMut()>::new(move || {
            set_timeout(
                move || {
                    if speech.is_current(generation) {
                        speech.speak(index + 1)
                    }
                },
                Duration::ZERO,
            );
        });
        // Pause and Stop end what is being said with an error ("interrupted") that is no longer
        // current; any other error ends the reading.
        let on_error = Closure::<dyn FnMut()>::new(move || {
            set_timeout(
                move || {
                    if speech.is_current(generation) {
                        speech.stop()
                    }
                },
                Duration::ZERO,
            );
        });
        utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
        utterance.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.engine.update_value(|engine| {
            engine.at = index;
            engine.speaking = Some(Speaking { utterance: utterance.clone(), _on_end: on_end, _on_error: on_error });
        });
        self.show(block);
        synth.speak(&utterance);
    }

    /// Highlights the block being read and keeps it in view (smoothly only if motion is welcome:
    /// `auto` follows the stylesheet's `scroll-behavior`).
    fn show(&self, block: usize) {
        self.engine.update_value(|engine| {
            let Some(element) = engine.blocks.get(block).cloned() else { return };
            if engine.shown.as_ref() == Some(&element) {
                return;
            }
            if let Some(previous) = engine.shown.replace(element.clone()) {
                let _ = previous.class_list().remove_1(READING_NOW);
            }
            let _ = element.class_list().add_1(READING_NOW);
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        });
    }

    /// Cuts off what is being said. Every browser's `pause()` is not to be trusted (Android Chrome
    /// cancels instead, and Chrome stops a paused utterance for good after a while), so this
    /// cancels, and Resume says the sentence that was cut off again, from its start.
    fn silence(&self) {
        self.engine.update_value(|engine| {
            engine.generation += 1;
            engine.speaking = None;
        });
        if let Some(synth) = browser::speech_synthesis() {
            synth.cancel();
        }
    }

    fn pause(&self) {
        self.silence();
        self.reading.update(|reading| {
            if let Some(reading) = reading {
                reading.paused = true
            }
        });
    }

    fn resume(&self) {
        let from = self.engine.with_value(|engine| engine.pieces.get(engine.at).map_or(0, |piece| piece.sentence_start));
        self.reading.update(|reading| {
            if let Some(reading) = reading {
                reading.paused = false
            }
        });
        self.speak(from);
    }

    /// Ends any reading: silent, nothing highlighted.
    pub fn stop(&self) {
        if self.reading.try_get_untracked().flatten().is_none() {
            return;
        }
        self.silence();
        self.engine.update_value(|engine| {
            if let Some(shown) = engine.shown.take() {
                let _ = shown.class_list().remove_1(READING_NOW);
            }
            *engine = Engine { generation: engine.generation, ..Engine::default() };
        });
        self.reading.set(None);
    }
}

/// A Listen button for part of the page, with Pause (Resume) and Stop while it reads.
/// `read` picks out what is read (a CSS selector, read in page order); `label` is the button's
/// words, and `part` (for screen readers) says which part when a page has several.
/// With `keep_room` (a line of its own), the line is kept whatever the device turns out to have,
/// so nothing on the page moves once the voices are known: with no voice it stays empty on that
/// page, and later pages, drawn once it is known, keep no room.
#[component]
pub fn Listen(
    #[prop(into)] read: String,
    label: &'static str,
    #[prop(optional)] part: Option<&'static str>,
    #[prop(optional)] keep_room: bool,
) -> impl IntoView {
    static NEXT_OWNER: AtomicU64 = AtomicU64::new(1);
    let owner = NEXT_OWNER.fetch_add(1, Ordering::Relaxed);
    let speech = use_speech();
    // Once the device is known to have no voice (a later page of the same visit), no room is kept.
    let keep_room = keep_room && !speech.voices.with_untracked(|voices| voices.as_ref().is_some_and(Vec::is_empty));
    let mine = move || speech.reading.get().filter(|reading| reading.owner == owner);
    let button = NodeRef::<leptos::html::Button>::new();
    // Stop disappears when pressed, or when the reading ends: focus then goes to Listen.
    let stop_focused = StoredValue::new(false);
    effect(move || {
        if mine().is_none() && stop_focused.get_value() {
            stop_focused.set_value(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    });
    // Going to another page (or the reading being locked away) stops its reading.
    on_cleanup(move || {
        if speech.reading.try_get_untracked().flatten().is_some_and(|reading| reading.owner == owner) {
            speech.stop();
        }
    });
    let read = StoredValue::new(read);
    let toggle = move |_| match mine() {
        None => read.with_value(|read| speech.start(owner, read)),
        Some(Reading { paused: true, .. }) => speech.resume(),
        Some(_) => speech.pause(),
    };
    let hidden = move || !keep_room && !speech.available();
    let words = move || match mine() {
        None => label,
        Some(Reading { paused: true, .. }) => "Resume",
        Some(_) => "Pause",
    };
    // "Listen: What recovery means", where a page has a Listen for each part.
    let name = move || part.map(|part| format!("{}: {part}", words()));
    view! {
        <div class="listen needs-script" class:listen--room=keep_room class:listen--silent=move || keep_room && speech.unavailable() hidden=hidden>
            // While reading, the controls sit in a bar at the top of the screen, so Pause and Stop
            // stay in reach as the reading scrolls the page (phones have no Escape key). The
            // `.listen` box keeps their room, so nothing moves when they leave it.
            {move || speech.available().then(|| view! {
                <div class="listen__bar" class:listen__bar--reading=move || mine().is_some()>
                <button type="button" class="button button--small listen__button" node_ref=button on:click=toggle
                    data-state=move || match mine() {
                        None => "idle",
                        Some(Reading { paused: true, .. }) => "paused",
                        Some(_) => "playing",
                    }
                    aria-label=name>
                    <span class="listen__icon" aria-hidden="true"></span>
                    {words}
                </button>
                // Redrawn only when reading starts, pauses, resumes or stops (Pause has focus then).
                {move || mine().is_some().then(|| view! {
                    <button type="button" class="button button--small button--quiet"
                        on:focus=move |_| stop_focused.set_value(true)
                        on:blur=move |_| stop_focused.set_value(false)
                        on:click=move |_| speech.stop()>
                        "Stop"
                    </button>
                })}
                </div>
            })}
        </div>
    }
}

/// The voice for reading aloud, among the display settings: the app's choice, or one of the
/// device's own voices.
#[component]
pub fn VoiceChoice() -> impl IntoView {
    let speech = use_speech();
    let data = use_user_data();
    let choose = move |event: leptos::ev::Event| {
        let id = event_target_value(&event);
        data.change_settings(|s| s.reading_voice = (!id.is_empty()).then_some(id));
    };
    let options = move || {
        speech
            .voices
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|voice| {
                view! { <option value=voice.id.clone()>{voice.label()}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="voice-choice">
            <label class="field-label" for="reading-voice">"Voice for reading aloud"</label>
            <p class="choice__hint" id="reading-voice-hint">"Only voices on this device: what is read stays here."</p>
            <select id="reading-voice" class="select" aria-describedby="reading-voice-hint"
                prop:value=move || data.settings.with(|s| s.reading_voice.clone().unwrap_or_default())
                on:change=choose>
                <option value="">"Best for this guide"</option>
                {options}
            </select>
        </div>
    }
}
