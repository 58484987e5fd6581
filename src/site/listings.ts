// Lists of articles: the home page, paginated column pages and the related blocks under an
// article. Computed once per build from the sorted articles, so no template loops over the
// whole archive (a large archive would make every page pay for it).

import type { Article } from "../model/article.ts";
import type { SiteConfig } from "../config/site.ts";

/** What a list shows of an article: enough for a card, nothing of the body. */
export interface Teaser {
  url: string;
  title: Article["title"];
  kicker?: string;
  summary?: Article["summary"];
  date: Date;
  column: string;
  draft: boolean;
  /** The article's lead image; only the front page's lead story shows it. */
  image?: Article["image"];
  /** That image as a responsive <picture>, when a feature made one (see plugin.ts). */
  imageHtml?: string;
}

/** The front page's lead: a teaser, and its opening pair (or paragraph) of text when it has
 *  no summary, as a paper prints a lead story's first lines. */
export interface LeadStory extends Teaser {
  /** Rendered HTML of the opening paragraphs, each with its `lang`. */
  opening?: string;
  openingIsPair?: boolean;
}

/** The home page, laid out like a city paper's front page. */
export interface FrontPage {
  /** The latest story, told large, with its picture when it has one. */
  lead?: LeadStory;
  /** A section per column that has articles, in the navigation's order, each with its
   *  latest headlines; the lead is not repeated in its column. */
  sections: Section[];
}

export interface Section {
  column: string;
  /** Column page URL, for "more". */
  url: string;
  teasers: Teaser[];
}

export interface ColumnPage {
  column: string;
  /** "Zhengzhou Release 郑州发布 · 2": the page's <title>. */
  title: string;
  url: string;
  number: number;
  count: number;
  previous?: string;
  next?: string;
  teasers: Teaser[];
}

export function teaser(a: Article): Teaser {
  return {
    url: a.url,
    title: a.title,
    kicker: a.kicker,
    summary: a.summary,
    date: a.date,
    column: a.column,
    draft: a.draft,
    image: a.image,
  };
}

/** Newest first; ties broken by URL so that two builds list articles in the same order. */
export function newestFirst<T extends { date: Date; url: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url));
}

export function columnUrl(column: string, page = 1): string {
  return page === 1 ? `/${column}/` : `/${column}/page/${page}/`;
}

function byColumn(sorted: readonly Article[], site: SiteConfig): Map<string, Article[]> {
  const groups = new Map<string, Article[]>(Object.keys(site.columns).map((c) => [c, []]));
  for (const a of sorted) groups.get(a.column)?.push(a);
  return groups;
}

/** Every column's pages; a column without articles still has one (empty) page. */
export function columnPages(sorted: readonly Article[], site: SiteConfig): ColumnPage[] {
  return [...byColumn(sorted, site)].flatMap(([column, articles]) => {
    const count = Math.max(1, Math.ceil(articles.length / site.pageSize));
    const name = site.columns[column]!;
    return Array.from({ length: count }, (_, i) => ({
      column,
      title: `${name.en} ${name.zh}${i > 0 ? ` · ${i + 1}` : ""}`,
      url: columnUrl(column, i + 1),
      number: i + 1,
      count,
      previous: i > 0 ? columnUrl(column, i) : undefined,
      next: i + 1 < count ? columnUrl(column, i + 2) : undefined,
      teasers: articles.slice(i * site.pageSize, (i + 1) * site.pageSize).map(teaser),
    }));
  });
}

/** The home page: the latest story as the lead, then the latest articles of each column
 *  that has any besides it. */
export function frontPage(sorted: readonly Article[], site: SiteConfig): FrontPage {
  const lead = sorted[0];
  const sections = [...byColumn(sorted, site)]
    .map(([column, articles]) => ({
      column,
      url: columnUrl(column),
      teasers: articles
        .filter((a) => a !== lead)
        .slice(0, site.homePerColumn)
        .map(teaser),
    }))
    .filter((section) => section.teasers.length > 0);
  return { ...(lead ? { lead: leadStory(lead) } : {}), sections };
}

function leadStory(a: Article): LeadStory {
  // The first lines of text: a subhead, a caption or a picture is not how a story opens.
  const first = a.blocks.find((b) => (b.kind === "pair" ? b.en : b.paragraph).kind === "text");
  if (a.summary || !first) return teaser(a);
  return first.kind === "pair"
    ? { ...teaser(a), opening: first.en.html + first.zh.html, openingIsPair: true }
    : { ...teaser(a), opening: first.paragraph.html };
}

/**
 * A function giving the related blocks under an article: the latest articles of each
 * related column, never the article itself. Blocks with nothing to show are left out.
 */
export function relatedSections(sorted: readonly Article[], site: SiteConfig): (a: Article) => Section[] {
  const groups = byColumn(sorted, site);
  // One spare per column covers the case where the current article is among the latest.
  const candidates = site.relatedColumns.map((column) => ({
    column,
    latest: (groups.get(column) ?? []).slice(0, site.relatedCount + 1).map(teaser),
  }));
  return (current) =>
    candidates
      .map(({ column, latest }) => ({
        column,
        url: columnUrl(column),
        teasers: latest.filter((t) => t.url !== current.url).slice(0, site.relatedCount),
      }))
      .filter((s) => s.teasers.length > 0);
}
