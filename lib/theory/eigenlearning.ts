/**
 * Eigenlearning: the closed-form estimate of kernel (ridge) regression's generalization from the kernel's
 * eigenvalues and the target's eigencoefficients (Simon, Dickens, Karkada & DeWeese 2023, arXiv:2110.03922,
 * "the eigenlearning equations"; equivalently Canatar, Bordelon & Pehlevan 2021, arXiv:2006.13198; Bordelon et al. 2020,
 * arXiv:2002.02561).
 *
 * With eigenvalues $\lambda_i$ (each with multiplicity $m_i$) of the kernel operator on the data
 * distribution, $n$ training samples and ridge $\delta \ge 0$, the *effective regularization* $\kappa > 0$
 * solves
 * $$\sum_i m_i \frac{\lambda_i}{\lambda_i+\kappa} + \frac{\delta}{\kappa} = n .$$
 * The *learnability* of eigenmode $i$ is $\mathcal L_i = \lambda_i/(\lambda_i+\kappa)$, the overfitting
 * coefficient is $\mathcal E_0 = n/(n - \sum_i m_i \mathcal L_i^2)$, and for a target with squared
 * eigencoefficients $v_i^2$ (summed within mode $i$) and label noise $\sigma^2$ the predicted test MSE is
 * $$\mathcal E = \mathcal E_0\Big(\sum_i (1-\mathcal L_i)^2 v_i^2 + \sigma^2\Big),$$
 * the training MSE $(\delta/(n\kappa))^2\,\mathcal E$.
 * Without ridge and with fewer samples than modes, $\sum_i m_i\mathcal L_i = n$ exactly ("conservation of
 * learnability", Simon et al. 2023). Introduced in notebook 04.
 *
 * @module
 */

/** Options shared by the eigenlearning functions. */
export interface EigenlearningOptions {
  /** Ridge $\delta \ge 0$. Default 0. */
  ridge?: number;
  /** Multiplicity $m_i$ of each eigenvalue (e.g. binomial coefficients on the hypercube). Default all 1. */
  multiplicities?: ArrayLike<number>;
}

function checkSpectrum(
  where: string,
  eigenvalues: ArrayLike<number>,
  options: EigenlearningOptions,
): number[] {
  if (eigenvalues.length === 0) throw new RangeError(`${where}: expected at least one eigenvalue, got none`);
  for (let i = 0; i < eigenvalues.length; i++) {
    if (!(eigenvalues[i] >= 0) || !Number.isFinite(eigenvalues[i])) {
      throw new RangeError(
        `${where}: expected finite eigenvalues ≥ 0, got eigenvalues[${i}] = ${eigenvalues[i]}`,
      );
    }
  }
  const m = options.multiplicities;
  if (m === undefined) return Array.from(eigenvalues, () => 1);
  if (m.length !== eigenvalues.length) {
    throw new RangeError(
      `${where}: expected one multiplicity per eigenvalue (${eigenvalues.length}), got ${m.length}`,
    );
  }
  return Array.from(m, (v, i) => {
    if (!(v >= 0)) {
      throw new RangeError(`${where}: expected multiplicities ≥ 0, got multiplicities[${i}] = ${v}`);
    }
    return v;
  });
}

/**
 * The effective regularization $\kappa$: the root of $\sum_i m_i\lambda_i/(\lambda_i+\kappa) + \delta/\kappa = n$
 * (the left side decreases strictly in $\kappa$), found by bisection on $\log\kappa$ to machine precision.
 *
 * @param eigenvalues $\lambda_i \ge 0$ `[M]` (any order)
 * @param n number of training samples, $n > 0$
 * @throws {RangeError} if $\delta = 0$ and $n \ge \sum_{\lambda_i>0} m_i$ (then $\kappa = 0$: every mode is
 *   learned and the equation has no positive root), or for invalid input
 *
 * @example
 * ```ts
 * import { solveKappa } from "./eigenlearning.ts";
 * // Two modes of eigenvalue 1 and n = 1: 2/(1 + κ) = 1, so κ = 1.
 * if (Math.abs(solveKappa([1, 1], 1) - 1) > 1e-12) throw new Error("κ = 1");
 * ```
 */
