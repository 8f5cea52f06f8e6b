/**
 * Measured one-step loss decrease of minibatch SGD, and a fit of the critical batch size
 * (McCandlish et al. 2018, arXiv:1812.06162 §2.2; notebook 08).
 *
 * @module
 */
import {
  excessRisk,
  type GaussianRegression,
  minibatchGradient,
  normalSource,
} from "../train/gaussian_regression.ts";
import { fitLine } from "../fit/mod.ts";

/** Options of {@linkcode measureStepGains}. */
export interface StepGainOptions {
  /** Minibatch size B. */
  batch: number;
  /** Learning rates to try `[k]`. */
  etas: ArrayLike<number>;
  /** Independent minibatches to average over. */
  batches: number;
  /** Seed of the sample stream. */
  seed: number;
}

/** Result of {@linkcode measureStepGains}. */
export interface StepGains {
  /** `[k]` mean decrease of the population loss $L(w) - L(w - \eta\hat g)$ for each η. */
  gains: Float64Array;
  /** The best η of the grid and its mean gain. */
  best: { eta: number; gain: number };
}

/**
 * Takes `batches` independent SGD steps from the same point `w` `[d]` for each learning rate in `etas`, and
 * averages the decrease of the population loss. The same minibatches serve every η (common random numbers),
 * so the comparison between rates is not blurred by sampling noise.
 *
 * @example
 * ```ts
 * import { gaussianRegression } from "../train/gaussian_regression.ts";
 * import { measureStepGains } from "./step_gain.ts";
 * const p = gaussianRegression([1, 1], { wStar: [1, 0], noiseStd: 0 });
 * const { best } = measureStepGains(p, [0, 0], { batch: 4096, etas: [0.5, 1, 1.5], batches: 4, seed: 0 });
 * if (best.eta !== 1) throw new Error("a huge batch makes η = 1/λ best on an isotropic quadratic");
 * ```
 */
export function measureStepGains(
  problem: GaussianRegression,
  w: ArrayLike<number>,
  options: StepGainOptions,
): StepGains {
  const d = problem.eigenvalues.length;
  const { batch, etas, batches, seed } = options;
  if (w.length !== d) throw new RangeError(`measureStepGains: expected w of length ${d}, got ${w.length}`);
  if (!(batches >= 1) || !Number.isInteger(batches)) {
    throw new RangeError(`measureStepGains: expected an integer number of batches ≥ 1, got ${batches}`);
  }
  if (etas.length === 0) {
    throw new RangeError("measureStepGains: expected at least one learning rate, got none");
  }
  const normal = normalSource(seed);
  const g = new Float64Array(d), scratch = new Float64Array(d);
  const lambda = problem.eigenvalues;
  const e = Float64Array.from(w, (v, i) => v - problem.wStar[i]);
  const before = excessRisk(problem, w);
  const gains = new Float64Array(etas.length);
  for (let k = 0; k < batches; k++) {
    minibatchGradient(problem, w, { batch, normal, out: g, scratch });
    for (let j = 0; j < etas.length; j++) {
      const eta = etas[j];
      let after = 0;
      for (let i = 0; i < d; i++) after += lambda[i] * (e[i] - eta * g[i]) ** 2;
      gains[j] += (before - 0.5 * after) / batches;
    }
  }
  let bestJ = 0;
  for (let j = 1; j < gains.length; j++) if (gains[j] > gains[bestJ]) bestJ = j;
  return { gains, best: { eta: etas[bestJ], gain: gains[bestJ] } };
}

/** Result of {@linkcode fitCriticalBatch}. */
export interface CriticalBatchFit {
  /** Fitted $B_{\rm noise}$ (slope / intercept of $1/\Delta L_{\rm opt}$ against $1/B$). */
  noiseScale: number;
  /** Fitted $\Delta L_{\max}$ (1 / intercept). */
  maxGain: number;
  /** R² of the straight-line fit. */
  rSquared: number;
}

/**
 * Fits $\Delta L_{\rm opt}(B) = \Delta L_{\max}/(1 + B_{\rm noise}/B)$ to measured best gains: the model is a straight
 * line $1/\Delta L_{\rm opt} = (1 + B_{\rm noise}/B)/\Delta L_{\max}$ in $1/B$, fitted by least squares.
 *
 * @example
 * ```ts
 * import { fitCriticalBatch } from "./step_gain.ts";
 * const B = [1, 2, 4, 8, 16, 32];
 * const fit = fitCriticalBatch(B, B.map((b) => 3 / (1 + 8 / b)));
 * if (Math.abs(fit.noiseScale - 8) > 1e-9 || Math.abs(fit.maxGain - 3) > 1e-9) throw new Error("B_noise = 8");
 * ```
 */
export function fitCriticalBatch(batches: ArrayLike<number>, bestGains: ArrayLike<number>): CriticalBatchFit {
  if (batches.length !== bestGains.length) {
    throw new RangeError(`fitCriticalBatch: ${batches.length} batch sizes but ${bestGains.length} gains`);
  }
  for (let i = 0; i < bestGains.length; i++) {
    if (!(bestGains[i] > 0)) {
      throw new RangeError(
        `fitCriticalBatch: expected positive gains, got ${bestGains[i]} at batch ${batches[i]}`,
      );
    }
  }
  const line = fitLine(Array.from(batches, (b) => 1 / b), Array.from(bestGains, (g) => 1 / g));
  return { noiseScale: line.slope / line.intercept, maxGain: 1 / line.intercept, rSquared: line.rSquared };
}
