// The shape of the site's own facts (`_data/site.ts`): names, columns, and how lists are cut.

import type { Column } from "./article.ts";

export interface SiteConfig {
  /** Absolute URL of the production site, without path prefix; SITE_URL overrides it. */
  url: string;
  title: { en: string; zh: string };
  description: { en: string; zh: string };
  /** Publisher named in feeds and JSON-LD. */
  publisher: { en: string; zh: string };
  /** Column key -> names; the order is the navigation order. */
  columns: Record<string, Column>;
  /** Columns whose latest articles appear under every article, like the channel's
   *  "Zhengzhou Release" and "Zhengzhou Vision" blocks. */
  relatedColumns: string[];
  relatedCount: number;
  /** Kickers the importer recognises when a dump has no 丨 between kicker and headline. */
  kickers: string[];
  /** Latest articles per column on the home page. */
  homePerColumn: number;
  /** Articles per column page. */
  pageSize: number;
}
