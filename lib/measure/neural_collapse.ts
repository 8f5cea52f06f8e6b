/**
 * Neural-collapse statistics of a set of features with class labels (Papyan, Han & Donoho 2020,
 * arXiv:2008.08186, §3 and Fig. 6). Introduced in notebook 11.
 *
 * With features $h_i \in \mathbb R^d$ (rows of `H` `[n, d]`), labels $y_i \in \{0…C-1\}$, class means $\mu_c$ and
 * the global mean $\mu_G$:
 * - within-class covariance $\Sigma_W = \frac1n\sum_i (h_i-\mu_{y_i})(h_i-\mu_{y_i})^\top$;
 * - between-class covariance $\Sigma_B = \frac1C\sum_c (\mu_c-\mu_G)(\mu_c-\mu_G)^\top$;
 * - **NC1** $= \frac1C\operatorname{tr}(\Sigma_W\Sigma_B^+)$: within-class spread measured in units of the
 *   between-class spread; 0 when every feature equals its class mean;
 * - **NC2**: the centred class means $m_c = \mu_c - \mu_G$ have equal norms and pairwise cosines
 *   $-1/(C-1)$ (a simplex ETF): reported as the mean, standard deviation and largest deviation from
 *   $-1/(C-1)$ of the cosines over pairs $c \ne c'$, and the coefficient of variation of $\|m_c\|$. Note that
 *   with balanced classes $\sum_c m_c = 0$, so $\sum_{c\ne c'} m_c^\top m_{c'} = -\sum_c\|m_c\|^2$: equal norms
 *   alone force the *mean* cosine to $-1/(C-1)$; the ETF is the statement that every cosine equals it.
 *
 * Computing $\Sigma_B^+$ directly is a $d\times d$ pseudoinverse. With $M$ `[C, d]` the centred means,
 * $\Sigma_B = M^\top M/C$ and $\Sigma_B^+ = C\,M^\top (MM^\top)^{+2} M$, so
 * $\mathrm{NC1} = \operatorname{tr}\big(G^{+2} A\big)$ with the $C\times C$ matrices $G = MM^\top$ and
 * $A = M\Sigma_W M^\top = \frac1n\sum_i p_ip_i^\top$, $p_i = M(h_i - \mu_{y_i})$: cost $O(nCd)$.
 *
 * @module
 */
import { eigh } from "../linalg/eigh.ts";
import type { MatrixLike } from "../linalg/matrix.ts";

/** What {@linkcode neuralCollapse} measures. */
export interface NeuralCollapse {
  /** $\frac1C\operatorname{tr}(\Sigma_W\Sigma_B^+)$. */
  nc1: number;
  /** Mean cosine between centred class means over pairs $c \ne c'$ (a simplex ETF: $-1/(C-1)$). */
  meanCosine: number;
  /** Standard deviation of those cosines (0 for an ETF). */
  cosineStd: number;
  /** $\max_{c\ne c'}|\cos(m_c, m_{c'}) + 1/(C-1)|$: the distance to a simplex ETF's angles. */
  cosineMaxDeviation: number;
  /** Standard deviation / mean of the norms $\|\mu_c - \mu_G\|$ (0 for equal norms). */
  normCv: number;
  /** Mean norm $\|\mu_c - \mu_G\|$. */
  meanNorm: number;
  /** Class means `[C, d]`. */
  classMeans: Float64Array[];
  /** $\mu_G$ `[d]`. */
  globalMean: Float64Array;
}

/**
 * Neural-collapse statistics of `H` `[n, d]` with labels `y` `[n]` in `0..classes-1` (default: max label + 1).
 * Every class must be present.
 *
 * @example
 * ```ts
 * import { neuralCollapse } from "./neural_collapse.ts";
 * // three classes at the corners of an equilateral triangle, each with two noisy copies
 * const corners = [[1, 0], [-0.5, Math.sqrt(3) / 2], [-0.5, -Math.sqrt(3) / 2]];
 * const H = corners.flatMap(([x, y]) => [[x + 0.01, y], [x - 0.01, y]]);
 * const nc = neuralCollapse(H, new Int32Array([0, 0, 1, 1, 2, 2]));
 * if (Math.abs(nc.meanCosine + 0.5) > 1e-12 || !(nc.nc1 > 0 && nc.nc1 < 1e-3)) throw new Error("near an ETF");
 * ```
 */
