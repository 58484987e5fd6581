// The publishing workflow as GitHub reads it: its YAML, its jobs and the order they run in for
// each kind of change, the commands it runs, and the alternatives its header offers.

import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseTarget } from "../src/features/deploy/target.ts";
import { runJobs, type Job } from "./helpers/workflow.ts";

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job & { steps: Step[]; outputs?: Record<string, string> }>;
}

const FILE = ".github/workflows/publish.yml";
const text = readFileSync(FILE, "utf8");
const workflow = parse(text) as Workflow;
const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts);
const steps = (job: string) => workflow.jobs[job]!.steps;
const runs = (job: string) => steps(job).flatMap((step) => (step.run ? [step.run] : []));
const ran = (results: Record<string, string>) => Object.keys(results).filter((job) => results[job] === "success");

describe("the publishing workflow", () => {
  it("runs on pushes to main, on a schedule and by hand", () => {
    expect(workflow.on.push).toEqual({ branches: ["main"] });
    expect(workflow.on.schedule).toEqual([{ cron: "*/30 * * * *" }]);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
  });

  it("ends a scheduled run that has nothing due after the plan", () => {
    const results = runJobs(workflow.jobs, { event: "schedule", outputs: { plan: { publish: "false", test: "false" } } });
    expect(ran(results)).toEqual(["plan"]);
  });

  it("publishes an article or a picture without the tests, and an article come due likewise", () => {
    for (const event of ["push", "schedule"]) {
      const results = runJobs(workflow.jobs, { event, outputs: { plan: { publish: "true", test: "false" } } });
      expect(ran(results), event).toEqual(["plan", "build", "deploy"]);
    }
  });

  it("runs the tests before building when code changed, and publishes nothing when they fail", () => {
    const outputs = { plan: { publish: "true", test: "true" } };
    expect(ran(runJobs(workflow.jobs, { event: "push", outputs }))).toEqual(["plan", "test", "build", "deploy"]);
    expect(runJobs(workflow.jobs, { event: "push", outputs, failing: ["test"] })).toEqual({ plan: "success", test: "failure", build: "skipped", deploy: "skipped" });
  });

  it("builds by hand even when nothing is due, but never when the plan failed", () => {
    expect(ran(runJobs(workflow.jobs, { event: "workflow_dispatch", outputs: { plan: { publish: "false", test: "false" } } }))).toEqual(["plan", "build", "deploy"]);
    const failed = runJobs(workflow.jobs, { event: "workflow_dispatch", failing: ["plan"] });
    expect(ran(failed)).toEqual([]);
  });

  it("plans with npm run due on the full history, compared with the push's before, its answers the plan's outputs", () => {
    const checkout = steps("plan").find((step) => step.uses?.startsWith("actions/checkout@"))!;
    expect(checkout.with).toMatchObject({ "fetch-depth": 0 });
    const due = steps("plan").find((step) => step.id === "due")!;
    expect(due.run).toMatch(/^npm run --silent due -- --before "\$BEFORE" >> "\$GITHUB_OUTPUT"$/);
    expect(due.env).toMatchObject({ BEFORE: "${{ github.event.before }}" });
    expect(workflow.jobs.plan!.outputs).toEqual({ publish: "${{ steps.due.outputs.publish }}", test: "${{ steps.due.outputs.test }}" });
    // The live site's address is the one the build gives it.
    const build = steps("build").find((step) => step.run === "npm run build")!;
    expect(due.env!.SITE_URL).toBe(build.env!.SITE_URL);
    expect(due.env!.PATH_PREFIX).toBe(build.env!.PATH_PREFIX);
  });

  it("runs the whole test suite only in the test job, and checks the articles before every build", () => {
    expect(Object.keys(workflow.jobs).filter((job) => runs(job).some((command) => /\bnpm test\b/.test(command)))).toEqual(["test"]);
    const build = runs("build");
    expect(build.indexOf("npm run check")).toBeGreaterThanOrEqual(0);
    expect(build.indexOf("npm run check")).toBeLessThan(build.indexOf("npm run build"));
  });

  it("records the commit it builds in build-info.json and keeps .cache/ between runs", () => {
    expect(steps("build").find((step) => step.run === "npm run build")!.env).toMatchObject({ QIAO_COMMIT: "${{ github.sha }}" });
    const cache = steps("build").find((step) => step.uses?.startsWith("actions/cache@") && step.with?.path === ".cache");
    // Saved by every run that builds (an entry is never overwritten), the newest restored.
    expect(cache?.with?.key).toMatch(/\$\{\{ github\.run_id \}\}/);
    expect(cache?.with?.["restore-keys"]).toBe("qiao-cache-");
    expect(steps("deploy").map((step) => step.uses)).toEqual(["actions/deploy-pages@v4"]);
  });

  it("names only npm scripts that exist, in its steps and in its header", () => {
    const named = [...text.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(["due", "check", "build", "deploy"]));
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it("offers S3 and rsync targets in its header that npm run deploy reads as such", () => {
    const kindOf = (target: ReturnType<typeof parseTarget>) => ("error" in target ? target.error : target.kind);
    const header = text.split("\n").filter((line) => line.startsWith("#")).join("\n").replace(/\$\{\{ [\w.]+ \}\}/g, "example");
    const targets = [...header.matchAll(/npm run deploy -- (\S+)/g)].map((m) => m[1]!);
    expect(targets.map((target) => kindOf(parseTarget(target, "https://storage.example.org")))).toEqual(["s3", "rsync"]);
  });
});
