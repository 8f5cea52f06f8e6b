/**
 * Gradient descent on a quadratic, solved exactly (notebook 01).
 *
 * For $L(w) = \tfrac12 (w-w^*)^\top H (w-w^*)$ with $H = Q\,\mathrm{diag}(\lambda)\,Q^\top$, one step
 * $w_{t+1} = w_t - \eta H (w_t - w^*)$ gives
 * $$w_t - w^* = (I-\eta H)^t (w_0-w^*), \qquad r_i(t) = (1-\eta\lambda_i)^t\, r_i(0),$$
 * where $r_i = q_i^\top (w - w^*)$ is the residual along eigenvector $q_i$. Every mode shrinks iff
 * $|1-\eta\lambda_i| < 1$ for all $i$, i.e. $\eta < \eta_c = 2/\lambda_{\max}$; large-eigenvalue modes are
 * learned first (spectral bias). See e.g. Goh 2017, "Why momentum really works", Distill §1, and
 * Cohen et al. 2021 (arXiv:2103.00065) §2 for the stability threshold.
 *
 * @module
 */

function checkLengths(where: string, eigenvalues: ArrayLike<number>, r0: ArrayLike<number>): void {
  if (eigenvalues.length !== r0.length) {
    throw new RangeError(
      `${where}: expected one residual per eigenvalue, got ${r0.length} residuals for ${eigenvalues.length} eigenvalues`,
    );
  }
}

/**
 * The largest stable learning rate, $\eta_c = 2/\lambda_{\max}$.
 *
 * @example
 * ```ts
 * import { criticalLearningRate } from "./quadratic.ts";
 * if (criticalLearningRate([4, 1]) !== 0.5) throw new Error("2/4");
 * ```
 */
export function criticalLearningRate(eigenvalues: ArrayLike<number>): number {
  const max = Math.max(...Array.from(eigenvalues));
  if (!(max > 0)) {
    throw new RangeError(`criticalLearningRate: expected a positive top eigenvalue, got ${max}`);
  }
  return 2 / max;
}

/** Residuals $r_i(t) = (1-\eta\lambda_i)^t r_i(0)$ along each eigenvector. */
export function modeResiduals(
  eigenvalues: ArrayLike<number>,
  r0: ArrayLike<number>,
  options: { eta: number; t: number },
): Float64Array {
  checkLengths("modeResiduals", eigenvalues, r0);
  return Float64Array.from(eigenvalues, (l, i) => (1 - options.eta * l) ** options.t * r0[i]);
}

/** Distance to the minimum, $\|w_t-w^*\| = \sqrt{\sum_i (1-\eta\lambda_i)^{2t} r_i(0)^2}$. */
export function distanceToMinimum(
  eigenvalues: ArrayLike<number>,
  r0: ArrayLike<number>,
  options: { eta: number; t: number },
): number {
  return Math.hypot(...modeResiduals(eigenvalues, r0, options));
}

/**
 * Steps until every mode with $\lambda_i > $ `nullTolerance` has shrunk by `factor`:
 * $T = \lceil \ln(\text{factor}) / \ln \max_i |1-\eta\lambda_i| \rceil$. Null modes never move.
 */
export function stepsToShrink(
  eigenvalues: ArrayLike<number>,
  options: { eta: number; factor: number; nullTolerance?: number },
): number {
  const tol = options.nullTolerance ?? 1e-10 * Math.max(...Array.from(eigenvalues));
  const rates = Array.from(eigenvalues).filter((l) => l > tol).map((l) => Math.abs(1 - options.eta * l));
  const worst = Math.max(...rates);
  if (!(worst < 1)) {
    throw new RangeError(`stepsToShrink: η = ${options.eta} is not stable (max |1−ηλ| = ${worst})`);
  }
  return Math.ceil(Math.log(options.factor) / Math.log(worst));
}
