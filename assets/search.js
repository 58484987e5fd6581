// The search page: one box for English, Chinese (traditional too) and pinyin. Hits from the
// English and the Chinese index are grouped by article, ten articles at a time: each shown
// result costs its hits' fragments, so a first query fetches only what the reader sees.
// Pagefind runs in a worker (search-worker.js): this thread only draws, so typing and
// scrolling never wait for a search. Results go into room the stylesheet keeps for them, so
// nothing on the page moves as they arrive.
// Plain module, no framework, no inline script (the Content-Security-Policy forbids it).

import { addToGroups, excerptRuns, isComplete, matchesFilters } from "./search-query.js";

const form = document.querySelector("[data-search]");
const input = form.querySelector("input[name=q]");
const columnSelect = form.querySelector("select[name=column]");
const yearSelect = form.querySelector("select[name=year]");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const moreButton = document.getElementById("search-more");
const { ui, columns, htmlLang, client } = JSON.parse(document.getElementById("search-data").textContent);

/** The worker, started at once so its code loads while the page settles. Each call answers
 *  a promise (the protocol: search-worker.js). */
const worker = new Worker(client.worker, { type: "module" });
const waiting = new Map();
let calls = 0;
worker.addEventListener("message", ({ data: { id, result, error } }) => {
  const call = waiting.get(id);
  waiting.delete(id);
  if (error === undefined) call?.resolve(result);
  else call?.reject(new Error(error));
});
worker.addEventListener("error", (event) => {
  // A worker that failed to load answers nothing: every pending call fails instead of hanging.
  event.preventDefault();
  for (const call of waiting.values()) call.reject(new Error(event.message || "search worker failed"));
  waiting.clear();
});
function ask(method, ...args) {
  const id = ++calls;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, method, args });
  });
}
ask("init", client);

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** "English 中文" as two spans, each with its own lang. */
function both(en, zh) {
  const parts = [];
  if (en) parts.push(el("span", { lang: htmlLang.en }, [en]));
  if (en && zh) parts.push(" ");
  if (zh) parts.push(el("span", { lang: htmlLang.zh }, [zh]));
  return parts;
}

function excerpt(text, lang) {
  const p = el("p", { class: "search-excerpt", lang: htmlLang[lang] });
  for (const [run, marked] of excerptRuns(text)) p.append(marked ? el("mark", {}, [run]) : run);
  return p;
}

function renderResult(group) {
  const { meta } = group;
  const column = columns[meta.column_key] ?? {};
  const heading = el("h2", { class: "search-result-title" }, [
    el("a", { href: group.url }, [
      ...(meta.kicker ? [el("span", { class: "kicker", lang: meta.kicker_lang }, [meta.kicker]), el("span", { class: "sep", "aria-hidden": "true" }, ["丨"])] : []),
      ...both(meta.title_en, meta.title_zh),
    ]),
  ]);
  const details = el("p", { class: "teaser-meta" }, [el("time", { datetime: meta.date }, [meta.date]), " · ", ...both(column.en, column.zh)]);
  const excerpts = ["en", "zh"].filter((lang) => group.excerpts[lang]?.includes("<mark>")).map((lang) => excerpt(group.excerpts[lang], lang));
  return el("li", {}, [el("article", { class: "search-result" }, [heading, details, ...excerpts])]);
}

function say(en, zh) {
  status.replaceChildren(...both(en, zh));
}

/** Articles shown at first and per "More results"; and how many hits one page may read to
 *  find them when a filter is set (filters apply in the browser: see src/features/search/records.ts). */
const PAGE = 10;
const READ_AT_MOST = 400;

/** The query on screen: its ticket in the worker, the worker's answer (its number of hits,
 *  the languages an article must match in, the words that found nothing and the query
 *  searched instead), how far the hits are read, the hits read but not yet shown (filters
 *  passed), the articles they make, and those on the page, by URL. */
let shown;

const finished = (state) => state.next >= state.count && !state.ready.length;

/** Shows PAGE more articles, reading hits as needed; a later hit of an article already
 *  shown (its other language) adds its excerpt there. */
