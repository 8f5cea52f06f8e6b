/**
 * Grade a batch of submissions of one assignment: `jobs` at a time (each in its own kernel) on one grading
 * server; write each feedback file and executed graded notebook as soon as it is done, and the gradebook at
 * the end. A bad submission never stops the batch.
 *
 * @module
 */
import type { JupyterServer } from "../jupyter/server.ts";
import { type Notebook, readNotebook } from "../notebook/nbformat.ts";
import { type Assignment, assignmentName, parseAssignment } from "./markers.ts";
import { feedbackHtml, feedbackMarkdown } from "./feedback.ts";
import { type Row, writeGradebook } from "./gradebook.ts";
import { applyOverrides, type Override } from "./overrides.ts";
import type { Student } from "./roster.ts";
import { type ExerciseMetadata, METADATA_KEY } from "./student_version.ts";
import { gradeSubmission, type SubmissionResult } from "./submission.ts";

/** One submission to grade: its path and short name (and its student, once known). */
export interface SubmissionFile {
  path: string;
  id: string;
  student?: Student;
}

/** Options of {@linkcode gradeBatch}. */
export interface BatchOptions {
  /** The assignment the submissions are graded against. */
  assignment: Assignment;
  /** Output folder: `gradebook.csv`, `feedback/<id>.md`, `graded/<id>.ipynb`. */
  outDir: string;
  /** Submissions graded at the same time. Default 2. */
  jobs?: number;
  /** Per-cell limit, seconds. Default 60. */
  cellTimeoutSeconds?: number;
  /** Whole-submission limit, seconds. Default 300. */
  submissionTimeoutSeconds?: number;
  /** The kernel to run submissions in (the grading server's sandboxed kernel). Default "deno". */
  kernelName?: string;
  /** The grading run's secret seed for hidden checks. Default: a fresh random one. */
  seed?: number;
  /** Manual overrides, applied to every result of their student. */
  overrides?: Override[];
  /** What the gradebook's `sandbox` column says. Default "bubblewrap". */
  sandboxLabel?: string;
  /** Column name for the Canvas export (the assignment as Canvas names it). Default: the assignment name. */
  canvasColumn?: string;
  /** Scratch root inside the server root. Default `_build/grade-scratch`. */
  scratchRoot?: string;
  /** Called when a submission is done. */
  onResult?: (result: SubmissionResult, progress: { done: number; of: number }) => void;
}

/** Result of a batch. */
export interface BatchResult {
  results: SubmissionResult[];
  /** The seed the hidden checks drew their inputs from. */
  seed: number;
  gradebookPath: string;
  seconds: number;
}

/** `.ipynb` files under the given files and folders (recursively, skipping checkpoints), with short names. */
export async function listSubmissions(args: string[]): Promise<SubmissionFile[]> {
  const out: SubmissionFile[] = [];
  const walk = async (dir: string, base: string) => {
    const entries: Deno.DirEntry[] = [];
    for await (const e of Deno.readDir(dir)) entries.push(e);
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const e of entries) {
      if (e.name === ".ipynb_checkpoints" || e.name.startsWith(".")) continue;
      const p = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(p, base);
      else if (e.isFile && e.name.endsWith(".ipynb")) {
        out.push({ path: p, id: p.slice(base.length + 1).replace(/\.ipynb$/, "") });
      }
    }
  };
  for (const arg of args) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(arg);
    } catch {
      throw new Error(`${arg}: no such file or folder (expected a submission notebook or a folder of them)`);
    }
    const clean = arg.replace(/\/+$/, "");
    if (info.isDirectory) await walk(clean, clean);
    else out.push({ path: clean, id: (clean.split("/").pop() ?? clean).replace(/\.ipynb$/, "") });
  }
  const seen = new Map<string, number>();
  for (const s of out) {
    const n = seen.get(s.id) ?? 0;
    seen.set(s.id, n + 1);
    if (n) s.id = `${s.id}~${n + 1}`;
  }
  return out;
}

/**
 * The assignment a batch is for: the `--assignment` given (a name or a solution path), else the one most
 * submissions declare (exercise metadata) or are named after. Throws when none can be found.
 */
