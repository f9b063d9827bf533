// The benchmark scripts print their figures twice: in sentences for people, and as figure lines
// that scripts/bench-table.mjs collects into docs/performance.md. A figure line is
//
//   figure<TAB>table<TAB>row<TAB>column<TAB>value
//
// and the tables, their rows and their columns appear in the order they were first printed.

/**
 * Prints one figure line.
 * @param {string} table the table's title, e.g. "First visit to the home page, KB"
 * @param {string} row
 * @param {string} column
 * @param {string | number} value as it should read in the table, e.g. "88 ms"
 */
export function figure(table, row, column, value) {
  for (const part of [table, row, column, String(value)]) {
    if (/[\t\n|]/.test(part)) throw new Error(`figure: ${JSON.stringify(part)} holds a tab, a line break or a "|"`);
  }
  console.log(["figure", table, row, column, value].join("\t"));
}

/**
 * Milliseconds as the tables show them: whole above 100, one decimal below.
 * @param {number} value
 */
export const ms = (value) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
