// Rendered HTML back to text, for places that must not hold markup: search records and page
// descriptions. Only the five entities markdown-it writes need undoing.

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

/** Rendered paragraph HTML as one line of plain text. */
export function plainText(html: string): string {
  return unescapeHtml(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}
