/**
 * `deno task grade <NOTEBOOK|FOLDER …> [options]`: grade submissions of an assignment.
 *
 * Each submission is executed in a fresh, locked-down kernel (tools/grade/sandbox.ts, preamble.ts) with the
 * solution's check cells (hidden checks included) run after the student's code. Submissions are never
 * modified. Writes, in the out folder: `gradebook.csv`, `feedback/<submission>.md` and the executed
 * `graded/<submission>.ipynb`. Run it from the project root. Guide: the README, "For instructors".
 *
 * Options:
 *   --out DIR              output folder (default _build/grades)
 *   --assignment NAME      assignment (solutions/NAME.ipynb, or a solution path); default: what the
 *                          submissions declare in their metadata or are named after
 *   --solutions DIR        folder of solution notebooks (default solutions)
 *   --jobs N               submissions graded at once (default 2)
 *   --timeout SECONDS      per-cell limit (default 60)
 *   --total-timeout SECONDS  per-submission limit (default 300)
 *   --memory MB            memory per kernel (default 3072)
 *
 * Exit code: 0 when every submission could be graded (whatever its score), 1 when some could not
 * (invalid, another assignment, grader error), 2 for bad usage, 3 when Jupyter is missing.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { JupyterNotFoundError } from "./jupyter/server.ts";
import { gradeBatch, listSubmissions, resolveAssignment } from "./grade/batch.ts";
import { startGradingServer } from "./grade/sandbox.ts";
import type { SubmissionResult } from "./grade/submission.ts";

const USAGE =
  "usage: deno task grade <NOTEBOOK|FOLDER …> [--out DIR] [--assignment NAME] [--solutions DIR] " +
  "[--jobs N] [--timeout S] [--total-timeout S] [--memory MB]";

function positive(value: string | undefined, spec: { fallback: number; what: string }): number {
  const { fallback, what } = spec;
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${what} must be a positive number, got "${value}"`);
  return n;
}

/** One progress line. */
export function progressLine(r: SubmissionResult, progress: { done: number; of: number }): string {
  const { done, of } = progress;
  const head = `[${String(done).padStart(String(of).length)}/${of}] ${r.id}: ${r.total}/${r.possible}` +
    `  ${r.status}  ${r.seconds.toFixed(1)} s`;
  return r.problems.length ? `${head}\n      ${r.problems.join("\n      ")}` : head;
}

/** CLI entry; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let v;
  let positionals: string[];
  let cellTimeout: number, totalTimeout: number, jobs: number, memory: number;
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string", default: "_build/grades" },
        assignment: { type: "string" },
        solutions: { type: "string", default: "solutions" },
        jobs: { type: "string" },
        timeout: { type: "string" },
        "total-timeout": { type: "string" },
        memory: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    v = parsed.values;
    positionals = parsed.positionals;
    cellTimeout = positive(v.timeout, { fallback: 60, what: "--timeout" });
    totalTimeout = positive(v["total-timeout"], { fallback: 300, what: "--total-timeout" });
    jobs = Math.round(positive(v.jobs, { fallback: 2, what: "--jobs" }));
    memory = positive(v.memory, { fallback: 3072, what: "--memory" });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`No submissions given.\n${USAGE}`);
    return 2;
  }
  try {
    const config = JSON.parse(await Deno.readTextFile("deno.json"));
    if (!config.imports?.["learning-mechanics"]) throw new Error();
  } catch {
    console.error(
      `Run the grader from the course's root folder (the one whose deno.json maps "learning-mechanics").`,
    );
    return 2;
  }
  let submissions, assignment;
  try {
    submissions = await listSubmissions(positionals);
    if (submissions.length === 0) throw new Error(`no .ipynb files in ${positionals.join(", ")}`);
    assignment = await resolveAssignment(submissions, {
      assignment: v.assignment,
      solutionsDir: v.solutions,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  let started;
  try {
    started = await startGradingServer({ memoryMB: memory });
  } catch (e) {
    console.error(
      e instanceof JupyterNotFoundError ? e.message : `Could not start Jupyter: ${(e as Error).message}`,
    );
    return 3;
  }
  const { server, sandbox } = started;
  console.log(
    `Grading ${submissions.length} submission(s) of ${assignment.name} (${assignment.checks.length} checks, ` +
      `${
        assignment.checks.reduce((s, c) => s + c.points, 0)
      } points), ${jobs} at a time; limits: ${cellTimeout} s per cell, ` +
      `${totalTimeout} s per submission, heap ${sandbox.heapMB} MB` +
      (sandbox.dataLimitMB
        ? `, memory ${sandbox.dataLimitMB} MB`
        : " (no prlimit: memory not capped beyond the heap)"),
  );
  try {
    const batch = await gradeBatch(server, submissions, {
      assignment,
      outDir: v.out,
      jobs,
      cellTimeoutSeconds: cellTimeout,
      submissionTimeoutSeconds: totalTimeout,
      onResult: (r, progress) => console.log(progressLine(r, progress)),
    });
    const ungraded = batch.results.filter((r) =>
      ["invalid", "wrong-assignment", "grader-error"].includes(r.status)
    );
    console.log(
      `\nGraded ${batch.results.length - ungraded.length} of ${batch.results.length} in ${
        batch.seconds.toFixed(1)
      } s. ` +
        `Gradebook: ${batch.gradebookPath}; feedback: ${v.out}/feedback/; executed notebooks: ${v.out}/graded/`,
    );
    return ungraded.length ? 1 : 0;
  } finally {
    await server.stop();
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
