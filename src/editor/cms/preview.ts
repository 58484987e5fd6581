// The CMS's preview pane: the article as its page draws it (_includes/pages/article.njk), with
// the site's own stylesheet, the model's own paragraphs, pairing and renderer
// (src/model/paragraphs.ts, markdown.ts), untranslated paragraphs marked as the page marks
// them (src/site/untranslated.ts), and the reading mode's three choices: English, 中文, Both.

import { Component, createElement as h, type ReactNode } from "react";
import type { Map as ImmutableMap } from "immutable";
import type { Column } from "../../config/site.ts";
import ui, { bothLanguages } from "../../config/ui.ts";
import { beijingDisplay, beijingIso, parseBeijingDate } from "../../model/dates.ts";
import { htmlLangOf } from "../../model/lang.ts";
import { renderParagraph } from "../../model/markdown.ts";
import { pairParagraphs, readParagraphs } from "../../model/paragraphs.ts";
import { bilingualHtml, type Bilingual } from "../../site/bilingual.ts";
import { markUntranslated, oneLanguageOf, type PageBlock } from "../../site/untranslated.ts";
import { prefixedPath } from "../../site/urls.ts";
import type { EntryData } from "./article-format.ts";

type Mode = "en" | "zh" | "both";
const MODES: { mode: Mode; label: string; lang?: string }[] = [
  { mode: "en", label: ui.en.modeEnglish, lang: "en" },
  { mode: "zh", label: ui.zh.modeChinese, lang: "zh-CN" },
  { mode: "both", label: bothLanguages("modeBoth") },
];

/** The body's blocks as the article page draws them, its pictures and links under the path
 *  prefix as the build puts them (markdown-it writes every attribute in double quotes), and
 *  the article's class: one column for an article in one language, as on its page. */
function pageBody(body: string, pathPrefix: string): { blocks: PageBlock[]; className: string } {
  const html = (p: Parameters<typeof renderParagraph>[0]) => renderParagraph(p).replace(/ (src|href)="(\/[^"]*)"/g, (_, attr: string, url: string) => ` ${attr}="${prefixedPath(url, pathPrefix)}"`);
  const paragraphs = readParagraphs(body).paragraphs.map((p) => ({ ...p, html: html(p) }));
  const one = oneLanguageOf(paragraphs);
  return { blocks: markUntranslated(pairParagraphs(paragraphs)), className: one ? `article one-language one-language-${one}` : "article bilingual" };
}

const html = (markup: string, tag = "span", props: Record<string, unknown> = {}) => h(tag, { ...props, dangerouslySetInnerHTML: { __html: markup } });
const both = (pair: Bilingual | undefined, className?: string) => html(bilingualHtml(pair, className));

function blockElement(block: PageBlock, index: number): ReactNode {
  if (block.kind === "pair") return html(block.en.html + block.zh.html, "div", { key: index, className: `pair${block.en.kind === "subhead" ? " subhead" : ""}` });
  const key = block.only === "en" ? "onlyEnglish" : "onlyChinese";
  const note = block.only ? `<p class="lang-note">${bilingualHtml({ en: ui.en[key], zh: ui.zh[key] })}</p>` : "";
  const className = `single${block.only ? ` only-${block.only}` : ""}${block.paragraph.kind === "subhead" ? " subhead" : ""}`;
  return html(note + block.paragraph.html, "div", { key: index, className });
}

interface PreviewProps {
  entry: ImmutableMap<string, unknown>;
  document: Document;
  getAsset(path: string): { toString(): string } | undefined;
}

/** The preview template, given the columns' names, the folder defaults and the site's path
 *  prefix. */
export function articlePreview({ columns, defaults, pathPrefix }: { columns: Record<string, Column>; defaults: Record<string, unknown>; pathPrefix: string }) {
  return class ArticlePreview extends Component<PreviewProps, { mode: Mode }> {
    state = { mode: "both" as Mode };

    componentDidMount() {
      this.applyMode();
    }

    componentDidUpdate() {
      this.applyMode();
    }

    /** The stylesheet reads the mode from <html>, as on the site (assets/reading-mode.js). */
    applyMode() {
      this.props.document.documentElement.setAttribute("data-reading", this.state.mode);
    }

    render(): ReactNode {
      const data = ((this.props.entry.get("data") as ImmutableMap<string, unknown> | undefined)?.toJS() ?? {}) as EntryData;
      const date = parseBeijingDate(data.date ?? "");
      const source = data.source || (typeof defaults.source === "string" ? defaults.source : "");
      const column = columns[data.column ?? ""];
      const image = data.image?.src ? data.image : undefined;
      const body = pageBody(data.body ?? "", pathPrefix);
      return h(
        "div",
        null,
        h(
          "div",
          { className: "reading-mode", role: "group", "aria-label": bothLanguages("readingMode") },
          MODES.map(({ mode, label, lang }) =>
            h("button", { key: mode, type: "button", lang, "aria-pressed": String(this.state.mode === mode), onClick: () => this.setState({ mode }) }, label),
          ),
        ),
        h(
          "article",
          { className: body.className },
          h(
            "header",
            { className: "article-header" },
            h("p", { className: "article-column" }, column ? both(column) : null, data.draft ? h("span", { className: "badge badge-draft" }, " ", both({ en: ui.en.draft, zh: ui.zh.draft })) : null),
            h(
              "h1",
              { className: "headline" },
              data.kicker ? h("span", { className: "kicker", lang: htmlLangOf(data.kicker) }, data.kicker) : null,
              data.kicker ? h("span", { className: "sep", "aria-hidden": "true" }, "丨") : null,
              both(data.title, "title"),
            ),
            h(
              "p",
              { className: "byline" },
              h("span", { className: "source", lang: htmlLangOf(source) }, source),
              date instanceof Date ? h("time", { dateTime: beijingIso(date) }, ` ${beijingDisplay(date)}`) : null,
            ),
          ),
          image
            ? h(
                "figure",
                { className: "lead-image" },
                h("img", { src: prefixedPath(String(this.props.getAsset(image.src) ?? image.src), pathPrefix), alt: image.alt }),
                image.caption ? h("figcaption", { lang: htmlLangOf(image.caption) }, image.caption) : null,
              )
            : null,
          h("div", { className: "article-body" }, body.blocks.map(blockElement)),
          data.credits ? h("p", { className: "credits", lang: htmlLangOf(data.credits) }, data.credits) : null,
        ),
      );
    }
  };
}
