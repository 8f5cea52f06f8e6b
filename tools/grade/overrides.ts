/**
 * Manual overrides: a CSV with the header `student,check,points,comment`, one row per adjusted check. Points
 * replace what the check earned (a regrade applies them again); the comment goes into the student's feedback.
 * `student` is the student's key (roster id, or the gradebook's `student` column); `check` a check's name.
 *
 * @module
 */
import { parseCsv } from "./csv.ts";
import type { Assignment } from "./markers.ts";
import type { SubmissionResult } from "./submission.ts";

/** One override. */
export interface Override {
  student: string;
  check: string;
  points: number;
  comment: string;
}

/** Read an overrides CSV; throws naming the line and value that is wrong. */
export function parseOverrides(text: string, options: { path: string; assignment: Assignment }): Override[] {
  const { path, assignment } = options;
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const want = ["student", "check", "points", "comment"];
  if (want.some((w) => !header.includes(w))) {
    throw new Error(
      `${path}: the first line must be "student,check,points,comment" (got "${header.join(",")}")`,
    );
  }
  const at = (r: string[], k: string) => (r[header.indexOf(k)] ?? "").trim();
  return rows.filter((r) => r.some((x) => x.trim())).map((r, i) => {
    const line = `${path}, line ${i + 2}`;
    const check = assignment.checks.find((c) => c.name === at(r, "check"));
    if (!check) {
      throw new Error(
        `${line}: no check "${at(r, "check")}" in ${assignment.name} (its checks: ${
          assignment.checks.map((c) => c.name).join(", ")
        })`,
      );
    }
    const points = Number(at(r, "points"));
    if (at(r, "points") === "" || !Number.isFinite(points) || points < 0) {
      throw new Error(`${line}: points must be a number ≥ 0, got "${at(r, "points")}"`);
    }
    if (!at(r, "student")) throw new Error(`${line}: no student`);
    return { student: at(r, "student"), check: check.name, points, comment: at(r, "comment") };
  });
}

/** Apply the overrides of this student to a result (in place); returns the overrides applied. */
export function applyOverrides(result: SubmissionResult, student: string, overrides: Override[]): Override[] {
  const mine = overrides.filter((o) => o.student === student);
  for (const o of mine) {
    const c = result.checks.find((x) => x.name === o.check)!;
    c.earned = o.points;
    c.override = { points: o.points, comment: o.comment };
  }
  if (mine.length) result.total = result.checks.reduce((s, c) => s + c.earned, 0);
  return mine;
}
