// Writes the benchmark's figures into docs/performance.md, between its two marker comments, so
// that table is never edited by hand. scripts/bench.sh saves everything a run prints and calls
// this at the end; it can also be run again on saved output:
//
//   node scripts/bench-table.mjs <saved output> [docs/performance.md]
//
// It reads three kinds of line from the output and ignores the rest:
// - `stamp<TAB>key<TAB>value`: what was measured where (commit, date, machine, tools);
// - `figure<TAB>table<TAB>row<TAB>column<TAB>value` (scripts/lib/figures.mjs);
// - criterion's `name  time: [low estimate high]` (the name may be on the line before), whose
//   middle figure goes into the table of native search times.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const START = "<!-- figures: written by scripts/bench.sh (scripts/bench-table.mjs); do not edit by hand -->";
export const END = "<!-- end of figures -->";
export const CRITERION_TABLE = "Search natively (criterion, mean)";

/**
 * @typedef {{ title: string, rows: string[], columns: string[], cells: Map<string, string> }} Table
 * @typedef {{ stamp: Map<string, string>, tables: Table[] }} Figures
 */

/**
 * The stamp and the figures in a run's output.
 * @param {string} output
 * @returns {Figures}
 */
export function collect(output) {
  /** @type {Figures} */
  const figures = { stamp: new Map(), tables: [] };
  /** @param {string} title @param {string} row @param {string} column @param {string} value */
  const add = (title, row, column, value) => {
    let table = figures.tables.find((t) => t.title === title);
    if (!table) figures.tables.push((table = { title, rows: [], columns: [], cells: new Map() }));
    if (!table.rows.includes(row)) table.rows.push(row);
    if (!table.columns.includes(column)) table.columns.push(column);
    table.cells.set(`${row}\t${column}`, value);
  };
  let previous = "";
  for (const line of output.split("\n")) {
    const parts = line.split("\t");
    if (parts[0] === "stamp" && parts.length === 3) figures.stamp.set(parts[1], parts[2]);
    else if (parts[0] === "figure" && parts.length === 5) add(parts[1], parts[2], parts[3], parts[4]);
    else {
      const timed = line.match(/^(.*?)\s*time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]/);
      if (timed) add(CRITERION_TABLE, (timed[1] || previous).trim(), "time", inMs(Number(timed[2]), timed[3]));
    }
    if (line.trim()) previous = line;
  }
  return figures;
}

/**
 * Criterion's figure, as the tables show milliseconds.
 * @param {number} value
 * @param {string} unit
 */
function inMs(value, unit) {
  const scale = { ps: 1e-9, ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1e3 }[unit];
  if (scale === undefined) throw new Error(`bench-table: criterion's unit ${JSON.stringify(unit)} is not known`);
  const ms = value * scale;
  return `${ms < 0.1 ? ms.toPrecision(2) : ms >= 100 ? ms.toFixed(0) : ms.toFixed(2)} ms`;
}

/**
 * The Markdown that goes between the markers.
 * @param {Figures} figures
 */
export function render({ stamp, tables }) {
  for (const key of ["commit", "date", "machine"]) {
    if (!stamp.has(key)) throw new Error(`bench-table: the output has no "stamp\t${key}" line`);
  }
  if (!tables.length) throw new Error("bench-table: the output has no figures");
  const lines = [
    `Measured by \`scripts/bench.sh\` on commit ${stamp.get("commit")}, ${stamp.get("date")}, on ${stamp.get("machine")}.`,
  ];
  for (const [key, value] of stamp) if (!["commit", "date", "machine"].includes(key)) lines.push(`${key[0].toUpperCase()}${key.slice(1)}: ${value}.`);
  for (const table of tables) {
    lines.push("", `**${table.title}**`, "", `| | ${table.columns.join(" | ")} |`, `|---|${table.columns.map(() => "---:|").join("")}`);
    for (const row of table.rows) lines.push(`| ${row} | ${table.columns.map((c) => table.cells.get(`${row}\t${c}`) ?? "").join(" | ")} |`);
  }
  return lines.join("\n");
}

/**
 * The document with the text between its markers replaced.
 * @param {string} doc
 * @param {string} block
 */
export function rewrite(doc, block) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`bench-table: the document needs the lines\n${START}\n${END}`);
  return `${doc.slice(0, start + START.length)}\n${block}\n${doc.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [output, doc = "docs/performance.md"] = process.argv.slice(2);
  if (!output) throw new Error("usage: node scripts/bench-table.mjs <saved output> [docs/performance.md]");
  writeFileSync(doc, rewrite(readFileSync(doc, "utf8"), render(collect(readFileSync(output, "utf8")))));
  console.log(`The figures are in ${doc}.`);
}
