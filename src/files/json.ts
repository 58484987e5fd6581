// JSON a person may have edited (articles/articles.json) or a tool may have cut short
// (_site/build-info.json), read so that a mistake is reported at its line and column.
// V8's messages give the character's position for most errors, but not for an unexpected
// token (they quote the text instead); there the place is found by bisection: the shortest
// prefix of the text that fails before its own end ends with the mistake.

export interface JsonError {
  line: number;
  col: number;
  /** V8's reason, without its position or its quote of the text. */
  message: string;
}

function failure(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const positionIn = (message: string) => /at position (\d+)/.exec(message)?.[1];

/** Whether `prefix` fails before its end, not merely by stopping short. */
function failsWithin(prefix: string): boolean {
  const message = failure(prefix);
  if (message === undefined || message.startsWith("Unexpected end")) return false;
  const position = positionIn(message);
  return position === undefined || Number(position) < prefix.length;
}

/** 1-based line and column of the character at `index`. */
function place(text: string, index: number): { line: number; col: number } {
  const before = text.slice(0, index).split("\n");
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

export function parseJson(text: string): { value: unknown } | { error: JsonError } {
  const source = text.replace(/^\uFEFF/, "");
  const reason = failure(source);
  if (reason === undefined) return { value: JSON.parse(source) };
  const position = positionIn(reason);
  let index = position === undefined ? source.length : Number(position);
  if (position === undefined && !reason.startsWith("Unexpected end")) {
    let low = 0;
    let high = source.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (failsWithin(source.slice(0, mid + 1))) high = mid;
      else low = mid + 1;
    }
    index = low;
  }
  const message = reason.replace(/,\s*(?:\.\.\.)?"[\s\S]*$/, "").replace(/\s+(?:in JSON\s+)?at position \d+.*$/, "");
  return { error: { ...place(source, index), message } };
}
