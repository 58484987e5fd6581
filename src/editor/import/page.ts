// The parts of a dumped page: the pop-up chrome before the headline ("Scan QR Code", its
// "×Close" button), the headline, the source-and-timestamp line, the body, and the related
// blocks after it ("Zhengzhou Release", "Zhengzhou Vision"), which are dropped.

import { parseBeijingDate } from "../../model/dates.ts";
import type { DumpLine } from "./lines.ts";

export interface Timestamp {
  /** The name glued before the date: 郑州之窗, 郑州发布, WhereZhengzhou; none when bare. */
  source?: string;
  date: Date;
}

export interface PageParts {
  headline?: DumpLine;
  /** Lines between the headline and the timestamp: a headline's other language, or text. */
  belowHeadline: DumpLine[];
  timestamp?: Timestamp;
  body: DumpLine[];
  /** The related blocks, kept only to learn the kickers the channel uses. */
  related: DumpLine[];
}

const QR_LINE = /^[•·*\-\s]*(?:Scan QR Code|扫码阅读|扫一扫|扫描二维码\S*)$/i;
const CLOSE_BUTTON = /^[×✕✖xX]?\s*(?:close|关闭)$/i;
/** A line with no letter or Han character: a bullet, an "×", a divider. */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;
/** How far below the headline the timestamp line may stand. */
const TIMESTAMP_REACH = 3;

const TIMESTAMP =
  /^(.{0,40}?)[\s:：|丨]*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/u;
const SOURCE_LABEL = /^(?:来源|source|发布时间|时间|date|发布)\s*[:：]?\s*/i;
const DATE_LABEL = /(?:\s*(?:发布时间|时间|日期|date|time))?[\s:：|丨·•-]*$/i;
/** A source is a name (郑州之窗, Zhengzhou Daily), not the end of a sentence. */
const SOURCE_NAME = /^[\p{Script=Han}A-Za-z0-9 ·&.'’-]{0,30}$/u;

const pad = (n: string | undefined) => (n ?? "0").padStart(2, "0");

/** A "郑州之窗2018-06-15 11:53:52" line, or undefined. */
export function readTimestamp(text: string): Timestamp | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const source = m[1]!.replace(SOURCE_LABEL, "").replace(DATE_LABEL, "");
  if (!SOURCE_NAME.test(source) || source.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length > 3) return undefined;
  const date = parseBeijingDate(`${m[2]}-${pad(m[3])}-${pad(m[4])} ${pad(m[5])}:${pad(m[6])}:${pad(m[7])}`);
  return date instanceof Date ? { source: source || undefined, date } : undefined;
}

/** "Zhengzhou Release", "Zhengzhou Release more", "郑州发布 | 更多>>": a related block's header. */
function relatedHeader(names: readonly string[]): RegExp {
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^(?:${escaped.join("|")})(?:\\s*[|丨·]?\\s*(?:more|更多)\\s*[>»›+]*)?$`, "i");
}

export function pageParts(lines: readonly DumpLine[], relatedHeaders: readonly string[]): PageParts {
  // The pop-up may land anywhere in a copy: its lines are never text.
  const content = lines.filter((l) => !QR_LINE.test(l.text) && !CLOSE_BUTTON.test(l.text));
  const start = content.findIndex((l) => !NO_WORDS.test(l.text));
  if (start < 0) return { belowHeadline: [], body: [], related: [] };
  const headline = content[start]!;
  const rest = content.slice(start + 1);

  const isRelated = relatedHeader(relatedHeaders);
  const end = rest.findIndex((l) => isRelated.test(l.text));
  const page = end < 0 ? rest : rest.slice(0, end);
  const related = end < 0 ? [] : rest.slice(end);

  const stampAt = page.slice(0, TIMESTAMP_REACH).findIndex((l) => readTimestamp(l.text));
  if (stampAt < 0) return { headline, belowHeadline: [], body: page, related };
  return {
    headline,
    belowHeadline: page.slice(0, stampAt),
    timestamp: readTimestamp(page[stampAt]!.text),
    body: page.slice(stampAt + 1),
    related,
  };
}

const RELATED_KICKER = /^([A-Za-z][A-Za-z'’&.\- ]*?)\s*[丨|｜]?\s*(?=[\p{Script=Han}\d“《])/u;

/** The kickers the related blocks use ("Spring in Zhengzhou 丨…"): the channel's own labels. */
export function relatedKickers(related: readonly DumpLine[]): string[] {
  const found = related.flatMap((l) => {
    const m = RELATED_KICKER.exec(l.text);
    return m && m[1]!.trim().split(/\s+/).length <= 5 ? [m[1]!.trim()] : [];
  });
  return [...new Set(found)];
}
