/**
 * Grade one submission: read it (never modifying it), build the graded notebook, execute it in a fresh
 * kernel through the runner in a scratch folder, and read back only the check records the grader can
 * authenticate (emitted in its own check cells, carrying the run's token). Never throws for problems of the
 * submission itself: every problem becomes a line of the result.
 *
 * @module
 */
import { type Cell, type Notebook, readNotebook, serializeNotebook, sourceOf } from "../notebook/nbformat.ts";
import type { JupyterServer } from "../jupyter/server.ts";
import type { Assignment } from "./markers.ts";
import { buildGradedNotebook, type GradedNotebook, WrongAssignmentError } from "./graded_notebook.ts";
import { newToken } from "./preamble.ts";
import { collectChecks, stripTokens } from "./check_records.ts";
import { runOnce } from "./run_once.ts";

/** How grading a submission ended. */
export type SubmissionStatus =
  | "graded" // every cell ran
  | "stopped" // a cell timed out or killed the kernel: checks after it score 0 (a cell that raised does not stop)
  | "invalid" // not JSON, or not a notebook
  | "wrong-assignment" // a notebook of another assignment
  | "grader-error"; // the grader itself failed (not the student's fault)

/** One check's outcome for one submission. */
export interface CheckOutcome {
  name: string;
  points: number;
  earned: number;
  passed: boolean;
  /** The check's message, or why it did not run. */
  message: string;
  /** Text the check cell printed (truncated). */
  output: string;
  hidden: boolean;
  /** Set when the instructor's override file replaced the points. */
  override?: { points: number; comment: string };
}

/** Everything known about one graded submission. */
export interface SubmissionResult {
  /** Path as given. */
  path: string;
  /** Short name for the gradebook and feedback files (path relative to the batch folder, without .ipynb). */
  id: string;
  assignment: string;
  status: SubmissionStatus;
  checks: CheckOutcome[];
  total: number;
  possible: number;
  /** Problems, each one line: what was wrong and what the grader did about it. */
  problems: string[];
  /** Patterns in the student's code worth a human look (not penalised). */
  flags: string[];
  seconds: number;
  /** The executed graded notebook (in the out dir), or "". */
  gradedPath: string;
  /** Index (in the graded notebook) of the cell that stopped the run; -1 when nothing ran; absent otherwise. */
  stoppedAt?: number;
}

/** Options of {@linkcode gradeSubmission}. */
export interface GradeOptions {
  /** The assignment (parsed solution notebook) the submission is graded against. */
  assignment: Assignment;
  /** Short name of the submission. Default: its file name without .ipynb. */
  id?: string;
  /** Scratch folder under the server root, for this submission only (created, then removed). */
  scratchDir: string;
  /** Folder for the executed graded notebook. "" = do not write it. */
  gradedDir?: string;
  /** Per-cell limit, seconds. Default 60. */
  cellTimeoutSeconds?: number;
  /** Whole-submission limit, seconds. Default 300. */
  submissionTimeoutSeconds?: number;
  /** Seconds for the kernel to start and the grader's preamble to load the library (one retry). Default 30. */
  startTimeoutSeconds?: number;
  /** The kernel to run it in: the grading server's sandboxed kernel. Default "deno" (no sandbox). */
  kernelName?: string;
  /** The grading run's secret seed, which hidden checks draw their inputs from (`checkSeed()`). Default 0. */
  seed?: number;
}

