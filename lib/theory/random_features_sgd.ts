/**
 * The exact expected loss of a random-feature model trained by online SGD: the theory of the *finite* model
 * that notebook 09 trains, finite size and finite time included.
 *
 * Latent inputs $x\sim\mathcal N(0,\Lambda)$ `[M]`, teacher $y = w^{*\top}x$, features $\psi = A_Nx/\sqrt N$
 * ($A_N$ the first $N$ rows of a projection), readout $\hat y = v^\top\psi$ trained from $v = 0$ by
 * $v \leftarrow v - \frac{\eta}{B}\sum_b\psi_b(\psi_b^\top v - y_b)$ on fresh samples. The features are Gaussian
 * with covariance $H = A_N\Lambda A_N^\top/N$; the best readout is $v^\star = H^{-1}b$ with $b = A_N\Lambda w^{*}/\sqrt N$,
 * and the residual $y - v^{\star\top}\psi$ is Gaussian and uncorrelated with $\psi$, hence independent of it: it
 * acts exactly as label noise of variance $\sigma^2 = 2L_\infty$, where
 * $$L_\infty(N) = \tfrac12\big(w^{*\top}\Lambda w^* - b^\top H^{-1}b\big).$$
 * So notebook 08's exact second-moment recursion applies in the eigenbasis of $H$ (eigenvalues $h_j$, initial
 * error $m_j(0) = (u_j^\top v^\star)^2$):
 * $$m_j \leftarrow \big(1-2\eta h_j+\eta^2(1+\tfrac1B)h_j^2\big)m_j + \frac{\eta^2}{B}h_j\Big(\sum_i h_im_i+\sigma^2\Big),
 *   \qquad \mathbb E L(t) = L_\infty + \tfrac12\sum_j h_jm_j(t).$$
 *
 * @module
 */
import { eigh } from "../linalg/eigh.ts";
import { sgdRiskCurve } from "./sgd_noise.ts";

/** Options of {@linkcode randomFeatureSgdCurve}. */
export interface RandomFeatureSgdOptions {
  /** Number of features N (≤ the projection's rows). */
  features: number;
  /** The projection $A$, rows `[≥ N][M]` (e.g. `randomProjection`). */
  projection: ArrayLike<number>[];
  /** Learning rate η. */
  eta: number;
  /** Batch size B (default 1). */
  batch?: number;
  /** SGD steps. */
  steps: number;
  /** Return the loss every `every` steps (default 1). */
  every?: number;
}

/** What {@linkcode randomFeatureSgdCurve} returns. */
export interface RandomFeatureSgdCurve {
  /** Steps 0, every, 2·every, … (and the last). */
  steps: number[];
  /** Exact expected population loss $\mathbb E L(t)$ at those steps. */
  loss: Float64Array;
  /** $L_\infty(N)$, the loss of the best readout (infinite time, no SGD noise). */
  limit: number;
  /** Eigenvalues of the feature covariance $H$, descending. */
  curvatures: Float64Array;
}

/**
 * Exact expected loss curve of online SGD on the random-feature model, for a latent task with variances
 * `eigenvalues` `[M]` and teacher `wStar` `[M]`. Cost: $N^2M$ for $H$, one eigendecomposition, and
 * $N\cdot$`steps` for the recursion.
 *
 * @example
 * ```ts
 * import { randomFeatureSgdCurve } from "./random_features_sgd.ts";
 * // One feature that sees the only latent mode exactly: L∞ = 0, and the error shrinks geometrically.
 * const c = randomFeatureSgdCurve({ eigenvalues: [1], wStar: [1] },
 *   { features: 1, projection: [[1]], eta: 0.1, batch: 1, steps: 1 });
 * // m(1) = (1 − 0.2 + 0.02)·1 + 0.01·(1 + 0) = 0.83, so E L(1) = 0.415.
 * if (Math.abs(c.loss[1] - 0.415) > 1e-12 || c.limit !== 0) throw new Error("one step");
 * ```
 */
export function randomFeatureSgdCurve(
  task: { eigenvalues: ArrayLike<number>; wStar: ArrayLike<number> },
  options: RandomFeatureSgdOptions,
): RandomFeatureSgdCurve {
  const { eigenvalues: lambda, wStar } = task;
  const { features: n, projection, eta, steps } = options;
  const m = lambda.length, batch = options.batch ?? 1;
  if (wStar.length !== m) {
    throw new RangeError(`randomFeatureSgdCurve: expected wStar of length ${m}, got ${wStar.length}`);
  }
  if (!(Number.isInteger(n) && n >= 1 && n <= projection.length)) {
    throw new RangeError(
      `randomFeatureSgdCurve: expected features in [1, ${projection.length}] (rows of the projection), got ${n}`,
    );
  }
  if (projection[0].length !== m) {
    throw new RangeError(
      `randomFeatureSgdCurve: projection rows have ${
        projection[0].length
      } entries, expected ${m} (latent modes)`,
    );
  }
  // H = A Λ Aᵀ / N and b = A Λ w* / √N.
  const H: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  const b = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < m; k++) total += lambda[k] * wStar[k] ** 2;
  for (let i = 0; i < n; i++) {
    const ai = projection[i];
    let s = 0;
    for (let k = 0; k < m; k++) s += ai[k] * lambda[k] * wStar[k];
    b[i] = s / Math.sqrt(n);
    for (let j = 0; j <= i; j++) {
      const aj = projection[j];
      let h = 0;
      for (let k = 0; k < m; k++) h += ai[k] * lambda[k] * aj[k];
      H[i][j] = H[j][i] = h / n;
    }
  }
  const { values, vectors } = eigh(H);
  // In the eigenbasis: b̃_j = u_jᵀb, v*_j = b̃_j / h_j, bᵀH⁻¹b = Σ b̃_j² / h_j.
  const m0 = new Float64Array(n);
  let explained = 0;
  for (let j = 0; j < n; j++) {
    let bj = 0;
    for (let i = 0; i < n; i++) bj += vectors[i][j] * b[i];
    if (!(values[j] > 0)) {
      throw new RangeError(`randomFeatureSgdCurve: the feature covariance is singular at N = ${n}`);
    }
    m0[j] = (bj / values[j]) ** 2;
    explained += (bj * bj) / values[j];
  }
  const limit = Math.max(0, 0.5 * (total - explained));
  const curve = sgdRiskCurve(values, m0, { eta, batch, noiseVar: 2 * limit, steps, every: options.every });
  return { steps: curve.steps, loss: curve.risk.map((r) => r + limit), limit, curvatures: values };
}