export async function resolveAssignment(
  submissions: SubmissionFile[],
  options: { assignment?: string; solutionsDir?: string } = {},
): Promise<Assignment> {
  const dir = (options.solutionsDir ?? "solutions").replace(/\/$/, "");
  let path: string | undefined;
  if (options.assignment) {
    path = options.assignment.endsWith(".ipynb") ? options.assignment : `${dir}/${options.assignment}.ipynb`;
  } else {
    const votes = new Map<string, number>();
    for (const s of submissions) {
      let name = assignmentName(s.path);
      try {
        const meta = (JSON.parse(await Deno.readTextFile(s.path)) as Notebook).metadata
          ?.[METADATA_KEY] as ExerciseMetadata;
        if (typeof meta?.assignment === "string") name = meta.assignment;
      } catch { /* the grader reports it later */ }
      if (/^[\w.-]+$/.test(name)) votes.set(name, (votes.get(name) ?? 0) + 1);
    }
    for (const [name] of [...votes.entries()].sort((a, b) => b[1] - a[1])) {
      try {
        await Deno.stat(`${dir}/${name}.ipynb`);
        path = `${dir}/${name}.ipynb`;
        break;
      } catch { /* not a solution */ }
    }
    if (!path) {
      throw new Error(
        `cannot tell which assignment these submissions are for (no ${dir}/<name>.ipynb matches their metadata or ` +
          `file names); pass --assignment NAME`,
      );
    }
  }
  return parseAssignment(await readNotebook(path), path);
}

/** Grade submissions on a running grading server. */
export async function gradeBatch(
  server: JupyterServer,
  submissions: SubmissionFile[],
  options: BatchOptions,
): Promise<BatchResult> {
  const assignment = options.assignment;
  const t0 = performance.now();
  const outDir = options.outDir.replace(/\/$/, "");
  const scratchRoot = `${options.scratchRoot ?? "_build/grade-scratch"}/${crypto.randomUUID().slice(0, 8)}`;
  const results: SubmissionResult[] = new Array(submissions.length);
  const seed = options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0];
  const studentOf = (s: SubmissionFile): Student =>
    s.student ?? { key: s.id, name: s.id, source: "file", lmsId: "", email: "", login: "" };
  let next = 0, done = 0;
  const worker = async () => {
    while (next < submissions.length) {
      const k = next++;
      const s = submissions[k];
      let r: SubmissionResult;
      try {
        r = await gradeSubmission(server, s.path, {
          assignment,
          id: s.id,
          scratchDir: `${scratchRoot}/${k}`,
          gradedDir: `${outDir}/graded`,
          cellTimeoutSeconds: options.cellTimeoutSeconds,
          submissionTimeoutSeconds: options.submissionTimeoutSeconds,
          kernelName: options.kernelName,
          seed,
        });
      } catch (e) {
        // A bug of the grader on one submission must not stop the others.
        r = {
          path: s.path,
          id: s.id,
          assignment: assignment.name,
          status: "grader-error",
          checks: assignment.checks.map((c) => ({
            ...c,
            earned: 0,
            passed: false,
            message: "not graded",
            output: "",
          })),
          total: 0,
          possible: assignment.checks.reduce((sum, c) => sum + c.points, 0),
          problems: [`the grader failed on this submission: ${(e as Error).message}`],
          flags: [],
          seconds: 0,
          gradedPath: "",
        };
      }
      const student = studentOf(s);
      applyOverrides(r, student.key, options.overrides ?? []);
      const fb = `${outDir}/feedback/${s.id}`;
      await Deno.mkdir(fb.slice(0, fb.lastIndexOf("/")), { recursive: true });
      const who = student.source === "file" ? undefined : student.name;
      await Deno.writeTextFile(`${fb}.md`, feedbackMarkdown(r, { student: who }));
      await Deno.writeTextFile(`${fb}.html`, feedbackHtml(r, { student: who }));
      results[k] = r;
      options.onResult?.(r, { done: ++done, of: submissions.length });
    }
  };
  try {
    const jobs = Math.max(1, Math.min(options.jobs ?? 2, submissions.length));
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    await Deno.remove(scratchRoot, { recursive: true }).catch(() => {});
  }
  const rows: Row[] = results.map((result, k) => ({ result, student: studentOf(submissions[k]) }));
  const gradebookPath = await writeGradebook(outDir, {
    assignment,
    rows,
    sandbox: options.sandboxLabel ?? "bubblewrap",
    canvasColumn: options.canvasColumn,
  });
  return { results, seed, gradebookPath, seconds: (performance.now() - t0) / 1000 };
}
