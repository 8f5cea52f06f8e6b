/**
 * The toy model of superposition (Elhage et al. 2022, *Toy Models of Superposition*, arXiv:2209.10652, §2):
 * n sparse features ($x_i = 0$ with probability S, else uniform on [0, 1]), a reconstruction
 * $x' = \mathrm{ReLU}(W^\top W x + b)$ with $W$ `[m, n]` row-major and $b$ `[n]`, and its expected
 * importance-weighted squared error. The definition sits here, below `lib/theory/superposition.ts` (which
 * evaluates it at candidate solutions) and `lib/measure/superposition.ts` (which reads trained models).
 *
 * @module
 */
import { rng } from "../random.ts";

/** The parts of a toy model that define it. */
export interface ToyModelWeights {
  W: Float64Array;
  b: Float64Array;
  features: number;
  hidden: number;
}

/** A fixed Monte Carlo sample of sparse features with likelihood-ratio weights. */
export interface ToySample {
  /** `[N, n]` row-major feature values. */
  x: Float64Array;
  /** `[N]` weights; their mean estimates 1. */
  weight: Float64Array;
  features: number;
}

/**
 * Draw `samples` examples of n sparse features as training does: a feature is drawn active with probability
 * q = max(1 − S, 0.3) (then uniform on [0, 1]) and each example carries the likelihood ratio
 * $\prod_i (p/q)^{a_i}((1-p)/(1-q))^{1-a_i}$ with p = 1 − S, so that weighted averages estimate expectations
 * under the true distribution without bias, with less noise when S is large.
 */
export function toySample(
  features: number,
  options: { sparsity: number; seed: number; samples?: number },
): ToySample {
  const n = features, N = options.samples ?? 20000;
  const p = 1 - options.sparsity, q = Math.max(p, 0.3);
  const logOn = Math.log(p / q), logOff = q < 1 ? Math.log((1 - p) / (1 - q)) : 0;
  const r = rng(options.seed);
  const x = new Float64Array(N * n), weight = new Float64Array(N);
  for (let e = 0; e < N; e++) {
    let logW = 0;
    for (let i = 0; i < n; i++) {
      const on = r.uniform() < q;
      x[e * n + i] = on ? r.uniform() : 0;
      logW += on ? logOn : logOff;
    }
    weight[e] = Math.exp(logW);
  }
  return { x, weight, features: n };
}

/**
 * The expected loss $\mathbb E \sum_i I_i (x_i - \mathrm{ReLU}(W^\top W x + b)_i)^2$, estimated on a fixed
 * sample ({@linkcode toySample}); two models judged on one sample see the same draws (common random numbers).
 */
export function toyModelLossOn(model: ToyModelWeights, sample: ToySample, importances?: number[]): number {
  const { W, b, features: n, hidden: m } = model;
  if (sample.features !== n) {
    throw new RangeError(`toyModelLossOn: the sample has ${sample.features} features, the model ${n}`);
  }
  const I = importances ?? new Array(n).fill(1);
  const N = sample.weight.length, h = new Float64Array(m);
  let total = 0;
  for (let e = 0; e < N; e++) {
    const o = e * n;
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += W[k * n + i] * sample.x[o + i];
      h[k] = s;
    }
    let l = 0;
    for (let i = 0; i < n; i++) {
      let y = b[i];
      for (let k = 0; k < m; k++) y += W[k * n + i] * h[k];
      l += I[i] * ((y > 0 ? y : 0) - sample.x[o + i]) ** 2;
    }
    total += sample.weight[e] * l;
  }
  return total / N;
}

/** {@linkcode toyModelLossOn} a fresh sample of `samples` draws (default 20 000) from `seed`. */
export function toyModelLoss(
  model: ToyModelWeights,
  options: { sparsity: number; importances?: number[]; seed: number; samples?: number },
): number {
  return toyModelLossOn(model, toySample(model.features, options), options.importances);
}

/**
 * A toy model whose n features point along given unit directions in the plane (m = 2), scaled by `scale`, with
 * bias −`bias` on every represented feature; a feature with direction `null` is dropped (W column 0) and gets its
 * mean p/2 as bias, the best constant. Candidate geometries: two orthogonal features, antipodal pairs
 * ("digons"), a regular pentagon.
 */
export function planarToyModel(
  directions: ([number, number] | null)[],
  options: { scale: number; bias: number; sparsity: number },
): ToyModelWeights {
  const n = directions.length;
  const W = new Float64Array(2 * n), b = new Float64Array(n);
  directions.forEach((d, i) => {
    if (d) {
      W[i] = options.scale * d[0];
      W[n + i] = options.scale * d[1];
      b[i] = -options.bias;
    } else b[i] = (1 - options.sparsity) / 2;
  });
  return { W, b, features: n, hidden: 2 };
}
