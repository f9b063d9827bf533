//! Build step: renders every route of the app to static HTML, so pages are readable before the
//! wasm arrives (or without JavaScript at all), and the browser build hydrates them in place.
//!
//!   cargo run --features ssr --bin prerender -- <shell.html>
//!
//! Reads the page shell Trunk wrote (head, styles, scripts, empty body) and prints a JSON array of
//! `{"file": "publications/index.html", "html": "<!DOCTYPE html>…"}`: one page per route plus
//! `404.html`. `scripts/post-build.mjs` writes them into the build. `RECOVERY_GUIDE_BASE` must be
//! the same as for the browser build, since links carry the base path.

#![recursion_limit = "256"]

use any_spawner::Executor;
use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;
use recovery_guide::{content, links, App};
use serde::Serialize;

#[derive(Serialize)]
struct RenderedPage {
    file: String,
    html: String,
}

/// An address no route matches, so the app shows its "page not found" view.
const NOT_FOUND_PATH: &str = "/404";

fn main() {
    let shell_path = std::env::args().nth(1).expect("usage: prerender <shell.html>");
    let shell = std::fs::read_to_string(&shell_path).unwrap_or_else(|e| panic!("cannot read {shell_path}: {e}"));
    // The shell's own <title> gives way to each page's.
    let shell = remove_title(&shell);
    Executor::init_futures_executor().expect("the futures executor starts once");

    let mut pages: Vec<RenderedPage> =
        content::PAGES.iter().filter_map(|page| page.path).map(|path| RenderedPage { file: file_for(path), html: render(path, &shell) }).collect();
    pages.push(RenderedPage { file: "404.html".into(), html: render(NOT_FOUND_PATH, &shell) });
    println!("{}", serde_json::to_string(&pages).expect("pages serialise"));
}

/// `"/"` -> `index.html`, `"/help"` -> `help/index.html`.
fn file_for(path: &str) -> String {
    match path.trim_matches('/') {
        "" => "index.html".into(),
        route => format!("{route}/index.html"),
    }
}

fn remove_title(shell: &str) -> String {
    match (shell.find("<title>"), shell.find("</title>")) {
        (Some(start), Some(end)) => format!("{}{}", &shell[..start], &shell[end + "</title>".len()..]),
        _ => shell.to_string(),
    }
}

/// One page: the app rendered at `path`, put into the shell's body, with its title in the head.
fn render(path: &str, shell: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(&links::href(path)));
        let (meta, meta_output) = ServerMetaContext::new();
        provide_context(meta);
        let body = view! { <App /> }.to_html();
        // No whitespace before the app's first node: hydration walks the body from its first child.
        let (before_body, after_body) = shell.split_once("<body>").expect("the shell has a <body>");
        let page = format!("{before_body}<body>{body}{}", after_body.trim_start());
        futures::executor::block_on(async move { meta_output.inject_meta_context(futures::stream::iter([page])).await.collect::<String>().await })
    })
}
