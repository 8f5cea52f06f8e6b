/**
 * Exercise checks: after a student's function, a check cell calls {@linkcode check}, which runs assertions,
 * shows PASS/FAIL with what was expected and how far off the answer was, and emits a machine-readable record
 * (MIME {@linkcode CHECK_MIME}) that the grader collects. Checks compare with the library or with an exact
 * property, never with a stored number.
 *
 * A check cell starts with a marker line the grader reads: `// CHECK name=<id> points=<n>`.
 *
 * @module
 */
import { display, escapeHtml } from "./display.ts";
import { fmt } from "./claims.ts";
import { CHECK_MIME } from "./mime.ts";

export { CHECK_MIME };

/** A failed expectation: the message says what was expected and how far off the answer was. */
export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckFailure";
  }
}

/** What a check records. */
export interface CheckRecord {
  name: string;
  points: number;
  passed: boolean;
  /** "exact", "close", or the failure message. */
  message: string;
}

/** Options of {@linkcode expectClose}. */
export interface CloseOptions {
  /** What is being compared, for the message: "η_max". */
  what?: string;
  /** Relative tolerance. Default 1e-6. */
  rel?: number;
  /** Absolute tolerance (used with `rel`: passes if either holds). Default 0. */
  abs?: number;
}

/**
 * Expect `actual` ≈ `expected`; returns "exact" or "close", throws {@linkcode CheckFailure} with the
 * expected value and the relative error otherwise.
 *
 * @example
 * ```ts
 * import { expectClose } from "./exercise.ts";
 * if (expectClose(1 + 1e-9, 1, { what: "x" }) !== "close") throw new Error("within 1e-6");
 * ```
 */
export function expectClose(
  actual: unknown,
  expected: number,
  options: CloseOptions = {},
): "exact" | "close" {
  const what = options.what ?? "the result";
  if (typeof actual !== "number" || Number.isNaN(actual)) {
    throw new CheckFailure(
      `${what}: expected a number close to ${fmt(expected)}, got ${describeValue(actual)}`,
    );
  }
  if (actual === expected) return "exact";
  const rel = options.rel ?? 1e-6, abs = options.abs ?? 0;
  const diff = Math.abs(actual - expected);
  if (diff <= abs || diff <= rel * Math.abs(expected)) return "close";
  const off = expected !== 0 ? `${fmt(diff / Math.abs(expected) * 100)}% off` : `off by ${fmt(diff)}`;
  throw new CheckFailure(
    `${what}: expected ${fmt(expected)} (within ${fmt(rel)} relative${
      abs ? ` or ${fmt(abs)} absolute` : ""
    }), ` +
      `got ${fmt(actual)}: ${off}`,
  );
}

/**
 * A value and its type, for failure messages: `a string "1.94"`, `NaN`, `undefined`, `an array of 3 items`,
 * `an object`, `a number 2`. Long strings are cut.
 *
 * @example
 * ```ts
 * import { describeValue } from "./exercise.ts";
 * if (describeValue("1.9") !== 'a string "1.9"') throw new Error("names the type");
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : `a number ${value}`;
  if (typeof value === "string") {
    return `a string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  }
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") return ArrayBuffer.isView(value) ? "a typed array" : "an object";
  return `a ${typeof value}`;
}

/**
 * The seed a hidden check draws its inputs from. Outside grading it is 0; when a notebook is graded, the
 * grader's copy returns a fresh secret seed for the grading run, so that answers hard-coded for a visible
 * check's inputs do not pass the hidden ones.
 */
export function checkSeed(): number {
  return 0;
}

/** Expect a condition; the message explains the property that failed. */
export function expectTrue(condition: boolean, message: string): void {
  if (!condition) throw new CheckFailure(message);
}

function notImplemented(e: unknown): boolean {
  return e instanceof Error && e.name === "NotImplementedError";
}

/**
 * Run a check: `fn` throws {@linkcode CheckFailure} (or anything else) when the answer is wrong.
 * Shows the result and emits a {@linkcode CheckRecord}. Never throws, so later checks still run.
 */
export async function check(
  name: string,
  points: number,
  fn: () => unknown | Promise<unknown>,
): Promise<void> {
  let record: CheckRecord;
  try {
    const result = await fn();
    record = { name, points, passed: true, message: typeof result === "string" ? result : "passed" };
  } catch (e) {
    const err = e as Error;
    const message = notImplemented(e)
      ? err.message
      : e instanceof CheckFailure
      ? err.message
      : `your code raised ${err?.name ?? "an error"}: ${err?.message ?? String(e)}`;
    record = { name, points, passed: false, message };
  }
  const mark = record.passed ? "✓ PASS" : "✗ FAIL";
  const color = record.passed ? "#1a7f37" : "#cf222e";
  await display({
    "text/plain": `${mark}  ${name} (${record.passed ? points : 0}/${points} points): ${record.message}`,
    "text/html":
      `<div style="font-family:ui-monospace,monospace;font-size:12px"><b style="color:${color}">${mark}</b> ` +
      `${escapeHtml(name)} (${record.passed ? points : 0}/${points} points): ${
        escapeHtml(record.message)
      }</div>`,
    [CHECK_MIME]: record,
  });
}

/** Thrown by an exercise stub the student has not written yet. */
export class NotImplementedError extends Error {
  constructor(exercise: string) {
    super(`${exercise} is not implemented yet: write your code between the markers, then re-run this cell`);
    this.name = "NotImplementedError";
  }
}
