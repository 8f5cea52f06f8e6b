/**
 * Claims: the falsifiable numbers of the course.
 *
 * A claim compares a *measured* value with the value theory gives (computed in the notebook, never typed in
 * from an earlier run), under a tolerance the notebook's text justifies, and cites where the theory comes
 * from. There are two kinds, set by the tolerance:
 *
 * - a **prediction** (`{ rel }` or `{ abs }`) is two-sided: |measured − predicted| ≤ band, where the band is
 *   `rel·|predicted|` or `abs`;
 * - a **bound** (`{ atLeast: true }` or `{ atMost: true }`) is one-sided: `predicted` is the bound the theory
 *   gives, and the measurement must lie on its side.
 *
 * A claim could have failed only if a plausible wrong theory would have failed it. So every claim names
 * **rivals** — the nearest plausible wrong theory, or a null model — with the value each one predicts, computed
 * in code for the same experiment. A rival is judged under the claim's own tolerance:
 *
 * - for a prediction, the rival *passes* when |measured − rival| ≤ band (the claim's band);
 * - for a bound, the rival *passes* when its value satisfies the bound too (had the rival been the truth, the
 *   claim would have held all the same).
 *
 * A claim passes when the measurement holds *and* every rival fails; a claim whose rival passes "does not
 * discriminate" and fails. An exact identity whose only rival is arithmetic may give `noRival` (the reason)
 * instead of rivals. A condition the experiment needs (not a claim) is a {@linkcode setupCheck}.
 *
 * {@linkcode claims} shows a table in the notebook and emits machine-readable records (MIME
 * {@linkcode CLAIM_MIME}) that the runner collects into the course report; the test suite fails on any claim
 * that does not pass.
 *
 * @module
 */
import { display } from "./display.ts";
import { CLAIM_MIME, SETUP_MIME } from "./mime.ts";
import { claimsHtml, claimsText, setupHtml } from "./_claim_table.ts";
export { CLAIM_MIME, SETUP_MIME };

/**
 * How close is close enough.
 * - `{ rel }`: a prediction, |measured − predicted| ≤ rel·|predicted|
 * - `{ abs }`: a prediction, |measured − predicted| ≤ abs
 * - `{ atLeast: true }`: a bound, measured ≥ predicted
 * - `{ atMost: true }`: a bound, measured ≤ predicted
 */
export type Tolerance = { rel: number } | { abs: number } | { atLeast: true } | { atMost: true };

/** A prediction (two-sided, around a value) or a bound (one-sided). */
export type ClaimKind = "prediction" | "bound";

/** A plausible wrong theory, or a null model, and the value it predicts for the same measurement. */
export interface Rival {
  /** What the rival is: "N^−1/2 (no cancellation)", "2κ", "blank-image generator", "untrained network". */
  name: string;
  /** The rival's value, computed in code for the same experiment. */
  predicted: number;
}

/** A rival once judged. */
export interface RivalRecord extends Rival {
  /** True when the rival passes the claim's own test: then the claim does not discriminate. */
  passed: boolean;
  /**
   * How far the rival missed. Prediction: |measured − rival| / band (the rival fails when > 1). Bound: how
   * far the rival's value lies on the wrong side of the bound, relative to |bound| (fails when > 0).
   */
  resolution: number;
}

/** What a notebook states. */
export interface ClaimInput {
  /** Short, unique within the notebook: "eigenmode decay", "min-norm solution". */
  name: string;
  measured: number;
  /** The prediction, or the bound, from theory computed in the notebook. */
  predicted: number;
  tolerance: Tolerance;
  /** Where the theory comes from: "Saxe et al. 2014, arXiv:1312.6120, eq. 7". */
  citation: string;
  /** Optional: what the numbers are ("relative error", "steps"). */
  unit?: string;
  /** The wrong theories this claim rules out (at least one, unless `noRival`). */
  rivals?: Rival[];
  /** Instead of rivals, for an exact identity whose only rival is arithmetic: why. */
  noRival?: string;
  /**
   * The run behind the measurement diverged (a trainer's `divergence` record): the claim then fails and says
   * "diverged at step k (loss …)" instead of showing a meaningless number.
   */
  diverged?: { step: number; loss: number } | null;
}

/** What a claim records once checked. */
export interface ClaimRecord extends ClaimInput {
  kind: ClaimKind;
  /** The measurement satisfies the tolerance. */
  held: boolean;
  /** Every rival fails (true with `noRival`; false when no rival is named). */
  discriminates: boolean;
  /** `held && discriminates`. */
  passed: boolean;
  /** The tolerance in words: "rel. dev. ≤ 0.05", "≥ bound". */
  rule: string;
  /** Prediction: |measured − predicted| / band, the share of the tolerance used (passes when ≤ 1); bound: null. */
  toleranceUsed: number | null;
  /** Bound: how far the measurement lies beyond the bound, relative to |bound| (≥ 0 passes); prediction: null. */
  margin: number | null;
  rivals: RivalRecord[];
}

/** The kind of claim a tolerance makes. */
export function claimKind(t: Tolerance): ClaimKind {
  return "rel" in t || "abs" in t ? "prediction" : "bound";
}

/** The tolerance in words. */
export function describeTolerance(t: Tolerance): string {
  if ("rel" in t) return `rel. dev. ≤ ${fmt(t.rel)}`;
  if ("abs" in t) return `abs. dev. ≤ ${fmt(t.abs)}`;
  if ("atLeast" in t) return "≥ bound";
  return "≤ bound";
}

