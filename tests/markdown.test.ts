import { describe, expect, it } from "vitest";
import { renderParagraph } from "../src/model/markdown.ts";

describe("a paragraph becomes HTML", () => {
  it("puts the paragraph's lang on its element", () => {
    expect(renderParagraph({ text: "你好 *郑州*", lang: "zh" })).toBe('<p lang="zh-CN">你好 <em>郑州</em></p>\n');
  });
  it("turns an image with a title into a figure with a caption", () => {
    expect(renderParagraph({ text: '![Donors at the station](/assets/a.jpg "Donors, June 14")', lang: "en" })).toBe(
      '<figure lang="en"><img src="/assets/a.jpg" alt="Donors at the station" loading="lazy" decoding="async"><figcaption>Donors, June 14</figcaption></figure>\n',
    );
  });
  it("keeps links and refuses javascript: targets", () => {
    const html = renderParagraph({ text: "[ok](https://example.org) [bad](javascript:alert(1))", lang: "en" });
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });
  it("refuses data: link targets, pictures included, leaving the Markdown as text", () => {
    const html = renderParagraph({ text: "[a](data:text/html,<b>x</b>) [b](DATA:image/png;base64,iVBORw0KGgo=)", lang: "en" });
    expect(html).not.toMatch(/href=/);
    expect(html).toContain("[b](DATA:image/png;base64,iVBORw0KGgo=)");
  });
  it("escapes raw HTML instead of passing it through", () => {
    const html = renderParagraph({ text: '<script>alert(1)</script><img src=x onerror="alert(1)">', lang: "en" });
    expect(html).not.toMatch(/<script|<img/);
  });
  it("wraps multi-block Markdown in one element carrying lang", () => {
    expect(renderParagraph({ text: "Intro:\n\n- one", lang: "en" })).toMatch(/^<div lang="en">/);
  });
});
