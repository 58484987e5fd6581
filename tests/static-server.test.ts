// The browser tests' static server behaves like a static host: folders serve index.html,
// files carry their content type, missing paths get /404.html with status 404.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers/build.ts";
import { serveFolder, type StaticServer } from "./helpers/static-server.ts";

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
  return dir;
}

describe("the static test server", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveFolder(
      await folder({
        "index.html": "home",
        "新闻/index.html": "news",
        "pagefind/wasm.en.pagefind": "index",
        "pagefind/pagefind.wasm": "wasm",
        "404.html": "not here",
      }),
    );
  });
  afterAll(() => server?.close());

  const get = (p: string) => fetch(server.url + p, { redirect: "manual" });

  it("listens on 127.0.0.1 at a port of its own", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves index.html for a folder, and sends a folder without its slash to it", async () => {
    const home = await get("/");
    expect([home.status, home.headers.get("content-type"), await home.text()]).toEqual([200, "text/html; charset=utf-8", "home"]);
    expect(await (await get("/%E6%96%B0%E9%97%BB/")).text()).toBe("news");
    const redirect = await get("/%E6%96%B0%E9%97%BB");
    expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/%E6%96%B0%E9%97%BB/"]);
  });

  it("gives WebAssembly and Pagefind files their content types", async () => {
    expect((await get("/pagefind/pagefind.wasm")).headers.get("content-type")).toBe("application/wasm");
    expect((await get("/pagefind/wasm.en.pagefind")).headers.get("content-type")).toBe("application/octet-stream");
  });

  it("answers a missing path with /404.html and status 404, and never leaves its folder", async () => {
    const missing = await get("/nowhere/");
    expect([missing.status, await missing.text()]).toEqual([404, "not here"]);
    expect((await get("/..%2F..%2F..%2Fetc%2Fpasswd")).status).toBe(403);
  });

  it("answers a plain 404 when the site has no 404 page", async () => {
    const bare = await serveFolder(await folder({ "index.html": "home" }));
    const missing = await fetch(`${bare.url}/nowhere`);
    await bare.close();
    expect([missing.status, await missing.text()]).toEqual([404, "Not found"]);
  });
});
