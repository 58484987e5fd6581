// The site's two languages and the code each one goes by in every place that names it: the
// HTML `lang` attribute, the search index, Open Graph and feeds.

export type Lang = "en" | "zh";

export const LANGS: readonly Lang[] = ["en", "zh"];

/** The value of the HTML `lang` attribute (and of `xml:lang`, `hreflang`, JSON-LD's inLanguage). */
export const HTML_LANG: Record<Lang, string> = { en: "en", zh: "zh-CN" };

/** Pagefind's language of each index: `zh-cn` makes it segment Chinese into words. */
export const SEARCH_LANG: Record<Lang, string> = { en: "en", zh: "zh-cn" };

/** Open Graph locales. */
export const OG_LOCALE: Record<Lang, string> = { en: "en_US", zh: "zh_CN" };
