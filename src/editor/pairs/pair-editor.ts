// The side-by-side editor of an article's body, in plain DOM: one row per pair, English on
// the left and Chinese on the right, a toolbar per row, warnings beside the row they concern,
// and a dialog that aligns two pasted texts. The CMS wraps it in a component of its own.
//
// Chinese input methods: nothing is committed while one composes (between compositionstart
// and compositionend), and the editor never sets the value of the textarea that has focus,
// so the caret stays where the editor put it.

import type { Lang } from "../../config/languages.ts";
import { HTML_LANG } from "../../config/languages.ts";
import defaultUi, { type UiStrings } from "../../config/ui.ts";
import { alignTexts } from "./align-texts.ts";
import type { RowNote } from "./check-draft.ts";
import {
  addRow,
  blockRows,
  isEmptyRow,
  isPair,
  LANGS_IN_ROW,
  mergeRows,
  moveRow,
  paragraphText,
  readBody,
  setText,
  soloForced,
  splitRow,
  toggleKind,
  toggleSolo,
  writeBody,
  type Body,
  type Row,
} from "./rows.ts";

export interface PairEditorOptions {
  /** The body's Markdown (what follows the front matter). */
  value: string;
  /** Called with the new body's Markdown after each change the editor commits. */
  onChange(value: string): void;
  /** The language of visible text (accessible names are always in both). Default English. */
  lang?: Lang;
  /** The UI strings (src/config/ui.ts by default). */
  ui?: { en: UiStrings; zh: UiStrings };
  /** What the check says of a body, by row (check-draft.ts: rowNotes of checkDraft). Called
   *  as the editor types; without it, no warnings are shown. */
  notes?(value: string): readonly RowNote[];
}

export interface PairEditorHandle {
  /** Shows another body. A value the editor itself just gave onChange is ignored: the CMS
   *  handing it back must not disturb the editor mid-sentence. */
  setValue(value: string): void;
  /** Focuses the first row's English text. */
  focus(): void;
  /** Removes the editor from its host. */
  destroy(): void;
}

type Tool = "add" | "split" | "merge" | "up" | "down" | "solo" | "caption" | "subhead";

const TOOLS: ReadonlyArray<{ tool: Tool; key: keyof UiStrings; icon: string }> = [
  { tool: "add", key: "pairAdd", icon: "+" },
  { tool: "split", key: "pairSplit", icon: "✂" },
  { tool: "merge", key: "pairMerge", icon: "⤓" },
  { tool: "up", key: "pairUp", icon: "↑" },
  { tool: "down", key: "pairDown", icon: "↓" },
  { tool: "solo", key: "pairSolo", icon: "⊘" },
  { tool: "caption", key: "pairCaption", icon: "▲" },
  { tool: "subhead", key: "pairSubhead", icon: "H" },
];

interface RowView {
  item: HTMLLIElement;
  text: Record<Lang, HTMLTextAreaElement>;
  tools: Record<Tool, HTMLButtonElement>;
  notes: HTMLUListElement;
  /** The caret of each side when it last left it (its length if it never had it). */
  caret: Partial<Record<Lang, number>>;
  composing: boolean;
}

/** Values recently given to onChange: the CMS may hand any of them back, late. */
const ECHOES = 8;

