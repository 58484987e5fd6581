// The search page: one box for English, Chinese (traditional too) and pinyin. Results from
// the English index and the merged Chinese index are grouped by article. Plain module, no
// framework, no inline script (the Content-Security-Policy forbids it).

import { excerptRuns, groupByArticle, matchesFilters, normalizeQuery, searchEngine } from "./search-query.js";

const form = document.querySelector("[data-search]");
const input = form.querySelector("input[name=q]");
const columnSelect = form.querySelector("select[name=column]");
const yearSelect = form.querySelector("select[name=year]");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const ui = JSON.parse(document.getElementById("search-strings").textContent);
const base = form.dataset.base;

let toSimplified;
async function loadToSimplified() {
  if (!toSimplified) {
    const { Converter } = await import(`${base}assets/vendor/opencc-t2cn.js`);
    toSimplified = Converter({ from: "t", to: "cn" });
  }
  return toSimplified;
}

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** "English 中文" as two spans, each with its own lang. */
function both(en, zh) {
  const parts = [];
  if (en) parts.push(el("span", { lang: "en" }, [en]));
  if (en && zh) parts.push(" ");
  if (zh) parts.push(el("span", { lang: "zh-CN" }, [zh]));
  return parts;
}

function excerpt(text, lang) {
  const p = el("p", { class: "search-excerpt", lang: lang === "zh" ? "zh-CN" : "en" });
  for (const [run, marked] of excerptRuns(text)) p.append(marked ? el("mark", {}, [run]) : run);
  return p;
}

function renderResult(group) {
  const { meta } = group;
  const heading = el("h2", { class: "search-result-title" }, [
    el("a", { href: group.url }, [
      ...(meta.kicker ? [el("span", { class: "kicker", lang: meta.kicker_lang }, [meta.kicker]), el("span", { class: "sep", "aria-hidden": "true" }, ["丨"])] : []),
      ...both(meta.title_en, meta.title_zh),
    ]),
  ]);
  const details = el("p", { class: "teaser-meta" }, [el("time", {}, [meta.date]), " · ", ...both(meta.column, meta.column_zh)]);
  const excerpts = ["en", "zh"].filter((lang) => group.excerpts[lang]?.includes("<mark>")).map((lang) => excerpt(group.excerpts[lang], lang));
  return el("li", {}, [el("article", { class: "search-result" }, [heading, details, ...excerpts])]);
}

function say(en, zh) {
  status.replaceChildren(...both(en, zh));
}

let engine;
async function loadEngine() {
  engine ??= import(`${base}pagefind/pagefind.js`).then((pagefind) => searchEngine(pagefind, { baseUrl: base, zhBundle: `${base}pagefind-zh/` }));
  return engine;
}

/** Hits shown per query, as articles; and how many hits may be read to find them when a
 *  filter is set (filters apply in the browser: see src/search-records.ts). */
const SHOWN = 40;
const READ_AT_MOST = 400;

async function filteredHits(results, filters) {
  const hits = [];
  for (let i = 0; i < results.length && i < READ_AT_MOST && hits.length < SHOWN; i += SHOWN) {
    const batch = await Promise.all(results.slice(i, i + SHOWN).map((r) => r.data()));
    hits.push(...batch.filter((hit) => matchesFilters(hit, filters)));
  }
  return hits;
}

let latest = 0;
async function run() {
  const ticket = ++latest;
  const query = input.value;
  const params = new URLSearchParams();
  if (query.trim()) params.set("q", query.trim());
  if (columnSelect.value) params.set("column", columnSelect.value);
  if (yearSelect.value) params.set("year", yearSelect.value);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  if (!query.trim()) {
    list.replaceChildren();
    status.replaceChildren();
    return;
  }
  say(ui.en.searchLoading, ui.zh.searchLoading);
  try {
    const search = await loadEngine();
    const results = await search(await normalizeQuery(query, loadToSimplified));
    const hits = await filteredHits(results, { column: columnSelect.value, year: yearSelect.value });
    if (ticket !== latest) return; // a newer query is on its way
    const groups = groupByArticle(hits);
    list.replaceChildren(...groups.map(renderResult));
    const q = `“${query.trim()}”`;
    if (!groups.length) say(`${ui.en.searchNoResults} ${q}.`, `${ui.zh.searchNoResults}:${q}。`);
    else {
      const n = groups.length;
      say(`${n} ${n === 1 ? ui.en.searchOneResult : ui.en.searchResults} ${ui.en.searchFor} ${q}`, `${ui.zh.searchFor}${q}:${n} ${ui.zh.searchResults}`);
    }
  } catch (error) {
    console.error(error);
    say(ui.en.searchUnavailable, ui.zh.searchUnavailable);
  }
}

let timer;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(run, 150);
});
columnSelect.addEventListener("change", run);
yearSelect.addEventListener("change", run);
form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});

const params = new URLSearchParams(location.search);
input.value = params.get("q") ?? "";
columnSelect.value = params.get("column") ?? "";
yearSelect.value = params.get("year") ?? "";
run();
