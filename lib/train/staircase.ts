/**
 * Online SGD of the mean-field two-layer network (`lib/models/mean_field_net.ts`) on a sum of monomials of
 * uniform random signs $x \in \{\pm1\}^d$, e.g. the staircase $x_1 + x_1x_2 + x_1x_2x_3$, recording when each
 * monomial is learned (Abbe, Boix-Adserà & Misiakiewicz 2022, arXiv:2202.08658; 2023, arXiv:2302.11055).
 * Introduced in notebook 10.
 *
 * Every step draws a fresh batch (online SGD: no sample is seen twice) and updates all parameters by
 * $-\eta m\nabla L$ (the mean-field step). Every `evalEvery` steps it estimates, on a fixed test set of
 * `testSize` points, the loss and the Fourier coefficients $\hat c_S = \frac1{n}\sum_i f(x_i)\chi_S(x_i)$ of
 * the tracked monomials $\chi_S(x) = \prod_{k\in S}x_k$ (sampling error ≈ $\|f\|/\sqrt{n}$).
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import { meanFieldForward, meanFieldGradients, type MeanFieldNet } from "../models/mean_field_net.ts";
import { rng } from "../random.ts";

/** A target $\sum_j c_j\chi_{S_j}$: supports $S_j$ (0-based coordinates) and coefficients $c_j$. */
export interface MonomialSum {
  supports: number[][];
  coefficients: number[];
}

/** Options of {@linkcode trainOnMonomials}. */
export interface MonomialTrainOptions {
  /** Learning rate η (each step moves parameters by η·m·gradient). */
  eta: number;
  steps: number;
  /** Batch size. Default 32. */
  batchSize?: number;
  /** Seed of the batches and of the test set. */
  seed: number;
  /** Evaluate every this many steps. Default 25. */
  evalEvery?: number;
  /** Test points. Default 1000. */
  testSize?: number;
  /** Monomials whose coefficients are tracked. Default: the target's. */
  track?: number[][];
  /** A tracked monomial counts as learned when $\hat c_S \ge$ threshold · (its target coefficient). Default 0.5. */
  threshold?: number;
  /** Stop once every tracked monomial of the target is learned. Default false. */
  stopWhenLearned?: boolean;
}

/** What {@linkcode trainOnMonomials} returns. */
export interface MonomialRun {
  /** Evaluated steps. */
  steps: number[];
  /** Test loss $\frac12\overline{(f-y)^2}$ at each evaluated step. */
  loss: number[];
  /** `coefficients[s][t]`: $\hat c$ of tracked monomial `s` at evaluated step `t`. */
  coefficients: number[][];
  /** First evaluated step at which each tracked monomial was learned, or null. */
  learnedAt: (number | null)[];
  /** Set when the loss went non-finite or grew 10⁶-fold: `{ diverged: true, step, loss }` (lib/train/_divergence.ts). */
  divergence?: Divergence;
}

function monomial(x: Float64Array, offset: number, S: number[]): number {
  let v = 1;
  for (const k of S) v *= x[offset + k];
  return v;
}

function targetValue(target: MonomialSum, x: Float64Array, offset: number): number {
  let y = 0;
  target.supports.forEach((S, j) => y += target.coefficients[j] * monomial(x, offset, S));
  return y;
}

/**
 * Train `net` in place by online SGD on `target`.
 *
 * @example
 * ```ts
 * import { initMeanFieldNet } from "../models/mean_field_net.ts";
 * import { trainOnMonomials } from "./staircase.ts";
 * const net = initMeanFieldNet(5, { width: 16, seed: 0 });
 * const run = trainOnMonomials(net, { supports: [[0]], coefficients: [1] }, { eta: 0.02, steps: 1500, seed: 0 });
 * if (run.learnedAt[0] === null) throw new Error("a single coordinate is learned quickly");
 * ```
 */
export function trainOnMonomials(
  net: MeanFieldNet,
  target: MonomialSum,
  options: MonomialTrainOptions,
): MonomialRun {
  const { d, width: m } = net;
  const { eta, steps, batchSize = 32, evalEvery = 25, testSize = 1000, threshold = 0.5 } = options;
  if (target.supports.length !== target.coefficients.length) {
    throw new RangeError(
      `trainOnMonomials: expected one coefficient per support, got ${target.supports.length} and ${target.coefficients.length}`,
    );
  }
  for (const S of [...target.supports, ...(options.track ?? [])]) {
    if (S.some((k) => !(Number.isInteger(k) && k >= 0 && k < d))) {
      throw new RangeError(`trainOnMonomials: a monomial's coordinates must lie in 0..${d - 1}, got [${S}]`);
    }
  }
  const track = options.track ?? target.supports;
  const wanted = track.map((S) => {
    const j = target.supports.findIndex((T) => T.length === S.length && T.every((k, i) => k === S[i]));
    return j >= 0 ? target.coefficients[j] : null;
  });
  const r = rng(options.seed);
  const signs = (n: number): Float64Array =>
    Float64Array.from({ length: n * d }, () => (r.uniform() < 0.5 ? -1 : 1));
  const xTest = signs(testSize);
  const yTest = Float64Array.from({ length: testSize }, (_, i) => targetValue(target, xTest, i * d));
  const chiTest = track.map((S) =>
    Float64Array.from({ length: testSize }, (_, i) => monomial(xTest, i * d, S))
  );
  const run: MonomialRun = {
    steps: [],
    loss: [],
    coefficients: track.map(() => []),
    learnedAt: track.map(() => null),
  };
  const y = new Float64Array(batchSize);
  const watch = divergenceWatch();
  for (let t = 0; t <= steps; t++) {
    if (t % evalEvery === 0 || t === steps) {
      const f = meanFieldForward(net, xTest);
      let loss = 0;
      for (let i = 0; i < testSize; i++) loss += (f[i] - yTest[i]) ** 2;
      run.steps.push(t);
      run.loss.push(loss / (2 * testSize));
      if (watch.check(t, loss / (2 * testSize)) && !run.divergence) run.divergence = watch.divergence;
      track.forEach((_, s) => {
        let c = 0;
        for (let i = 0; i < testSize; i++) c += f[i] * chiTest[s][i];
        c /= testSize;
        run.coefficients[s].push(c);
        const goal = wanted[s];
        if (run.learnedAt[s] === null && goal !== null && c >= threshold * goal) run.learnedAt[s] = t;
      });
      if (options.stopWhenLearned && wanted.every((g, s) => g === null || run.learnedAt[s] !== null)) break;
    }
    if (t === steps) break;
    const x = signs(batchSize);
    for (let i = 0; i < batchSize; i++) y[i] = targetValue(target, x, i * d);
    const g = meanFieldGradients(net, x, y);
    const step = eta * m;
    for (let k = 0; k < net.W.length; k++) net.W[k] -= step * g.W[k];
    for (let j = 0; j < m; j++) {
      net.b[j] -= step * g.b[j];
      net.a[j] -= step * g.a[j];
    }
  }
  return run;
}
