// Which lines of a dump are not body text: photo captions and photo credits (kept, as
// captions), the article's credit line (moved to `credits`), photo placeholders (dropped).
// Decided from the line's form, never from its words: the channel's photographers, places and
// stories change; "▲", "摄影", "供图" and "Photo by" do not.

export type LineRole =
  /** What a photo shows: "▲ …", "图为…", "Photo shows …", "… (Photo by …)". */
  | "caption"
  /** Who took or gave a photo: "记者 … 摄影", "…/摄影", "…供图", "Photo/ …", "Photo by …". */
  | "photo-credit"
  /** The article's credit line: "(记者 …/文 记者 …/图)", "责任编辑:王林". */
  | "credits"
  /** Where a photo stood in the page: "[图片]". */
  | "placeholder";

const CREDITS = /^[（(【[]\s*(?:记者|通讯员|编辑|责编|责任编辑|来源|文|图|摄影|摄|译|翻译|reporter|editor|translat\w*|by\b)[^)）】\]]*[)）】\]]$/i;
/** The same without brackets, as a label and a name: "责任编辑:王林", "Translated by Li Hua". */
const CREDIT_LABEL = /^(?:记者|通讯员|编辑|责编|责任编辑|审核|校对|来源|翻译|译者|reporter|editor|translator|source)\s*[:：]|^translated by\b/i;
const PLACEHOLDER = /^[[【(（]?\s*(?:图片|图|视频|photo|image|picture|video)\s*[\]】)）]?$/i;

const CAPTION_MARK = /^[▲△↑▼▽◆]/;
const CAPTION_START = /^(?:图为|上图|下图|左图|右图)|^(?:the\s+)?(?:photo|picture|image)\s+(?:shows|taken)\b|^pictured\b/i;
// A caption that ends with its credit: "市民在公园赏花。(记者 张三 摄)", "… (Photo by Ma Jian)".
// Only the end is matched (a leading .* would try every start); text must stand before it.
const ENDS_WITH_PHOTO_CREDIT = /[(（][^()（）]{0,40}(?:摄影?|供图|[/／]\s*图|photo\b[^()（）]*|photograph\w*[^()（）]*)[)）]$/i;

const PHOTO_CREDIT_START = /^[(（[]?\s*(?:photos?|pictures?|images?|photograph(?:ed|er)?)\s*(?:by\b|[/:：]|courtesy\b|provided\b|credit\b)|^(?:图|摄影|图片|图源|图片来源)\s*[/／:：]/i;
const PHOTO_CREDIT_END = /(?:摄影?|供图|配图|制图|翻拍|[/／]\s*图)$/;
/** A photo credit is a name and a word, not a sentence. */
const SHORT = 40;
const SENTENCE_END = /[。！？.!?]$/;

/** The role of a body line by its form alone; null for body text. */
export function lineRole(text: string): LineRole | null {
  if (PLACEHOLDER.test(text)) return "placeholder";
  if (CREDITS.test(text) || (text.length <= SHORT && CREDIT_LABEL.test(text))) return "credits";
  if (CAPTION_MARK.test(text) || CAPTION_START.test(text) || (ENDS_WITH_PHOTO_CREDIT.exec(text)?.index ?? 0) > 0) return "caption";
  if (PHOTO_CREDIT_START.test(text)) return "photo-credit";
  if (text.length <= SHORT && !SENTENCE_END.test(text) && PHOTO_CREDIT_END.test(text)) return "photo-credit";
  return null;
}

/**
 * Lines a page repeats are credits, not text: the same photo credit under every picture. Three
 * times always; twice when the line is short and is not a sentence (a story may quote the same
 * sentence twice, but does not repeat a label).
 */
export function repeatedLines(texts: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  return new Set(
    [...counts]
      .filter(([text, n]) => /\p{L}/u.test(text) && (n >= 3 || (n === 2 && text.length <= SHORT && !SENTENCE_END.test(text))))
      .map(([text]) => text),
  );
}
