/**
 * Claims: the falsifiable numbers of the course.
 *
 * A claim compares a *measured* value with the value *predicted* by theory (computed in the notebook, never
 * typed in from an earlier run), under a tolerance the notebook's text justifies, and cites where the
 * prediction comes from. {@linkcode claim} shows a pass/fail row in the notebook and emits a
 * machine-readable copy (MIME {@linkcode CLAIM_MIME}) that the runner collects into the course report;
 * the test suite fails on any failed claim.
 *
 * @module
 */
import { display, escapeHtml } from "./display.ts";

import { CLAIM_MIME } from "./mime.ts";
export { CLAIM_MIME };

/**
 * How close is close enough.
 * - `{ rel }`: |measured − predicted| ≤ rel·|predicted|
 * - `{ abs }`: |measured − predicted| ≤ abs
 * - `{ atLeast: true }`: measured ≥ predicted (the prediction is a lower bound)
 * - `{ atMost: true }`: measured ≤ predicted (an upper bound)
 * - `{ between: [lo, hi] }`: lo ≤ measured ≤ hi (a band around the prediction, stated absolutely)
 */
export type Tolerance =
  | { rel: number }
  | { abs: number }
  | { atLeast: true }
  | { atMost: true }
  | { between: [number, number] };

/** What a notebook states. */
export interface ClaimInput {
  /** Short, unique within the notebook: "eigenmode decay", "min-norm solution". */
  name: string;
  measured: number;
  /** From theory, computed in the notebook. */
  predicted: number;
  tolerance: Tolerance;
  /** Where the prediction comes from: "Saxe et al. 2014, arXiv:1312.6120, eq. 7". */
  citation: string;
  /** Optional: what the numbers are ("relative error", "steps"). */
  unit?: string;
}

/** What a claim records once checked. */
export interface ClaimRecord extends ClaimInput {
  passed: boolean;
  /** The tolerance in words: "rel < 1e-4", "≥ predicted", "in [-0.8, -0.35]". */
  rule: string;
  /** |m − p| / |p| (or |m − p| when p = 0). */
  deviation: number;
}

/** The tolerance rule in words. */
export function describeTolerance(t: Tolerance): string {
  if ("rel" in t) return `rel. dev. ≤ ${fmt(t.rel)}`;
  if ("abs" in t) return `abs. dev. ≤ ${fmt(t.abs)}`;
  if ("atLeast" in t) return "≥ predicted";
  if ("atMost" in t) return "≤ predicted";
  return `in [${fmt(t.between[0])}, ${fmt(t.between[1])}]`;
}

/** Format a number compactly: 4 significant digits, exponent form when small or large. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/** Check a claim without displaying it. */
export function evaluateClaim(input: ClaimInput): ClaimRecord {
  if (!input.name || !input.name.trim()) throw new RangeError("A claim needs a name");
  if (!input.citation || !input.citation.trim()) {
    throw new RangeError(`Claim "${input.name}" needs a citation`);
  }
  const t = input.tolerance;
  if (("rel" in t && !(t.rel > 0)) || ("abs" in t && !(t.abs > 0))) {
    throw new RangeError(`Claim "${input.name}": a tolerance must be positive, got ${JSON.stringify(t)}`);
  }
  if ("between" in t && !(t.between[0] <= t.between[1])) {
    throw new RangeError(
      `Claim "${input.name}": between [lo, hi] needs lo ≤ hi, got ${JSON.stringify(t.between)}`,
    );
  }
  const m = input.measured, p = input.predicted;
  const diff = Math.abs(m - p);
  const deviation = p === 0 ? diff : diff / Math.abs(p);
  let passed: boolean;
  if (!Number.isFinite(m) || !Number.isFinite(p)) passed = false;
  else if ("rel" in t) passed = diff <= t.rel * Math.abs(p);
  else if ("abs" in t) passed = diff <= t.abs;
  else if ("atLeast" in t) passed = m >= p;
  else if ("atMost" in t) passed = m <= p;
  else passed = m >= t.between[0] && m <= t.between[1];
  return { ...input, passed, rule: describeTolerance(t), deviation };
}

const STYLE = "border-collapse:collapse;font-family:ui-monospace,monospace;font-size:12px";

function htmlTable(records: ClaimRecord[]): string {
  const head = ["", "claim", "measured", "predicted", "rule", "deviation", "source"];
  const rows = records.map((r) => {
    const mark = r.passed
      ? `<span style="color:#1a7f37;font-weight:bold">✓ PASS</span>`
      : `<span style="color:#cf222e;font-weight:bold">✗ FAIL</span>`;
    const cells = [
      mark,
      escapeHtml(r.name),
      escapeHtml(fmt(r.measured) + (r.unit ? ` ${r.unit}` : "")),
      escapeHtml(fmt(r.predicted)),
      escapeHtml(r.rule),
      escapeHtml(fmt(r.deviation)),
      escapeHtml(r.citation),
    ];
    const bg = r.passed ? "" : ` style="background:#ffebe9"`;
    return `<tr${bg}>${
      cells.map((c) => `<td style="padding:2px 8px;text-align:left">${c}</td>`).join("")
    }</tr>`;
  });
  return `<table style="${STYLE}"><thead><tr>${
    head.map((h) => `<th style="padding:2px 8px;text-align:left">${h}</th>`).join("")
  }</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function textLine(r: ClaimRecord): string {
  return `${r.passed ? "✓ PASS" : "✗ FAIL"}  ${r.name}: measured ${fmt(r.measured)}${
    r.unit ? ` ${r.unit}` : ""
  }, ` +
    `predicted ${fmt(r.predicted)} (${r.rule}; deviation ${fmt(r.deviation)}) — ${r.citation}`;
}

/**
 * Check several claims, show them as one table, and emit them for the runner. Resolves to nothing, so that
 * a cell ending in `await claims([...])` shows the table only; use {@linkcode evaluateClaim} to get records.
 *
 * @example
 * ```ts
 * import { claims } from "./claims.ts";
 * await claims([{ name: "one plus one", measured: 1 + 1, predicted: 2, tolerance: { abs: 1e-12 }, citation: "arithmetic" }]);
 * ```
 */
export async function claims(inputs: ClaimInput[]): Promise<void> {
  const records = inputs.map(evaluateClaim);
  await display({
    "text/html": htmlTable(records),
    "text/plain": records.map(textLine).join("\n"),
    [CLAIM_MIME]: records,
  });
}

/** Check one claim, show it, and emit it for the runner. */
export async function claim(input: ClaimInput): Promise<void> {
  await claims([input]);
}
