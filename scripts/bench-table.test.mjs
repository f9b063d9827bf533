// The benchmark's table writer, on saved output (tests/fixtures/bench/): run by scripts/test.sh
// with `node --test scripts/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { collect, render, rewrite, START, END, CRITERION_TABLE } from "./bench-table.mjs";

const output = readFileSync("tests/fixtures/bench/2026-11-27.txt", "utf8");

test("figure lines become tables, in the order they were printed", () => {
  const { tables } = collect(output);
  assert.equal(tables[0].title, "First visit to the home page, KB (`scripts/bench-sizes.mjs`)");
  assert.deepEqual(tables[0].columns, ["raw", "gzip", "brotli"]);
  assert.equal(tables[0].cells.get("wasm\tgzip"), "514.2");
  assert.equal(tables[0].rows.at(-1), "total");
});

test("criterion's middle figure goes into the native search table, with the name on the line before when it is long", () => {
  const native = collect(output).tables.find((t) => t.title === CRITERION_TABLE);
  assert.ok(native);
  assert.equal(native.cells.get("build index, real guide\ttime"), "0.92 ms");
  assert.equal(native.cells.get("one keystroke, 1x guide (40 documents)\ttime"), "0.025 ms");
  assert.equal(native.cells.get("one keystroke, 100x guide (4000 documents)\ttime"), "1.30 ms");
});

test("the table is stamped with the commit, the date and the machine", () => {
  const block = render(collect(output));
  assert.match(block.split("\n")[0], /^Measured by `scripts\/bench.sh` on commit 18dba9d .*, 2026-11-27, on the 2-core/);
  assert.match(block, /\n\| `\/plan` \| 95 \| 100, 100, 100 \| 830 ms \| 980 ms \| 248 ms \| 0.006 \|\n/);
});

test("output without a stamp or without figures is refused", () => {
  assert.throws(() => render(collect(output.replace(/^stamp\tcommit.*\n/m, ""))), /stamp\tcommit/);
  assert.throws(() => render(collect(output.split("\n").filter((l) => l.startsWith("stamp")).join("\n"))), /no figures/);
});

test("only the text between the markers changes, and writing twice gives the same page", () => {
  const doc = `# Performance\n\nBefore.\n\n${START}\nold figures\n${END}\n\nAfter.\n`;
  const once = rewrite(doc, render(collect(output)));
  assert.ok(once.startsWith(`# Performance\n\nBefore.\n\n${START}\nMeasured by`));
  assert.ok(once.endsWith(`|\n${END}\n\nAfter.\n`));
  assert.ok(!once.includes("old figures"));
  assert.equal(rewrite(once, render(collect(output))), once);
  assert.throws(() => rewrite("# no markers\n", "x"), /needs the lines/);
});

test("docs/performance.md has the markers", () => {
  const doc = readFileSync("docs/performance.md", "utf8");
  assert.ok(doc.includes(START) && doc.indexOf(END) > doc.indexOf(START));
});
