/**
 * Random-feature models trained by online SGD for a finite time: the *trained* counterpart of the idealized
 * scaling-law models of notebook 09 (Bordelon, Atanasov & Pehlevan 2024, arXiv:2402.01092; Paquette,
 * Paquette, Xiao & Pennington 2024, arXiv:2405.15074).
 *
 * Each step draws $B$ fresh latent inputs $x = \Lambda^{1/2}z$, $z\sim\mathcal N(0, I_M)$, computes the features
 * $\psi = A_Nx/\sqrt N$ and the teacher's labels $y = w^{*\top}x$, and moves the readout by
 * $v \leftarrow v - \frac{\eta}{B}\sum_b\psi_b(\psi_b^\top v - y_b)$, from $v = 0$. The models of every size are
 * nested (the first $N$ rows of one projection) and trained on the same samples, for every teacher at once;
 * the population loss $L(v) = \tfrac12\sum_k\lambda_k\big((A_N^\top v)_k/\sqrt N - w^*_k\big)^2$ is computed
 * exactly at the recorded steps.
 *
 * @module
 */
import { normalSource } from "./_fast_random.ts";
import { dot } from "./_dot.ts";

/** Options of {@linkcode trainRandomFeaturesSgd}. */
export interface RandomFeatureSgdTraining {
  /** The projection $A$, rows `[≥ max(sizes)][M]` (e.g. `randomProjection`). */
  projection: ArrayLike<number>[];
  /** Model sizes N (each ≤ the projection's rows). */
  sizes: number[];
  /** Learning rate η. */
  eta: number;
  /** Batch size B (default 1). */
  batch?: number;
  /** SGD steps. */
  steps: number;
  /** Steps at which the population loss is recorded (0 … steps). */
  record: number[];
  /** Seed of the sample stream. */
  seed: number;
  /** A model whose loss exceeds this (or is not finite) is stopped and reported diverged. Default 1e6. */
  divergeAbove?: number;
}

/** What {@linkcode trainRandomFeaturesSgd} returns. */
export interface RandomFeatureSgdRuns {
  /** The recorded steps, ascending. */
  steps: number[];
  /** `loss[teacher][size]` `[steps.length]`: population loss of that model at those steps (NaN after divergence). */
  loss: Float64Array[][];
  /** Models that diverged: which teacher and size, at which recorded step, with what loss. */
  diverged: { teacher: number; size: number; step: number; loss: number }[];
}

/**
 * Train nested random-feature readouts of every size in `options.sizes`, for each teacher in `teachers`
 * (`[T][M]`), on latent inputs with variances `eigenvalues` `[M]`. Cost per sample:
 * $M\cdot\max N$ for the features plus $4T\sum N$ for the readouts.
 *
 * @example
 * ```ts
 * import { trainRandomFeaturesSgd } from "./random_features_sgd.ts";
 * // Two latent modes seen exactly by two features (A = √2·I, so ψ = x): SGD learns the teacher.
 * const run = trainRandomFeaturesSgd([1, 0.5], [[1, -1]], {
 *   projection: [[Math.SQRT2, 0], [0, Math.SQRT2]], sizes: [2], eta: 0.5, steps: 400, record: [0, 400], seed: 0,
 * });
 * if (!(run.loss[0][0][0] === 0.75 && run.loss[0][0][1] < 1e-8)) throw new Error("learns the teacher");
 * ```
 */
