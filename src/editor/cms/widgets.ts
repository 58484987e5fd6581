// The form's widgets. Decap's own (text, choice, list, picture...) each wrapped so that it
// asks the model before a save and shows `npm run check`'s message for its key beside it
// (Decap refuses a save while any field reports an error); the date, kept in Beijing time
// whatever the browser's clock; and the body, the pair editor drawn by src/editor/pairs/.
// A picture shows from where the site serves it, under its path prefix.
// They are React components because Decap's widgets are; the React is Decap's own (one
// bundle, one copy), and the pair editor itself is plain DOM.

import { createElement, Component, type ReactNode } from "react";
import type { List, Map as ImmutableMap } from "immutable";
import type { Lang } from "../../config/languages.ts";
import { beijingTimestamp, parseBeijingDate } from "../../model/dates.ts";
import { prefixedPath } from "../../site/urls.ts";
import type { RowNote } from "../pairs/check-draft.ts";
import { mountPairEditor, type PairEditorHandle } from "../pairs/pair-editor.ts";
import { KEY_OPTION } from "./config.ts";

/** What Decap hands a widget's control (the part of its props we use). */
export interface ControlProps {
  value: unknown;
  field: ImmutableMap<string, unknown>;
  forID: string;
  classNameWrapper: string;
  onChange(value: unknown): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  /** Decap's own check of this field (presence, pattern, then the control's isValid). */
  validate(): void;
  getEntry(): ImmutableMap<string, unknown>;
  /** A picture's address to show it by (the picture control's). */
  getAsset?: GetAsset;
}

/** The message `npm run check` gives for a front-matter key of the entry, if any. */
export type FieldCheck = (key: string, entry: ImmutableMap<string, unknown>) => string | undefined;

type Validity = boolean | { error: unknown } | Promise<unknown>;

interface InnerControl {
  isValid?(): Validity;
  validate?(): void;
  focus?(path?: string): void;
}

const customError = (message: string) => ({ error: { type: "CUSTOM", message } });

const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (typeof value === "object" && Object.values(value).every(blank));

/** The field as an object control is given it: while an optional object (the lead image) is
 *  empty, so are its fields, so that Decap requires none of them; once the editor fills any,
 *  the schema's rule holds again (a picture needs its alt text). */
export function objectFieldAsShown(field: ImmutableMap<string, unknown>, value: unknown): ImmutableMap<string, unknown> {
  const fields = field.get("fields") as List<ImmutableMap<string, unknown>> | undefined;
  const plain = (value as { toJS?(): unknown } | undefined)?.toJS?.() ?? value;
  if (field.get("required") !== false || !fields || !blank(plain)) return field;
  return field.set("fields", fields.map((f) => f.set("required", false)));
}

type GetAsset = (path: string, field?: unknown) => unknown;
const onSite = new WeakMap<GetAsset, GetAsset>();

/** Decap's `getAsset` for a site under `pathPrefix`. Decap finds a picture by its file name in
 *  the media folder alone; one in a sub-folder (assets/images/sample/) it gives back as the
 *  site path written in the article, which a project site serves under its prefix. */
function sitePictures(getAsset: GetAsset, pathPrefix: string): GetAsset {
  let wrapped = onSite.get(getAsset);
  if (!wrapped) onSite.set(getAsset, (wrapped = (path, field) => prefixedPath(String(getAsset(path, field)), pathPrefix)));
  return wrapped;
}

/** Decap's control `Control`, checked by the model for the field's front-matter key, on a
 *  site under `pathPrefix`. */
export function checked(Control: unknown, check: FieldCheck, pathPrefix = "/") {
  return class Checked extends Component<ControlProps> {
    inner: InnerControl | null = null;

    /** Decap calls it detached (`const valid = this.wrappedControlValid; valid()`). */
    isValid = (): Validity => {
      const own = this.inner?.isValid?.();
      if (own !== undefined && own !== true) return own;
      const message = check(String(this.props.field.get(KEY_OPTION)), this.props.getEntry());
      return message ? customError(message) : true;
    };

    /** Decap's form validates a control through this when it has it: an object or a list
     *  first validates its own fields, then itself (its key's own messages). */
    validate = () => {
      this.inner?.validate?.();
      this.props.validate();
    };

    focus(path?: string) {
      if (this.inner?.focus) this.inner.focus(path);
      else document.getElementById(this.props.forID)?.focus();
    }

    render(): ReactNode {
      const field = objectFieldAsShown(this.props.field, this.props.value);
      const getAsset = this.props.getAsset && sitePictures(this.props.getAsset, pathPrefix);
      return createElement(Control as never, { ...this.props, field, getAsset, ref: (ref: InnerControl | null) => void (this.inner = ref) });
    }
  };
}

/** "2025-02-12 22:15:00" (or any date the model reads) as a datetime-local input's value:
 *  the Beijing wall clock, whatever time zone the browser is in. */
export function dateInputValue(value: string): string {
  const date = parseBeijingDate(value);
  return date instanceof Date ? beijingTimestamp(date).replace(" ", "T") : "";
}

/** A datetime-local input's value as front matter writes it, in Beijing time. */
export function dateFieldValue(input: string): string {
  if (!input) return "";
  const [day, time = "00:00"] = input.split("T");
  return `${day} ${time.length === 5 ? `${time}:00` : time}`;
}

/** The date: a datetime-local input that means Beijing time. A new article starts dated now;
 *  an article opened without a date keeps none, so check's "missing date" shows. */
export function beijingDateControl(check: FieldCheck) {
  class BeijingDate extends Component<ControlProps> {
    componentDidMount() {
      if (!this.props.value && this.props.getEntry().get("newRecord")) this.props.onChange(beijingTimestamp(new Date()));
    }

    render(): ReactNode {
      const { forID, classNameWrapper, value, onChange, setActiveStyle, setInactiveStyle } = this.props;
      return createElement("input", {
        id: forID,
        type: "datetime-local",
        step: 1,
        className: classNameWrapper,
        value: dateInputValue(String(value ?? "")),
        onChange: (event: { target: { value: string } }) => onChange(dateFieldValue(event.target.value)),
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
      });
    }
  }
  return checked(BeijingDate, check);
}

/** The body: the pair editor (src/editor/pairs/), plain DOM in a host element React leaves
 *  alone. `notes` gives the check's notes on a body the editor shows, by row. */
export function pairEditorControl(check: FieldCheck, notes: (entry: ImmutableMap<string, unknown>, body: string) => readonly RowNote[], lang: Lang) {
  class PairEditor extends Component<ControlProps> {
    host: HTMLDivElement | null = null;
    editor: PairEditorHandle | undefined;

    componentDidMount() {
      this.editor = mountPairEditor(this.host!, {
        value: String(this.props.value ?? ""),
        onChange: (value) => this.props.onChange(value),
        lang,
        notes: (value) => notes(this.props.getEntry(), value),
      });
    }

    componentDidUpdate() {
      this.editor!.setValue(String(this.props.value ?? ""));
    }

    componentWillUnmount() {
      this.editor?.destroy();
    }

    focus() {
      this.editor?.focus();
    }

    // The editor draws its own rows; React must not redraw them.
    shouldComponentUpdate(next: ControlProps) {
      return next.value !== this.props.value;
    }

    render(): ReactNode {
      return createElement("div", { ref: (host: HTMLDivElement | null) => void (this.host = host) });
    }
  }
  return checked(PairEditor, check);
}
