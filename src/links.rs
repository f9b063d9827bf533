//! The one place internal links are built, so the app can be served under a sub-path
//! (e.g. `/recovery/`) as well as at the root of a host.

/// The sub-path the app is served under (e.g. `/recovery`), empty at the root: fixed at build time
/// from `RECOVERY_GUIDE_BASE`, which build.rs checks (`build/base_path.rs`) and passes on.
pub const BASE: &str = env!("GUIDE_BASE_PATH");

/// The full URL path for a path inside the app: `href("/publications#pace")`.
pub fn href(path: &str) -> String {
    join(BASE, path)
}

fn join(base: &str, path: &str) -> String {
    debug_assert!(path.starts_with('/'), "app paths start with '/': {path}");
    let base = base.trim_end_matches('/');
    if base.is_empty() {
        return path.to_string();
    }
    // The home page under a sub-path is "/recovery/", so relative asset URLs resolve inside it.
    format!("{base}{path}")
}

/// The link to one section of a page: `section_href("/", "the-recovery-process")`.
pub fn section_href(page_path: &str, id: &str) -> String {
    href(&format!("{page_path}#{id}"))
}

/// The address the router knows for a page that was opened by its file name: static hosts serve
/// `/help/index.html` as well as `/help/`, but only the second is a route.
pub fn without_file_name(path: &str) -> Option<&str> {
    path.strip_suffix("index.html").filter(|folder| folder.ends_with('/'))
}

#[cfg(test)]
mod tests {
    use super::{join, without_file_name};

    #[test]
    fn a_page_opened_by_its_file_name_has_a_route_address() {
        assert_eq!(without_file_name("/index.html"), Some("/"));
        assert_eq!(without_file_name("/recovery/help/index.html"), Some("/recovery/help/"));
        assert_eq!(without_file_name("/help/"), None);
        assert_eq!(without_file_name("/notindex.html"), None);
    }

    #[test]
    fn at_the_root_paths_are_unchanged() {
        assert_eq!(join("", "/"), "/");
        assert_eq!(join("", "/publications#pace"), "/publications#pace");
    }

    #[test]
    fn under_a_sub_path_every_link_stays_inside_it() {
        for base in ["/recovery", "/recovery/"] {
            assert_eq!(join(base, "/"), "/recovery/");
            assert_eq!(join(base, "/help"), "/recovery/help");
            assert_eq!(join(base, "/#what-supports-recovery"), "/recovery/#what-supports-recovery");
        }
    }
}
