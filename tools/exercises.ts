/**
 * `deno task exercises [SOLUTION.ipynb …] [--check]`: build `exercises/NN_slug.ipynb` from
 * `solutions/NN_slug.ipynb` (default: every solution). Solution blocks become stubs that throw
 * `NotImplementedError`, hidden checks are removed, outputs cleared; the same solution always gives the
 * same bytes. With `--check`, nothing is written: the command lists exercises that are missing or out of
 * date and exits 1 if there are any.
 *
 * Before generating, the authoring lint (`tools/grade/lint.ts`) refuses near-miss markers, exercise functions
 * without a solution block, check cells that declare names later cells use, and graded cells without an
 * explicit id; each error names the file, cell and line, and the command exits 1.
 *
 * The markers are described in `tools/grade/markers.ts`; the instructor's guide is the README's "For instructors" section.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { readNotebook, serializeNotebook } from "./notebook/nbformat.ts";
import { expandNotebookPaths } from "./notebook/runner.ts";
import { parseAssignment } from "./grade/markers.ts";
import { lintSolution } from "./grade/lint.ts";
import { textToNotebook } from "./nbtext.ts";
import { studentVersion } from "./grade/student_version.ts";

const USAGE = "usage: deno task exercises [SOLUTION.ipynb|FOLDER …] [--out DIR] [--check]";

/** The lint's findings, one per line, as one error. */
export class LintError extends Error {
  constructor(readonly findings: string[]) {
    super(findings.join("\n     "));
    this.name = "LintError";
  }
}

/**
 * The exercise notebook text generated from a solution notebook. Throws {@linkcode LintError} on authoring
 * problems (tools/grade/lint.ts) and on malformed markers.
 */
export async function exerciseText(solutionPath: string): Promise<string> {
  const solution = await readNotebook(solutionPath);
  const findings = lintSolution(solution, solutionPath);
  // The text form beside it, if any, must convert: nbtext refuses an id it would have cut (file:line).
  const text = solutionPath.replace(/\.ipynb$/, ".nb.ts");
  const source = await Deno.readTextFile(text).catch(() => null);
  if (source !== null) {
    try {
      textToNotebook(source, text);
    } catch (e) {
      findings.push((e as Error).message);
    }
  }
  if (findings.length) throw new LintError(findings);
  const assignment = parseAssignment(solution, solutionPath);
  return serializeNotebook(studentVersion(assignment));
}

/** How one exercise file compares with what its solution generates. */
export interface ExerciseStatus {
  solution: string;
  exercise: string;
  status: "up-to-date" | "stale" | "missing" | "error";
  /** For "error": what is wrong with the solution's markers. */
  message: string;
}

/** Compare (and with `write`, regenerate) the exercise of each solution. */
export async function syncExercises(
  solutions: string[],
  options: { outDir?: string; write?: boolean } = {},
): Promise<ExerciseStatus[]> {
  const outDir = (options.outDir ?? "exercises").replace(/\/$/, "");
  const results: ExerciseStatus[] = [];
  for (const solution of solutions) {
    const exercise = `${outDir}/${solution.split("/").pop()}`;
    let text: string;
    try {
      text = await exerciseText(solution);
    } catch (e) {
      results.push({ solution, exercise, status: "error", message: (e as Error).message });
      continue;
    }
    let current: string | null = null;
    try {
      current = await Deno.readTextFile(exercise);
    } catch {
      current = null;
    }
    const status = current === null ? "missing" : current === text ? "up-to-date" : "stale";
    if (options.write && status !== "up-to-date") {
      await Deno.mkdir(outDir, { recursive: true });
      await Deno.writeTextFile(exercise, text);
    }
    results.push({ solution, exercise, status, message: "" });
  }
  return results;
}

/** CLI entry; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { check: { type: "boolean" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  let solutions: string[];
  try {
    solutions = await expandNotebookPaths(parsed.positionals.length ? parsed.positionals : ["solutions"]);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const check = parsed.values.check ?? false;
  const results = await syncExercises(solutions, { outDir: parsed.values.out, write: !check });
  for (const r of results) {
    if (r.status === "error") console.error(`ERR  ${r.solution}: ${r.message}`);
    else if (check) console.log(`${r.status === "up-to-date" ? "ok  " : "OUT "} ${r.exercise} (${r.status})`);
    else console.log(`${r.status === "up-to-date" ? "same" : "wrote"} ${r.exercise}`);
  }
  const bad = results.filter((r) => r.status === "error" || (check && r.status !== "up-to-date"));
  if (check && bad.length) console.error(`\n${bad.length} exercise(s) out of date: run deno task exercises`);
  return bad.length ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
