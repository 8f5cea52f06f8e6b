/**
 * The gradebook: one row per submission, one column per check (points earned), the total, the points
 * possible, the status and the problems; built with nodejs-polars and written as CSV.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { Assignment } from "./markers.ts";
import type { SubmissionResult } from "./submission.ts";

const FIXED = ["submission", "status", "total", "possible", "problems", "flags", "seconds"];

/** Column name of a check (suffixed if it collides with a fixed column). */
export function checkColumn(name: string): string {
  return FIXED.includes(name) ? `${name} (check)` : name;
}

/** The gradebook as a DataFrame, rows in the order given. */
export function gradebook(assignment: Assignment, results: SubmissionResult[]): pl.DataFrame {
  const columns: Record<string, (string | number)[]> = { submission: results.map((r) => r.id) };
  columns.status = results.map((r) => r.status);
  for (const c of assignment.checks) {
    columns[checkColumn(c.name)] = results.map((r) => r.checks.find((o) => o.name === c.name)?.earned ?? 0);
  }
  columns.total = results.map((r) => r.total);
  columns.possible = results.map((r) => r.possible);
  columns.problems = results.map((r) => r.problems.join(" | "));
  columns.flags = results.map((r) => r.flags.join(" | "));
  columns.seconds = results.map((r) => Math.round(r.seconds * 10) / 10);
  return pl.DataFrame(columns);
}

/** Write the gradebook CSV; returns its path. */
export async function writeGradebook(
  path: string,
  book: { assignment: Assignment; results: SubmissionResult[] },
): Promise<string> {
  const { assignment, results } = book;
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ".";
  await Deno.mkdir(dir, { recursive: true });
  gradebook(assignment, results).writeCSV(path);
  return path;
}
