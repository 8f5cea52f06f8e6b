/**
 * Measuring the simple noise scale $B_{\rm simple} = \mathrm{tr}\,C/\|G\|^2$ from minibatch gradient norms alone
 * (McCandlish et al. 2018, arXiv:1812.06162, appendix A.1; notebook 08).
 *
 * A minibatch gradient of size $B$ has $\mathbb E\|\hat g_B\|^2 = \|G\|^2 + \mathrm{tr}\,C/B$. Two batch sizes
 * $b < B$ give unbiased estimates of both terms:
 * $$\|G\|^2 \approx \frac{B\|\hat g_B\|^2 - b\|\hat g_b\|^2}{B-b},\qquad
 *   \mathrm{tr}\,C \approx \frac{\|\hat g_b\|^2 - \|\hat g_B\|^2}{1/b - 1/B}.$$
 * Averaged over repeats, their ratio estimates $B_{\rm simple}$ without knowing the data distribution.
 *
 * @module
 */
import { type GaussianRegression, minibatchGradient, normalSource } from "../train/gaussian_regression.ts";

/** Estimates of {@linkcode estimateSimpleNoiseScale}. */
export interface SimpleNoiseEstimate {
  /** Estimated $\|G\|^2$. */
  gradNormSq: number;
  /** Estimated $\mathrm{tr}\,C$. */
  traceCov: number;
  /** Their ratio, the estimated $B_{\rm simple}$. */
  simple: number;
}

/**
 * Estimates $B_{\rm simple}$ at `w` `[d]` from gradient norms at batch sizes `small` < `big`, averaged over
 * `repeats` independent pairs of minibatches.
 *
 * @example
 * ```ts
 * import { gaussianRegression } from "../train/gaussian_regression.ts";
 * import { estimateSimpleNoiseScale } from "./noise_scale.ts";
 * const p = gaussianRegression([1, 1, 1], { wStar: [1, 0, 0], noiseStd: 0 });
 * const est = estimateSimpleNoiseScale(p, [0, 0, 0], { small: 1, big: 64, repeats: 4000, seed: 1 });
 * if (Math.abs(est.simple - 4) > 0.4) throw new Error("B_simple = tr C/‖G‖² = 4 here");
 * ```
 */
export function estimateSimpleNoiseScale(
  problem: GaussianRegression,
  w: ArrayLike<number>,
  options: { small: number; big: number; repeats: number; seed: number },
): SimpleNoiseEstimate {
  const { small, big, repeats, seed } = options;
  const d = problem.eigenvalues.length;
  if (w.length !== d) {
    throw new RangeError(`estimateSimpleNoiseScale: expected w of length ${d}, got ${w.length}`);
  }
  if (!(small >= 1 && big > small) || !Number.isInteger(small) || !Number.isInteger(big)) {
    throw new RangeError(
      `estimateSimpleNoiseScale: expected integer batch sizes 1 ≤ small < big, got ${small} and ${big}`,
    );
  }
  if (!(repeats >= 1)) throw new RangeError(`estimateSimpleNoiseScale: expected repeats ≥ 1, got ${repeats}`);
  const normal = normalSource(seed);
  const g = new Float64Array(d), scratch = new Float64Array(d);
  const norm2 = (batch: number): number => {
    minibatchGradient(problem, w, { batch, normal, out: g, scratch });
    let s = 0;
    for (let i = 0; i < d; i++) s += g[i] * g[i];
    return s;
  };
  let gradNormSq = 0, traceCov = 0;
  for (let r = 0; r < repeats; r++) {
    const s = norm2(small), b = norm2(big);
    gradNormSq += (big * b - small * s) / (big - small) / repeats;
    traceCov += (s - b) / (1 / small - 1 / big) / repeats;
  }
  return { gradNormSq, traceCov, simple: traceCov / gradNormSq };
}
