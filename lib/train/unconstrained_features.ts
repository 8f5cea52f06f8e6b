/**
 * Gradient descent on the unconstrained-features model (UFM): the last-layer features $h_i$ of every training
 * sample are free parameters, trained jointly with the linear classifier $W$ `[d, C]` under cross-entropy and
 * weight decay (Mixon, Parshall & Pi 2020, arXiv:2011.11619; Zhu et al. 2021, arXiv:2105.02375, eq. 3):
 * $$L = \frac1N\sum_i \mathrm{CE}(h_i^\top W, y_i) + \frac{\lambda_W}{2}\|W\|_F^2 + \frac{\lambda_H}{2}\frac1N\sum_i\|h_i\|^2 .$$
 * It idealizes a network expressive enough to place each sample's features anywhere; its global minimizers are
 * exactly neural collapse (see `lib/theory/neural_collapse.ts`). Introduced in notebook 11.
 *
 * Update: $W \leftarrow W - \eta\,\partial_W L$ and, for every sample, $h_i \leftarrow h_i - \eta N\,\partial_{h_i}L
 * = h_i - \eta\,(W(p_i - e_{y_i}) + \lambda_H h_i)$ with $p_i = \mathrm{softmax}(h_i^\top W)$: each feature vector
 * follows the gradient of its own loss (a fixed rescaling of GD, with the same fixed points).
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import { neuralCollapse } from "../measure/neural_collapse.ts";
import { rng } from "../random.ts";

/** Options of {@linkcode trainUnconstrainedFeatures}. */
export interface UfmOptions {
  /** Classes C. */
  classes: number;
  /** Samples per class n (N = nC). */
  perClass: number;
  /** Feature dimension d ≥ C − 1. */
  dim: number;
  lambdaW: number;
  lambdaH: number;
  /** Step η. */
  eta: number;
  steps: number;
  seed: number;
  /** Record loss and collapse statistics every this many steps (and at the end). Default steps/50. */
  logEvery?: number;
}

/** One record of {@linkcode UfmRun.history}. */
export interface UfmRecord {
  step: number;
  /** The regularized loss L. */
  loss: number;
  nc1: number;
  meanCosine: number;
  /** Mean norm of the centred class means. */
  meanNorm: number;
}

/** What {@linkcode trainUnconstrainedFeatures} returns. */
export interface UfmRun {
  /** Features `[N, d]` (sample i has label `labels[i]`). */
  H: Float64Array[];
  labels: Int32Array;
  /** Classifier `[d, C]`. */
  W: Float64Array[];
  history: UfmRecord[];
  /** Set when the loss went non-finite or grew 10⁶-fold: `{ diverged: true, step, loss }` (lib/train/_divergence.ts). */
  divergence?: Divergence;
}

/**
 * Run GD on the UFM from a seeded Gaussian start ($h_i\sim\mathcal N(0, I)$, $W\sim\mathcal N(0, I/d)$).
 *
 * @example
 * ```ts
 * import { trainUnconstrainedFeatures } from "./unconstrained_features.ts";
 * const run = trainUnconstrainedFeatures({
 *   classes: 3, perClass: 4, dim: 4, lambdaW: 0.01, lambdaH: 0.01, eta: 0.5, steps: 2000, seed: 0,
 * });
 * const last = run.history[run.history.length - 1];
 * if (!(last.nc1 < 1e-3) || Math.abs(last.meanCosine + 0.5) > 1e-3) throw new Error("collapsed to an ETF");
 * ```
 */
export function trainUnconstrainedFeatures(options: UfmOptions): UfmRun {
  const { classes: C, perClass, dim: d, lambdaW, lambdaH, eta, steps, seed } = options;
  if (
    !(Number.isInteger(C) && C >= 2 && Number.isInteger(perClass) && perClass >= 1 && Number.isInteger(d) &&
      d >= C - 1)
  ) {
    throw new RangeError(
      `trainUnconstrainedFeatures: expected C ≥ 2 classes, n ≥ 1 per class and d ≥ C − 1, got C = ${C}, n = ${perClass}, d = ${d}`,
    );
  }
  if (!(eta > 0 && lambdaW >= 0 && lambdaH >= 0 && Number.isInteger(steps) && steps >= 0)) {
    throw new RangeError(
      `trainUnconstrainedFeatures: expected η > 0, λ ≥ 0 and steps ≥ 0, got η = ${eta}, λ_W = ${lambdaW}, λ_H = ${lambdaH}, steps = ${steps}`,
    );
  }
  const N = C * perClass;
  const r = rng(seed);
  const labels = Int32Array.from({ length: N }, (_, i) => i % C);
  const H = Array.from({ length: N }, () => r.normals(d));
  const W = Array.from({ length: d }, () => r.normals(C, 1 / Math.sqrt(d)));
  const logEvery = options.logEvery ?? Math.max(1, Math.floor(steps / 50));
  const history: UfmRecord[] = [];
  const z = new Float64Array(C), gW = Array.from({ length: d }, () => new Float64Array(C));
  const gH = Array.from({ length: N }, () => new Float64Array(d));
  const watch = divergenceWatch();
  for (let t = 0; t <= steps; t++) {
    let ce = 0;
    for (const row of gW) row.fill(0);
    for (let i = 0; i < N; i++) {
      const h = H[i];
      let max = -Infinity;
      for (let c = 0; c < C; c++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += h[k] * W[k][c];
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < C; c++) sum += Math.exp(z[c] - max);
      ce += Math.log(sum) + max - z[labels[i]];
      for (let c = 0; c < C; c++) z[c] = Math.exp(z[c] - max) / sum - (c === labels[i] ? 1 : 0); // p − e_y
      for (let k = 0; k < d; k++) {
        let g = 0;
        for (let c = 0; c < C; c++) {
          g += W[k][c] * z[c];
          gW[k][c] += (h[k] * z[c]) / N;
        }
        gH[i][k] = g + lambdaH * h[k];
      }
    }
    if (t % logEvery === 0 || t === steps) {
      let wNorm = 0, hNorm = 0;
      for (const row of W) for (const v of row) wNorm += v * v;
      for (const h of H) for (const v of h) hNorm += v * v;
      const nc = neuralCollapse(H, labels, { classes: C });
      watch.check(t, ce / N + (lambdaW / 2) * wNorm + (lambdaH / 2) * (hNorm / N));
      history.push({
        step: t,
        loss: ce / N + (lambdaW / 2) * wNorm + (lambdaH / 2) * (hNorm / N),
        nc1: nc.nc1,
        meanCosine: nc.meanCosine,
        meanNorm: nc.meanNorm,
      });
    }
    if (t === steps) break;
    for (let k = 0; k < d; k++) for (let c = 0; c < C; c++) W[k][c] -= eta * (gW[k][c] + lambdaW * W[k][c]);
    for (let i = 0; i < N; i++) for (let k = 0; k < d; k++) H[i][k] -= eta * gH[i][k];
  }
  return { H, labels, W, history, ...(watch.divergence ? { divergence: watch.divergence } : {}) };
}
