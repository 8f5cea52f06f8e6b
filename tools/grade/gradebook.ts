/**
 * The gradebook (`gradebook.csv`): one row per student, one column per check (points earned), the total, the
 * points possible, the status, whether the sandbox was on, the problems; and its exports in the import
 * formats of Canvas (`canvas.csv`: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment) and
 * of Moodle's offline grading worksheet (`moodle.csv`: Identifier "Participant N", Full name, Email address,
 * Grade, Maximum Grade, Feedback comments). Points are integers when they are integral. A row the grader
 * could not score (status `grader-error`) has empty points: it is not a 0.
 *
 * @module
 */
import { toCsv } from "./csv.ts";
import type { Assignment } from "./markers.ts";
import type { Student } from "./roster.ts";
import type { SubmissionResult } from "./submission.ts";

/** A graded row: the result and its student. */
export interface Row {
  result: SubmissionResult;
  student: Student;
}

const FIXED = [
  "student",
  "name",
  "submission",
  "status",
  "total",
  "possible",
  "sandbox",
  "problems",
  "flags",
  "seconds",
];

/** Column name of a check (suffixed if it collides with a fixed column). */
export function checkColumn(name: string): string {
  return FIXED.includes(name) ? `${name} (check)` : name;
}

const scored = (r: SubmissionResult) => r.status !== "grader-error";

/** The gradebook's rows (header first), in the order given. */
export function gradebookRows(
  assignment: Assignment,
  book: { rows: Row[]; sandbox: string },
): (string | number)[][] {
  const header = [
    "student",
    "name",
    "submission",
    "status",
    ...assignment.checks.map((c) => checkColumn(c.name)),
  ];
  header.push("total", "possible", "sandbox", "problems", "flags", "seconds");
  return [
    header,
    ...book.rows.map(({ result: r, student }) => [
      student.key,
      student.name,
      r.id,
      r.status,
      ...assignment.checks.map((c) => scored(r) ? r.checks.find((o) => o.name === c.name)?.earned ?? 0 : ""),
      scored(r) ? r.total : "",
      r.possible,
      book.sandbox,
      r.problems.join(" | "),
      r.flags.join(" | "),
      Math.round(r.seconds * 10) / 10,
    ]),
  ];
}

/** Canvas gradebook import: the assignment column is named as in Canvas, e.g. "01 GD (12345)". */
export function canvasRows(book: { rows: Row[]; column: string }): (string | number)[][] {
  return [
    ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", book.column],
    ...book.rows.filter(({ result }) => scored(result)).map(({ result, student }) => [
      student.name,
      student.source === "canvas" ? student.lmsId : student.lmsId || student.key,
      student.source === "roster" ? student.key : "",
      student.login,
      "",
      result.total,
    ]),
  ];
}

/** Moodle offline grading worksheet upload ("Participant N" identifiers from Moodle's download names). */
export function moodleRows(book: { rows: Row[] }): (string | number)[][] {
  return [
    ["Identifier", "Full name", "Email address", "Grade", "Maximum Grade", "Feedback comments"],
    ...book.rows.filter(({ result }) => scored(result)).map(({ result, student }) => [
      `Participant ${student.lmsId || student.key}`,
      student.name,
      student.email,
      result.total,
      result.possible,
      `${result.total}/${result.possible} points; details in your feedback file`,
    ]),
  ];
}

/** Write gradebook.csv, canvas.csv and moodle.csv into `dir`; returns the gradebook's path. */
export async function writeGradebook(
  dir: string,
  book: { assignment: Assignment; rows: Row[]; sandbox: string; canvasColumn?: string },
): Promise<string> {
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(`${dir}/gradebook.csv`, toCsv(gradebookRows(book.assignment, book)));
  await Deno.writeTextFile(
    `${dir}/canvas.csv`,
    toCsv(canvasRows({ rows: book.rows, column: book.canvasColumn ?? book.assignment.name })),
  );
  await Deno.writeTextFile(`${dir}/moodle.csv`, toCsv(moodleRows(book)));
  return `${dir}/gradebook.csv`;
}
