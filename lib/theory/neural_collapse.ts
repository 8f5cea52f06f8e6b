/**
 * Neural collapse in closed form: the simplex equiangular tight frame (ETF) and the global minimizer of the
 * unconstrained-features model (Papyan, Han & Donoho 2020, arXiv:2008.08186, §1; Zhu et al. 2021,
 * arXiv:2105.02375, Thm. 3.1). Introduced in notebook 11.
 *
 * **Simplex ETF.** $C$ unit vectors $u_1…u_C$ with $u_c^\top u_{c'} = -1/(C-1)$ for $c \ne c'$: the
 * most-separated configuration of $C$ equal-norm vectors that sum to zero (they span $C-1$ dimensions).
 *
 * **Unconstrained-features model (UFM).** Treat the last-layer features $h_i$ of $n$ samples per class
 * ($N = nC$ in all) as free parameters next to the classifier $W$ `[d, C]` (logits $h_i^\top W$), and minimize
 * $$L = \frac1N\sum_i \mathrm{CE}(h_i^\top W, y_i) + \frac{\lambda_W}{2}\|W\|_F^2
 *   + \frac{\lambda_H}{2}\,\frac1N\sum_i\|h_i\|^2 .$$
 * Every global minimizer (for $d \ge C-1$) has $h_i = \rho\,u_{y_i}$ and $W$'s columns $\sigma u_c$ for a
 * simplex ETF $u$. On that family the logit margin is $a = \sigma\rho$, and
 * $\tfrac{\lambda_W}{2}C\sigma^2 + \tfrac{\lambda_H}{2}\rho^2 \ge \kappa a$ with $\kappa = \sqrt{C\lambda_W\lambda_H}$
 * (AM–GM, equality iff $\lambda_W C\sigma^2 = \lambda_H\rho^2$), so the loss reduces to one variable,
 * $$g(a) = \ln\!\big(1 + (C-1)e^{-aC/(C-1)}\big) + \kappa a,$$
 * minimized where $\frac{q}{1+q} = \frac{(C-1)\kappa}{C}$ with $q = (C-1)e^{-aC/(C-1)}$:
 * $$a^* = \frac{C-1}{C}\ln\frac{(C-1)(1-r)}{r},\quad r = \frac{(C-1)\kappa}{C},\qquad
 *   \rho^2 = a^*\sqrt{C\lambda_W/\lambda_H},\quad \sigma^2 = a^*\sqrt{\lambda_H/(C\lambda_W)} .$$
 *
 * @module
 */

/**
 * The cosine $-1/(C-1)$ between any two vectors of a simplex ETF of `classes` vectors.
 *
 * @example
 * ```ts
 * import { simplexEtfCosine } from "./neural_collapse.ts";
 * if (simplexEtfCosine(2) !== -1 || simplexEtfCosine(10) !== -1 / 9) throw new Error("−1/(C−1)");
 * ```
 */
export function simplexEtfCosine(classes: number): number {
  if (!Number.isInteger(classes) || classes < 2) {
    throw new RangeError(`simplexEtfCosine: expected an integer number of classes C ≥ 2, got ${classes}`);
  }
  return -1 / (classes - 1);
}

/**
 * A simplex ETF as the rows of a `[C, C]` matrix: $u_c = \sqrt{C/(C-1)}\,(e_c - \mathbf 1/C)$.
 *
 * @example
 * ```ts
 * import { simplexEtf } from "./neural_collapse.ts";
 * const u = simplexEtf(3);
 * const dot = u[0].reduce((s, v, k) => s + v * u[1][k], 0);
 * if (Math.abs(dot + 0.5) > 1e-12) throw new Error("u₀·u₁ = −1/2");
 * ```
 */
export function simplexEtf(classes: number): number[][] {
  simplexEtfCosine(classes);
  const s = Math.sqrt(classes / (classes - 1));
  return Array.from(
    { length: classes },
    (_, c) => Array.from({ length: classes }, (_, k) => s * ((c === k ? 1 : 0) - 1 / classes)),
  );
}

/** The global minimizer of the unconstrained-features model, from {@linkcode unconstrainedFeaturesOptimum}. */
export interface UfmOptimum {
  /** Logit margin $a^* = \sigma\rho$ (correct-class logit is $a$, the others $-a/(C-1)$). */
  margin: number;
  /** Norm $\rho$ of every feature vector (= every class mean; the global mean is 0). */
  featureNorm: number;
  /** Norm $\sigma$ of every classifier column. */
  classifierNorm: number;
  /** The minimal value of the regularized loss, $g(a^*)$. */
  loss: number;
}

/**
 * The collapsed optimum of the UFM with `classes` balanced classes and weight decays `lambdaW`, `lambdaH`
 * (see the module doc for the derivation). Requires weight decays small enough that $a^* > 0$, i.e.
 * $(C-1)(1-r) > r$; otherwise the minimizer is the trivial $W = 0$, $H = 0$ and this throws.
 *
 * @example
 * ```ts
 * import { unconstrainedFeaturesOptimum } from "./neural_collapse.ts";
 * const o = unconstrainedFeaturesOptimum(10, { lambdaW: 5e-3, lambdaH: 5e-3 });
 * // the margin minimizes g(a): g is larger a little to either side
 * const C = 10, kappa = Math.sqrt(C * 5e-3 * 5e-3);
 * const g = (a: number) => Math.log(1 + (C - 1) * Math.exp(-a * C / (C - 1))) + kappa * a;
 * if (!(g(o.margin) < g(o.margin * 1.01) && g(o.margin) < g(o.margin * 0.99))) throw new Error("a* minimizes g");
 * ```
 */
export function unconstrainedFeaturesOptimum(
  classes: number,
  options: { lambdaW: number; lambdaH: number },
): UfmOptimum {
  simplexEtfCosine(classes);
  const { lambdaW, lambdaH } = options;
  if (!(lambdaW > 0 && lambdaH > 0)) {
    throw new RangeError(
      `unconstrainedFeaturesOptimum: expected weight decays λ_W, λ_H > 0, got ${lambdaW}, ${lambdaH}`,
    );
  }
  const C = classes;
  const kappa = Math.sqrt(C * lambdaW * lambdaH);
  const r = ((C - 1) * kappa) / C;
  const inside = ((C - 1) * (1 - r)) / r;
  if (!(r < 1 && inside > 1)) {
    throw new RangeError(
      `unconstrainedFeaturesOptimum: weight decay too strong (√(Cλ_Wλ_H) = ${kappa}): the minimizer collapses to W = H = 0`,
    );
  }
  const margin = ((C - 1) / C) * Math.log(inside);
  const featureNorm = Math.sqrt(margin * Math.sqrt((C * lambdaW) / lambdaH));
  const classifierNorm = Math.sqrt(margin * Math.sqrt(lambdaH / (C * lambdaW)));
  const loss = Math.log(1 + (C - 1) * Math.exp((-margin * C) / (C - 1))) + kappa * margin;
  return { margin, featureNorm, classifierNorm, loss };
}
