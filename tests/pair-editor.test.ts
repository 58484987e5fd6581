// The pair editor in real Chromium, on a page of its own (tests/helpers/pair-editor-page.ts,
// bundled here with esbuild; no CMS): typing in both languages, Chinese input methods, the
// row tools, paste to align and the warnings beside the rows, each checked on the article
// file a save would write.

import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/browser.ts";
import { launchChromium } from "./helpers/chromium.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const FRONT = "---\ntitle:\n  en: A bridge opens\n  zh: 大桥通车\ncolumn: news\ndate: 2026-12-01 10:00:00\n---\n";
const PAIR = "\nThe bridge opened on Friday. About 3,000 people crossed it.\n\n大桥周五通车。约3000人走过大桥。\n";

let browser: Browser;
let html: string;

beforeAll(async () => {
  const bundle = await build({ entryPoints: [path.join(ROOT, "tests/helpers/pair-editor-page.ts")], bundle: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
  const css = readFileSync(path.join(ROOT, "src/editor/pairs/pair-editor.css"), "utf8");
  html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pair editor</title><style>${css}</style></head><body><main><h1>Body</h1><div id="host"></div></main><script type="module">${bundle.outputFiles[0]!.text}</script></body></html>`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A page with the editor on `file`'s body. */
async function open(file: string, context: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }): Promise<Page> {
  const page = await (await browser.newContext(context)).newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.setContent(html);
  await page.evaluate((text) => window.startEditor(text), file);
  expect(errors).toEqual([]);
  return page;
}

const fileText = (page: Page) => page.evaluate(() => window.file);
const changeCount = (page: Page) => page.evaluate(() => window.changes.length);
const row = (page: Page, n: number) => page.locator(".pair-row").nth(n);
const text = (page: Page, n: number, lang: "en" | "zh") => row(page, n).locator(`textarea[lang="${lang === "en" ? "en" : "zh-CN"}"]`);
const tool = (page: Page, n: number, name: RegExp) => row(page, n).getByRole("button", { name });

async function caret(area: Locator): Promise<number> {
  return area.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
}

describe("typing", () => {
  it("English typed in a new row is reported as the body, and the file a save writes holds it", async () => {
    const page = await open(`${FRONT}\n`);
    await page.getByRole("button", { name: "Add a row" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("lang"))).toBe("en");
    await page.keyboard.type("The bridge opened.");
    expect(await fileText(page)).toBe(`${FRONT}\nThe bridge opened.\n`);
    // One change a character, but for the two spaces: a space ending a paragraph is not in
    // the file (the model trims it) until the next word follows it.
    expect(await changeCount(page)).toBe("The bridge opened.".length - 2);
    await page.context().close();
  });

  it("Chinese inserted as an input method commits it (insertText) pairs with the English beside it", async () => {
    const page = await open(`${FRONT}\nThe bridge opened.\n`);
    await text(page, 0, "zh").click();
    await page.keyboard.insertText("大桥通车了。");
    expect(await fileText(page)).toBe(`${FRONT}\nThe bridge opened.\n\n大桥通车了。\n`);
    await page.context().close();
  });

  it("nothing is committed mid-composition: pinyin shown while composing never reaches the body, the caret stays where the input method put it", async () => {
    const page = await open(`${FRONT}\nThe bridge opened.\n\n大桥。\n`);
    const area = text(page, 0, "zh");
    await area.click();
    await area.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(2, 2));
    const before = await changeCount(page);
    // What an input method does: compositionstart, the pinyin growing in the text, then the
    // chosen characters in its place and compositionend.
    const seen = await area.evaluate((el: HTMLTextAreaElement) => {
      const counts: number[] = [];
      const put = (composing: string, inputType: string) => {
        el.value = `大桥${composing}。`;
        el.setSelectionRange(2 + composing.length, 2 + composing.length);
        el.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, inputType, data: composing }));
        counts.push(window.changes.length);
      };
      el.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
      for (const pinyin of ["t", "to", "ton", "tong", "tong c", "tong ch", "tong che"]) {
        el.dispatchEvent(new CompositionEvent("compositionupdate", { bubbles: true, data: pinyin }));
        put(pinyin, "insertCompositionText");
      }
      put("通车", "insertCompositionText");
      const during = { counts, value: el.value, caret: el.selectionStart, focused: document.activeElement === el };
      el.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "通车" }));
      return { ...during, after: window.changes.length, caretAfter: el.selectionStart, valueAfter: el.value };
    });
    expect(seen.counts).toEqual(Array(8).fill(before));
    expect(seen).toMatchObject({ value: "大桥通车。", caret: 4, focused: true, after: before + 1, caretAfter: 4, valueAfter: "大桥通车。" });
    expect(await fileText(page)).toBe(`${FRONT}\nThe bridge opened.\n\n大桥通车。\n`);
    await page.context().close();
  });

  it("Chromium's own input method path (composition through DevTools) commits once, at the end", async () => {
    const page = await open(`${FRONT}\nThe bridge opened.\n`);
    await text(page, 0, "zh").click();
    const cdp = await page.context().newCDPSession(page);
    for (const pinyin of ["da", "daqiao", "大桥"]) {
      await cdp.send("Input.imeSetComposition", { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
      expect(await changeCount(page)).toBe(0);
      expect(await text(page, 0, "zh").inputValue()).toBe(pinyin);
    }
    await cdp.send("Input.insertText", { text: "大桥" });
    expect(await changeCount(page)).toBe(1);
    expect(await fileText(page)).toBe(`${FRONT}\nThe bridge opened.\n\n大桥\n`);
    expect(await caret(text(page, 0, "zh"))).toBe(2);
    await page.context().close();
  });

  it("the caret never jumps: typing in the middle of a paragraph, it moves one character a key, as the warnings beside the rows change", async () => {
    const page = await open(`${FRONT}${PAIR}`);
    const area = text(page, 0, "en");
    await area.click();
    await area.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(10, 10));
    for (const [i, key] of [..." new"].entries()) {
      await page.keyboard.type(key);
      expect(await caret(area)).toBe(11 + i);
    }
    expect(await fileText(page)).toBe(`${FRONT}\nThe bridge new opened on Friday. About 3,000 people crossed it.\n\n大桥周五通车。约3000人走过大桥。\n`);
    await page.context().close();
  });
});

describe("the row tools", () => {
  it("split at each side's cursor, then merge back: the file is as it was, byte for byte", async () => {
    const page = await open(`${FRONT}${PAIR}`);
    await text(page, 0, "en").click();
    await text(page, 0, "en").evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(28, 28));
    await text(page, 0, "zh").click();
    await text(page, 0, "zh").evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7));
    await tool(page, 0, /^Split the row at the cursor/).click();
    expect(await fileText(page)).toBe(`${FRONT}\nThe bridge opened on Friday.\n\n大桥周五通车。\n\nAbout 3,000 people crossed it.\n\n约3000人走过大桥。\n`);
    expect(await page.locator(".pair-row").count()).toBe(2);
    await tool(page, 0, /^Merge with the row below/).click();
    expect(await fileText(page)).toBe(`${FRONT}${PAIR}`);
    await page.context().close();
  });

  it("move a row down and up, mark a pair as standing alone, a row as a caption, then as a subhead: each writes what the model needs", async () => {
    const page = await open(`${FRONT}\nFirst.\n\n第一。\n\nSecond.\n\n第二。\n`);
    await tool(page, 0, /^Move the row down/).click();
    expect(await fileText(page)).toBe(`${FRONT}\nSecond.\n\n第二。\n\nFirst.\n\n第一。\n`);
    // Focus follows the row it moved.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".pair-row") === document.querySelectorAll(".pair-row")[1])).toBe(true);
    await tool(page, 1, /^Move the row up/).click();
    expect(await fileText(page)).toBe(`${FRONT}\nFirst.\n\n第一。\n\nSecond.\n\n第二。\n`);
    await tool(page, 0, /^Stands alone/).click();
    expect(await fileText(page)).toBe(`${FRONT}\nFirst.\n\n{solo} 第一。\n\nSecond.\n\n第二。\n`);
    expect(await page.locator(".pair-row").count()).toBe(3);
    await expect.poll(() => tool(page, 1, /^Stands alone/).getAttribute("aria-pressed")).toBe("true");
    await tool(page, 2, /^Caption/).click();
    expect(await fileText(page)).toBe(`${FRONT}\nFirst.\n\n{solo} 第一。\n\n{caption} Second.\n\n{caption} 第二。\n`);
    expect(await tool(page, 2, /^Caption/).getAttribute("aria-pressed")).toBe("true");
    await tool(page, 2, /^Subhead/).click();
    expect(await fileText(page)).toBe(`${FRONT}\nFirst.\n\n{solo} 第一。\n\n## Second.\n\n## 第二。\n`);
    expect([await tool(page, 2, /^Subhead/).getAttribute("aria-pressed"), await tool(page, 2, /^Caption/).getAttribute("aria-pressed")]).toEqual(["true", "false"]);
    expect(await text(page, 2, "en").inputValue()).toBe("Second.");
    await page.context().close();
  });

  it("is usable from the keyboard: one tab stop per toolbar, arrow keys along it, Enter to use a tool", async () => {
    const page = await open(`${FRONT}\nFirst.\n\n第一。\n\nSecond.\n\n第二。\n`);
    await text(page, 0, "zh").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Add a row below · 在下方添加一行");
    for (const name of ["Split the row at the cursor · 在光标处拆分此行", "Merge with the row below · 与下一行合并", "Move the row down · 下移此行"]) {
      await page.keyboard.press("ArrowRight");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(name);
    }
    await page.keyboard.press("Enter");
    expect(await fileText(page)).toBe(`${FRONT}\nSecond.\n\n第二。\n\nFirst.\n\n第一。\n`);
    // Focus went with the row; at the bottom it cannot move down again, so it rests on the
    // toolbar's first tool.
    expect(await page.evaluate(() => [document.activeElement?.getAttribute("aria-label"), document.activeElement?.closest("[role=toolbar]")?.getAttribute("aria-label")])).toEqual([
      "Add a row below · 在下方添加一行",
      "Row 2 · 第 2 行",
    ]);
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Chinese, row 2 · 第 2 行中文");
    await page.context().close();
  });
});

