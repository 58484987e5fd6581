// JSON for a <script type="application/json"> block: data the page's scripts read, never
// executed (so a Content-Security-Policy without inline script allows it). "<" is escaped so
// no string in it can close the element.

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