export function solveKappa(
  eigenvalues: ArrayLike<number>,
  n: number,
  options: EigenlearningOptions = {},
): number {
  const m = checkSpectrum("solveKappa", eigenvalues, options);
  const ridge = options.ridge ?? 0;
  if (!(n > 0)) throw new RangeError(`solveKappa: expected n > 0 training samples, got ${n}`);
  if (!(ridge >= 0)) throw new RangeError(`solveKappa: expected ridge ≥ 0, got ${ridge}`);
  let rank = 0, trace = 0;
  for (let i = 0; i < m.length; i++) {
    if (eigenvalues[i] > 0) rank += m[i];
    trace += m[i] * eigenvalues[i];
  }
  if (ridge === 0 && n >= rank) {
    throw new RangeError(
      `solveKappa: without ridge, expected fewer samples than nonzero modes, got n = ${n} ≥ ${rank}; ` +
        `then κ = 0 and every mode is learned (add a ridge to get κ > 0)`,
    );
  }
  const excess = (kappa: number): number => {
    let s = ridge / kappa;
    for (let i = 0; i < m.length; i++) s += (m[i] * eigenvalues[i]) / (eigenvalues[i] + kappa);
    return s - n;
  };
  // κ ≤ (trace + δ)/n because every term λ/(λ+κ) ≤ λ/κ.
  let hi = (trace + ridge) / n;
  let lo = hi;
  while (excess(lo) < 0) {
    lo /= 2;
    if (lo < 1e-300) throw new RangeError(`solveKappa: no root found for n = ${n} (spectrum too degenerate)`);
  }
  if (excess(hi) > 0) return hi; // only possible through rounding at the bound
  for (let it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
    const mid = Math.sqrt(lo * hi);
    if (excess(mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/**
 * Learnabilities $\mathcal L_i = \lambda_i/(\lambda_i+\kappa)$ `[M]`.
 *
 * @example
 * ```ts
 * import { modeLearnabilities } from "./eigenlearning.ts";
 * const L = modeLearnabilities([3, 1], 1); // [0.75, 0.5]
 * if (L[0] !== 0.75 || L[1] !== 0.5) throw new Error("λ/(λ+κ)");
 * ```
 */
export function modeLearnabilities(eigenvalues: ArrayLike<number>, kappa: number): Float64Array {
  if (!(kappa >= 0)) throw new RangeError(`modeLearnabilities: expected κ ≥ 0, got ${kappa}`);
  return Float64Array.from(eigenvalues, (l) => (l === 0 && kappa === 0 ? 0 : l / (l + kappa)));
}

/** Everything eigenlearning predicts for one training-set size. */
export interface EigenlearningPrediction {
  /** Effective regularization $\kappa$. */
  kappa: number;
  /** $\mathcal L_i$ per eigenvalue `[M]`. */
  learnabilities: Float64Array;
  /** Overfitting coefficient $\mathcal E_0 = n/(n-\sum_i m_i\mathcal L_i^2)$. */
  e0: number;
  /** Predicted test MSE $\mathcal E_0(\sum_i(1-\mathcal L_i)^2 v_i^2 + \sigma^2)$. */
  testMse: number;
  /** Predicted train MSE $(\delta/(n\kappa))^2\,\mathcal E$ (0 without ridge). */
  trainMse: number;
}

/**
 * The eigenlearning prediction for kernel regression with `n` samples.
 *
 * @param eigenvalues $\lambda_i$ `[M]`
 * @param targetPower $v_i^2$ `[M]`: the target's squared eigencoefficients, summed over the $m_i$ copies of mode $i$
 * @param options `n` samples (required), `ridge` $\delta$, `noise` variance $\sigma^2$ (default 0), `multiplicities`
 *
 * @example
 * ```ts
 * import { eigenlearning } from "./eigenlearning.ts";
 * // One sample, two equal modes, target on the first: κ = 1, L = 1/2, E0 = 1/(1 − 2/4) = 2, E = 2·(1/4) = 1/2.
 * const p = eigenlearning([1, 1], [1, 0], { n: 1 });
 * if (Math.abs(p.testMse - 0.5) > 1e-12) throw new Error(`E = ${p.testMse}`);
 * ```
 */
export function eigenlearning(
  eigenvalues: ArrayLike<number>,
  targetPower: ArrayLike<number>,
  options: EigenlearningOptions & { n: number; noise?: number },
): EigenlearningPrediction {
  const m = checkSpectrum("eigenlearning", eigenvalues, options);
  if (targetPower.length !== eigenvalues.length) {
    throw new RangeError(
      `eigenlearning: expected one target power v² per eigenvalue (${eigenvalues.length}), got ${targetPower.length}`,
    );
  }
  const { n, ridge = 0, noise = 0 } = options;
  const kappa = solveKappa(eigenvalues, n, options);
  const learnabilities = modeLearnabilities(eigenvalues, kappa);
  let sumL2 = 0, bias = 0;
  for (let i = 0; i < m.length; i++) {
    sumL2 += m[i] * learnabilities[i] ** 2;
    bias += (1 - learnabilities[i]) ** 2 * targetPower[i];
  }
  const e0 = n / (n - sumL2);
  const testMse = e0 * (bias + noise);
  return { kappa, learnabilities, e0, testMse, trainMse: (ridge / (n * kappa)) ** 2 * testMse };
}