describe("paste to align", () => {
  it("aligns a whole English text and a whole Chinese text into rows, the unsure ones marked", async () => {
    const page = await open(`${FRONT}\n`);
    await page.getByRole("button", { name: "Paste two texts to align" }).click();
    const english = [
      "The new bridge over the Jialu River opened on Friday after two years of work.",
      "The city also opened a park.",
      "The city also opened a library.",
      "About 3,000 people crossed the bridge on its first day, many of them on bicycles.",
    ].join("\n\n");
    const chinese = ["横跨贾鲁河的新桥经过两年施工，于周五通车。", "市里还开放了一处新场馆。", "通车首日约有3000人走过大桥，其中很多人骑自行车。"].join("\n");
    await page.getByRole("textbox", { name: /^The whole English text/ }).fill(english);
    await page.getByRole("textbox", { name: /^The whole Chinese text/ }).fill(chinese);
    await page.getByRole("button", { name: /^Align/ }).click();
    expect(await fileText(page)).toBe(
      `${FRONT}\nThe new bridge over the Jialu River opened on Friday after two years of work.\n\n横跨贾鲁河的新桥经过两年施工，于周五通车。\n\nThe city also opened a park.\n\nThe city also opened a library.\n\n市里还开放了一处新场馆。\n\nAbout 3,000 people crossed the bridge on its first day, many of them on bicycles.\n\n通车首日约有3000人走过大桥，其中很多人骑自行车。\n`,
    );
    const unsure = await page.locator(".pair-row").evaluateAll((rows) => rows.map((r) => r.classList.contains("pair-row--unsure")));
    expect(unsure).toEqual([false, true, true, false]);
    await expect.poll(() => row(page, 1).locator(".pair-note--unsure").textContent()).toContain("Paste to align was unsure of this pair");
    expect(await page.getByRole("status").textContent()).toBe("4 rows aligned, 2 to check. · 已对齐 4 行，其中 2 行需要核对。");
    // Editing an unsure row is checking it: the mark goes.
    await text(page, 1, "en").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" ");
    await expect.poll(() => row(page, 1).evaluate((r) => r.classList.contains("pair-row--unsure"))).toBe(false);
    await page.context().close();
  });
});