export function neuralCollapse(
  H: MatrixLike,
  y: ArrayLike<number>,
  options: { classes?: number } = {},
): NeuralCollapse {
  const n = H.length;
  if (n === 0 || y.length !== n) {
    throw new RangeError(
      `neuralCollapse: expected n ≥ 1 feature rows and n labels, got ${n} rows and ${y.length} labels`,
    );
  }
  const d = H[0].length;
  let C = options.classes ?? 0;
  if (options.classes === undefined) { for (let i = 0; i < n; i++) C = Math.max(C, y[i] + 1); }
  if (!(Number.isInteger(C) && C >= 2)) {
    throw new RangeError(`neuralCollapse: expected at least 2 classes, got ${C}`);
  }
  const counts = new Float64Array(C);
  const means = Array.from({ length: C }, () => new Float64Array(d));
  const globalMean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = y[i];
    if (!(Number.isInteger(c) && c >= 0 && c < C)) {
      throw new RangeError(`neuralCollapse: label ${c} of row ${i} is not in 0..${C - 1}`);
    }
    if (H[i].length !== d) {
      throw new RangeError(`neuralCollapse: row ${i} has ${H[i].length} features, expected ${d}`);
    }
    counts[c]++;
    for (let k = 0; k < d; k++) {
      means[c][k] += H[i][k];
      globalMean[k] += H[i][k];
    }
  }
  counts.forEach((m, c) => {
    if (m === 0) throw new RangeError(`neuralCollapse: class ${c} has no samples`);
  });
  for (let k = 0; k < d; k++) globalMean[k] /= n;
  means.forEach((mu, c) => mu.forEach((_, k) => mu[k] /= counts[c]));
  const M = means.map((mu) => mu.map((v, k) => v - globalMean[k]));
  // NC1 through C×C matrices: G = M Mᵀ, A = (1/n) Σ p pᵀ with p = M (h − μ_y).
  const G = M.map((a) => M.map((b) => dot(a, b)));
  const A = Array.from({ length: C }, () => new Float64Array(C));
  const p = new Float64Array(C), r = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const mu = means[y[i]];
    for (let k = 0; k < d; k++) r[k] = H[i][k] - mu[k];
    for (let c = 0; c < C; c++) p[c] = dot(M[c], r);
    for (let a = 0; a < C; a++) for (let b = 0; b < C; b++) A[a][b] += (p[a] * p[b]) / n;
  }
  const { values, vectors } = eigh(G);
  const cutoff = 1e-10 * values[0];
  let nc1 = 0; // tr(G⁺² A) = Σ_k (v_kᵀ A v_k) / λ_k² over λ_k above the cutoff
  for (let k = 0; k < C; k++) {
    if (!(values[k] > cutoff)) continue;
    let q = 0;
    for (let a = 0; a < C; a++) for (let b = 0; b < C; b++) q += vectors[a][k] * A[a][b] * vectors[b][k];
    nc1 += q / (values[k] * values[k]);
  }
  const norms = M.map((m) => Math.sqrt(dot(m, m)));
  const cosines: number[] = [];
  for (let a = 0; a < C; a++) {
    for (let b = 0; b < C; b++) if (a !== b) cosines.push(G[a][b] / (norms[a] * norms[b]));
  }
  const meanCosine = mean(cosines);
  const meanNorm = mean(norms);
  return {
    nc1,
    meanCosine,
    cosineStd: Math.sqrt(mean(cosines.map((v) => (v - meanCosine) ** 2))),
    cosineMaxDeviation: Math.max(...cosines.map((v) => Math.abs(v + 1 / (C - 1)))),
    normCv: Math.sqrt(mean(norms.map((v) => (v - meanNorm) ** 2))) / meanNorm,
    meanNorm,
    classMeans: means,
    globalMean,
  };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

function mean(v: number[]): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}
