//! Display preferences: colour theme, text size, the place urgent help is shown for, whether
//! the Quick exit button shows, and the voice and speed for reading pages aloud. Kept on the device like everything else, and not part of an
//! export.

use super::lww::Stamps;
use super::versioned::Versioned;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the device's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Largest,
}

/// How fast pages are read aloud (src/components/speech_controls.rs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadingSpeed {
    Slower,
    #[default]
    Normal,
    Faster,
}

impl ReadingSpeed {
    pub const ALL: [ReadingSpeed; 3] = [ReadingSpeed::Slower, ReadingSpeed::Normal, ReadingSpeed::Faster];

    pub fn label(self) -> &'static str {
        match self {
            Self::Slower => "Slower",
            Self::Normal => "Normal",
            Self::Faster => "Faster",
        }
    }

    /// The utterance's `rate` (1 is the voice's own speed).
    pub fn rate(self) -> f32 {
        match self {
            Self::Slower => 0.8,
            Self::Normal => 1.0,
            Self::Faster => 1.25,
        }
    }
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Match my device",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    /// The value of `data-theme` on the page; none lets CSS follow the device.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Self::System => None,
            Self::Light => Some("light"),
            Self::Dark => Some("dark"),
        }
    }
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Largest];

    pub fn label(self) -> &'static str {
        match self {
            Self::Standard => "Standard",
            Self::Large => "Large",
            Self::Largest => "Largest",
        }
    }

    /// The value of `data-text-size` on the page; the stylesheet scales all text from it.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Self::Standard => None,
            Self::Large => Some("large"),
            Self::Largest => Some("largest"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    #[serde(default)]
    pub theme: Theme,
    #[serde(default)]
    pub text_size: TextSize,
    /// The place chosen on the help page (a place's name in `help.toml`); none shows every place.
    /// Added after version 1 shipped: older saved settings read as no choice.
    #[serde(default)]
    pub place: Option<String>,
    /// A Quick exit button at the top of every page (src/quick_exit.rs). Off unless chosen; added
    /// after version 1 shipped, so older saved settings read as off.
    #[serde(default)]
    pub quick_exit_button: bool,
    /// The voice chosen for reading aloud (the browser's `voiceURI`); none lets the app choose.
    /// Added after version 1 shipped, like the speed below: older saved settings read as no choice.
    #[serde(default)]
    pub reading_voice: Option<String>,
    #[serde(default)]
    pub reading_speed: ReadingSpeed,
    /// This device had no voice to read aloud with when last asked: the next visit keeps no room
    /// for Listen from its first paint (index.html), so no empty line waits for the voices.
    #[serde(default)]
    pub no_voice: bool,
}

impl Settings {
    /// The value of `data-quick-exit` on the page; the stylesheet shows the button when it is set.
    pub fn quick_exit_attribute(&self) -> Option<&'static str> {
        self.quick_exit_button.then_some("shown")
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: Self::VERSION,
            theme: Theme::default(),
            text_size: TextSize::default(),
            place: None,
            quick_exit_button: false,
            reading_voice: None,
            reading_speed: ReadingSpeed::default(),
            no_voice: false,
        }
    }
}

impl Versioned for Settings {
    const NAME: &'static str = "display settings";
    const KEY: &'static str = "settings";
    const VERSION: u32 = 1;

    /// Settings carry no times: the copy on screen is the one the person last chose.
    fn merge(&mut self, other: &Self) {
        *self = other.clone();
    }
}

/// Settings hold no times; this lets every store be read the same way.
impl Stamps for Settings {
    fn clamp_future(&mut self, _now: u64) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{decode, encode};

    #[test]
    fn round_trips_and_reads_missing_fields_as_defaults() {
        let settings = Settings {
            theme: Theme::Dark,
            text_size: TextSize::Largest,
            place: Some("Scotland".into()),
            quick_exit_button: true,
            reading_voice: Some("Daniel".into()),
            reading_speed: ReadingSpeed::Slower,
            no_voice: true,
            version: 1,
        };
        assert_eq!(decode::<Settings>(&encode(&settings)).unwrap(), settings);
        let before_places = decode::<Settings>(r#"{"version":1,"theme":"dark","text_size":"large"}"#).unwrap();
        assert_eq!((before_places.theme, before_places.place, before_places.quick_exit_button), (Theme::Dark, None, false));
        assert_eq!((before_places.reading_voice, before_places.reading_speed, before_places.no_voice), (None, ReadingSpeed::Normal, false));
        assert_eq!(decode::<Settings>(r#"{"version":1}"#).unwrap(), Settings::default());
        assert!(decode::<Settings>(r#"{"version":1,"theme":"purple"}"#).is_err());
    }
}
