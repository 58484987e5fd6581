// The house as the READMEs describe it: src/ holds folders, each folder says what it may
// import and does not import anything else, no module imports itself back through others,
// the environment is read only at the edges, and the editor's commands stay light.

import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/build.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const CODE = globSync(["src/**/*.{ts,mjs,js}", "scripts/**/*.{ts,mjs,js}", ".eleventy.ts"], { cwd: ROOT, dot: true }).sort();

const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|new URL\(\s*["'](\.[^"']+)["']\s*,\s*import\.meta\.url|^import\s*["']([^"']+)["']/gm;

/** The project files a file imports (relative imports only), as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)));
}

const graph = new Map(CODE.map((file) => [file, importsOf(file)]));

/** Strongly connected groups of more than one file, or a file that imports itself. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do group.push((member = stack.pop()!));
      while (member !== file);
      if (group.length > 1 || graph.get(file)!.includes(file)) found.push(group.sort());
    }
  };
  for (const file of CODE) if (!index.has(file)) visit(file);
  return found;
}

/** The folder whose README rules a file: the deepest folder with a README above it. */
function ruledBy(file: string): string {
  for (let dir = path.dirname(file); dir !== "."; dir = path.dirname(dir)) {
    if (existsSync(path.join(ROOT, dir, "README.md"))) return dir;
  }
  return ".";
}

/** The folders a README allows: the `May import:` line's backticked paths. */
function allowed(folder: string): string[] {
  const readme = readFileSync(path.join(ROOT, folder, "README.md"), "utf8");
  const line = readme.split("\n").find((l) => l.startsWith("May import:"));
  if (!line) throw new Error(`${folder}/README.md has no "May import:" line`);
  return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

const inside = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);

describe("the house", () => {
  it("keeps src/ as folders, each opening with a README that says what it holds and may import", () => {
    const top = readdirSync(path.join(ROOT, "src"));
    expect(top.filter((name) => !statSync(path.join(ROOT, "src", name)).isDirectory())).toEqual(["README.md"]);
    const folders = globSync("src/**/", { cwd: ROOT, onlyDirectories: true }).map((d) => d.replace(/\/$/, ""));
    for (const folder of [...folders, "scripts"]) {
      const readme = path.join(ROOT, folder, "README.md");
      expect(existsSync(readme), `${folder}/README.md`).toBe(true);
      expect(readFileSync(readme, "utf8"), folder).toMatch(/^# .+\n\n[\s\S]*\nMay import: /);
    }
  });

  it("has no import cycle in src/ or scripts/", () => {
    expect(cycles()).toEqual([]);
  });

  it("imports only what each folder's README allows: dependencies point down", () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      if (file === ".eleventy.ts") continue; // the wiring: it lists every plugin
      const home = ruledBy(file);
      // A folder may use itself and what its README allows: a feature, its own folder only.
      const may = [home, ...allowed(home)];
      for (const target of imports) {
        if (!may.some((folder) => inside(target, folder))) wrong.push(`${file} imports ${target} (${home}/README.md allows ${allowed(home).join(", ") || "nothing"})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("keeps the file utilities every layer shares at the bottom: src/files uses only Node itself", () => {
    const files = CODE.filter((file) => file.startsWith("src/files/"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      const specifiers = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!);
      expect(specifiers.filter((spec) => !spec.startsWith("node:") && !spec.startsWith("./")), file).toEqual([]);
    }
  });

  it("lists every folder of src/ in src/README.md", () => {
    const readme = readFileSync(path.join(ROOT, "src", "README.md"), "utf8");
    const listed = [...readme.matchAll(/^\| `([^`]+)\/` \|/gm)].map((m) => m[1]).sort();
    const folders = readdirSync(path.join(ROOT, "src")).filter((name) => statSync(path.join(ROOT, "src", name)).isDirectory()).sort();
    expect(listed).toEqual(folders);
  });

  it("reads the environment only at the edges, and no module sets it for another", () => {
    const writes = /process\.env(?:\.\w+|\[[^\]]+\])\s*(?:=(?!=)|\?\?=|\|\|=)|delete\s+process\.env|process\.env\s*=(?!=)|Object\.assign\(\s*process\.env/;
    for (const file of CODE) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      expect(writes.test(text), `${file} writes process.env`).toBe(false);
      // Quoted, it is a name (the CMS bundle defines process.env.NODE_ENV for React), not a read.
      if (file.startsWith("src/")) expect(/(?<!["'])process\.env/.test(text), `${file} reads process.env`).toBe(false);
    }
  });
});

describe("the CMS's pair editor runs in the browser", () => {
  it("bundles src/editor/pairs/ and the model it uses without a Node built-in, not even a stubbed one", async () => {
    const entryPoints = globSync("src/editor/pairs/*.ts", { cwd: ROOT, absolute: true });
    expect(entryPoints.length).toBeGreaterThan(0);
    // A Node built-in fails the browser build; one a package's "browser" field stubs out
    // shows as "(disabled):fs" among the inputs.
    const result = await build({ entryPoints, bundle: true, platform: "browser", format: "esm", write: false, outdir: "out", metafile: true, logLevel: "silent" });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.endsWith("src/model/paragraphs.ts"))).toBe(true);
    expect(inputs.filter((input) => input.includes("(disabled)") || input.startsWith("node:"))).toEqual([]);
  });
});

/** Every module a command loads, recorded by tests/helpers/record-loads.mjs. */
async function modulesLoadedBy(script: string, args: string[]): Promise<string[]> {
  const record = path.join(await tempDir(), "loads.txt");
  const result = spawnSync(process.execPath, ["--import", "tsx", "--import", "./tests/helpers/record-loads.mjs", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, QIAO_RECORD_LOADS: record },
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(record, "utf8").split("\n").filter(Boolean);
}

const HEAVY = /\/node_modules\/(?:sharp|@img\/sharp[^/]*|@11ty\/eleventy-img|pagefind|@pagefind\/[^/]+)\//;

describe("the editor's commands stay light", () => {
  it("npm run check loads neither sharp, eleventy-img nor pagefind", async () => {
    const loaded = await modulesLoadedBy("scripts/check.ts", []);
    expect(loaded.some((url) => url.includes("/src/model/load-articles.ts"))).toBe(true); // the recorder saw the command's own modules
    expect(loaded.filter((url) => HEAVY.test(url))).toEqual([]);
  });

  it("npm run new loads neither sharp, eleventy-img nor pagefind", async () => {
    const dir = await tempDir();
    const loaded = await modulesLoadedBy("scripts/new.ts", ["--column", "news", "--dir", dir, "A light command"]);
    expect(loaded.some((url) => url.includes("/src/editor/scaffold.ts"))).toBe(true);
    expect(loaded.filter((url) => HEAVY.test(url))).toEqual([]);
  });

  it("npm run due, which every scheduled CI run starts with, loads neither Eleventy, sharp, eleventy-img nor pagefind", async () => {
    const loaded = await modulesLoadedBy("scripts/due.ts", ["--live", path.join(await tempDir(), "build-info.json")]);
    expect(loaded.some((url) => url.includes("/src/features/deploy/due.ts"))).toBe(true);
    expect(loaded.filter((url) => HEAVY.test(url) || url.includes("/node_modules/@11ty/eleventy/"))).toEqual([]);
  });

  it("the recorder does see the heavy modules when a build loads them", async () => {
    const out = path.join(await tempDir(), "site");
    const loaded = await modulesLoadedBy("scripts/build.ts", ["--out", out]);
    expect(loaded.some((url) => HEAVY.test(url))).toBe(true);
  });
});
