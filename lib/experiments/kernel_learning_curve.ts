/**
 * The learning curve of kernel regression on a finite pool: train on `n` pool points drawn at random
 * (without replacement), test on the whole pool (the population), average over draws. The measurement that
 * eigenlearning predicts from {@linkcode kernelSpectrum} (Simon et al. 2023, arXiv:2110.03922).
 * Introduced in notebook 14.
 *
 * @module
 */
import type { MatrixLike } from "../linalg/matrix.ts";
import { rng } from "../random.ts";
import { kernelRegression } from "../train/kernel_regression.ts";

/**
 * Test MSE over the whole pool, $\frac1M\sum_x(\hat f(x)-y(x))^2$, of kernel regression
 * $\hat f = K(\cdot, X)(K_{XX}+\delta I)^{-1}y_X$ trained on the pool points `train` (indices).
 *
 * @throws {RangeError} for indices outside the pool or repeated indices
 *
 * @example
 * ```ts
 * import { poolTestMse } from "./kernel_learning_curve.ts";
 * // Training on every point interpolates: zero error.
 * if (poolTestMse([[2, 1], [1, 2]], [1, -1], [0, 1]) > 1e-15) throw new Error("interpolation");
 * ```
 */
export function poolTestMse(
  K: MatrixLike,
  y: ArrayLike<number>,
  train: number[],
  options: { ridge?: number } = {},
): number {
  const M = K.length;
  if (y.length !== M) {
    throw new RangeError(`poolTestMse: expected one target per pool point (${M}), got ${y.length}`);
  }
  if (new Set(train).size !== train.length) {
    throw new RangeError(`poolTestMse: expected distinct training indices`);
  }
  for (const i of train) {
    if (!(Number.isInteger(i) && i >= 0 && i < M)) {
      throw new RangeError(`poolTestMse: index ${i} is outside 0…${M - 1}`);
    }
  }
  const alpha = kernelRegression(
    train.map((i) => train.map((j) => K[i][j])),
    train.map((i) => y[i]),
    options,
  );
  let sum = 0;
  for (let x = 0; x < M; x++) {
    let f = 0;
    for (let a = 0; a < train.length; a++) f += K[x][train[a]] * alpha[a];
    sum += (f - y[x]) ** 2;
  }
  return sum / M;
}

/** Options of {@linkcode kernelLearningCurve}. */
export interface KernelLearningCurveOptions {
  /** Training-set sizes. */
  ns: number[];
  /** Random training sets per size. */
  trials: number;
  seed: number;
  /** Ridge $\delta$. Default 0. */
  ridge?: number;
}

/** Mean pool test MSE per training-set size, with its standard error over trials. */
export interface KernelLearningCurve {
  ns: number[];
  testMse: Float64Array;
  stdErr: Float64Array;
}

/**
 * Measured learning curve: for each `n`, the mean of {@linkcode poolTestMse} over `trials` random training sets.
 *
 * @example
 * ```ts
 * import { kernelLearningCurve } from "./kernel_learning_curve.ts";
 * const K = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];  // no generalization at all: error = unseen fraction
 * const { testMse } = kernelLearningCurve(K, [1, 1, 1], { ns: [1, 3], trials: 2, seed: 0 });
 * if (Math.abs(testMse[0] - 2 / 3) > 1e-15 || testMse[1] !== 0) throw new Error("2/3 then 0");
 * ```
 */
export function kernelLearningCurve(
  K: MatrixLike,
  y: ArrayLike<number>,
  options: KernelLearningCurveOptions,
): KernelLearningCurve {
  const { ns, trials, seed } = options;
  if (!(Number.isInteger(trials) && trials >= 1)) {
    throw new RangeError(`kernelLearningCurve: expected trials ≥ 1, got ${trials}`);
  }
  const r = rng(seed);
  const testMse = new Float64Array(ns.length), stdErr = new Float64Array(ns.length);
  ns.forEach((n, k) => {
    if (!(Number.isInteger(n) && n >= 1 && n <= K.length)) {
      throw new RangeError(`kernelLearningCurve: expected 1 ≤ n ≤ ${K.length} pool points, got n = ${n}`);
    }
    const errors = Array.from({ length: trials }, () => poolTestMse(K, y, r.choice(K.length, n), options));
    const mean = errors.reduce((a, b) => a + b, 0) / trials;
    const variance = trials > 1 ? errors.reduce((a, e) => a + (e - mean) ** 2, 0) / (trials - 1) : 0;
    testMse[k] = mean;
    stdErr[k] = Math.sqrt(variance / trials);
  });
  return { ns: ns.slice(), testMse, stdErr };
}
