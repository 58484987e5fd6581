// Which jobs of a GitHub Actions workflow run, as GitHub decides it: jobs in the order of
// their `needs`, each `if:` evaluated with the results and outputs of the jobs before it. A
// condition without a status function (success(), always(), cancelled(), failure()) runs only
// when every job it needs succeeded, as GitHub adds `success() &&` to it. The expressions
// are the subset workflows here use: ==, !=, &&, ||, !, parentheses, 'strings', context
// paths (needs.plan.outputs.test, github.event_name) and the four status functions.

export interface Job {
  needs?: string | string[];
  if?: string;
}

export type Result = "success" | "failure" | "skipped";

export interface Run {
  /** `github.event_name`. */
  event: string;
  /** Each job's outputs, when it runs. */
  outputs?: Record<string, Record<string, string>>;
  /** Jobs that fail when they run. */
  failing?: string[];
}

const needsOf = (job: Job) => (job.needs === undefined ? [] : [job.needs].flat());

type Value = string | boolean | undefined;

function evaluate(expression: string, context: (path: string) => Value, status: Record<string, boolean>): Value {
  const tokens = expression.match(/\s*('[^']*'|==|!=|&&|\|\||!|\(|\)|[\w.-]+)/g)?.map((t) => t.trim()) ?? [];
  if (tokens.join("") !== expression.replace(/\s+/g, "")) throw new Error(`cannot read the expression: ${expression}`);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++]!;
  const truthy = (value: Value) => value !== undefined && value !== false && value !== "";
  function primary(): Value {
    const token = next();
    if (token === "!") return !truthy(primary());
    if (token === "(") {
      const value = or();
      if (next() !== ")") throw new Error(`unbalanced parentheses in ${expression}`);
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1);
    if (peek() === "(") {
      next();
      if (next() !== ")") throw new Error(`${token}() takes no arguments here`);
      if (!(token in status)) throw new Error(`unknown function ${token}()`);
      return status[token];
    }
    if (token === "true" || token === "false") return token === "true";
    return context(token);
  }
  function comparison(): Value {
    const left = primary();
    if (peek() !== "==" && peek() !== "!=") return left;
    const equal = next() === "==";
    const right = primary();
    // GitHub compares strings case-insensitively.
    const same = String(left ?? "").toLowerCase() === String(right ?? "").toLowerCase();
    return equal ? same : !same;
  }
  /** a && b is a when a is falsy, else b; a || b is a when a is truthy, else b. */
  const chain = (operator: string, operand: () => Value, keepsLeft: (left: Value) => boolean) => (): Value => {
    let value = operand();
    while (peek() === operator) {
      next();
      const right = operand();
      if (!keepsLeft(value)) value = right;
    }
    return value;
  };
  const and = chain("&&", comparison, (left) => !truthy(left));
  const or = chain("||", and, truthy);
  const value = or();
  if (at !== tokens.length) throw new Error(`unexpected ${peek()} in ${expression}`);
  return truthy(value);
}

/** Each job's result in one run of the workflow. */
export function runJobs(jobs: Record<string, Job>, run: Run): Record<string, Result> {
  const results: Record<string, Result> = {};
  const pending = new Set(Object.keys(jobs));
  while (pending.size) {
    const ready = [...pending].find((name) => needsOf(jobs[name]!).every((need) => need in results));
    if (!ready) throw new Error(`the jobs' needs form a cycle or name a missing job: ${[...pending].join(", ")}`);
    pending.delete(ready);
    const job = jobs[ready]!;
    const needs = needsOf(job);
    const condition = (job.if ?? "").replace(/^\$\{\{([\s\S]*)\}\}$/, "$1").trim();
    const status = {
      success: needs.every((need) => results[need] === "success"),
      failure: needs.some((need) => results[need] === "failure"),
      cancelled: false,
      always: true,
    };
    const context = (path: string): Value => {
      const [root, name, field, key] = path.split(".");
      if (root === "github" && name === "event_name") return run.event;
      if (root === "needs" && name && needs.includes(name)) {
        if (field === "result") return results[name];
        if (field === "outputs") return results[name] === "success" ? run.outputs?.[name]?.[key!] : undefined;
      }
      throw new Error(`${ready}: unknown context ${path}`);
    };
    const explicit = /\b(success|failure|always|cancelled)\(\)/.test(condition);
    const runs = (explicit || status.success) && (!condition || evaluate(condition, context, status) === true);
    results[ready] = !runs ? "skipped" : run.failing?.includes(ready) ? "failure" : "success";
  }
  return results;
}
