//! The search as the address says it (`/search?q=peer+support&kind=publication,research&from=2000&to=2010`):
//! read from the router's parsed query, and written back as a path. Plain Rust, so the address a
//! search makes is tested natively.

use super::{Filters, Kind};
use crate::content::paths;

/// The search as the address says it: `?q=peer&kind=publication,research&from=2000&to=2010`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub filters: Filters,
}

impl SearchQuery {
    /// The search in the address's query parameters (`get` gives one, already unescaped by the
    /// router). Unknown kinds and years that are not numbers are left out.
    pub fn from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let year = |name: &str| get(name).and_then(|y| y.trim().parse().ok());
        Self {
            text: get("q").unwrap_or_default().to_string(),
            filters: Filters {
                kinds: get("kind").map(|k| k.split(',').filter_map(Kind::from_key).collect()).unwrap_or_default(),
                from: year("from"),
                to: year("to"),
            },
        }
    }

    /// The path that shows this search (before the base path is added).
    pub fn to_path(&self) -> String {
        let mut params = vec![format!("q={}", encode(&self.text))];
        if !self.filters.kinds.is_empty() {
            params.push(format!("kind={}", self.filters.kinds.iter().map(|k| k.key()).collect::<Vec<_>>().join(",")));
        }
        params.extend(self.filters.from.map(|y| format!("from={y}")));
        params.extend(self.filters.to.map(|y| format!("to={y}")));
        format!("{}?{}", paths::SEARCH, params.join("&"))
    }
}

/// Percent-encodes a query value (only what a URL cannot carry as it is, and a space as "+", which
/// reads better in a shared address). Not the router's `ParamsMap::to_query_string`: its `insert`
/// unescapes the value it is given, so a search for "100%" would not survive the trip.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> SearchQuery {
        let map: HashMap<&str, &str> = pairs.iter().copied().collect();
        SearchQuery::from_params(|name| map.get(name).copied())
    }

    #[test]
    fn a_search_with_filters_makes_its_address() {
        let query = SearchQuery {
            text: "peer support & 100% hope".into(),
            filters: Filters { kinds: vec![Kind::Publication, Kind::Research], from: Some(2000), to: None },
        };
        assert_eq!(query.to_path(), "/search?q=peer+support+%26+100%25+hope&kind=publication,research&from=2000");
        assert_eq!(SearchQuery { text: "māori".into(), filters: Filters::default() }.to_path(), "/search?q=m%C4%81ori");
    }

    #[test]
    fn the_address_gives_the_search_and_ignores_what_it_cannot_use() {
        let query = parse(&[("q", "peer support"), ("kind", "publication,nonsense,presentation"), ("from", " 2005 "), ("to", "soon")]);
        assert_eq!(query.text, "peer support");
        assert_eq!(query.filters.kinds, [Kind::Publication, Kind::Presentation]);
        assert_eq!((query.filters.from, query.filters.to), (Some(2005), None));
        assert_eq!(parse(&[]), SearchQuery::default());
    }

    #[test]
    fn what_an_address_holds_makes_the_same_address_again() {
        let query = parse(&[("q", "recovery"), ("kind", "research"), ("from", "1999"), ("to", "2010")]);
        assert_eq!(query.to_path(), "/search?q=recovery&kind=research&from=1999&to=2010");
    }
}
