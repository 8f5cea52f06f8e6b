/**
 * The "charges" of the three symmetries of a ReLU classifier (Kunin, Sagastuy-Brena, Ganguli, Yamins &
 * Tanaka 2021, *Neural Mechanics*, arXiv:2012.04728): quantities that gradient flow conserves exactly,
 * read off a parameter set of `lib/models/float64_mlp.ts` (`W1` `[d, h]`, `b1` `[h]`, `W2` `[h, c]`, `b2` `[c]`).
 *
 * - **rescale** (ReLU is positively homogeneous): $Q_i = \|w^{in}_i\|^2 - \|w^{out}_i\|^2$ per hidden neuron,
 *   with $w^{in}_i = (W_1[:,i], b_1[i])$ and $w^{out}_i = W_2[i,:]$;
 * - **translation** (softmax ignores a common shift of the logits): $T_i = \sum_k W_2[i,k]$ per hidden neuron,
 *   and $\sum_k b_2[k]$;
 * - **scale** (incoming weights of a batch-normalized unit): $S_i = \|W_1[:,i]\|^2$.
 *
 * The charges are defined in `lib/models/charges.ts` (re-exported here); this module tracks them along a
 * training run. Applied to a gradient instead of parameters the same formulas give the discrete-step
 * corrections of `lib/theory/conservation.ts`. Introduced in notebook 03.
 *
 * @module
 */
import type { Float64MlpParams } from "../models/float64_mlp.ts";
export { rescaleCharges, scaleCharges, translationCharges } from "../models/charges.ts";

/**
 * Relative error $\|a - b\|/\|b\|$ of a measured vector `a` against a predicted `b` (equal lengths).
 *
 * @example
 * ```ts
 * import { relativeVectorError } from "./conserved.ts";
 * if (relativeVectorError([3, 5], [3, 4]) !== 0.2) throw new Error("1/5");
 * ```
 */
export function relativeVectorError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`relativeVectorError: expected equal lengths, got ${a.length} and ${b.length}`);
  }
  let num = 0, den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
}

/** What {@linkcode trackCharges} records; `onStep` plugs into `trainFloat64Mlp`'s `onStep`. */
export interface ChargeTracker {
  onStep: (step: number, params: Float64MlpParams, grads: Float64MlpParams | null) => void;
  /** Largest per-step relative error $\|\Delta Q - \text{predicted}\|/\|\text{predicted}\|$ so far. */
  worst: number;
  /** Recorded steps (every `every` steps, and the last). */
  steps: number[];
  /** Measured charges `[h]` at each recorded step. */
  charges: Float64Array[];
  /** Charges predicted at each recorded step: the starting charges plus the accumulated predicted increments. */
  predicted: Float64Array[];
}

/**
 * Follow a charge along a training run and compare each step's change with a predicted increment computed
 * from that step's gradient (e.g. `rescaleChargeIncrement` of `lib/theory/conservation.ts`).
 *
 * @param charge the charges of a parameter set, e.g. {@linkcode rescaleCharges}
 * @param increment the predicted change in one step from the gradient it uses
 *
 * @example
 * ```ts
 * import { rescaleCharges, trackCharges } from "./conserved.ts";
 * import { rescaleChargeIncrement } from "../theory/conservation.ts";
 * import { initFloat64Mlp } from "../models/float64_mlp.ts";
 * import { trainFloat64Mlp } from "../train/float64_mlp.ts";
 * const spec = { sizes: [2, 4, 2] as [number, number, number] };
 * const tracker = trackCharges(rescaleCharges, (g) => rescaleChargeIncrement(g, { eta: 0.3 }));
 * trainFloat64Mlp(spec, initFloat64Mlp(spec, { seed: 0 }), new Float64Array([1, 0, 0, 1]), new Int32Array([0, 1]), {
 *   optimizer: { kind: "sgd", eta: 0.3 }, steps: 20, onStep: tracker.onStep,
 * });
 * if (!(tracker.worst < 1e-8)) throw new Error("ΔQ = η²(‖g_in‖² − ‖g_out‖²) at every step");
 * ```
 */
export function trackCharges(
  charge: (params: Float64MlpParams) => Float64Array,
  increment: (grads: Float64MlpParams) => Float64Array,
  options: { every?: number } = {},
): ChargeTracker {
  const every = options.every ?? 1;
  let previous: Float64Array | null = null,
    expectedStep: Float64Array | null = null,
    accumulated: Float64Array | null = null;
  const tracker: ChargeTracker = {
    worst: 0,
    steps: [],
    charges: [],
    predicted: [],
    onStep(step, params, grads) {
      const q = charge(params);
      if (previous && expectedStep) {
        tracker.worst = Math.max(
          tracker.worst,
          relativeVectorError(q.map((v, i) => v - previous![i]), expectedStep),
        );
      }
      accumulated ??= q.slice();
      if (step % every === 0 || grads === null) {
        tracker.steps.push(step);
        tracker.charges.push(q);
        tracker.predicted.push(accumulated.slice());
      }
      if (grads) {
        expectedStep = increment(grads);
        expectedStep.forEach((v, i) => (accumulated![i] += v));
      }
      previous = q;
    },
  };
  return tracker;
}
