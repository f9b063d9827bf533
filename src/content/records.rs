// The content records whose fields are the content files' keys, written once. Two crates read
// this file, each with its own `records!` and `kinds!` macros: the app (`model.rs`) makes public
// types of them with `&'static` data, and the content compiler (`build/content.rs`) makes the
// types it reads the TOML into, and writes each value back out as Rust for the app. A new key is
// one new line here (and its use in the app); nothing else has to follow.
//
// The field types are names both sides define: `Text` (a string), `Rich` (text that may hold
// `[words]{lang=xx}` marks), `Flag` (true or false), `List<T>`, `Option<T>`, numbers, and
// `Spanned<T>` (where the build needs the value's line for an error; the app sees the value).
// `#[serde(default)]` lets a key be left out of the file (an empty list, or false); the app
// ignores it.

records! {
    /// Fixed words of one page (from `pages.toml`).
    struct Page {
        id: Spanned<Text>,
        /// The path inside the app; `None` for the not-found page.
        path: Option<Text>,
        nav: Option<Text>,
        title: Text,
        heading: Text,
        intro: Text,
        empty: Option<Text>,
        /// Shown in the prerendered page until the app has read what is stored on the device.
        loading: Option<Text>,
    }

    /// A publication, paper, chapter, presentation, organisation or website (from `resources.toml`).
    struct Resource {
        /// Stable id: its deep link (`/publications#id`) and its bookmark key.
        id: Text,
        kind: ResourceKind,
        title: Rich,
        subtitle: Option<Text>,
        #[serde(default)]
        authors: List<Text>,
        year: Option<u16>,
        /// Shown as "c. 2008" when the source does not state the year.
        #[serde(default)]
        year_approximate: Flag,
        publisher: Option<Text>,
        /// Journal and pages, or the book a chapter is in.
        published_in: Option<Text>,
        /// ISBN, PMID and similar citation identifiers.
        #[serde(default)]
        identifiers: List<Text>,
        region: Option<Text>,
        #[serde(default)]
        description: List<Rich>,
        /// Short facts that have changed since the source was written.
        #[serde(default)]
        notes: List<Text>,
        #[serde(default)]
        links: List<Link>,
    }

    struct Link {
        kind: LinkKind,
        url: Text,
        /// What the link leads to, when the address alone would not say (e.g. "publisher").
        label: Option<Text>,
    }

    /// A country or nation a person can choose on the help page (from `help.toml`).
    struct Place {
        /// Its name on the page; each service's `country` is one of these.
        name: Text,
        /// The larger place whose services also apply here (Scotland is part of the UK).
        part_of: Option<Text>,
        /// The service id to use if a life is at risk; `None` uses the larger place's.
        emergency: Option<Text>,
        /// The service id shown first, beside the emergency number, to someone who chose this place.
        main: Text,
    }

    /// One urgent-help service (from `help.toml`).
    struct HelpService {
        id: Text,
        /// Always shown beside the numbers: the same number means different things in different places.
        country: Text,
        name: Text,
        /// When to use it, e.g. "If a life is at risk".
        when: Option<Text>,
        hours: Text,
        details: Text,
        contacts: List<Contact>,
        #[serde(default)]
        notes: List<Text>,
    }

    /// Words in a search that can mean the person needs help now (from `urgent-words.toml`).
    struct UrgentWords {
        /// The calm line the search page opens with.
        message: Text,
        /// The words of the link to the urgent help page.
        link: Text,
        /// The calm line above that link on every search that finds nothing.
        nothing_found: Text,
        /// More words that find the urgent help page in search, beside its heading and introduction.
        found_by: Text,
        words: List<Text>,
    }

    /// "Breathe with me" on the help page (from `breathing.toml`).
    struct Breathing {
        heading: Text,
        intro: Text,
        /// How to do it, one step a line.
        how: List<Text>,
        start: Text,
        stop: Text,
        breathe_in: Text,
        breathe_out: Text,
        /// The label of the choice to hear "Breathe in" and "Breathe out" said aloud.
        speak: Text,
        /// The calm line when the five minutes are up.
        finished: Text,
        /// The link back to the numbers to call, when the five minutes are up.
        back: Text,
    }

    /// One step of the plan for hard days (from `plan.toml`).
    struct PlanStep {
        /// The key the person's entries are kept under: never changes once shipped.
        id: Text,
        heading: Text,
        prompt: Text,
        /// Two or three examples, shown as hint text tied to the field.
        hints: List<Text>,
        /// The label of the field that adds an entry.
        add: Text,
        /// Entries are a name with a phone number.
        #[serde(default)]
        contacts: Flag,
        /// The step offers the chosen place's urgent-help services, each added in one tap.
        #[serde(default)]
        helplines: Flag,
    }
}

kinds! {
    /// What a resource is; in the file in lower case (`kind = "paper"`).
    enum ResourceKind {
        Publication,
        Paper,
        Chapter,
        Presentation,
        Video,
        Organisation,
        Website,
    }

    enum LinkKind {
        Website,
        Pdf,
        Doi,
    }
}
