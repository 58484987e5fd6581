// Where a paragraph becomes HTML, and what its Markdown makes it. Each paragraph is rendered
// on its own so that the element it becomes carries the paragraph's `lang`; a paragraph that
// is only an image becomes a <figure> with its title as the caption; one `## ` heading, a
// subhead (an <h2>, under the page's <h1> headline); a `{caption}` paragraph carries
// class="caption".
//
// Raw HTML is off: article text can never inject markup or script. markdown-it refuses
// `javascript:`, `vbscript:` and `file:` link targets, and `data:` ones except images; we
// refuse every `data:` link too (see validateLink below).

import MarkdownIt, { type Token } from "markdown-it";
import { HTML_LANG, type Lang } from "../config/languages.ts";

/** What a paragraph is: body text, a photo caption or credit (the `{caption}` directive of
 *  paragraphs.ts), a subhead or a figure (what its Markdown makes it, below). */
export type ParagraphKind = "text" | "caption" | "subhead" | "figure";

// No linkify: scanning every paragraph of the archive for bare URLs costs more than the rest
// of the Markdown work together. Editors write [text](https://...) or <https://...>.
const md = MarkdownIt({ html: false, linkify: false, typographer: false });

// A data: URL is a whole document or picture packed into the link: never what an article
// means to link to, and a way round the site's Content-Security-Policy checks.
const defaultValidateLink = md.validateLink.bind(md);
md.validateLink = (url) => !/^data:/i.test(url.trim()) && defaultValidateLink(url);

const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet("loading", "lazy");
  token.attrSet("decoding", "async");
  return defaultImage(tokens, idx, options, env, self);
};

export interface Figure {
  src: string;
  alt: string;
  caption: string;
}

/** The image of a paragraph that holds nothing but one image, else null. */
function figureIn(tokens: Token[]): Figure | null {
  if (tokens.length !== 3 || tokens[1]!.type !== "inline") return null;
  const children = (tokens[1]!.children ?? []).filter(
    (t) => !(t.type === "text" && t.content.trim() === "") && t.type !== "softbreak",
  );
  const image = children[0];
  if (children.length !== 1 || image?.type !== "image") return null;
  const src = String(image.attrGet("src") ?? "");
  if (!md.validateLink(src)) return null;
  return { src, alt: image.content, caption: String(image.attrGet("title") ?? "") };
}

/** The picture of a paragraph that is only an image, else null. */
export function figureOf(text: string): Figure | null {
  // Such a paragraph starts with its image: any other text never reaches markdown-it here.
  return text.startsWith("![") ? figureIn(md.parse(text, {})) : null;
}

/** One `##` heading with text, on its own. */
function isSubhead(tokens: Token[]): boolean {
  const [open, inline] = tokens;
  return tokens.length === 3 && open!.type === "heading_open" && open!.tag === "h2" && inline!.content.trim() !== "";
}

/** Whether a paragraph of text is drawn with a heading in it all the same: a `#` or `###`
 *  heading, a `##` line with text right under it, a line underlined with === or ---, a
 *  heading in a quote or a list. The
 *  page shows a heading that pairs and reads as body text: the editor meant a subhead. */
export function holdsHeading(text: string): boolean {
  return /#|^ {0,3}(?:=+|-+)[ \t]*$/m.test(text) && md.parse(text, {}).some((t) => t.type === "heading_open");
}

/** What the Markdown of a paragraph is: a figure, a subhead, or text. */
export function markdownKind(text: string): Exclude<ParagraphKind, "caption"> {
  if (figureOf(text)) return "figure";
  return text.startsWith("##") && isSubhead(md.parse(text, {})) ? "subhead" : "text";
}

const imgHtml = (figure: Figure) =>
  `<img src="${md.utils.escapeHtml(figure.src)}" alt="${md.utils.escapeHtml(figure.alt)}" loading="lazy" decoding="async">`;

/** A figure with its caption; `image` stands in for its <img> (the images feature gives a
 *  responsive <picture>). */
export function figureHtml(figure: Figure, lang: Lang, image = imgHtml(figure)): string {
  const caption = figure.caption ? `<figcaption>${md.utils.escapeHtml(figure.caption)}</figcaption>` : "";
  return `<figure lang="${HTML_LANG[lang]}">${image}${caption}</figure>\n`;
}

/** True when the tokens form one top-level block (a paragraph, a heading, a list...). */
function isSingleBlock(tokens: Token[]): boolean {
  const first = tokens[0];
  if (!first || first.nesting !== 1) return false;
  const closeAt = tokens.findIndex((t, i) => i > 0 && t.level === first.level && t.nesting === -1);
  return closeAt === tokens.length - 1;
}

// Text in which Markdown can mean nothing but a paragraph: no character that starts inline
// syntax or an entity (\ ` * _ [ ] < > & ~ | and the NUL markdown-it replaces), and no line
// that opens a block (a heading, a list item, a fence, a setext underline). Most paragraphs
// of a news archive are such plain prose; markdown-it would turn them into exactly
// `<p>` + escaped text + `</p>`, so they skip its parser (tests/markdown.test.ts compares).
const INLINE_SYNTAX = /[\\`*_[\]<>&~|\0]/;
// Also refused: white space at a line's start or end (indented code, hard breaks) and CR.
const BLOCK_START = /(?:^|\n)(?:#|[-+=]|\d{1,9}[.)]|[ \t])|[ \t](?:\n|$)|\r|^$/;

export function isPlainProse(text: string): boolean {
  return !INLINE_SYNTAX.test(text) && !BLOCK_START.test(text);
}

type Renderable = { text: string; lang: Lang; kind?: ParagraphKind };

/** Renders one paragraph to HTML whose outermost element carries the paragraph's `lang`
 *  (and, for a caption, class="caption"). */
export function renderParagraph(paragraph: Renderable): string {
  if (isPlainProse(paragraph.text)) {
    const caption = paragraph.kind === "caption" ? ' class="caption"' : "";
    return `<p lang="${HTML_LANG[paragraph.lang]}"${caption}>${md.utils.escapeHtml(paragraph.text)}</p>\n`;
  }
  return renderWithMarkdownIt(paragraph);
}

/** The same, always through markdown-it. */
export function renderWithMarkdownIt(paragraph: Renderable): string {
  const lang = HTML_LANG[paragraph.lang];
  const tokens = md.parse(paragraph.text, {});
  const figure = figureIn(tokens);
  if (figure) return figureHtml(figure, paragraph.lang);
  const caption = paragraph.kind === "caption" ? ' class="caption"' : "";
  if (isSingleBlock(tokens)) {
    tokens[0]!.attrSet("lang", lang);
    if (caption) tokens[0]!.attrSet("class", "caption");
    return md.renderer.render(tokens, md.options, {});
  }
  return `<div lang="${lang}"${caption}>\n${md.renderer.render(tokens, md.options, {})}</div>\n`;
}
