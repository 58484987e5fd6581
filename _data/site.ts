// The site's facts. Column keys are what articles write in `column:` and what URLs start with.

import type { SiteConfig } from "../src/site.ts";

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