describe("warnings beside the rows", () => {
  it("a Chinese paragraph typed with no English partner shows the check's warning beside its row, and only there, as it is typed", async () => {
    const page = await open(`${FRONT}${PAIR}`);
    await tool(page, 0, /^Add a row below/).click();
    await text(page, 1, "zh").click();
    await page.keyboard.insertText("沿线还新设了6处自行车维修点。");
    await expect.poll(() => row(page, 1).locator(".pair-note").textContent()).toBe(
      "this Chinese paragraph follows Chinese text: did its English partner go missing? Start it with {solo} if it stands alone on purpose",
    );
    expect(await row(page, 0).locator(".pair-note").count()).toBe(0);
    // Marking it as standing alone on purpose answers the warning.
    await tool(page, 1, /^Stands alone/).click();
    await expect.poll(() => page.locator(".pair-note").count()).toBe(0);
    expect(await fileText(page)).toBe(`${FRONT}${PAIR}\n{solo} 沿线还新设了6处自行车维修点。\n`);
    await page.context().close();
  });
});

describe("the handle the CMS holds", () => {
  it("setValue ignores a value the editor reported (the CMS echoing it, late), and shows a new one, even in the textarea being typed in", async () => {
    const page = await open(`${FRONT}${PAIR}`);
    const area = text(page, 0, "en");
    await area.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Yes");
    await page.evaluate(() => window.editor.setValue(window.changes[0]!));
    expect(await area.inputValue()).toBe("The bridge opened on Friday. About 3,000 people crossed it. Yes");
    expect(await caret(area)).toBe(63);
    await page.evaluate(() => window.editor.setValue("\nOnly English.\n"));
    expect(await page.locator(".pair-row").count()).toBe(1);
    expect(await text(page, 0, "en").inputValue()).toBe("Only English.");
    await page.context().close();
  });
});

describe("on a laptop and a tablet", () => {
  it("has no accessibility violation (axe), with warnings and the paste dialog open", async () => {
    const page = await open(readFileSync(path.join(ROOT, "articles/2026-11-27-jialu-river-cycle-lane.md"), "utf8"));
    expect(await page.locator(".pair-note").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Paste two texts to align" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("on a tablet held upright, the two languages stay side by side, nothing overflows, every tool is a finger's size", async () => {
    const page = await open(`${FRONT}${PAIR}`, { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true });
    const [en, zh] = [await text(page, 0, "en").boundingBox(), await text(page, 0, "zh").boundingBox()];
    expect(Math.abs(en!.y - zh!.y)).toBeLessThan(2);
    expect(zh!.x).toBeGreaterThan(en!.x + en!.width - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    const sizes = await row(page, 0).locator(".pair-tool").evaluateAll((tools) => tools.map((t) => Math.min(t.getBoundingClientRect().width, t.getBoundingClientRect().height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
    await page.context().close();
  });
});
