/**
 * `deno task grade <NOTEBOOK|FOLDER …> [options]`: grade submissions of an assignment.
 *
 * Each submission is executed in a fresh, locked-down kernel inside a bubblewrap sandbox (tools/grade/
 * bubblewrap.ts, sandbox.ts, preamble.ts) with the solution's check cells (hidden checks included) run after
 * the student's code. Submissions are never modified. Writes, in the out folder: `gradebook.csv`, `canvas.csv`,
 * `moodle.csv`, `run.json` (the hidden checks' seed), `feedback/<submission>.md` and `.html`, and the executed
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
 *   --roster CSV           the class list (columns id, name, and optionally email, login)
 *   --overrides CSV        manual points (columns student, check, points, comment), applied at every regrade
 *   --canvas-column NAME   the assignment's column in Canvas, e.g. "Assignment 1 (12345)"
 *   --seed N               the hidden checks' seed (default: a fresh secret one, written to run.json)
 *   --unsafe-no-sandbox    grade without the sandbox where none can start (recorded in the gradebook)
 *
 * Exit code: 0 when every submission could be graded (whatever its score), 1 when some could not
 * (invalid, another assignment, grader error), 2 for bad usage, 3 when Jupyter is missing, 4 when no
 * sandbox can start (and --unsafe-no-sandbox was not given).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { JupyterNotFoundError } from "./jupyter/server.ts";
import { gradeBatch, listSubmissions, resolveAssignment } from "./grade/batch.ts";
import { NoSandboxError, startGradingServer } from "./grade/sandbox.ts";
import { assignStudents, parseRoster } from "./grade/roster.ts";
import { type Override, parseOverrides } from "./grade/overrides.ts";
import type { SubmissionResult } from "./grade/submission.ts";

const USAGE =
  "usage: deno task grade <NOTEBOOK|FOLDER …> [--out DIR] [--assignment NAME] [--solutions DIR] " +
  "[--jobs N] [--timeout S] [--total-timeout S] [--memory MB] [--roster CSV] [--overrides CSV] " +
  "[--canvas-column NAME] [--seed N] [--unsafe-no-sandbox]";

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
        roster: { type: "string" },
        overrides: { type: "string" },
        "canvas-column": { type: "string" },
        seed: { type: "string" },
        "unsafe-no-sandbox": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    v = parsed.values;
    positionals = parsed.positionals;
    cellTimeout = positive(v.timeout, { fallback: 60, what: "--timeout" });
    totalTimeout = positive(v["total-timeout"], { fallback: 300, what: "--total-timeout" });
    jobs = Math.round(positive(v.jobs, { fallback: 2, what: "--jobs" }));
    memory = positive(v.memory, { fallback: 3072, what: "--memory" });
    if (v.seed !== undefined && !/^\d+$/.test(v.seed)) {
      throw new Error(`--seed must be a whole number, got "${v.seed}"`);
    }
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
  let submissions, assignment, overrides: Override[] = [];
  try {
    const files = await listSubmissions(positionals);
    if (files.length === 0) throw new Error(`no .ipynb files in ${positionals.join(", ")}`);
    const roster = v.roster ? parseRoster(await Deno.readTextFile(v.roster), v.roster) : null;
    const assigned = await assignStudents(files, roster);
    for (const w of assigned.warnings) console.warn(`warning: ${w}`);
    for (const m of assigned.missing) console.warn(`warning: no submission from ${m.name} (${m.id})`);
    submissions = assigned.submissions;
    if (submissions.length === 0) throw new Error(`no submission to grade in ${positionals.join(", ")}`);
    assignment = await resolveAssignment(submissions, {
      assignment: v.assignment,
      solutionsDir: v.solutions,
    });
    if (v.overrides) {
      overrides = parseOverrides(await Deno.readTextFile(v.overrides), { path: v.overrides, assignment });
      const keys = new Set(submissions.map((s) => s.student.key));
      for (const o of overrides.filter((o) => !keys.has(o.student))) {
        console.warn(
          `warning: ${v.overrides}: no submission from student "${o.student}"; override not applied`,
        );
      }
    }
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  let started;
  try {
    started = await startGradingServer({ memoryMB: memory, unsafe: v["unsafe-no-sandbox"] });
  } catch (e) {
    if (e instanceof NoSandboxError) {
      console.error(e.message);
      return 4;
    }
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
        : " (no prlimit: memory not capped beyond the heap)") +
      (sandbox.sandboxed ? "; sandbox: bubblewrap" : `;\nWARNING: NO SANDBOX (${sandbox.noSandboxReason})`),
  );
  try {
    const batch = await gradeBatch(server, submissions, {
      assignment,
      outDir: v.out,
      jobs,
      cellTimeoutSeconds: cellTimeout,
      submissionTimeoutSeconds: totalTimeout,
      kernelName: sandbox.kernelName,
      seed: v.seed === undefined ? undefined : Number(v.seed),
      overrides,
      sandboxLabel: sandbox.sandboxed ? "bubblewrap" : "NONE (--unsafe-no-sandbox)",
      canvasColumn: v["canvas-column"],
      onResult: (r, progress) => console.log(progressLine(r, progress)),
    });
    await Deno.writeTextFile(
      `${v.out}/run.json`,
      JSON.stringify(
        {
          assignment: assignment.name,
          seed: batch.seed,
          sandbox: sandbox.sandboxed ? "bubblewrap" : `none: ${sandbox.noSandboxReason}`,
          date: new Date().toISOString(),
        },
        null,
        2,
      ) + "\n",
    );
    const ungraded = batch.results.filter((r) =>
      ["invalid", "wrong-assignment", "grader-error"].includes(r.status)
    );
    console.log(
      `\nGraded ${batch.results.length - ungraded.length} of ${batch.results.length} in ${
        batch.seconds.toFixed(1)
      } s. ` +
        `Gradebook: ${batch.gradebookPath} (LMS imports: ${v.out}/canvas.csv, ${v.out}/moodle.csv); ` +
        `feedback: ${v.out}/feedback/; executed notebooks: ${v.out}/graded/; hidden checks' seed: ${batch.seed}`,
    );
    return ungraded.length ? 1 : 0;
  } finally {
    await server.stop();
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
