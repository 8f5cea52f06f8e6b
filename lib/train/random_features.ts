/**
 * Random-feature regression trained to convergence on infinite data: the model-size axis of scaling laws
 * (Maloney, Roberts & Sully 2022, arXiv:2210.16859; Bordelon, Atanasov & Pehlevan 2024, arXiv:2402.01092 §2;
 * notebook 09).
 *
 * Latent inputs $x\in\mathbb R^M$ with covariance $\Lambda$ (eigenbasis), teacher $y = w^{*\top}x$, and a student
 * that sees only $N$ random projections $\psi = Ax$, $A\in\mathbb R^{N\times M}$ with i.i.d. $\mathcal N(0,1)$ entries,
 * through a trained readout $v$: $\hat y = v^\top\psi$. With infinite data and time the readout minimizes the
 * population loss, $v = (A\Lambda A^\top)^{-1}A\Lambda w^*$, leaving
 * $$L(N) = \tfrac12\big(w^{*\top}\Lambda w^* - b^\top H^{-1}b\big),\qquad H = A\Lambda A^\top,\ b = A\Lambda w^* .$$
 * Features are nested (the first $N$ rows of one $A$), so one Cholesky factor $H = LL^\top$ serves every $N$:
 * the leading $N\times N$ block of $L$ factors the leading block of $H$, and with $z = L^{-1}b$,
 * $b_N^\top H_N^{-1}b_N = \sum_{i<N}z_i^2$.
 *
 * @module
 */
import { normalSource } from "./_fast_random.ts";
import { dot } from "./_dot.ts";

/** Options of {@linkcode randomFeatureLosses}. */
export interface RandomFeatureOptions {
  /** Numbers of features N to evaluate (each ≤ the number of latent modes), e.g. [16, 32, 64]. */
  sizes: number[];
  /** Seed of the projections. */
  seed: number;
  /** Independent projection matrices to average over (default 1). */
  draws?: number;
}

/**
 * Converged random-feature losses $L(N)$ `[sizes.length]`, averaged over `draws` projection matrices, for a
 * teacher `wStar` `[M]` on latent inputs with variances `eigenvalues` `[M]`. Cost per draw: $N_{\max}^2M/2$
 * multiply-adds for $H$ (≈ 0.1–0.3 s for $N_{\max} = 256$, $M = 2048$).
 *
 * @example
 * ```ts
 * import { randomFeatureLosses } from "./random_features.ts";
 * // With as many features as latent dimensions, the readout represents the teacher exactly.
 * const [loss] = randomFeatureLosses({ eigenvalues: [1, 0.5, 0.25], wStar: [1, -1, 1] }, { sizes: [3], seed: 0 });
 * if (!(Math.abs(loss) < 1e-12)) throw new Error("L(M) = 0");
 * ```
 */
export function randomFeatureLosses(
  task: { eigenvalues: ArrayLike<number>; wStar: ArrayLike<number> },
  options: RandomFeatureOptions,
): Float64Array {
  const { eigenvalues: lambda, wStar } = task;
  const m = lambda.length;
  if (wStar.length !== m) {
    throw new RangeError(`randomFeatureLosses: expected wStar of length ${m}, got ${wStar.length}`);
  }
  const draws = options.draws ?? 1;
  const sizes = options.sizes;
  if (sizes.length === 0) throw new RangeError("randomFeatureLosses: expected at least one size, got none");
  for (const n of sizes) {
    if (!(n >= 1 && n <= m) || !Number.isInteger(n)) {
      throw new RangeError(
        `randomFeatureLosses: expected integer sizes in [1, ${m}] (latent modes), got ${n}`,
      );
    }
  }
  const nMax = Math.max(...sizes);
  let total = 0;
  for (let k = 0; k < m; k++) total += lambda[k] * wStar[k] ** 2;
  const sqrtL = Float64Array.from(lambda, Math.sqrt);
  const out = new Float64Array(sizes.length);
  for (let draw = 0; draw < draws; draw++) {
    const normal = normalSource(options.seed * 7919 + draw);
    // F = A Λ^{1/2} row by row; H = F Fᵀ, b = F Λ^{1/2} w*.
    const F = Array.from({ length: nMax }, () => Float64Array.from(sqrtL, (s) => s * normal()));
    const u = Float64Array.from(wStar, (w, k) => w * sqrtL[k]);
    const H = new Float64Array(nMax * nMax), b = new Float64Array(nMax);
    for (let i = 0; i < nMax; i++) {
      const fi = F[i];
      b[i] = dot(fi, u, m);
      for (let j = 0; j <= i; j++) H[i * nMax + j] = dot(fi, F[j], m);
    }
    const z = choleskyForward(H, b, nMax);
    const prefix = new Float64Array(nMax + 1);
    for (let i = 0; i < nMax; i++) prefix[i + 1] = prefix[i] + z[i] * z[i];
    sizes.forEach((n, idx) => out[idx] += (0.5 * (total - prefix[n])) / draws);
  }
  return out;
}

/** In place: lower triangle of `H` `[n, n]` → its Cholesky factor L; returns z = L⁻¹b. */
function choleskyForward(H: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let diag = H[j * n + j];
    for (let k = 0; k < j; k++) diag -= H[j * n + k] ** 2;
    if (!(diag > 0)) {
      throw new RangeError(
        `randomFeatureLosses: the feature covariance is not positive definite at size ${j + 1}`,
      );
    }
    const ljj = Math.sqrt(diag);
    H[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = H[i * n + j];
      for (let k = 0; k < j; k++) s -= H[i * n + k] * H[j * n + k];
      H[i * n + j] = s / ljj;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= H[i * n + k] * z[k];
    z[i] = s / H[i * n + i];
  }
  return z;
}