/** Patterns worth a human look, with what they suggest. */
const SUSPICIOUS: [RegExp, string][] = [
  [/Deno\s*\.\s*jupyter|Deno\s*\[/, "uses Deno.jupyter or Deno's internals directly"],
  [/vnd\.learning-mechanics|CHECK_MIME/, "mentions the grader's check record type"],
  [/node:inspector|\binspector\b/, "uses the inspector"],
  [/\b(?:function|const|let|var)\s+check\s*[=(<]|\bcheck\s*=[^=]/, "redefines check"],
  [/\bcheck[A-Z]\w*\s*=[^=]|\b(?:function|const|let|var)\s+check[A-Z]\w*\b/, "redefines a checker"],
  [/PASS/, "prints PASS"],
  [/\.prototype\b|defineProperty|setPrototypeOf|__proto__/, "changes objects' prototypes or properties"],
  [/\b(?:Math|Number|Array|Object|JSON|globalThis)\s*\.\s*\w+\s*=[^=]/, "reassigns a built-in"],
  [/Deno\s*\.\s*permissions/, "asks for permissions"],
];

function emptyResult(assignment: Assignment, file: { path: string; id: string }): SubmissionResult {
  const { path, id } = file;
  return {
    path,
    id,
    assignment: assignment.name,
    status: "invalid",
    checks: assignment.checks.map((c) => ({
      name: c.name,
      points: c.points,
      earned: 0,
      passed: false,
      message: "not graded",
      output: "",
      hidden: c.hidden,
    })),
    total: 0,
    possible: assignment.checks.reduce((s, c) => s + c.points, 0),
    problems: [],
    flags: [],
    seconds: 0,
    gradedPath: "",
  };
}

/** Grade one submission against an assignment. */
export async function gradeSubmission(
  server: JupyterServer,
  path: string,
  options: GradeOptions,
): Promise<SubmissionResult> {
  const assignment = options.assignment;
  const id = options.id ?? (path.split("/").pop() ?? path).replace(/\.ipynb$/, "");
  const result = emptyResult(assignment, { path, id });
  const t0 = performance.now();
  let submission: Notebook;
  try {
    submission = await readNotebook(path);
  } catch (e) {
    const what = (e as Error).message.replace(`${path}: `, "");
    result.problems.push(
      /^(is not valid JSON|cannot be read)/.test(what)
        ? `the file ${what}`
        : `the file is not a notebook: ${what}`,
    );
    if (/"nbformat" is [0-3]\b/.test(what)) {
      result.problems.push(
        "it is an old notebook (nbformat 3): convert it with `jupyter nbconvert --to notebook --nbformat 4 " +
          "--output converted.ipynb YOUR.ipynb` (or open and save it in a recent Jupyter), then hand it in again",
      );
    }
    return result;
  }
  const token = newToken();
  const seed = options.seed ?? 0;
  let graded: GradedNotebook;
  try {
    graded = buildGradedNotebook(assignment, submission, { token, seed });
  } catch (e) {
    if (!(e instanceof WrongAssignmentError)) throw e;
    result.status = "wrong-assignment";
    result.problems.push(`${e.message}; nothing was graded`);
    return result;
  }
  result.problems.push(...graded.problems);
  const studentCode = graded.notebook.cells
    .filter((_, i) => graded.cells[i].origin === "student" || graded.cells[i].origin === "added")
    .map((c: Cell) => sourceOf(c)).join("\n");
  result.flags = SUSPICIOUS.filter(([re]) => re.test(studentCode)).map(([, what]) => what);

  const scratch = options.scratchDir.replace(/\/$/, "");
  const limits = {
    cellTimeoutSeconds: options.cellTimeoutSeconds ?? 60,
    submissionTimeoutSeconds: options.submissionTimeoutSeconds ?? 300,
    startTimeoutSeconds: options.startTimeoutSeconds ?? 30,
    kernelName: options.kernelName,
  };
  const base = { problems: [...result.problems], flags: result.flags };
  let executed: Notebook = graded.notebook;
  // A check whose cell ran but whose record never arrived is the grader's failure, not the student's: run
  // the whole submission once more in a fresh kernel, and if a record is still missing, say so (never 0).
  for (let attempt = 1; attempt <= 2; attempt++) {
    Object.assign(result, emptyResult(assignment, { path, id }), structuredClone(base));
    delete result.stoppedAt;
    executed = await runOnce(server, graded, {
      result,
      limits,
      scratch: `${scratch}/${attempt}`,
      name: assignment.name,
    });
    const missing = collectChecks(result, { assignment, graded, executed, token });
    if (missing.length === 0) break;
    if (attempt === 2) {
      result.status = "grader-error";
      result.problems.push(
        `the grader got no result from check(s) ${
          missing.join(", ")
        } although their cell ran (tried twice); ` +
          `they are not scored: grade this submission again or by hand`,
      );
    }
  }
  await Deno.remove(scratch, { recursive: true }).catch(() => {});
  result.seconds = (performance.now() - t0) / 1000;
  if (options.gradedDir) {
    const out = `${options.gradedDir.replace(/\/$/, "")}/${id}.ipynb`;
    await Deno.mkdir(out.slice(0, out.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(out, serializeNotebook(stripTokens(executed, token)));
    result.gradedPath = out;
  }
  return result;
}
