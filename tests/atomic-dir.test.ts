// A build or a folder deploy replaces a whole folder: readers get the old site or the new
// one, and a failure leaves the old one as it was.

import { mkdir, readFile, readdir, readlink, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { replaceDirAtomically } from "../src/files/atomic-dir.ts";
import { tempDir } from "./helpers/build.ts";

const write = (file: string) => (dir: string) => writeFile(path.join(dir, "index.html"), file);
const fail = async () => {
  throw new Error("the build broke");
};

describe("replacing a plain folder", () => {
  it("puts the new contents in place and leaves no temporary folder behind", async () => {
    const root = await tempDir();
    const target = path.join(root, "_site");
    await replaceDirAtomically(target, write("first"));
    await replaceDirAtomically(target, write("second"));
    expect(await readFile(path.join(target, "index.html"), "utf8")).toBe("second");
    expect(await readdir(root)).toEqual(["_site"]);
  });

  it("keeps the old folder, byte for byte, when filling the new one fails", async () => {
    const root = await tempDir();
    const target = path.join(root, "_site");
    await replaceDirAtomically(target, write("good"));
    await expect(replaceDirAtomically(target, fail)).rejects.toThrow("the build broke");
    expect(await readFile(path.join(target, "index.html"), "utf8")).toBe("good");
    expect(await readdir(root)).toEqual(["_site"]);
  });

  it("reports why filling failed even while work the failure left running still writes into the new folder", async () => {
    const root = await tempDir();
    let writing = true;
    const straggler = async (dir: string) => {
      // Like an image encoder or a copy the failed render started: it goes on writing.
      for (let i = 0; writing; i++) {
        await mkdir(path.join(dir, "assets"), { recursive: true }).catch(() => {});
        await writeFile(path.join(dir, "assets", `late-${i}.css`), "p{}").catch(() => {});
      }
    };
    const failing = async (dir: string) => {
      void straggler(dir);
      await new Promise((r) => setTimeout(r, 20));
      throw new Error("the build broke");
    };
    try {
      await expect(replaceDirAtomically(path.join(root, "_site"), failing)).rejects.toThrow("the build broke");
    } finally {
      writing = false;
    }
  });
});

/** A document root as a symlink: `current -> releases/first`. */
async function linkedRelease(): Promise<{ root: string; link: string }> {
  const root = await tempDir();
  await mkdir(path.join(root, "releases", "first"), { recursive: true });
  await writeFile(path.join(root, "releases", "first", "index.html"), "first");
  const link = path.join(root, "current");
  await symlink(path.join("releases", "first"), link);
  return { root, link };
}

describe("replacing a folder behind a symlink (a server's document root)", () => {
  it("swaps the link in one rename to a new folder and deletes the old one", async () => {
    const { root, link } = await linkedRelease();
    await replaceDirAtomically(link, write("second"));
    expect(await readFile(path.join(link, "index.html"), "utf8")).toBe("second");
    const points = await readlink(link);
    expect(points).not.toBe(path.join("releases", "first"));
    expect(await readdir(path.join(root, "releases"))).toEqual([path.basename(points)]);
    expect((await readdir(root)).sort()).toEqual(["current", "releases"]);
  });

  it("leaves the link and its folder alone when filling fails", async () => {
    const { root, link } = await linkedRelease();
    await expect(replaceDirAtomically(link, fail)).rejects.toThrow("the build broke");
    expect(await readlink(link)).toBe(path.join("releases", "first"));
    expect(await readdir(path.join(root, "releases"))).toEqual(["first"]);
  });
});
