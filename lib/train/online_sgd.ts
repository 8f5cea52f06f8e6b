/**
 * Online (one-pass) minibatch SGD on Gaussian linear regression, in float64 loops (notebook 08).
 *
 * Every step draws `batch` fresh samples (never reused) and takes
 * $w_{t+1} = w_t - \eta\,\hat g_t$, $\hat g_t = \frac1B\sum_b x_b(x_b^\top w_t - y_b)$. With $d \le 64$ a step
 * is a few hundred flops, far below tfjs's per-op dispatch cost (DESIGN.md, "Linear algebra"). Compare with
 * the exact expected risk of `lib/theory/sgd_noise.ts`.
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import {
  excessRisk,
  type GaussianRegression,
  minibatchGradient,
  normalSource,
} from "./gaussian_regression.ts";

/** Options of {@linkcode onlineSgd}. */
export interface OnlineSgdOptions {
  /** Learning rate η. */
  eta: number;
  /** Minibatch size B (default 1). */
  batch?: number;
  /** Number of SGD steps. */
  steps: number;
  /** Seed of the sample stream. */
  seed: number;
  /** Start (default: zeros). */
  w0?: ArrayLike<number>;
  /** Record the excess risk every `every` steps, from step 0 (default: `steps`, i.e. start and end). */
  every?: number;
  /** Average the excess risk over steps `burnIn + 1 … steps` into `meanRisk` (default: no average). */
  burnIn?: number;
}

/** A run of {@linkcode onlineSgd}. */
export interface OnlineSgdRun {
  /** Final weights `[d]`. */
  w: Float64Array;
  /** Steps at which the risk was recorded: 0, every, 2·every, … */
  recordedSteps: number[];
  /** Excess risk $R(w_t)$ at `recordedSteps`. */
  risk: Float64Array;
  /** Time average of $R(w_t)$ over steps after `burnIn` (NaN without `burnIn`). */
  meanRisk: number;
  /** Set when the loss went non-finite or grew 10⁶-fold: `{ diverged: true, step, loss }` (lib/train/_divergence.ts). */
  divergence?: Divergence;
  /** Samples drawn: steps × batch. */
  samples: number;
  /** True if the iterate overflowed (the run diverged); the loop stops there. */
  diverged: boolean;
}

/**
 * Runs online minibatch SGD on `problem` (see {@linkcode GaussianRegression}).
 *
 * @example
 * ```ts
 * import { gaussianRegression } from "./gaussian_regression.ts";
 * import { onlineSgd } from "./online_sgd.ts";
 * const p = gaussianRegression([1, 0.5], { wStar: [1, 1], noiseStd: 0 });
 * const run = onlineSgd(p, { eta: 0.1, steps: 2000, seed: 0 });
 * if (!(run.risk[run.risk.length - 1] < 1e-6)) throw new Error("noiseless SGD converges to w*");
 * ```
 */
export function onlineSgd(problem: GaussianRegression, options: OnlineSgdOptions): OnlineSgdRun {
  const d = problem.eigenvalues.length;
  const { eta, steps, seed } = options;
  const batch = options.batch ?? 1;
  const every = options.every ?? steps;
  if (!(eta > 0)) throw new RangeError(`onlineSgd: expected a learning rate eta > 0, got ${eta}`);
  if (!(batch >= 1) || !Number.isInteger(batch)) {
    throw new RangeError(`onlineSgd: expected an integer batch ≥ 1, got ${batch}`);
  }
  if (!(steps >= 0) || !Number.isInteger(steps)) {
    throw new RangeError(`onlineSgd: expected integer steps ≥ 0, got ${steps}`);
  }
  if (!(every >= 1) || !Number.isInteger(every)) {
    throw new RangeError(`onlineSgd: expected an integer every ≥ 1, got ${every}`);
  }
  const burnIn = options.burnIn;
  if (burnIn !== undefined && !(burnIn >= 0 && burnIn < steps)) {
    throw new RangeError(`onlineSgd: expected 0 ≤ burnIn < steps = ${steps}, got ${burnIn}`);
  }
  const w = options.w0 ? Float64Array.from(options.w0) : new Float64Array(d);
  if (w.length !== d) throw new RangeError(`onlineSgd: w0 has ${w.length} entries, expected ${d}`);
  const normal = normalSource(seed);
  const g = new Float64Array(d), scratch = new Float64Array(d);
  const recordedSteps: number[] = [], risk: number[] = [];
  let sum = 0, count = 0, diverged = false;
  const watch = divergenceWatch();
  for (let t = 0; t <= steps; t++) {
    const r = excessRisk(problem, w);
    if (t % every === 0 || t === steps) {
      recordedSteps.push(t);
      risk.push(r);
    }
    if (burnIn !== undefined && t > burnIn) {
      sum += r;
      count++;
    }
    if (watch.check(t, r) && !Number.isFinite(r)) {
      diverged = true;
      break;
    }
    if (t === steps) break;
    minibatchGradient(problem, w, { batch, normal, out: g, scratch });
    for (let i = 0; i < d; i++) w[i] -= eta * g[i];
  }
  return {
    w,
    recordedSteps,
    risk: Float64Array.from(risk),
    meanRisk: count > 0 ? sum / count : NaN,
    samples: steps * batch,
    diverged,
    ...(watch.divergence ? { divergence: watch.divergence } : {}),
  };
}
