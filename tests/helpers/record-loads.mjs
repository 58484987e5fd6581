// Preloaded with `node --import` by tests/architecture.test.ts: records every module a command
// loads into the file named by QIAO_RECORD_LOADS, ES modules through a resolve hook and
// CommonJS ones from require's cache when the process exits.

import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const file = process.env.QIAO_RECORD_LOADS;
register("./record-loads-hooks.mjs", import.meta.url, { data: { file } });
process.on("exit", () => {
  appendFileSync(file, `${Object.keys(createRequire(import.meta.url).cache).join("\n")}\n`);
});