export function mountPairEditor(host: HTMLElement, options: PairEditorOptions): PairEditorHandle {
  const ui = options.ui ?? defaultUi;
  const lang = options.lang ?? "en";
  const both = (key: keyof UiStrings, n?: number) => {
    const fill = (text: string) => (n === undefined ? text : text.replace("{n}", String(n)));
    return `${fill(ui.en[key])} · ${fill(ui.zh[key])}`;
  };
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };
  const button = (className: string, ...children: Array<Node | string>) => Object.assign(el("button", className, ...children), { type: "button" });
  const textarea = (className: string, side: Lang, rows: number) => Object.assign(el("textarea", className), { lang: HTML_LANG[side], rows });

  let body: Body = readBody(options.value);
  let rows: Row[] = body.rows;
  const emitted: string[] = [options.value];
  const views: RowView[] = [];

  const root = el("div", "pair-editor");
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", both("pairEditor"));
  const pasteButton = button("pair-editor__paste-open", ui[lang].pairPaste);
  const status = el("p", "pair-editor__status");
  status.setAttribute("role", "status");
  const heads = el("div", "pair-editor__heads", Object.assign(el("span", "", ui.en.pairEnglish), { lang: HTML_LANG.en }), Object.assign(el("span", "", ui.zh.pairChinese), { lang: HTML_LANG.zh }));
  heads.setAttribute("aria-hidden", "true");
  const list = el("ol", "pair-editor__rows");
  const empty = el("div", "pair-editor__empty", el("p", "", ui[lang].pairEmpty));
  const addFirst = button("pair-editor__add-first", ui[lang].pairAddFirst);
  empty.append(addFirst);
  const dialog = pasteDialog();
  root.append(el("div", "pair-editor__bar", pasteButton, status), heads, list, empty, dialog.element);
  host.append(root);

  function emit(): void {
    const value = writeBody({ ...body, rows });
    if (value !== emitted.at(-1)) {
      emitted.push(value);
      if (emitted.length > ECHOES) emitted.shift();
      options.onChange(value);
    }
    showNotes(value);
  }

  /** Each row's warnings beside it: the check numbers the blocks the model reads in the
   *  body, and blockRows tells which of the editor's rows each came from. */
  function showNotes(value: string): void {
    const notes = options.notes?.(value) ?? [];
    const origins = notes.length ? blockRows(rows) : [];
    views.forEach((view, i) => {
      const mine = notes.filter((n) => origins[n.row] === i);
      const unsure = rows[i]!.unsure ? [el("li", "pair-note pair-note--unsure", both("pairUnsure"))] : [];
      const items = [...unsure, ...mine.map((n) => el("li", `pair-note pair-note--${n.severity}`, n.message))];
      if (view.notes.textContent !== items.map((i) => i.textContent).join("")) view.notes.replaceChildren(...items);
      view.item.classList.toggle("pair-row--warned", mine.length > 0);
    });
  }

  function rowView(): RowView {
    const item = el("li", "pair-row");
    const view: RowView = { item, text: {} as RowView["text"], tools: {} as RowView["tools"], notes: el("ul", "pair-row__notes"), caret: {}, composing: false };
    const sides = el("div", "pair-row__sides");
    for (const side of LANGS_IN_ROW) {
      const area = textarea(`pair-row__text pair-row__text--${side}`, side, 2);
      area.spellcheck = side === "en";
      area.addEventListener("compositionstart", () => (view.composing = true));
      area.addEventListener("compositionend", () => {
        view.composing = false;
        commit(view, side);
      });
      area.addEventListener("input", (event) => {
        fitHeight(area);
        if (view.composing || (event as InputEvent).isComposing) return;
        commit(view, side);
      });
      area.addEventListener("blur", () => (view.caret[side] = area.selectionStart));
      view.text[side] = area;
      sides.append(area);
    }
    const toolbar = el("div", "pair-row__tools");
    toolbar.setAttribute("role", "toolbar");
    for (const { tool, key, icon } of TOOLS) {
      const symbol = el("span", "", icon);
      symbol.setAttribute("aria-hidden", "true");
      const action = Object.assign(button(`pair-tool pair-tool--${tool}`, symbol), { title: both(key), tabIndex: -1 });
      action.setAttribute("aria-label", both(key));
      action.addEventListener("click", () => use(views.indexOf(view), tool));
      view.tools[tool] = action;
      toolbar.append(action);
    }
    toolbar.addEventListener("keydown", (event) => roveToolbar(event, view));
    view.tools.add.tabIndex = 0;
    view.notes.setAttribute("aria-live", "polite");
    item.append(sides, el("div", "pair-row__aside", toolbar, view.notes));
    return view;
  }

  function commit(view: RowView, side: Lang): void {
    const index = views.indexOf(view);
    const value = view.text[side].value;
    if (index < 0 || rows[index]![side].text === value) return;
    rows = setText(rows, index, side, value);
    drawRow(index);
    emit();
  }

  /**
   * The row at `index` as its view shows it. While one types, the row holds exactly what the
   * textarea holds (commit), so the textarea being typed in is never written to: its caret
   * and an input method's composition stay as they are. Only a tool or another body from
   * the CMS changes a textarea's text.
   */
  function drawRow(index: number): void {
    const row = rows[index]!;
    const view = views[index]!;
    const n = index + 1;
    for (const side of LANGS_IN_ROW) {
      const area = view.text[side];
      if (area.value !== row[side].text) {
        area.value = row[side].text;
        fitHeight(area);
      }
      area.setAttribute("aria-label", both(side === "en" ? "pairEnglishRow" : "pairChineseRow", n));
      area.classList.toggle("pair-row__text--empty", paragraphText(row[side].text) === "");
    }
    view.tools.add.closest("[role=toolbar]")!.setAttribute("aria-label", both("pairRowTools", n));
    const forced = soloForced(rows, index);
    view.item.dataset.kind = row.kind;
    view.item.classList.toggle("pair-row--alone", !isPair(row) && !isEmptyRow(row));
    view.item.classList.toggle("pair-row--unsure", row.unsure === true);
    setPressed(view.tools.solo, !isPair(row) && (row.solo || forced));
    // A Chinese paragraph right after a lone English one stands alone by force: only merging
    // the two rows pairs them.
    view.tools.solo.disabled = forced && !row.solo;
    setPressed(view.tools.caption, row.kind === "caption");
    setPressed(view.tools.subhead, row.kind === "subhead");
    view.tools.up.disabled = index === 0;
    view.tools.down.disabled = view.tools.merge.disabled = index === rows.length - 1;
    // The toolbar's one tab stop never rests on a button that cannot take focus.
    if (!Object.values(view.tools).some((b) => b.tabIndex === 0 && !b.disabled)) focusable(view, view.tools.add);
  }

  function setPressed(button: HTMLButtonElement, pressed: boolean): void {
    button.setAttribute("aria-pressed", String(pressed));
  }

  /** Views for the rows, one each, reusing those there are: a row's DOM stays where it is. */
  function draw(): void {
    while (views.length < rows.length) {
      const view = rowView();
      views.push(view);
      list.append(view.item);
    }
    while (views.length > rows.length) views.pop()!.item.remove();
    rows.forEach((_, i) => drawRow(i));
    empty.hidden = rows.length > 0;
    heads.hidden = rows.length === 0;
  }

  function fitHeight(area: HTMLTextAreaElement): void {
    if (CSS.supports("field-sizing", "content")) return;
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  }

  /** Runs a tool on a row, redraws, reports the change, and puts focus where the row went. */
  function use(index: number, tool: Tool): void {
    const row = rows[index];
    if (!row) return;
    const view = views[index]!;
    const caret = (side: Lang) => (document.activeElement === view.text[side] ? view.text[side].selectionStart : view.caret[side] ?? view.text[side].value.length);
    const [changed, focusRow, focusOn]: [Row[], number, Exclude<Tool, "add" | "split"> | "en"] =
      tool === "add" ? [addRow(rows, index + 1), index + 1, "en"]
      : tool === "split" ? [splitRow(rows, index, { en: caret("en"), zh: caret("zh") }), index + 1, "en"]
      : tool === "merge" ? [mergeRows(rows, index), index, "merge"]
      : tool === "up" ? [moveRow(rows, index, -1), Math.max(0, index - 1), "up"]
      : tool === "down" ? [moveRow(rows, index, 1), Math.min(rows.length - 1, index + 1), "down"]
      : tool === "solo" ? [toggleSolo(rows, index), index, "solo"]
      : [toggleKind(rows, index, tool), index, tool];
    rows = changed;
    for (const v of views) v.caret = {};
    draw();
    emit();
    const target = views[Math.min(focusRow, views.length - 1)];
    if (!target) return;
    if (focusOn === "en") return target.text.en.focus();
    // A tool that cannot be used again here (down, on the last row) hands focus to the first.
    focusTool(target, target.tools[focusOn].disabled ? target.tools.add : target.tools[focusOn]);
  }

  function focusable(view: RowView, button: HTMLButtonElement): void {
    for (const b of Object.values(view.tools)) b.tabIndex = b === button ? 0 : -1;
  }

  function focusTool(view: RowView, button: HTMLButtonElement): void {
    focusable(view, button);
    button.focus();
  }

  /** Arrow keys move along a row's toolbar, Home and End to its ends (one tab stop each). */
  function roveToolbar(event: KeyboardEvent, view: RowView): void {
    const buttons = Object.values(view.tools).filter((b) => !b.disabled);
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined || at < 0) return;
    event.preventDefault();
    focusTool(view, buttons[(to + buttons.length) % buttons.length]!);
  }

  function pasteDialog() {
    const element = el("dialog", "pair-editor__paste");
    element.setAttribute("aria-label", both("pairPaste"));
    const area = (side: Lang, key: keyof UiStrings) => {
      const text = textarea(`pair-paste__text pair-paste__text--${side}`, side, 10);
      return { text, label: el("label", "pair-paste__field", el("span", "", both(key)), text) };
    };
    const english = area("en", "pairPasteEnglish");
    const chinese = area("zh", "pairPasteChinese");
    const align = Object.assign(el("button", "pair-paste__align", both("pairAlign")), { type: "submit" });
    const cancel = button("pair-paste__cancel", both("pairCancel"));
    const form = el("form", "", el("div", "pair-paste__fields", english.label, chinese.label), el("div", "pair-paste__actions", align, cancel));
    element.append(form);
    cancel.addEventListener("click", () => element.close());
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const aligned = alignTexts(english.text.value, chinese.text.value);
      element.close();
      if (!aligned.length) return;
      const start = rows.every(isEmptyRow) ? 0 : rows.length;
      rows = [...rows.slice(0, start), ...aligned];
      english.text.value = chinese.text.value = "";
      draw();
      emit();
      const unsure = aligned.filter((r) => r.unsure).length;
      const told = (text: string) => text.replace("{n}", String(aligned.length)).replace("{m}", String(unsure));
      status.textContent = `${told(ui.en.pairAligned)} · ${told(ui.zh.pairAligned)}`;
      views[start + Math.max(0, aligned.findIndex((r) => r.unsure))]!.text.en.focus();
    });
    return { element, open: () => (element.showModal(), english.text.focus()) };
  }

  pasteButton.addEventListener("click", () => dialog.open());
  addFirst.addEventListener("click", () => {
    rows = addRow(rows, 0);
    draw();
    views[0]!.text.en.focus();
  });

  draw();
  showNotes(options.value);

  return {
    setValue(value: string) {
      if (emitted.includes(value)) return;
      emitted.length = 0;
      emitted.push(value);
      body = readBody(value);
      rows = body.rows;
      for (const view of views) view.caret = {};
      draw();
      showNotes(value);
    },
    focus() {
      (views[0]?.text.en ?? addFirst).focus();
    },
    destroy() {
      root.remove();
    },
  };
}
