// Where an article's pictures may live: a site path under /assets/ (the build copies the
// folder, and the images feature makes responsive variants of it), or an http(s) address on
// another host, shown as it is.

const REMOTE = /^https?:\/\//i;
/** The target of every Markdown image in a paragraph's text. */
export const IMAGE_IN_TEXT = /!\[[^\]]*\]\(\s*<?([^)\s>]+)/g;

export function isLocalImage(src: string): boolean {
  return src.startsWith("/assets/");
}

export function isRemoteImage(src: string): boolean {
  return REMOTE.test(src);
}
