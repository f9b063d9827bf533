// The guide's content, read from the same files the app is built from, so the browser tests check
// what a person sees against what the editors wrote.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

type Page = { id: string; path?: string; nav?: string; title: string; heading: string };
type Resource = { id: string; kind: string; title: string; year?: number };
type Service = { id: string; country: string; name: string; contacts: { how: string; number?: string }[] };
type Place = { name: string; part_of?: string; emergency?: string; main: string };

const read = (file: string) => parse(readFileSync(`src/content/${file}`, "utf8")) as any;

export const SITE_NAME: string = read("pages.toml").site_name;
export const pages: Page[] = read("pages.toml").page;
export const routedPages = pages.filter((p) => p.path);
export const navPages = routedPages.filter((p) => p.nav);
export const pageById = (id: string) => pages.find((p) => p.id === id)!;

export const resources: Resource[] = read("resources.toml").resource;
/** The publications' years as resources.toml gives them (tests derive years from these, so an
 * editor's change to the list does not break them). */
export const publicationYears = resources.filter((r) => r.kind === "publication" && r.year).map((r) => r.year!);
export const help: { checked: string; place: Place[]; service: Service[] } = read("help.toml");
export const urgentWords: { message: string; link: string; words: string[] } = read("urgent-words.toml");

/** The page a resource of this kind is listed on (mirrors ResourceKind::collection). */
export function pageForKind(kind: string): Page {
  const id = {
    publication: "publications",
    paper: "research",
    chapter: "research",
    presentation: "videos",
    video: "videos",
    organisation: "organisations",
    website: "organisations",
  }[kind];
  if (!id) throw new Error(`unknown kind ${kind}`);
  return pageById(id);
}

/** A title as shown: language marks like [Oranga Ngākau]{lang=mi} become plain words. */
export const plainText = (text: string) => text.replace(/\[([^\]]+)\]\{lang=[a-z]+\}/g, "$1");

export const documentTitle = (page: Page) => `${page.title} – ${SITE_NAME}`;