async function showMore(state, { replace = false } = {}) {
  const added = [];
  for (let read = 0; added.length < PAGE; ) {
    if (!state.ready.length) {
      if (state.next >= state.count || read >= READ_AT_MOST) break;
      const from = state.next;
      state.next = Math.min(state.count, from + PAGE);
      read += state.next - from;
      const data = await ask("data", state.ticket, from, state.next);
      if (state !== shown || !data) return []; // a newer query replaced this one
      state.ready.push(...data.filter((hit) => matchesFilters(hit, state.filters)));
      continue;
    }
    const group = addToGroups(state.groups, state.ready.shift());
    if (!isComplete(group, state.langs)) continue;
    const item = renderResult(group);
    const old = state.items.get(group.url);
    if (!old) added.push(item);
    else if (added.includes(old)) added[added.indexOf(old)] = item; // not on the page yet
    else old.replaceWith(item);
    state.items.set(group.url, item);
  }
  // A new query's results replace the last one's only once they are drawn: no blank flash.
  if (replace) list.replaceChildren(...added);
  else list.append(...added);
  moreButton.hidden = finished(state);
  report(state);
  return added;
}

const quoted = (text) => `“${text}”`;
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key]);

/** Says what the results are: for the query as typed, or, when some of its words found
 *  nothing, which ones and what the results are for instead. */
function report(state) {
  const q = quoted(state.query);
  const done = finished(state);
  const found = state.items.size;
  if (done && !found) return say(`${ui.en.searchNoResults} ${q}.`, `${ui.zh.searchNoResults}:${q}。`);
  // A filter, or the other language, held back every hit read so far: say how far the search
  // got, not "0+".
  if (!found) {
    const key = state.filters.column || state.filters.year ? "searchNoneYet" : "searchNoneInBoth";
    return say(fill(ui.en[key], { n: state.next }), fill(ui.zh[key], { n: state.next }));
  }
  // Unfiltered hits of one index are one per article: their number is the answer. Otherwise
  // only what has been read is known.
  const exact = done || (state.onePerArticle && !state.filters.column && !state.filters.year);
  const n = done ? found : exact ? state.count : `${found}+`;
  if (state.missing) {
    const key = n === 1 ? "searchMissingOne" : "searchMissing";
    const values = { n, missing: quoted(state.missing), searched: quoted(state.searched) };
    return say(fill(ui.en[key], values), fill(ui.zh[key], values));
  }
  const noun = n === 1 ? ui.en.searchOneResult : ui.en.searchResults;
  say(`${n} ${noun} ${ui.en.searchFor} ${q}`, `${ui.zh.searchFor}${q}:${n} ${ui.zh.searchResults}`);
}

let latest = 0;
async function run() {
  const ticket = ++latest;
  const query = input.value.trim();
  const filters = { column: columnSelect.value, year: yearSelect.value };
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (filters.column) params.set("column", filters.column);
  if (filters.year) params.set("year", filters.year);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  shown = undefined;
  moreButton.hidden = true;
  if (!query) {
    list.replaceChildren();
    status.replaceChildren();
    return;
  }
  say(ui.en.searchLoading, ui.zh.searchLoading);
  try {
    const answer = await ask("search", ticket, query);
    if (ticket !== latest) return; // a newer query is on its way
    shown = { ticket, query, filters, ...answer, next: 0, ready: [], groups: new Map(), items: new Map() };
    await showMore(shown, { replace: true });
  } catch (error) {
    console.error(error);
    if (ticket === latest) say(ui.en.searchUnavailable, ui.zh.searchUnavailable);
  }
}

moreButton.addEventListener("click", async () => {
  const state = shown;
  if (!state) return;
  moreButton.disabled = true;
  try {
    const [first] = await showMore(state);
    // Keyboard and screen-reader users continue where the new results start, or at the
    // status when there were none and the button went away.
    if (first) first.querySelector("a").focus();
    else if (moreButton.hidden && state === shown) status.focus();
  } catch (error) {
    console.error(error);
    if (state === shown) say(ui.en.searchUnavailable, ui.zh.searchUnavailable);
  } finally {
    moreButton.disabled = false;
  }
});

let timer;
function runSoon() {
  clearTimeout(timer);
  timer = setTimeout(run, 150);
}
// While an input method composes Chinese, the box holds its pinyin ("zheng"): searching that
// would open the English index for a reader who is typing 郑州.
input.addEventListener("input", (event) => event.isComposing || runSoon());
input.addEventListener("compositionend", runSoon);
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