/** Format a number compactly: integers exactly, else 4 significant digits, exponent form when small or large. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

function validate(input: ClaimInput): void {
  if (!input.name || !input.name.trim()) throw new RangeError("A claim needs a name");
  const where = `Claim "${input.name}"`;
  if (!input.citation || !input.citation.trim()) throw new RangeError(`${where} needs a citation`);
  const t = input.tolerance as Record<string, unknown>;
  if ("between" in t) {
    throw new RangeError(
      `${where}: a band { between } is not a claim kind; state a prediction ({ rel } or { abs } around the ` +
        `theory's value) or a bound ({ atLeast } / { atMost }), got ${JSON.stringify(t)}`,
    );
  }
  if (!("rel" in t || "abs" in t || t.atLeast === true || t.atMost === true)) {
    throw new RangeError(`${where}: unknown tolerance ${JSON.stringify(t)}`);
  }
  if (("rel" in t && !((t.rel as number) > 0)) || ("abs" in t && !((t.abs as number) > 0))) {
    throw new RangeError(`${where}: a tolerance must be positive, got ${JSON.stringify(t)}`);
  }
  for (const r of input.rivals ?? []) {
    if (!r.name || !r.name.trim()) throw new RangeError(`${where}: a rival needs a name`);
  }
  if (input.noRival !== undefined && !input.noRival.trim()) {
    throw new RangeError(`${where}: noRival must say why the claim has no rival but arithmetic`);
  }
}

/** The half-width of a prediction's band: rel·|predicted| or abs. */
function band(t: { rel: number } | { abs: number }, predicted: number): number {
  return "rel" in t ? t.rel * Math.abs(predicted) : t.abs;
}

/** Signed distance of `x` beyond a bound, relative to |bound| (absolute when the bound is 0). */
function beyond(t: { atLeast: true } | { atMost: true }, x: number, bound: number): number {
  const d = "atLeast" in t ? x - bound : bound - x;
  return bound === 0 ? d : d / Math.abs(bound);
}

/** Check a claim and its rivals without displaying it. */
export function evaluateClaim(input: ClaimInput): ClaimRecord {
  validate(input);
  const t = input.tolerance;
  const m = input.measured, p = input.predicted;
  const finite = Number.isFinite(m) && Number.isFinite(p) && !input.diverged;
  const kind = claimKind(t);
  let held: boolean, toleranceUsed: number | null = null, margin: number | null = null;
  let rivals: RivalRecord[];
  if ("rel" in t || "abs" in t) {
    const w = band(t, p);
    toleranceUsed = Math.abs(m - p) / w;
    held = finite && Math.abs(m - p) <= w;
    rivals = (input.rivals ?? []).map((r) => {
      const resolution = Math.abs(m - r.predicted) / w;
      // A rival whose value is not a number cannot be ruled out by this measurement.
      return { ...r, resolution, passed: !Number.isFinite(resolution) ? !finite : resolution <= 1 };
    });
  } else {
    margin = beyond(t, m, p);
    held = finite && margin >= 0;
    rivals = (input.rivals ?? []).map((r) => {
      const resolution = -beyond(t, r.predicted, p);
      return { ...r, resolution, passed: !(resolution > 0) };
    });
  }
  const named = rivals.length > 0 || input.noRival !== undefined;
  const discriminates = named && rivals.every((r) => !r.passed);
  return {
    ...input,
    kind,
    held,
    discriminates,
    passed: held && discriminates,
    rule: describeTolerance(t),
    toleranceUsed,
    margin,
    rivals,
  };
}

/**
 * Check several claims, show them as one table, and emit them for the runner. Resolves to nothing, so that
 * a cell ending in `await claims([...])` shows the table only; use {@linkcode evaluateClaim} to get records.
 *
 * @example
 * ```ts
 * import { claims } from "./claims.ts";
 * await claims([{
 *   name: "gravity's exponent", measured: -1.98, predicted: -2, tolerance: { abs: 0.05 },
 *   citation: "Newton 1687", rivals: [{ name: "inverse-cube law", predicted: -3 }],
 * }]);
 * ```
 */
export async function claims(inputs: ClaimInput[]): Promise<void> {
  const records = inputs.map(evaluateClaim);
  await display({
    "text/html": claimsHtml(records),
    "text/plain": claimsText(records),
    [CLAIM_MIME]: records,
  });
}

/** Check one claim, show it, and emit it for the runner. */
export async function claim(input: ClaimInput): Promise<void> {
  await claims([input]);
}

/** A condition an experiment needs before its claims mean anything, once checked. */
export interface SetupRecord {
  name: string;
  holds: boolean;
  detail: string;
}

/**
 * A setup check: a condition the experiment needs (not a claim, never counted as one), such as "the run
 * starts well below the edge of stability". It is shown apart from the claims, and when it does not hold the
 * cell raises, so the notebook fails rather than state claims about an experiment that did not happen.
 *
 * @example
 * ```ts
 * import { setupCheck } from "./claims.ts";
 * const sharpness0 = 3.1, eta = 0.2;
 * await setupCheck("starts below the edge", {
 *   holds: sharpness0 < 0.9 * 2 / eta,
 *   detail: `initial sharpness ${sharpness0} < 0.9·2/η = ${0.9 * 2 / eta}`,
 * });
 * ```
 */
export async function setupCheck(name: string, options: { holds: boolean; detail: string }): Promise<void> {
  const record: SetupRecord = { name, holds: options.holds, detail: options.detail };
  await display({
    "text/html": setupHtml(record),
    "text/plain": `setup ${record.holds ? "✓" : "✗"} ${name}: ${record.detail}`,
    [SETUP_MIME]: record,
  });
  if (!record.holds) {
    throw new Error(
      `Setup check failed: ${name} (${record.detail}). The experiment does not meet a condition its claims ` +
        `rely on; change its parameters (or the seed) so that it does.`,
    );
  }
}
