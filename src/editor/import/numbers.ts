// The numbers a sentence mentions, in a form that compares across languages: "8.6 million"
// and "860万" are both 8,600,000; "October 16" and "10月16日" both hold 10 and 16. Only what a
// translation keeps matters here, so vague words ("a", "one", 一) are left out: they are in
// almost every sentence and would match anything.

/** One mention of a number: the values it may stand for ("8 p.m." is 8 or 20). */
export type NumberMention = readonly number[];

const DIGITS = /\d+(?:,\d{3})*(?:\.\d+)?/g;

const ENGLISH_UNITS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  // "one" only counts inside a larger number ("one hundred"), see below.
  one: 1,
};
const ENGLISH_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
// Weekdays compare as numbers of their own, far from any count: Tuesday is 周二 (week-two).
const WEEKDAY = 1000;
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CHINESE_NUMERAL = /[〇零一二两三四五六七八九十百千万亿]+/g;

const plain = (digits: string) => Number(digits.replaceAll(",", ""));

/** Numbers in English text: digits (with "million" and the like), number words, month names. */
export function englishNumbers(input: string): NumberMention[] {
  const text = input.normalize("NFKC");
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(new RegExp(`${DIGITS.source}(\\s*(?:million|billion|thousand)\\b|\\s*(?:[ap]\\.m\\.|[ap]m\\b))?`, "gi"))) {
    const value = plain(match[0].match(DIGITS)![0]);
    const after = (match[1] ?? "").trim().toLowerCase();
    if (after in ENGLISH_SCALES) mentions.push([value * ENGLISH_SCALES[after]!]);
    else if (after.startsWith("p") && value < 12) mentions.push([value, value + 12]);
    else mentions.push([value]);
  }
  mentions.push(...numberWords(text));
  for (const match of text.matchAll(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(\s+\d)?/g)) {
    // "May" is also a verb: only a May followed by a day is the month.
    if (match[1] !== "May" || match[2]) mentions.push([MONTHS.indexOf(match[1]!.toLowerCase()) + 1]);
  }
  for (const match of text.matchAll(/\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b/g)) {
    mentions.push([WEEKDAY + WEEKDAYS.findIndex((d) => d.startsWith(match[1]!.toLowerCase())) + 1]);
  }
  return mentions;
}

/** "twenty-four" → 24, "two hundred" → 200, "half a million" → nothing. */
function numberWords(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  let total = 0;
  let current = 0;
  let words = 0;
  const flush = () => {
    const value = total + current;
    // A lone "one" is an article, not a number.
    if (words > 0 && value >= 2) mentions.push([value]);
    total = current = words = 0;
  };
  for (const word of text.toLowerCase().split(/[^a-z]+/)) {
    if (word in ENGLISH_UNITS) {
      current += ENGLISH_UNITS[word]!;
      words++;
    } else if (word in ENGLISH_SCALES && words > 0) {
      const scale = ENGLISH_SCALES[word]!;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
    } else if (word !== "and" || words === 0) flush();
  }
  flush();
  return mentions;
}

/** Numbers in Chinese text: digits (with 万 and 亿), Chinese numerals, 三成 as 30 per cent. */
export function chineseNumbers(input: string): NumberMention[] {
  // Full-width digits (２０２１) are the same numbers.
  const text = input.normalize("NFKC");
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(new RegExp(`${DIGITS.source}\\s*([万亿千])?`, "g"))) {
    const value = plain(match[0].match(DIGITS)![0]);
    const unit = match[1];
    mentions.push([value * ({ 万: 1e4, 亿: 1e8, 千: 1e3 }[unit ?? ""] ?? 1)]);
  }
  for (const match of text.matchAll(/(?:周|星期|礼拜)([一二三四五六日天])/g)) {
    mentions.push([WEEKDAY + ("一二三四五六".indexOf(match[1]!) + 1 || 7)]);
  }
  for (const match of text.matchAll(CHINESE_NUMERAL)) {
    if (/(?:周|星期|礼拜)$/.test(text.slice(0, match.index))) continue;
    // A unit alone is mostly part of a word: 十分 (very), 百姓 (people), 千万 (by all means).
    if (match[0].length === 1 && !(match[0] in CHINESE_DIGITS)) continue;
    const value = chineseNumeral(match[0]);
    if (value < 2) continue;
    const next = text[match.index + match[0].length];
    mentions.push(next === "成" ? [value, value * 10] : [value]);
  }
  return mentions;
}

/** 二十四 → 24, 三千 → 3000, 一百二十万 → 1,200,000, 二〇二一 → 2021. Digits without a unit
 *  and without a zero are names or ranges (二七塔, 七八个), not numbers: 0. */
function chineseNumeral(numeral: string): number {
  if (!/[十百千万亿]/.test(numeral)) {
    if (numeral.length === 1) return CHINESE_DIGITS[numeral]!;
    return /[〇零]/.test(numeral) ? Number([...numeral].map((c) => CHINESE_DIGITS[c]).join("")) : 0;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of numeral) {
    if (char in CHINESE_DIGITS) digit = CHINESE_DIGITS[char]!;
    else if (char in CHINESE_SMALL_UNITS) {
      section += (digit ?? 1) * CHINESE_SMALL_UNITS[char]!;
      digit = null;
    } else {
      // 万 scales what came since the last 亿; 亿 scales everything before it.
      const part = section + (digit ?? 0);
      total = char === "万" ? total + part * 1e4 : (total + part) * 1e8;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** How many mentions of `a` have a value among the mentions of `b`. */
export function matchedMentions(a: readonly NumberMention[], b: readonly NumberMention[]): number {
  const values = new Set(b.flat());
  return a.filter((mention) => mention.some((v) => values.has(v))).length;
}