export function trainRandomFeaturesSgd(
  eigenvalues: ArrayLike<number>,
  teachers: ArrayLike<number>[],
  options: RandomFeatureSgdTraining,
): RandomFeatureSgdRuns {
  const { projection, sizes, eta, steps, seed } = options;
  const batch = options.batch ?? 1, limit = options.divergeAbove ?? 1e6;
  const m = eigenvalues.length;
  const nMax = Math.max(...sizes);
  if (!(nMax <= projection.length) || !sizes.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new RangeError(
      `trainRandomFeaturesSgd: sizes must be integers in [1, ${projection.length}], got [${
        sizes.join(", ")
      }]`,
    );
  }
  if (projection[0].length !== m) {
    throw new RangeError(
      `trainRandomFeaturesSgd: projection rows have ${
        projection[0].length
      } entries, expected ${m} (latent modes)`,
    );
  }
  teachers.forEach((w, t) => {
    if (w.length !== m) {
      throw new RangeError(`trainRandomFeaturesSgd: teacher ${t} has ${w.length} entries, expected ${m}`);
    }
  });
  if (!(eta > 0) || !(Number.isInteger(batch) && batch >= 1) || !(Number.isInteger(steps) && steps >= 0)) {
    throw new RangeError(
      `trainRandomFeaturesSgd: expected eta > 0, an integer batch ≥ 1 and steps ≥ 0, got ${eta}, ${batch}, ${steps}`,
    );
  }
  const record = [...new Set(options.record.filter((s) => s >= 0 && s <= steps))].sort((a, b) => a - b);
  const sqrtL = Float64Array.from(eigenvalues, Math.sqrt);
  const A = projection.slice(0, nMax).map((row) => Float64Array.from(row));
  const W = teachers.map((w) => Float64Array.from(w));
  const scale = sizes.map((n) => 1 / Math.sqrt(n));
  const v = W.map(() => sizes.map((n) => new Float64Array(n)));
  const grad = W.map(() => sizes.map((n) => new Float64Array(n)));
  const alive = W.map(() => sizes.map(() => true));
  const loss = W.map(() => sizes.map(() => new Float64Array(record.length).fill(NaN)));
  const diverged: RandomFeatureSgdRuns["diverged"] = [];
  const normal = normalSource(seed);
  const x = new Float64Array(m), psi = new Float64Array(nMax), y = new Float64Array(W.length);
  let next = 0;
  for (let t = 0; t <= steps; t++) {
    while (next < record.length && record[next] === t) {
      W.forEach((w, ti) =>
        sizes.forEach((n, si) => {
          if (!alive[ti][si]) return;
          const l = populationLoss(eigenvalues, w, A, v[ti][si], scale[si]);
          loss[ti][si][next] = l;
          if (!Number.isFinite(l) || l > limit) {
            alive[ti][si] = false;
            diverged.push({ teacher: ti, size: n, step: t, loss: l });
          }
        })
      );
      next++;
    }
    if (t === steps) break;
    for (const g of grad) for (const gs of g) gs.fill(0);
    for (let b = 0; b < batch; b++) {
      for (let k = 0; k < m; k++) x[k] = sqrtL[k] * normal();
      for (let i = 0; i < nMax; i++) psi[i] = dot(A[i], x, m);
      W.forEach((w, ti) => y[ti] = dot(w, x, m));
      for (let ti = 0; ti < W.length; ti++) {
        for (let si = 0; si < sizes.length; si++) {
          if (!alive[ti][si]) continue;
          const n = sizes[si], c = scale[si], vs = v[ti][si], gs = grad[ti][si];
          let pred = 0;
          for (let i = 0; i < n; i++) pred += vs[i] * psi[i];
          const r = pred * c - y[ti];
          for (let i = 0; i < n; i++) gs[i] += r * psi[i] * c;
        }
      }
    }
    const step = eta / batch;
    for (let ti = 0; ti < W.length; ti++) {
      for (let si = 0; si < sizes.length; si++) {
        const vs = v[ti][si], gs = grad[ti][si];
        for (let i = 0; i < vs.length; i++) vs[i] -= step * gs[i];
      }
    }
  }
  return { steps: record, loss, diverged };
}

/** ½ Σ_k λ_k ((Aᵀv)_k·c − w*_k)². */
function populationLoss(
  lambda: ArrayLike<number>,
  w: Float64Array,
  A: Float64Array[],
  v: Float64Array,
  c: number,
): number {
  const m = w.length, u = new Float64Array(m);
  for (let i = 0; i < v.length; i++) {
    const vi = v[i] * c, ai = A[i];
    for (let k = 0; k < m; k++) u[k] += vi * ai[k];
  }
  let s = 0;
  for (let k = 0; k < m; k++) s += lambda[k] * (u[k] - w[k]) ** 2;
  return 0.5 * s;
}
