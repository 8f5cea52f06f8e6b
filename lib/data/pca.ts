/**
 * Principal component analysis: project centred data onto the top-`k` eigenvectors of its covariance.
 * $C = \frac1n X^\top X$ (`[d, d]`, after centring the columns of `X` `[n, d]`), $C = Q\Lambda Q^\top$ with
 * eigenvalues descending; the projection is $Z = X Q_{:, 1..k}$ (`[n, k]`), whose columns are uncorrelated
 * with variances $\lambda_1 \ge … \ge \lambda_k$. Uses `eigh`: `d` ≤ a few hundred stays
 * under a second on either of its solvers (LAPACK or ml-matrix).
 *
 * Introduced in notebook 06, which shrinks the digits to 16 inputs to make a width sweep cheap.
 *
 * @module
 */
import { eigh } from "../linalg/eigh.ts";
import { centerColumns } from "./digits.ts";

/** What {@linkcode pcaProject} returns. */
export interface PcaResult {
  /** Projected data `[n, k]`, row-major. */
  x: Float64Array;
  n: number;
  k: number;
  /** Principal directions: `k` unit vectors of length `d`. */
  components: number[][];
  /** Variances of the `k` projected coordinates (top eigenvalues of the covariance), descending. */
  variances: number[];
  /** Fraction of the total variance the `k` components keep. */
  explained: number;
}

/** Options of {@linkcode pcaProject}. */
export interface PcaOptions {
  /** Columns of `x`. */
  d: number;
  /** Components to keep, 1 ≤ k ≤ d. */
  k: number;
  /** Rescale the projection so that the mean squared entry is 1. Default false. */
  normalize?: boolean;
}

/**
 * Project `x` (`[n, d]` row-major; centred first, on a copy) onto its top `k` principal components.
 *
 * @example
 * ```ts
 * import { pcaProject } from "./pca.ts";
 * // Points on the line y = 2x: one component keeps all the variance.
 * const x = Float64Array.from([-1, -2, 0, 0, 1, 2]);
 * const { explained, variances } = pcaProject(x, { d: 2, k: 1 });
 * if (Math.abs(explained - 1) > 1e-12 || Math.abs(variances[0] - 10 / 3) > 1e-12) throw new Error("pca");
 * ```
 */
export function pcaProject(x: Float64Array, options: PcaOptions): PcaResult {
  const { d, k } = options;
  if (!Number.isInteger(d) || d < 1 || x.length % d !== 0 || x.length === 0) {
    throw new RangeError(
      `pcaProject: expected a non-empty [n, d] array with d = ${d}, got ${x.length} values`,
    );
  }
  if (!Number.isInteger(k) || k < 1 || k > d) {
    throw new RangeError(`pcaProject: expected 1 ≤ k ≤ d = ${d} components, got k = ${k}`);
  }
  const n = x.length / d;
  const xc = Float64Array.from(x);
  centerColumns(xc, n, d);
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let a = 0; a < d; a++) {
      const va = xc[row + a];
      if (va === 0) continue;
      for (let b = a; b < d; b++) cov[a][b] += va * xc[row + b];
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) cov[b][a] = cov[a][b] = cov[a][b] / n;
  }
  const { values, vectors } = eigh(cov);
  const components = Array.from({ length: k }, (_, c) => vectors.map((row) => row[c]));
  const z = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += xc[i * d + a] * components[c][a];
      z[i * k + c] = s;
    }
  }
  const variances = Array.from(values.subarray(0, k));
  const total = values.reduce((s: number, v: number) => s + Math.max(v, 0), 0);
  const kept = variances.reduce((s, v) => s + Math.max(v, 0), 0);
  if (options.normalize) {
    const rms = Math.sqrt(kept / k);
    if (rms > 0) { for (let j = 0; j < z.length; j++) z[j] /= rms; }
  }
  return { x: z, n, k, components, variances, explained: total > 0 ? kept / total : 0 };
}
