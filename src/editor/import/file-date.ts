// A date in a dump's file name: page-20190412.txt, 2019-04-12_clinics.txt. Body-only dumps
// carry no timestamp, and the name is often all that says when the page was published.

import { parseBeijingDate } from "../../model/dates.ts";

// Digits on both sides would make it part of a longer number (an id, a hash).
const DATE_IN_NAME = /(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)/g;

/** The first real date in a file name (Beijing midnight), or undefined. */
export function dateFromFileName(fileName: string): Date | undefined {
  for (const [, year, , month, day] of fileName.matchAll(DATE_IN_NAME)) {
    const date = parseBeijingDate(`${year}-${month}-${day}`);
    if (date instanceof Date) return date;
  }
  return undefined;
}
