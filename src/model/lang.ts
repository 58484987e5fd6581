// The `lang` attribute for short one-line fields (source, kicker, credits) whose language
// is not given, decided by the same script rule as paragraphs.

import { HTML_LANG } from "../config/languages.ts";
import { detectLanguage } from "./paragraphs.ts";

export function htmlLangOf(text: string): string {
  return HTML_LANG[detectLanguage(text) ?? "en"];
}
