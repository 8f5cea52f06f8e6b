/**
 * Train the toy model of superposition (Elhage et al. 2022, arXiv:2209.10652, §2):
 * $x' = \mathrm{ReLU}(W^\top W x + b)$, $W \in \mathbb R^{m\times n}$ `[m, n]` row-major, $b$ `[n]`, on sparse
 * features ($x_i = 0$ with probability S, else uniform on [0, 1]) with the importance-weighted squared error
 * $L = \mathbb E \sum_i I_i (x_i - x'_i)^2$, by Adam on fresh batches, in plain float64 loops.
 *
 * Sparse data make a noisy gradient: at S = 0.95 only one example in 400 has two active features, and those
 * examples carry the interference that decides the geometry. So each batch draws a feature as active with a
 * probability q ≥ 1 − S (`activeProbability`) and weights the example by the likelihood ratio
 * $\prod_i (p/q)^{a_i} ((1-p)/(1-q))^{1-a_i}$ ($a_i$ = active, $p = 1 - S$). The weighted loss is an unbiased
 * estimate of the same expected loss, so training minimizes the same objective with less noise.
 *
 * Gradients, with $h = Wx$, $y = W^\top h + b$, $\delta = 2\,I \odot (\mathrm{ReLU}(y) - x) \odot [y > 0]$:
 * $\partial L/\partial b = \delta$, $\partial L/\partial W = h\,\delta^\top + (W\delta)\,x^\top$.
 *
 * @module
 */
import { rng } from "../random.ts";
import { float64Optimizer } from "./float64_optimizer.ts";
import { toyModelLoss } from "../models/toy_superposition.ts";

/** Options of {@linkcode trainToyModel}. */
export interface ToyModelOptions {
  /** Number of features n. */
  features: number;
  /** Hidden dimensions m. */
  hidden: number;
  /** Probability S that a feature is zero, 0 ≤ S < 1. */
  sparsity: number;
  /** Importances I `[n]`. Default all 1. */
  importances?: number[];
  /** Seed of the initialization and the batches. */
  seed: number;
  /** Adam steps. Default 2000. */
  steps?: number;
  /** Examples per batch. Default 256. */
  batch?: number;
  /** Adam learning rate. Default 0.01. */
  lr?: number;
  /** Probability q with which a feature is drawn active (then reweighted). Default max(1 − S, 0.3). */
  activeProbability?: number;
}

/** A trained toy model. */
export interface ToyModel {
  /** `[m, n]` row-major. */
  W: Float64Array;
  b: Float64Array;
  features: number;
  hidden: number;
  /** The weighted batch loss averaged over the last 10% of steps. */
  finalLoss: number;
}

/**
 * Train one toy model from a random initialization (entries of W normal with variance 2/(m + n), b = 0).
 *
 * @example
 * ```ts
 * import { trainToyModel } from "./superposition.ts";
 * // Dense features, m = n: the model can copy every feature, and the loss goes to ~0.
 * const model = trainToyModel({ features: 2, hidden: 2, sparsity: 0, seed: 1, steps: 1500 });
 * if (!(model.finalLoss < 1e-3)) throw new Error(`loss ${model.finalLoss}`);
 * ```
 */
export function trainToyModel(options: ToyModelOptions): ToyModel {
  const { features: n, hidden: m, sparsity: S, seed } = options;
  const steps = options.steps ?? 2000, B = options.batch ?? 256, lr = options.lr ?? 0.01;
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(m) && m >= 1)) {
    throw new RangeError(`trainToyModel: expected whole numbers of features and hidden dims, got ${n}, ${m}`);
  }
  if (!(S >= 0 && S < 1)) throw new RangeError(`trainToyModel: expected 0 ≤ sparsity < 1, got ${S}`);
  const I = options.importances ?? new Array(n).fill(1);
  if (I.length !== n) throw new RangeError(`trainToyModel: expected ${n} importances, got ${I.length}`);
  const p = 1 - S, q = options.activeProbability ?? Math.max(p, 0.3);
  if (!(q >= p && q <= 1)) {
    throw new RangeError(`trainToyModel: expected 1 − S ≤ activeProbability ≤ 1, got ${q} (1 − S = ${p})`);
  }
  const r = rng(seed);
  const W = r.normals(m * n, Math.sqrt(2 / (m + n)));
  const b = new Float64Array(n);
  const gW = new Float64Array(m * n), gb = new Float64Array(n);
  const x = new Float64Array(n),
    h = new Float64Array(m),
    delta = new Float64Array(n),
    Wd = new Float64Array(m);
  const opt = float64Optimizer({ kind: "adam", eta: lr });
  const logOn = Math.log(p / q), logOff = q < 1 ? Math.log((1 - p) / (1 - q)) : 0;
  let tail = 0, tailCount = 0;
  for (let step = 0; step < steps; step++) {
    gW.fill(0);
    gb.fill(0);
    let loss = 0;
    for (let e = 0; e < B; e++) {
      let logW = 0;
      for (let i = 0; i < n; i++) {
        const on = r.uniform() < q;
        x[i] = on ? r.uniform() : 0;
        logW += on ? logOn : logOff;
      }
      const w = Math.exp(logW) / B;
      for (let k = 0; k < m; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += W[k * n + i] * x[i];
        h[k] = s;
      }
      for (let i = 0; i < n; i++) {
        let y = b[i];
        for (let k = 0; k < m; k++) y += W[k * n + i] * h[k];
        const out = y > 0 ? y : 0, err = out - x[i];
        loss += w * I[i] * err * err;
        delta[i] = y > 0 ? 2 * w * I[i] * err : 0;
        gb[i] += delta[i];
      }
      for (let k = 0; k < m; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += W[k * n + i] * delta[i];
        Wd[k] = s;
      }
      for (let k = 0; k < m; k++) {
        for (let i = 0; i < n; i++) gW[k * n + i] += h[k] * delta[i] + Wd[k] * x[i];
      }
    }
    opt.step([W, b], [gW, gb]);
    if (step >= steps * 0.9) {
      tail += loss;
      tailCount++;
    }
  }
  return { W, b, features: n, hidden: m, finalLoss: tail / Math.max(1, tailCount) };
}

/**
 * The best of several trainings from different initializations, judged by the expected loss on one common
 * evaluation sample ({@linkcode toyModelLoss}), as Elhage et al. keep the best of several runs to step over poor
 * local minima.
 */
export function trainToyModelBestOf(restarts: number, options: ToyModelOptions): ToyModel & { loss: number } {
  if (!(Number.isInteger(restarts) && restarts >= 1)) {
    throw new RangeError(`trainToyModelBestOf: expected a whole number of restarts ≥ 1, got ${restarts}`);
  }
  let best: (ToyModel & { loss: number }) | null = null;
  for (let k = 0; k < restarts; k++) {
    const model = trainToyModel({ ...options, seed: options.seed * 1000 + k });
    const loss = toyModelLoss(model, { ...options, seed: options.seed * 1000 + 999 });
    if (!best || loss < best.loss) best = { ...model, loss };
  }
  return best!;
}
