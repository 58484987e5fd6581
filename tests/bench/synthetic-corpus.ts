// A deterministic synthetic archive for benchmarks: the same seed always gives the same
// articles, byte for byte. Its shape follows the two real pages of the channel: English
// paragraphs of 150-500 characters, about half followed by a Chinese translation of roughly
// a quarter of the length in Han characters, a Chinese headline almost always, an English
// one often, dates spread over ten years. The words are generic, not real news.

import { stringify } from "yaml";
import { beijingDay, beijingTimestamp } from "../../src/model/dates.ts";

const EN_WORDS = (
  "city district residents donation blood volunteers hospital station campaign park river " +
  "culture festival museum transport metro railway airport station school students teachers " +
  "market trade export factory industry growth project investment bridge road tunnel water " +
  "garden flowers autumn spring winter summer heritage temple mountain yellow river centre " +
  "report survey index ranking service health doctors patients medical research science " +
  "technology innovation energy green environment air quality weather rain forecast police " +
  "safety community neighbourhood library reading sports marathon football basketball music"
).split(" ");

const ZH_WORDS = (
  "郑州 城市 市民 献血 志愿者 医院 活动 公园 黄河 文化 节日 博物馆 交通 地铁 铁路 机场 学校 学生 " +
  "教师 市场 贸易 出口 工厂 产业 增长 项目 投资 大桥 道路 隧道 水资源 花园 菊花 秋天 春天 冬天 " +
  "夏天 遗产 寺庙 嵩山 中心 报告 调查 指数 排名 服务 健康 医生 患者 医疗 研究 科学 技术 创新 " +
  "能源 绿色 环境 空气 质量 天气 降雨 预报 安全 社区 图书馆 阅读 体育 马拉松 足球 音乐 发展 建设"
).split(" ");

const KICKERS = ["Zheng Energy", "Zhengzhou International", "Spring in Zhengzhou", "What stands for Zhengzhou", "City Focus"];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1);

/** mulberry32: tiny, fast and good enough to make test data reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function englishText(rng: Rng, length: number): string {
  const sentences: string[] = [];
  let size = 0;
  while (size < length) {
    const words = Array.from({ length: between(rng, 8, 20) }, () => pick(rng, EN_WORDS));
    const sentence = `${words.join(" ")}.`;
    sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1));
    size += sentence.length + 1;
  }
  return sentences.join(" ");
}

function chineseText(rng: Rng, hanCount: number): string {
  let text = "";
  while (text.length < hanCount) {
    text += Array.from({ length: between(rng, 4, 9) }, () => pick(rng, ZH_WORDS)).join("") + "。";
  }
  return text;
}

export interface SyntheticArticle {
  fileName: string;
  text: string;
}

/** Column keys `c01`...: the bench writes a site config with these. */
export function syntheticColumns(count: number): Record<string, { en: string; zh: string }> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const n = String(i + 1).padStart(2, "0");
      return [`c${n}`, { en: `Column ${n}`, zh: `栏目${n}` }];
    }),
  );
}

export function syntheticArticle(index: number, columns: readonly string[], seed = 1): SyntheticArticle {
  const rng = random(seed * 1_000_003 + index);
  const date = new Date(FIRST_DAY + Math.floor(rng() * 3652 * DAY_MS) - 8 * 3_600_000);
  const paragraphs: string[] = [];
  const count = between(rng, 3, 8);
  for (let i = 0; i < count; i++) {
    const length = between(rng, 150, 500);
    paragraphs.push(englishText(rng, length));
    if (rng() < 0.5) paragraphs.push(chineseText(rng, Math.round(length / 4)));
  }
  const headline = englishText(rng, between(rng, 30, 70)).replace(/\.$/, "");
  // Like the channel: a Chinese headline almost always, an English one often, never neither.
  const hasEn = rng() < 0.6;
  const hasZh = !hasEn || rng() < 0.95;
  const title = {
    ...(hasEn ? { en: headline } : {}),
    ...(hasZh ? { zh: chineseText(rng, between(rng, 10, 22)).replace(/。/g, "") } : {}),
  };
  const front = {
    title,
    kicker: pick(rng, KICKERS),
    column: pick(rng, columns),
    date: beijingTimestamp(date),
    source: "郑州之窗",
    ...(rng() < 0.3 ? { credits: "(记者 某某 通讯员 某某/文)" } : {}),
  };
  const slug = `synthetic-${String(index).padStart(6, "0")}`;
  return {
    fileName: `${beijingDay(date)}-${slug}.md`,
    text: `---\n${stringify(front, { lineWidth: 0 })}---\n\n${paragraphs.join("\n\n")}\n`,
  };
}
