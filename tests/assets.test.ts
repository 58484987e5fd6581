// The stylesheet and scripts as browsers get them (src/site/assets.ts): a long-running
// preview builds them once and reuses them while nothing they are made of changes, and a
// change to any file they are made of, a module a script imports from a sub-folder
// included, gives the asset a new name.

import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteAssets } from "../src/site/assets.ts";
import { tempDir } from "./helpers/build.ts";

describe("the site's assets", () => {
  it("are reused while nothing they are made of changes, and renamed when an imported module does", async () => {
    const project = await tempDir();
    cpSync("assets", path.join(project, "assets"), { recursive: true, filter: (file) => !file.includes("images") });
    // The scripts import packages (the search page's stemmer) as they do in the project.
    symlinkSync(path.resolve("node_modules"), path.join(project, "node_modules"));
    const search = path.join(project, "assets/search.js");
    mkdirSync(path.join(project, "assets/lib"));
    const helper = path.join(project, "assets/lib/helper.js");
    writeFileSync(helper, 'globalThis.qiaoHelper = "first";\n');
    writeFileSync(search, `import "./lib/helper.js";\n${readFileSync(search, "utf8")}`);

    const first = await siteAssets(project);
    expect(await siteAssets(project)).toBe(first);
    const script = (assets: typeof first) => new TextDecoder().decode(assets.files.get(assets.urls["search.js"]));
    expect(script(first)).toContain('"first"');

    writeFileSync(helper, 'globalThis.qiaoHelper = "second";\n');
    const second = await siteAssets(project);
    expect(second.urls["search.js"]).not.toBe(first.urls["search.js"]);
    expect(script(second)).toContain('"second"');
    // The other assets import nothing that changed: their names hold.
    expect(second.urls["site.css"]).toBe(first.urls["site.css"]);
    expect(second.urls["search-worker.js"]).toBe(first.urls["search-worker.js"]);
  });
});
