/**
 * The numbers that describe a run at the edge of stability, read off the loss and sharpness records of a
 * full-batch run (`trainFullBatch`): how far below the threshold the sharpness started, whether it reached
 * it (progressive sharpening), where it sat late in training, and how the loss behaved before and after.
 * Cohen et al. 2021 (arXiv:2103.00065), §3. Introduced in notebook 07.
 *
 * @module
 */

/** The records this summary reads (a subset of `FullBatchRun`). */
export interface SharpnessTrace {
  /** $L(\theta_t)$, $t = 0, 1, …$ */
  losses: ArrayLike<number>;
  /** Sharpness measurements, in step order. */
  sharpness: readonly { step: number; sharpness: number }[];
  /** Where the run diverged (`trainFullBatch` sets it, lib/train/_divergence.ts), absent if it did not. */
  divergence?: { step: number; loss: number };
}

/** Options of {@linkcode summarizeEdgeOfStability}. */
export interface EdgeOfStabilityOptions {
  /**
   * Steps the run was meant to take. Default: the last measured step. A diverged run stops early, so its
   * late phase is judged against the planned length: a run that diverged before it has no late mean (NaN).
   */
  steps?: number;
  /** First step of the "late phase" whose mean sharpness is reported. Default: half of `steps`. */
  lateFrom?: number;
}

/** What {@linkcode summarizeEdgeOfStability} reports; sharpness values also as fractions of the threshold. */
export interface EdgeOfStabilitySummary {
  /** The threshold the run is compared with, e.g. $2/\eta$. */
  threshold: number;
  /** Sharpness at step 0. */
  initial: number;
  /** Largest sharpness measured. */
  peak: number;
  /** Mean sharpness over the measurements at steps ≥ `lateFrom`. */
  lateMean: number;
  /** Number of measurements averaged in `lateMean`. */
  lateCount: number;
  /** First measured step with sharpness ≥ threshold (`Infinity` if never). */
  firstCrossing: number;
  /** Steps $t$ before `firstCrossing` with $L(\theta_{t+1}) > L(\theta_t)$. */
  risesBefore: number;
  /** Steps $t \ge$ `firstCrossing` with $L(\theta_{t+1}) > L(\theta_t)$. */
  risesAfter: number;
  /** $L$ at `firstCrossing` (NaN if never crossed). */
  lossAtCrossing: number;
  /** Last recorded loss (NaN when the run diverged: there is no final loss to speak of). */
  finalLoss: number;
  /** Where the run diverged (step and loss), or null. */
  divergedAt: { step: number; loss: number } | null;
}

/**
 * Summarize a run against a sharpness threshold (e.g. `stabilityThreshold(eta)`).
 *
 * @example
 * ```ts
 * import { summarizeEdgeOfStability } from "./edge_of_stability.ts";
 * const run = {
 *   losses: [1, 0.8, 0.6, 0.7, 0.5],
 *   sharpness: [{ step: 0, sharpness: 1 }, { step: 2, sharpness: 2 }, { step: 4, sharpness: 2.2 }],
 * };
 * const s = summarizeEdgeOfStability(run, 2, { lateFrom: 2 });
 * if (s.firstCrossing !== 2 || s.risesAfter !== 1 || s.lateMean !== 2.1) throw new Error("summary");
 * ```
 */
export function summarizeEdgeOfStability(
  run: SharpnessTrace,
  threshold: number,
  options: EdgeOfStabilityOptions = {},
): EdgeOfStabilitySummary {
  const records = run.sharpness;
  if (records.length === 0) {
    throw new RangeError(
      "summarizeEdgeOfStability: the run has no sharpness measurements (sharpnessEvery was 0?)",
    );
  }
  if (!(threshold > 0)) {
    throw new RangeError(`summarizeEdgeOfStability: expected a positive threshold, got ${threshold}`);
  }
  const divergedAt = run.divergence ? { step: run.divergence.step, loss: run.divergence.loss } : null;
  const losses = Array.from(run.losses).filter((l) => !Number.isNaN(l));
  const lastStep = options.steps ?? records[records.length - 1].step;
  const lateFrom = options.lateFrom ?? lastStep / 2;
  const late = records.filter((r) => r.step >= lateFrom && Number.isFinite(r.sharpness)).map((r) =>
    r.sharpness
  );
  if (late.length === 0 && divergedAt === null) {
    throw new RangeError(
      `summarizeEdgeOfStability: no measurement at step ≥ lateFrom = ${lateFrom} (last: ${lastStep})`,
    );
  }
  const firstCrossing = records.find((r) => r.sharpness >= threshold)?.step ?? Infinity;
  let risesBefore = 0, risesAfter = 0;
  for (let t = 0; t + 1 < losses.length; t++) {
    if (losses[t + 1] > losses[t]) t < firstCrossing ? risesBefore++ : risesAfter++;
  }
  return {
    threshold,
    initial: records[0].sharpness,
    peak: Math.max(...records.map((r) => r.sharpness)),
    // A run that diverged before the late phase has no late mean: never a pre-divergence value.
    lateMean: late.length ? late.reduce((s, v) => s + v, 0) / late.length : NaN,
    lateCount: late.length,
    firstCrossing,
    risesBefore,
    risesAfter,
    lossAtCrossing: Number.isFinite(firstCrossing) ? losses[firstCrossing] : NaN,
    finalLoss: divergedAt ? NaN : losses[losses.length - 1],
    divergedAt,
  };
}
