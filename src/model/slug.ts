// URL slugs that keep Chinese. Eleventy's own slugify drops Han characters, which would turn
// a Chinese-only headline into an empty or colliding slug.

const NOT_SLUG = /[^\p{L}\p{N}]+/gu;

/** "World Blood Donor Day!" -> "world-blood-donor-day"; "郑州 献血" -> "郑州-献血". */
export function slugify(text: string, maxLength = 60): string {
  const slug = text.normalize("NFKC").toLowerCase().replace(/['’]/g, "").replace(NOT_SLUG, "-");
  return slug.slice(0, maxLength).replace(/^-+|-+$/g, "");
}

const SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** Letters and digits of any script, in runs joined by single hyphens. */
export function isSlug(text: string): boolean {
  return SLUG.test(text);
}

/** The slug an article file implies: its name without extension or leading date. */
export function slugFromFileName(fileName: string): string {
  return fileName
    .replace(/\.md$/i, "")
    .replace(/^\d{4}-?\d{2}-?\d{2}-/, "");
}
