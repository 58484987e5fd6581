// The site's own facts: its names, its address, its columns and how lists are cut. Column
// keys are what articles write in `column:` and what URLs start with.

/** A column's name in both languages. */
export interface Column {
  en: string;
  zh: string;
}

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

const site: SiteConfig = {
  url: "https://english.zhengzhou.example",
  title: { en: "Zhengzhou Window", zh: "郑州之窗" },
  description: {
    en: "News from Zhengzhou in English and Chinese, paragraph by paragraph.",
    zh: "郑州新闻,中英双语逐段对照。",
  },
  publisher: { en: "Zhengzhou Window", zh: "郑州之窗" },
  columns: {
    news: { en: "Zhengzhou Release", zh: "郑州发布" },
    vision: { en: "Zhengzhou Vision", zh: "郑州视界" },
    international: { en: "Zhengzhou International", zh: "国际郑州" },
    energy: { en: "Zheng Energy", zh: "郑州正能量" },
  },
  relatedColumns: ["news", "vision"],
  relatedCount: 2,
  kickers: [
    "Zheng Energy",
    "Zhengzhou Energy",
    "Zhengzhou International",
    "Spring in Zhengzhou",
    "What stands for Zhengzhou",
  ],
  homePerColumn: 5,
  pageSize: 12,
};

export default site;
