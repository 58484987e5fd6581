// Beijing time (UTC+08:00, no daylight saving since 1991) is the channel's only clock:
// editors write local times, pages show them, and feeds carry the +08:00 offset.

const BEIJING_OFFSET_MINUTES = 8 * 60;
// YAML 1.1 timestamps (what other tools write: 2018-06-15T03:53:52.000Z, 2018-06-15 11:53:52 +08:00,
// single-digit month, day or hour) and the channel's own 2018-06-15 11:53, seconds optional.
const PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/;

/** The forms a date may take, for messages. */
export const DATE_FORMS =
  "2021-01-05, 2021-01-05 09:49, 2021-01-05 09:49:56 (Beijing time), or with an offset: 2021-01-05T01:49:56Z, 2021-01-05T09:49:56.000+08:00";

/** Parses an editor's date; a date or time without an offset is Beijing time. */
export function parseBeijingDate(text: string): Date | { error: string } {
  const match = PATTERN.exec(text.trim());
  // An offset needs a time to apply to: "2021-01-05Z" means nothing.
  if (!match || (match[8] !== undefined && match[4] === undefined)) {
    return { error: `"${text}" is not a date: write ${DATE_FORMS}` };
  }
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone] = match;
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  const milliseconds = Math.round(Number(`0.${fraction || "0"}`) * 1000);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 || minute > 59 || second > 59 ||
    Math.abs(offsetMinutes(zone)) > 14 * 60
  ) {
    return { error: `"${text}" is not a real date or time` };
  }
  return new Date(asUtc - offsetMinutes(zone) * 60_000);
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined) return BEIJING_OFFSET_MINUTES;
  if (zone === "Z" || zone === "z") return 0;
  const [, sign, hours, minutes = "0"] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** The wall-clock fields of an instant in Beijing. */
function beijingParts(date: Date) {
  const shifted = new Date(date.getTime() + BEIJING_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year: String(shifted.getUTCFullYear()),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
    second: pad(shifted.getUTCSeconds()),
  };
}

/** ISO 8601 with the +08:00 offset, for `<time datetime>`, feeds and JSON-LD. */
export function beijingIso(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+08:00`;
}

/** "2018-06-15 11:53:52": how editors write dates in front matter. */
export function beijingTimestamp(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "2018-06-15 11:53", as the channel prints its timestamps. */
export function beijingDisplay(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2018-06-15", for lists. */
export function beijingDay(date: Date): string {
  const p = beijingParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "20180615", the date segment of article URLs. */
export function beijingCompactDay(date: Date): string {
  return beijingDay(date).replaceAll("-", "");
}

/** The Beijing calendar year, used as a search filter. */
export function beijingYear(date: Date): string {
  return beijingParts(date).year;
}
