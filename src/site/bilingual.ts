// Text in both languages as the templates show it: each language in an element with its own
// `lang`, and, when both are there, a `.both` wrapper, the unit the reading mode switches
// between. A plain function (a template global), not a Nunjucks macro: a macro has to be
// imported into every page that uses it, and importing costs a render of its own per page.

import { HTML_LANG } from "../config/languages.ts";
import { escapeHtml as escape } from "../model/html-text.ts";

export interface Bilingual {
  en?: string;
  zh?: string;
}

export function bilingualHtml(pair: Bilingual | undefined, className = ""): string {
  const en = pair?.en;
  const zh = pair?.zh;
  const span = (lang: "en" | "zh", text: string, cls: string) => `<span lang="${HTML_LANG[lang]}"${cls ? ` class="${escape(cls)}"` : ""}>${escape(text)}</span>`;
  if (en && zh) return `<span class="both${className ? ` ${escape(className)}` : ""}">${span("en", en, "")} ${span("zh", zh, "")}</span>`;
  if (en) return span("en", en, className);
  if (zh) return span("zh", zh, className);
  return "";
}
