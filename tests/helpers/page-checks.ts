// Checks every built page must pass, shared by the sample site's gates and the hostile
// fixture's: valid HTML, a Content-Security-Policy, and nothing that runs or styles inline.

import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import type { Doc } from "./html.ts";

// The project's own config, loaded explicitly: a site built into /tmp has no
// .htmlvalidate.json above it for html-validate to find.
const validator = new HtmlValidate(
  new StaticConfigLoader(JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.htmlvalidate.json"), "utf8")) as ConfigData),
);

/** html-validate's findings for one page file, as "line:col rule message" (empty: valid). */
export async function htmlProblems(file: string): Promise<string[]> {
  const report = await validator.validateString(readFileSync(file, "utf8"), file);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

/** The directives of the page's meta Content-Security-Policy, or undefined without one. */
export function contentSecurityPolicy(doc: Doc): Map<string, string[]> | undefined {
  const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  if (!meta) return undefined;
  const directives = (meta.getAttribute("content") ?? "").split(";").map((d) => d.trim().split(/\s+/));
  return new Map(directives.filter(([name]) => name).map(([name, ...sources]) => [name!.toLowerCase(), sources]));
}

// Script blocks that hold data, never run: JSON and JSON-LD.
const DATA_SCRIPT = /^application\/(?:ld\+)?json$/i;
// Browsers ignore tabs, newlines and leading control characters before a URL's scheme.
const UNSAFE_URL = /^javascript:|^vbscript:|^data:/i;
const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href"];

/**
 * Everything on a page that could run script or style outside the site's own files: inline
 * scripts, scripts from elsewhere, event-handler attributes, style attributes and elements,
 * and javascript:, vbscript: or data: URLs. A page passes with an empty list.
 */
export function inlineCodeProblems(doc: Doc): string[] {
  const problems: string[] = [];
  for (const script of doc.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    const type = script.getAttribute("type") ?? "";
    if (src === null && !DATA_SCRIPT.test(type)) problems.push(`inline <script>: ${script.textContent?.slice(0, 60)}`);
    if (src !== null && !/^\/(?!\/)/.test(src)) problems.push(`<script src="${src}"> is not one of the site's own files`);
  }
  for (const style of doc.querySelectorAll("style")) problems.push(`<style> element: ${style.textContent?.slice(0, 60)}`);
  for (const element of doc.querySelectorAll("*")) {
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name)) problems.push(`<${element.localName} ${name}="${value}">`);
      if (name.toLowerCase() === "style") problems.push(`<${element.localName} style="${value}">`);
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && UNSAFE_URL.test(value.replace(/[\u0000-\u0020]/g, ""))) {
        problems.push(`<${element.localName} ${name}="${value}">`);
      }
    }
  }
  return problems;
}
