// The folders the two search indexes are written to, under the site's root. The search page
// gets them from the page's data (src/features/search/plugin.ts), so this is their one table.

import type { Lang } from "../../config/languages.ts";

export const SEARCH_DIRS: Record<Lang, string> = { en: "pagefind", zh: "pagefind-zh" };

export type IndexedCounts = Record<Lang, number>;
