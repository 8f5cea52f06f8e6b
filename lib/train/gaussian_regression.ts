/**
 * Gaussian linear regression, the model problem of SGD noise (notebook 08).
 *
 * Inputs $x \sim \mathcal N(0, \Sigma)$ in $\mathbb R^d$, labels $y = w^{*\top}x + \sigma\xi$ with
 * $\xi \sim \mathcal N(0,1)$, squared loss $\ell = \tfrac12 (w^\top x - y)^2$. The population excess risk is
 * $$R(w) = \mathbb E\,\ell - \tfrac12\sigma^2 = \tfrac12 (w-w^*)^\top \Sigma (w-w^*).$$
 * Gaussian inputs are rotation invariant, so we work in the eigenbasis of $\Sigma$: `eigenvalues`
 * $\lambda_i$ `[d]` are its diagonal and $x_i = \sqrt{\lambda_i}\,z_i$ with $z_i \sim \mathcal N(0,1)$; every
 * statement about $w - w^*$ in this basis holds in any basis after the rotation $Q$ of $\Sigma = Q\Lambda Q^\top$.
 *
 * @module
 */
import type { NormalSource } from "./_fast_random.ts";
export { type NormalSource, normalSource } from "./_fast_random.ts";

/** A Gaussian linear-regression problem in the eigenbasis of the input covariance. */
export interface GaussianRegression {
  /** `[d]` eigenvalues $\lambda_i > 0$ of $\Sigma$ (the input variances in its eigenbasis). */
  eigenvalues: Float64Array;
  /** `[d]` teacher weights $w^*$ (in the same basis). */
  wStar: Float64Array;
  /** Label-noise standard deviation $\sigma \ge 0$. */
  noiseStd: number;
}

/**
 * A {@linkcode GaussianRegression} problem, with its arguments checked.
 *
 * @example
 * ```ts
 * import { excessRisk, gaussianRegression } from "./gaussian_regression.ts";
 * const p = gaussianRegression([2, 1], { wStar: [1, -1], noiseStd: 0.5 });
 * if (excessRisk(p, [0, 0]) !== 1.5) throw new Error("½(2·1 + 1·1)");
 * ```
 */
export function gaussianRegression(
  eigenvalues: ArrayLike<number>,
  options: { wStar: ArrayLike<number>; noiseStd: number },
): GaussianRegression {
  const d = eigenvalues.length;
  for (let i = 0; i < d; i++) {
    if (!(eigenvalues[i] > 0) || !Number.isFinite(eigenvalues[i])) {
      throw new RangeError(
        `gaussianRegression: expected positive finite eigenvalues, got eigenvalues[${i}] = ${eigenvalues[i]}`,
      );
    }
  }
  if (options.wStar.length !== d) {
    throw new RangeError(
      `gaussianRegression: expected wStar of length ${d} (one per eigenvalue), got ${options.wStar.length}`,
    );
  }
  if (!(options.noiseStd >= 0)) {
    throw new RangeError(`gaussianRegression: expected noiseStd ≥ 0, got ${options.noiseStd}`);
  }
  return {
    eigenvalues: Float64Array.from(eigenvalues),
    wStar: Float64Array.from(options.wStar),
    noiseStd: options.noiseStd,
  };
}

/** Population excess risk $R(w) = \tfrac12\sum_i \lambda_i (w_i - w^*_i)^2$. */
export function excessRisk(problem: GaussianRegression, w: ArrayLike<number>): number {
  const { eigenvalues: lambda, wStar } = problem;
  let r = 0;
  for (let i = 0; i < lambda.length; i++) r += lambda[i] * (w[i] - wStar[i]) ** 2;
  return 0.5 * r;
}

/**
 * Overwrites `out` `[d]` with a fresh minibatch gradient
 * $\hat g = \frac1B\sum_{b=1}^B x_b(x_b^\top w - y_b)$ of `batch` new samples drawn from `normal`.
 * Allocation-free, for inner loops (d ≤ 64: a few hundred flops per sample).
 */
export function minibatchGradient(
  problem: GaussianRegression,
  w: ArrayLike<number>,
  options: { batch: number; normal: NormalSource; out: Float64Array; scratch: Float64Array },
): Float64Array {
  const { eigenvalues: lambda, wStar, noiseStd } = problem;
  const { batch, normal, out, scratch: x } = options;
  const d = lambda.length;
  out.fill(0);
  for (let b = 0; b < batch; b++) {
    let residual = 0;
    for (let i = 0; i < d; i++) {
      const xi = Math.sqrt(lambda[i]) * normal();
      x[i] = xi;
      residual += xi * (w[i] - wStar[i]);
    }
    residual -= noiseStd * normal();
    for (let i = 0; i < d; i++) out[i] += residual * x[i];
  }
  for (let i = 0; i < d; i++) out[i] /= batch;
  return out;
}
