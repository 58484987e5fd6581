// Every string the interface shows, one table per language. Templates never hold UI text;
// the Chinese table must have exactly the English table's keys (the type checks it).

const en = {
  skipToContent: "Skip to content",
  home: "Home",
  columns: "Columns",
  latest: "Latest",
  more: "More",
  source: "Source",
  published: "Published",
  readingMode: "Reading mode",
  modeEnglish: "English",
  modeChinese: "中文",
  modeBoth: "Both",
  scanQr: "Scan QR Code",
  scanQrHint: "Continue reading on your phone",
  qrLabel: "QR code of this article's address",
  draft: "Draft",
  scheduled: "Scheduled",
  previousPage: "Newer",
  nextPage: "Older",
  page: "Page",
  noArticles: "No articles yet.",
  search: "Search",
  searchPlaceholder: "Search in English or Chinese",
  footer: "Bilingual news from Zhengzhou.",
  notFoundTitle: "Page not found",
  notFoundText: "The page you asked for is not here. It may have moved.",
  backHome: "Back to the home page",
};

export type UiStrings = typeof en;

const zh: UiStrings = {
  skipToContent: "跳到正文",
  home: "首页",
  columns: "栏目",
  latest: "最新",
  more: "更多",
  source: "来源",
  published: "发布时间",
  readingMode: "阅读模式",
  modeEnglish: "English",
  modeChinese: "中文",
  modeBoth: "双语",
  scanQr: "扫码阅读",
  scanQrHint: "用手机继续阅读",
  qrLabel: "本文网址的二维码",
  draft: "草稿",
  scheduled: "定时发布",
  previousPage: "较新",
  nextPage: "较早",
  page: "页码",
  noArticles: "暂无文章。",
  search: "搜索",
  searchPlaceholder: "输入英文或中文搜索",
  footer: "郑州新闻,中英双语。",
  notFoundTitle: "页面不存在",
  notFoundText: "您要找的页面不在这里,可能已被移动。",
  backHome: "返回首页",
};

export default { en, zh };
