/**
 * Reading a graded run's check records: only records the grader can authenticate count — emitted in one of
 * its own check cells, naming a check of that cell, carrying the run's token. Everything else that looks like
 * a check record (or a printed PASS line) is counted as a fake and reported.
 *
 * @module
 */
import { outputsWithMime } from "../notebook/execute.ts";
import type { Notebook, Output } from "../notebook/nbformat.ts";
import { CHECK_MIME } from "../../lib/mime.ts";
import type { Assignment } from "./markers.ts";
import type { GradedNotebook } from "./graded_notebook.ts";
import type { SubmissionResult } from "./submission.ts";

const MAX_OUTPUT = 4000;

/** The text of some outputs (streams, errors, text/plain), truncated. */
export function textOf(outputs: Output[] | undefined): string {
  const parts: string[] = [];
  for (const o of outputs ?? []) {
    if (o.output_type === "stream") parts.push(Array.isArray(o.text) ? o.text.join("") : o.text);
    else if (o.output_type === "error") parts.push(`${o.ename}: ${o.evalue}`);
    else {
      const t = o.data["text/plain"];
      if (t !== undefined) parts.push(Array.isArray(t) ? t.join("") : String(t));
    }
  }
  const text = parts.join("").trimEnd();
  return text.length > MAX_OUTPUT ? text.slice(0, MAX_OUTPUT) + "\n… (output truncated)" : text;
}

/**
 * Read authenticated check records into the result; count the rest as fakes. Returns the checks whose cell
 * ran (the run did not stop before or in it) but whose record is missing: a grader error, never a 0.
 */
export function collectChecks(
  result: SubmissionResult,
  run: { assignment: Assignment; graded: GradedNotebook; executed: Notebook; token: string },
): string[] {
  const { assignment, graded, executed, token } = run;
  const records = new Map<string, { passed: boolean; message: string; cellIndex: number }>();
  let fakes = 0;
  for (const { cellIndex, value } of outputsWithMime(executed, CHECK_MIME)) {
    const r = value as {
      name?: unknown;
      passed?: unknown;
      message?: unknown;
      token?: unknown;
      points?: unknown;
    };
    const cell = graded.cells[cellIndex];
    const genuine = r && r.token === token && cell?.origin === "check" && typeof r.name === "string" &&
      cell.checks.includes(r.name) && typeof r.passed === "boolean";
    if (!genuine) {
      fakes++;
      continue;
    }
    if (!records.has(r.name as string)) {
      records.set(r.name as string, {
        passed: r.passed as boolean,
        message: String(r.message ?? ""),
        cellIndex,
      });
    }
  }
  if (fakes) {
    result.problems.push(
      `${fakes} check record(s) not produced by the grader's checks were ignored (a faked pass?)`,
    );
  }
  const printedPass = executed.cells.some((c, i) =>
    graded.cells[i].origin !== "check" && graded.cells[i].origin !== "preamble" &&
    /✓ PASS/.test(textOf(c.outputs))
  );
  if (printedPass) {
    result.problems.push("the student's code printed a PASS line; only the grader's checks count");
  }
  const forbidden = new Set<string>();
  const missing: string[] = [];
  const ran = (cellIndex: number) =>
    result.status === "graded" || (result.stoppedAt !== undefined && cellIndex < result.stoppedAt);
  for (const c of assignment.checks) {
    const outcome = result.checks.find((o) => o.name === c.name)!;
    const rec = records.get(c.name);
    const cellIndex = graded.cells.findIndex((x) => x.origin === "check" && x.checks.includes(c.name));
    // What the cell printed besides the check records (whose text repeats the message).
    outcome.output = cellIndex >= 0
      ? textOf(executed.cells[cellIndex].outputs?.filter((o) => !("data" in o && o.data[CHECK_MIME])))
      : "";
    if (rec) {
      outcome.passed = rec.passed;
      outcome.earned = rec.passed ? c.points : 0;
      outcome.message = rec.message;
      const denied = /NotCapable: (Requires \w+ access[^,]*)/.exec(rec.message);
      if (denied) forbidden.add(denied[1]);
      const renamed = Object.entries(graded.renamed).find(([ex]) =>
        rec.message.startsWith(`${ex} is not implemented yet`)
      );
      if (!rec.passed && renamed) {
        outcome.message =
          `your notebook no longer defines ${renamed[0]} (it defines ${renamed[1]} instead: ` +
          `was it renamed?); keep the exercise's function name`;
      }
    } else if (cellIndex >= 0 && ran(cellIndex) && result.status !== "grader-error") {
      missing.push(c.name);
      outcome.message = "not scored: the grader got no result from this check (a grader error)";
    } else {
      outcome.message = result.status === "invalid" || result.status === "wrong-assignment"
        ? "not graded"
        : "not run: an earlier cell stopped the notebook";
    }
  }
  for (const what of forbidden) result.problems.push(`the student's code was denied: ${what}`);
  result.total = result.checks.reduce((s, c) => s + c.earned, 0);
  return missing;
}

/** A copy of the executed notebook without the token (the preamble and records mention it). */
export function stripTokens(nb: Notebook, token: string): Notebook {
  return JSON.parse(JSON.stringify(nb).replaceAll(token, "<token>")) as Notebook;
}
