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
export const urgentWords: { message: string; link: string; nothing_found: string; found_by: string; words: string[] } = read("urgent-words.toml");

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

type PlanStep = { id: string; heading: string; add: string; hints: string[] };
export const planSteps: PlanStep[] = read("plan.toml").step;

/** A resource's title as shown, by its id. */
export function resourceTitle(id: string): string {
  const resource = resources.find((r) => r.id === id);
  if (!resource) throw new Error(`resources.toml has no resource ${id}`);
  return plainText(resource.title);
}

/** A checklist item's words as /reflect shows them, by its id (an article list item ending
 * {#id}, or an item in reflect.toml). */
export function checklistItem(id: string): string {
  const article = readFileSync("src/content/article.md", "utf8");
  const line = article.split("\n").find((l) => l.trimEnd().endsWith(`{#${id}}`));
  if (line) return plainText(line.replace(/^\s*-\s*/, "").replace(/\s*\{#[^}]*\}\s*$/, ""));
  const item = (read("reflect.toml").group as { items?: { id: string; text: string }[] }[]).flatMap((g) => g.items ?? []).find((i) => i.id === id);
  if (!item) throw new Error(`no checklist item ${id}`);
  return item.text;
}

/** A plan step's number on /plan (the page numbers the steps in plan.toml's order), by its id. */
export function planStepNumber(id: string): number {
  const index = planSteps.findIndex((s) => s.id === id);
  if (index < 0) throw new Error(`plan.toml has no step ${id}`);
  return index + 1;
}

const serviceById = (id: string) => {
  const service = help.service.find((s) => s.id === id);
  if (!service) throw new Error(`help.toml has no service ${id}`);
  return service;
};
/** A service as the page names it: "Samaritans (Ireland)". */
export const serviceLabel = (service: Service) => `${service.name} (${service.country})`;
/** The number a service's first button calls or texts, as written ("116 123"), and its digits. */
export const firstNumber = (service: Service) => service.contacts[0].number!;
export const digits = (number: string) => number.replace(/\s/g, "");
/** Text as a regular expression that matches it exactly. */
export const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A place on /help by its name in help.toml, with the services shown first to someone who
 * chose it: its main line, and the emergency number (its own, or the larger place's). */
export function place(name: string) {
  const found = help.place.find((p) => p.name === name);
  if (!found) throw new Error(`help.toml has no place ${name}`);
  const emergency = found.emergency ?? help.place.find((p) => p.name === found.part_of)?.emergency;
  return { ...found, mainService: serviceById(found.main), emergencyService: serviceById(emergency!) };
}

// ---------------------------------------------------------------- What the tests act on
// The editorial fixture: the content the browser tests (and tests/engines) act on, named once.
// Each is found by id, which never changes once shipped (bookmarks, answers and plan entries are
// kept under ids), and its words are read from the content files, so editors can reword freely.
// Places are named by their `name` in help.toml, which services refer to: if one is renamed,
// change it here.

/** Publications the tests bookmark. */
export const PACE = resourceTitle("pace-recovery-guide");
export const HUNDRED_WAYS = resourceTitle("100-ways-to-support-recovery");
/** The report found by a typo in its author's name (Kandirikirira). */
export const SCOTLAND_REPORT = resourceTitle("recovering-mental-health-in-scotland-report");
/** The presentation listed on /videos. */
export const A_VIDEO = resourceTitle("recovering-mental-health-in-scotland-presentation");
/** Checklist items the tests tick and write notes on. */
export const GOOD_RELATIONSHIPS = checklistItem("good-relationships");
export const SATISFYING_WORK = checklistItem("satisfying-work");
export const FINANCIAL_SECURITY = checklistItem("financial-security");
export const PERSONAL_GROWTH = checklistItem("personal-growth");
export const BEING_BELIEVED_IN = checklistItem("being-believed-in");
export const BEING_LISTENED_TO = checklistItem("being-listened-to");
/** A nation within the UK: its own services first, then the UK's. Its main line shares its
 * number, 111, with New Zealand's emergency number. */
export const NATION = place("Scotland");
/** A country with services of its own, not part of another. */
export const COUNTRY = place("Ireland");

/** "Breathe with me" on the help page (breathing.toml). */
export const breathing: {
  heading: string;
  how: string[];
  start: string;
  stop: string;
  breathe_in: string;
  breathe_out: string;
  speak: string;
  finished: string;
  back: string;
} = read("breathing.toml");
