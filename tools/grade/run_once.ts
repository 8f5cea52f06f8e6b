/**
 * One execution of a graded notebook: run it under the deadlines (a kernel that never starts is retried in a
 * fresh session), then turn what happened into the result's status and problem lines (a syntax error with its
 * place, a forbidden operation, a timeout, a dead kernel).
 *
 * @module
 */
import type { JupyterServer } from "../jupyter/server.ts";
import { type Notebook, sourceOf } from "../notebook/nbformat.ts";
import type { GradedNotebook } from "./graded_notebook.ts";
import { executeWithDeadlines } from "./deadlines.ts";
import { syntaxError } from "./syntax.ts";
import type { SubmissionResult } from "./submission.ts";

/** One line for a cell that raised: what it tried, or the error with its place for a syntax error. */
function describeError(
  graded: GradedNotebook,
  e: { cellIndex: number; ename: string; evalue: string; syntax?: string },
  rest: string,
): string {
  const where = describeCell(graded, e.cellIndex);
  const first = e.evalue.split("\n")[0];
  if (e.ename === "NotCapable" || e.ename === "PermissionDenied") {
    return `${where} tried something the grader forbids (${first.split(", run again")[0]}); ${rest}`;
  }
  if (e.syntax !== undefined) {
    const place = e.syntax || "(Deno does not say where, and the grader could not find it)";
    return `${where} has a syntax error: ${place}; ${rest}`;
  }
  return `${where} raised ${e.ename}: ${first}; ${rest}`;
}

function describeCell(graded: GradedNotebook, index: number): string {
  const c = graded.cells[index];
  const what = c.origin === "check" ? "check cell" : c.origin === "added" ? "added cell" : "cell";
  return `${what} "${c.id}"`;
}

/** Execute the graded notebook once and fill the result's status and problems; returns the executed notebook. */
export async function runOnce(
  server: JupyterServer,
  graded: GradedNotebook,
  options: {
    result: SubmissionResult;
    scratch: string;
    name: string;
    limits: Omit<Parameters<typeof executeWithDeadlines>[2], "path">;
  },
): Promise<Notebook> {
  const { result, scratch, name, limits } = options;
  await Deno.mkdir(`${scratch}/retry`, { recursive: true });
  result.status = "graded";
  try {
    // A kernel that never starts (a port clash, an overloaded machine) is the grader's problem, not the
    // student's: try once more in a fresh session.
    let run = await executeWithDeadlines(server, graded.notebook, {
      ...limits,
      path: relativeTo(server.rootDir, `${scratch}/${name}.ipynb`),
    });
    if (run.stuck && !run.started) {
      run = await executeWithDeadlines(server, graded.notebook, {
        ...limits,
        path: relativeTo(server.rootDir, `${scratch}/retry/${name}.ipynb`),
      });
    }
    if (run.stuck || !run.exec) {
      result.status = run.started ? "stopped" : "grader-error";
      result.stoppedAt = run.started ? 0 : -1;
      result.problems.push(
        `${run.stuck}; ${run.started ? "the checks that had not run score 0" : "nothing was graded"}`,
      );
      return graded.notebook;
    }
    // Deno reports a cell that does not parse only as "Execution failed": find where, by parsing it.
    const errors = await Promise.all(
      run.exec.errors.map(async (e) =>
        e.kind === "error" && (e.ename === "SyntaxError" || /^Execution failed/.test(e.evalue)) &&
          e.cellIndex > 0
          ? { ...e, syntax: await syntaxError(sourceOf(graded.notebook.cells[e.cellIndex])) }
          : e
      ),
    );
    // Cells that raised did not stop the run (the sandbox goes on after them); a timeout, a dead kernel or
    // the watchdog did.
    const last = errors.at(-1);
    const f = last && (last.kind !== "error" || run.dogFired || last.cellIndex === 0) ? last : null;
    result.status = f ? "stopped" : "graded";
    if (f) result.stoppedAt = f.cellIndex;
    for (const e of errors.filter((e) => e !== f && e.cellIndex > 0)) {
      result.problems.push(describeError(graded, e, "the cells after it still ran"));
    }
    if (f && f.cellIndex === 0) {
      result.status = "grader-error";
      result.problems.push(`the grader's preamble failed (${f.ename}: ${f.evalue}); nothing was graded`);
    } else if (f) {
      const where = describeCell(graded, f.cellIndex);
      const rest = "the cells and checks after it were not run";
      if (run.dogFired) {
        result.problems.push(
          `the submission ran past its limit of ${limits.submissionTimeoutSeconds} s (stopped in ${where}); ${rest}`,
        );
      } else if (f.kind === "timeout") {
        result.problems.push(
          `${where} did not finish within ${limits.cellTimeoutSeconds} s (an endless loop?); ${rest}`,
        );
      } else if (f.kind === "dead-kernel") {
        result.problems.push(`the kernel died in ${where} (memory exhausted, or Deno.exit?); ${rest}`);
      } else result.problems.push(describeError(graded, f, rest));
    }
    return run.exec.notebook;
  } catch (e) {
    result.status = "grader-error";
    result.stoppedAt = -1;
    result.problems.push(`the grader could not run the notebook: ${(e as Error).message}`);
    return graded.notebook;
  }
}

function relativeTo(root: string, path: string): string {
  const abs = path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
  const norm = new URL(`file://${abs}`).pathname;
  if (!norm.startsWith(root + "/")) {
    throw new Error(`the scratch folder ${path} must be inside the Jupyter server's root ${root}`);
  }
  return norm.slice(root.length + 1);
}
