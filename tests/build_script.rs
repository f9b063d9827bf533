//! The build script's errors, tested natively: build.rs compiles these same two modules. An editor's
//! mistake must stop the build with the file and the line, never a panic naming only build.rs.

#[path = "../build/base_path.rs"]
mod base_path;
#[path = "../build/content.rs"]
mod content;

use content::{compile, ContentError, CONTENT_DIR};

/// The real content files, with `file` changed by `edit`.
fn compile_with(file: &str, edit: impl Fn(&str) -> String) -> Result<String, ContentError> {
    compile(&|name: &str| {
        let text = std::fs::read_to_string(format!("{CONTENT_DIR}/{name}")).map_err(|e| e.to_string())?;
        Ok(if name == file { edit(&text) } else { text })
    })
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_containing(text: &str, needle: &str) -> usize {
    text.lines().position(|line| line.contains(needle)).unwrap_or_else(|| panic!("{needle:?} not found")) + 1
}

fn real(file: &str) -> String {
    std::fs::read_to_string(format!("{CONTENT_DIR}/{file}")).unwrap()
}

/// The error for `file` changed by `edit`, checked to be at the line of `at` in the changed file.
fn error_at(file: &str, edit: impl Fn(&str) -> String, at: &str) -> ContentError {
    let changed = edit(&real(file));
    let error = compile_with(file, edit).expect_err("the changed content must not compile");
    assert_eq!((error.file.as_str(), error.line), (file, Some(line_containing(&changed, at))), "{error}");
    assert!(error.to_string().starts_with(&format!("{CONTENT_DIR}/{file}:")), "{error}");
    error
}

#[test]
fn the_real_content_compiles() {
    let generated = compile_with("", str::to_string).unwrap();
    assert!(generated.contains("pub static CHECKLIST_RENAMES"));
}

#[test]
fn a_list_inside_a_list_names_its_line() {
    let error = error_at(
        "article.md",
        |text| text.replace("- financial security {#financial-security}\n", "- financial security {#financial-security}\n  - a nested item\n"),
        "a nested item",
    );
    assert!(error.message.contains("a list inside a list"), "{error}");
}

#[test]
fn a_numbered_list_names_its_line() {
    let error = error_at("about.md", |text| format!("{text}\n1. first\n2. second\n"), "1. first");
    assert!(error.message.contains("numbered lists"), "{error}");
}

#[test]
fn a_bracket_that_is_not_a_language_mark_names_its_line_in_markdown() {
    let error = error_at(
        "about.md",
        |text| text.replace("## Your privacy {#your-privacy}\n", "## Your privacy {#your-privacy}\n\nA [sic] remark.\n"),
        "A [sic] remark.",
    );
    assert!(error.message.contains("language mark"), "{error}");
}

#[test]
fn a_bracket_in_a_list_item_names_its_line() {
    error_at("article.md", |text| text.replace("- satisfying work {#satisfying-work}", "- satisfying [work {#satisfying-work}"), "satisfying [work");
}

#[test]
fn a_bracket_that_is_not_a_language_mark_names_its_line_in_toml() {
    let marker = "[Oranga Ngākau]{lang=mi} refers to";
    let error = error_at("resources.toml", |text| text.replacen(marker, "[Oranga Ngākau]{lang=mi refers to", 1), "{lang=mi refers to");
    assert!(error.message.contains("not finished"), "{error}");
    error_at("resources.toml", |text| text.replacen("title = \"[Oranga Ngākau]{lang=mi}", "title = \"[Oranga Ngākau", 1), "title = \"[Oranga Ngākau:");
}

#[test]
fn a_toml_mistake_names_its_line() {
    error_at("help.toml", |text| text.replacen("[[service]]", "[[service]]\nhours = = 3", 1), "hours = = 3");
    let error = error_at("plan.toml", |text| text.replacen("[[step]]", "[[step]]\ncolour = \"red\"", 1), "colour = ");
    assert!(error.message.contains("colour"), "{error}");
}

#[test]
fn a_checklist_section_that_does_not_exist_names_its_line() {
    let error =
        error_at("reflect.toml", |text| text.replacen("section = \"what-supports-recovery\"", "section = \"what-helps\"", 1), "section = \"what-helps\"");
    assert!(error.message.contains("\"what-helps\""), "{error}");
}

#[test]
fn a_checklist_item_without_an_id_names_its_line() {
    let error = error_at("article.md", |text| text.replace("- satisfying work {#satisfying-work}", "- satisfying work"), "- satisfying work");
    assert!(error.message.contains("checklist-ids.txt"), "{error}");
}

#[test]
fn a_mistyped_rename_names_its_line() {
    let error = error_at("article.md", |text| text.replace("{#satisfying-work}", "{#satisfying-work renamedfrom=work}"), "renamedfrom=work");
    assert!(error.message.contains("renamed_from=old-id"), "{error}");
}

#[test]
fn a_file_that_cannot_be_read_is_named() {
    let error = compile(&|name: &str| if name == "help.toml" { Err("gone".into()) } else { Ok(real(name)) }).unwrap_err();
    assert_eq!(error.to_string(), format!("{CONTENT_DIR}/help.toml: cannot be read: gone"));
}

#[test]
fn the_base_path_is_empty_or_a_clean_absolute_path() {
    for good in ["", "/recovery", "/a/b-c_d.e~f"] {
        assert_eq!(base_path::checked_base_path(good), Ok(good));
    }
    for (bad, why) in [
        ("recovery", "start with"),
        ("/recovery/", "not end with"),
        ("/", "not end with"),
        ("/a//b", "empty part"),
        ("/a/../b", "\"..\""),
        ("/..", "\"..\""),
        ("/a/./b", "\"..\""),
        ("/a b", "only letters"),
        ("/a?b", "only letters"),
        ("https://host/x", "start with"),
    ] {
        let problem = base_path::checked_base_path(bad).expect_err(bad);
        assert!(problem.contains(why) && problem.contains(bad), "{bad}: {problem}");
    }
}

#[test]
fn each_page_becomes_a_page_id_and_each_address_a_path() {
    let generated = compile_with("", str::to_string).unwrap();
    assert!(generated.contains("  YourData,\n"), "pages.toml's \"your-data\" is PageId::YourData");
    assert!(generated.contains("pub const YOUR_DATA: &str = \"/your-data\";"));
}

#[test]
fn a_page_id_that_cannot_name_a_page_in_code_names_its_line() {
    let error = error_at("pages.toml", |text| text.replacen("id = \"your-data\"", "id = \"Your data\"", 1), "id = \"Your data\"");
    assert!(error.message.contains("lowercase letters"), "{error}");
    let twice = real("pages.toml").replacen("id = \"about\"", "id = \"help\"", 1);
    let error = compile_with("pages.toml", |_| twice.clone()).unwrap_err();
    // The second "help", where "about" was.
    let line = line_containing(&real("pages.toml"), "id = \"about\"");
    assert_eq!(error.line, Some(line), "{error}");
    assert!(error.message.contains("used twice"), "{error}");
}

#[test]
fn the_shared_records_refuse_unknown_keys_and_require_the_rest() {
    let error = error_at("resources.toml", |text| text.replacen("kind = \"publication\"", "kind = \"publication\"\ncolour = \"red\"", 1), "colour = ");
    assert!(error.message.contains("colour"), "{error}");
    let real_resources = real("resources.toml");
    let title_line = real_resources.lines().find(|line| line.starts_with("title = \"[Oranga Ngākau]")).unwrap();
    let error = compile_with("resources.toml", |text| text.replacen(&format!("{title_line}\n"), "", 1)).unwrap_err();
    assert!(error.message.contains("missing field `title`"), "{error}");
    let error = error_at("urgent-words.toml", |text| text.replacen("message = ", "messages = ", 1), "messages = ");
    assert!(error.message.contains("messages"), "{error}");
}
