/**
 * Who handed in what: student identity from LMS download layouts or a roster CSV, and one submission per
 * student (the latest wins, with a warning).
 *
 * - Canvas names each file `<name>_<userId>_<submissionId>_<original name>` (`<name>_LATE_<userId>_…` when
 *   late); a resubmission's original name gets `-1`, `-2`, …
 * - Moodle names each file or folder `<Full Name>_<participantId>_assignsubmission_file_…`.
 * - A roster CSV (header `id,name` and optionally `email`, `login`) names the students; a submission belongs to
 *   the row whose id is the LMS id, or whose login or name (letters and digits only, any case) starts its
 *   file or folder name.
 *
 * @module
 */
import type { SubmissionFile } from "./batch.ts";
import { parseCsv } from "./csv.ts";

/** A student, as the LMS or the roster names them. */
export interface Student {
  /** Stable key: the roster id, else the LMS id, else the submission's name. */
  key: string;
  name: string;
  /** Which layout told: "canvas", "moodle", "roster" or "file". */
  source: "canvas" | "moodle" | "roster" | "file";
  /** The LMS's number for the student (Canvas user id, Moodle participant id), or "". */
  lmsId: string;
  email: string;
  login: string;
}

/** One row of a roster. */
export interface RosterRow {
  id: string;
  name: string;
  email: string;
  login: string;
}

const CANVAS = /^([a-z0-9]+?)(?:_LATE)?_(\d+)_(\d+)_(.+)$/i;
const MOODLE = /^(.+?)_(\d+)_assignsubmission_(?:file|onlinetext)_/;

/** The student an LMS path names (file or folder names, innermost first), or null. */
export function lmsIdentity(path: string): Omit<Student, "key"> | null {
  const parts = path.split("/").filter(Boolean).reverse();
  for (const part of parts) {
    const m = MOODLE.exec(part);
    if (m) return { name: m[1], source: "moodle", lmsId: m[2], email: "", login: "" };
  }
  const c = CANVAS.exec(parts[0] ?? "");
  if (c) return { name: c[1], source: "canvas", lmsId: c[2], email: "", login: "" };
  return null;
}

/** Canvas's resubmission number (`…-2.ipynb` → 2), 0 for none. */
export function resubmissionNumber(path: string): number {
  return Number(/-(\d+)\.ipynb$/.exec(path)?.[1] ?? 0);
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Read a roster CSV; throws naming the line when it is malformed. */
export function parseRoster(text: string, path = "roster"): RosterRow[] {
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const col = (n: string) => header.indexOf(n);
  if (col("id") < 0 || col("name") < 0) {
    throw new Error(
      `${path}: the first line must name the columns, with at least "id" and "name" (got ${header})`,
    );
  }
  const seen = new Set<string>();
  return rows.filter((r) => r.some((x) => x.trim())).map((r, i) => {
    const get = (n: string) => (col(n) >= 0 ? (r[col(n)] ?? "").trim() : "");
    const row = { id: get("id"), name: get("name"), email: get("email"), login: get("login") };
    if (!row.id) throw new Error(`${path}, line ${i + 2}: no id`);
    if (seen.has(row.id)) throw new Error(`${path}, line ${i + 2}: id "${row.id}" appears twice`);
    seen.add(row.id);
    return row;
  });
}

/** The student of one submission. */
export function identify(file: SubmissionFile, roster: RosterRow[] | null): Student | null {
  const lms = lmsIdentity(file.id);
  if (roster) {
    const head = slug(file.id.split("/")[0]);
    const row = roster.find((r) => lms && r.id === lms.lmsId) ??
      roster.find((r) => r.login && head.startsWith(slug(r.login))) ??
      roster.find((r) => head.startsWith(slug(r.name)) && slug(r.name).length > 0);
    if (!row) return null;
    return {
      key: row.id,
      name: row.name,
      source: "roster",
      lmsId: lms?.lmsId ?? "",
      email: row.email,
      login: row.login,
    };
  }
  if (lms) return { key: `${lms.source}-${lms.lmsId}`, ...lms };
  return { key: file.id, name: file.id, source: "file", lmsId: "", email: "", login: "" };
}

/** Submissions with their students, one per student, and what the instructor should know. */
export interface Assigned {
  submissions: (SubmissionFile & { student: Student })[];
  /** Warnings: resubmissions, files that match nobody on the roster. */
  warnings: string[];
  /** Roster rows without a submission. */
  missing: RosterRow[];
}

/** Assign each submission to its student; for a student with several, keep the latest (warns). */
export async function assignStudents(files: SubmissionFile[], roster: RosterRow[] | null): Promise<Assigned> {
  const warnings: string[] = [];
  const by = new Map<string, { file: SubmissionFile; student: Student; mtime: number }[]>();
  for (const file of files) {
    const student = identify(file, roster);
    if (!student) {
      warnings.push(
        `${file.path}: matches nobody on the roster; not graded (add the student, or rename the file)`,
      );
      continue;
    }
    const mtime = (await Deno.stat(file.path).catch(() => null))?.mtime?.getTime() ?? 0;
    by.set(student.key, [...(by.get(student.key) ?? []), { file, student, mtime }]);
  }
  const submissions: Assigned["submissions"] = [];
  for (const [key, list] of by) {
    list.sort((a, b) =>
      resubmissionNumber(a.file.path) - resubmissionNumber(b.file.path) || a.mtime - b.mtime ||
      (a.file.path < b.file.path ? -1 : 1)
    );
    const latest = list[list.length - 1];
    if (list.length > 1) {
      warnings.push(
        `${latest.student.name} (${key}) handed in ${list.length} notebooks (${
          list.map((x) => x.file.id).join(", ")
        }); ` +
          `grading the latest, ${latest.file.id}`,
      );
    }
    submissions.push({ ...latest.file, student: latest.student });
  }
  submissions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const present = new Set(submissions.map((s) => s.student.key));
  return { submissions, warnings, missing: (roster ?? []).filter((r) => !present.has(r.id)) };
}
