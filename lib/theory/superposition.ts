/**
 * The expected loss of candidate solutions of the toy model of superposition (Elhage et al. 2022, *Toy Models
 * of Superposition*, arXiv:2209.10652, §2 and the n = 2, m = 1 phase diagram of §4), and the phase each
 * predicts. Nothing here trains: notebook 13 (superposition) lays these predictions over trained models.
 *
 * The model: n features, each 0 with probability S (the sparsity) and otherwise uniform on [0, 1],
 * independently; a reconstruction $x' = \mathrm{ReLU}(W^\top W x + b)$ with $W \in \mathbb R^{m\times n}$; the loss
 * $L = \mathbb E \sum_i I_i (x_i - x'_i)^2$ with importances $I_i$. Write $p = 1 - S$ for the density.
 *
 * For n = 2, m = 1 and importances (1, r), three candidate solutions (the columns of W are the features'
 * directions in the one hidden dimension):
 *
 * - **feature 1 only**, $W = (1, 0)$, $b = (0, p/2)$: feature 1 is copied exactly, feature 2 is replaced by its
 *   mean $p/2$, so $L = r\,v$ with $v = \mathrm{Var}(x_2) = p/3 - p^2/4$;
 * - **feature 2 only**: $L = v$ (importance 1 lost);
 * - **antipodal superposition**, $W = (1, -1)$, $b = (-c, -c)$ with $c \ge 0$: a lone active feature is copied
 *   less $c$, error $\mathbb E\min(x, c)^2 = c^2 - 2c^3/3$; with both active, each output is
 *   $\mathrm{ReLU}(x_i - x_j - c)$, error $J(c) = \int_0^1 [(y+c)^2 (1-y-c)_+ + \min(1, y+c)^3/3]\,dy$ per
 *   feature. So $L = (1+r)\,[\,pS\,(c^2 - 2c^3/3) + p^2 J(c)\,]$, minimized over c. At c = 0, $J = 1/6$.
 *
 * The predicted phase is the candidate with the least expected loss. The *linear* (PCA) theory — a linear
 * model keeps the m most important features and never superposes — predicts "feature 1 only" for r < 1 and
 * "feature 2 only" for r > 1, at every sparsity.
 *
 * @module
 */
import { planarToyModel, toyModelLossOn, toySample } from "../models/toy_superposition.ts";
import { nelderMead } from "./_nelder_mead.ts";

/** The phases of the n = 2, m = 1 toy model. */
export type TwoFeaturePhase = "feature 1 only" | "feature 2 only" | "superposition";

/** Expected losses of the three candidates at one point of the phase diagram. */
export interface TwoFeatureLosses {
  "feature 1 only": number;
  "feature 2 only": number;
  superposition: number;
  /** The bias magnitude c that minimizes the antipodal candidate's loss. */
  antipodalBias: number;
}

/** Simpson's rule on [a, b] with `intervals` (even) subintervals. */
function simpson(f: (x: number) => number, a: number, b: number, intervals: number): number {
  if (b <= a) return 0;
  const h = (b - a) / intervals;
  let s = f(a) + f(b);
  for (let k = 1; k < intervals; k++) s += (k % 2 ? 4 : 2) * f(a + k * h);
  return (s * h) / 3;
}

/**
 * $J(c)$: the expected squared error of one feature when both are active in the antipodal solution with bias
 * −c. The integrand is a polynomial on each side of y = 1 − c, so Simpson's rule on each piece is exact up to
 * rounding (it integrates cubics exactly; the pieces are cubic in y).
 *
 * @example
 * ```ts
 * import { antipodalBothActiveError } from "./superposition.ts";
 * if (Math.abs(antipodalBothActiveError(0) - 1 / 6) > 1e-12) throw new Error("E[min(x1, x2)²] = 1/6");
 * ```
 */
export function antipodalBothActiveError(c: number): number {
  if (!(c >= 0 && c <= 1)) throw new RangeError(`antipodalBothActiveError: expected 0 ≤ c ≤ 1, got ${c}`);
  const f = (y: number) => (y + c) ** 2 * Math.max(0, 1 - y - c) + Math.min(1, y + c) ** 3 / 3;
  return simpson(f, 0, 1 - c, 2) + simpson(f, 1 - c, 1, 2);
}

/** The antipodal candidate's loss at bias −c (importances 1 and r, density p = 1 − S). */
export function antipodalLoss(c: number, options: { sparsity: number; importance: number }): number {
  const p = 1 - options.sparsity, S = options.sparsity;
  return (1 + options.importance) *
    (p * S * (c * c - (2 * c ** 3) / 3) + p * p * antipodalBothActiveError(c));
}

/**
 * The expected loss of the n = 2, m = 1 model with $W = (\alpha, -\beta)$ and bias $(b_1, b_2)$, importances
 * (1, r): the four sparsity patterns weighted by their probabilities, $S^2$ (both off), $pS$ (one on, twice) and
 * $p^2$ (both on). The one-on terms are 1-d integrals (Simpson, 128 panels), the both-on term a 2-d integral
 * (midpoint rule, 64² cells); the integrands are piecewise quadratic with kinks along lines, so the error is
 * $O(h^2)$, below 1e-4 of the loss.
 */
export function antipodalPairLoss(
  params: { alpha: number; beta: number; b1: number; b2: number },
  options: { sparsity: number; importance: number },
): number {
  const { alpha: a, beta: c, b1, b2 } = params;
  const r = options.importance, S = options.sparsity, p = 1 - S;
  const relu = (y: number) => (y > 0 ? y : 0);
  const both0 = relu(b1) ** 2 + r * relu(b2) ** 2;
  const one1 = simpson((x) => (relu(a * a * x + b1) - x) ** 2 + r * relu(-a * c * x + b2) ** 2, 0, 1, 128);
  const one2 = simpson((x) => relu(-a * c * x + b1) ** 2 + r * (relu(c * c * x + b2) - x) ** 2, 0, 1, 128);
  const K = 64;
  let both = 0;
  for (let i = 0; i < K; i++) {
    const x1 = (i + 0.5) / K;
    for (let j = 0; j < K; j++) {
      const x2 = (j + 0.5) / K, h = a * x1 - c * x2;
      both += (relu(a * h + b1) - x1) ** 2 + r * (relu(-c * h + b2) - x2) ** 2;
    }
  }
  return S * S * both0 + p * S * (one1 + one2) + p * p * (both / (K * K));
}

/**
 * Expected losses of the three n = 2, m = 1 candidates at sparsity S and relative importance r of feature 2.
 * Feature 1 only and feature 2 only have the closed forms above. The antipodal pair is searched over its two
 * lengths and two biases by Nelder–Mead from three starts (the symmetric pair with the best common bias −c, found
 * by a scan and a golden-section search on c, and a pair leaning towards each feature, the less important one
 * shorter with a positive bias, as trained models do), keeping both lengths² above 1/2 — the same test that
 * reads a trained model — so that the result is the best *superposition*.
 *
 * @example
 * ```ts
 * import { twoFeatureLosses } from "./superposition.ts";
 * const dense = twoFeatureLosses({ sparsity: 0, importance: 0.5 });
 * if (!(dense["feature 1 only"] < dense.superposition)) throw new Error("dense: no superposition");
 * const sparse = twoFeatureLosses({ sparsity: 0.9, importance: 0.5 });
 * if (!(sparse.superposition < sparse["feature 1 only"])) throw new Error("sparse: superposition");
 * ```
 */
export function twoFeatureLosses(options: { sparsity: number; importance: number }): TwoFeatureLosses {
  const { sparsity: S, importance: r } = options;
  if (!(S >= 0 && S < 1)) throw new RangeError(`twoFeatureLosses: expected 0 ≤ sparsity < 1, got ${S}`);
  if (!(r > 0)) throw new RangeError(`twoFeatureLosses: expected an importance r > 0, got ${r}`);
  const p = 1 - S, v = p / 3 - (p * p) / 4;
  const symmetric = (c: number) => antipodalLoss(c, options);
  let best = 0;
  for (let k = 1; k <= 50; k++) if (symmetric(k / 50) < symmetric(best)) best = k / 50;
  let lo = Math.max(0, best - 0.02), hi = Math.min(1, best + 0.02);
  const g = (Math.sqrt(5) - 1) / 2;
  while (hi - lo > 1e-7) {
    const a = hi - g * (hi - lo), b = lo + g * (hi - lo);
    if (symmetric(a) < symmetric(b)) hi = b;
    else lo = a;
  }
  const c = (lo + hi) / 2;
  // Lengths are written α² = 1/2 + u², β² = 1/2 + w², so the search stays among superpositions (both lengths²
  // above 1/2, the test that reads a trained model) and finds the best of them even when it lies on that edge.
  const f = ([u, w, b1, b2]: number[]) =>
    antipodalPairLoss({ alpha: Math.sqrt(0.5 + u * u), beta: Math.sqrt(0.5 + w * w), b1, b2 }, options);
  const s1 = Math.sqrt(0.5), s2 = 0.25; // u = s1: length 1; u = s2: length² 0.5625
  const starts = [[s1, s1, -c, -c], [s1, s2, 0, 0.1], [s2, s1, 0.1, 0]];
  let loss = symmetric(c);
  for (const start of starts) {
    loss = Math.min(loss, f(nelderMead(f, start, { step: 0.1, tolerance: 1e-3, maxIterations: 300 })));
  }
  return { "feature 1 only": r * v, "feature 2 only": v, superposition: loss, antipodalBias: c };
}

/** The phase with the least expected loss. */
export function predictedTwoFeaturePhase(options: { sparsity: number; importance: number }): TwoFeaturePhase {
  const l = twoFeatureLosses(options);
  const phases: TwoFeaturePhase[] = ["feature 1 only", "feature 2 only", "superposition"];
  return phases.reduce((a, b) => (l[b] < l[a] ? b : a));
}

/** The linear (PCA) theory's phase: keep the more important feature, never superpose. */
export function linearTwoFeaturePhase(options: { importance: number }): TwoFeaturePhase {
  return options.importance <= 1 ? "feature 1 only" : "feature 2 only";
}

/**
 * Dimensions per feature, $m / \|W\|_F^2$, of a candidate geometry in which `k` features of unit norm are
 * represented in m hidden dimensions: k = m orthogonal features give 1, antipodal pairs 1/2, a pentagon of 5
 * features in 2 dimensions 2/5.
 */
export function dimensionsPerFeature(options: { hidden: number; represented: number }): number {
  if (!(options.represented > 0)) {
    throw new RangeError(`dimensionsPerFeature: expected at least one feature, got ${options.represented}`);
  }
  return options.hidden / options.represented;
}

/** Candidate geometries of n = 5 features in m = 2 dimensions. */
export type PlanarGeometry = "2 orthogonal" | "2 antipodal pairs" | "pentagon";

/** Unit directions of each candidate geometry (null: the feature is dropped). */
export function planarDirections(geometry: PlanarGeometry): ([number, number] | null)[] {
  if (geometry === "2 orthogonal") return [[1, 0], [0, 1], null, null, null];
  if (geometry === "2 antipodal pairs") return [[1, 0], [-1, 0], [0, 1], [0, -1], null];
  return Array.from(
    { length: 5 },
    (_, i) => [Math.cos((2 * Math.PI * i) / 5), Math.sin((2 * Math.PI * i) / 5)],
  );
}

/** How many features a geometry represents, and so its dimensions per feature m / k. */
export function representedFeatures(geometry: PlanarGeometry): number {
  return planarDirections(geometry).filter((d) => d !== null).length;
}

/**
 * The least expected loss of a candidate geometry of 5 features in 2 dimensions (uniform importance), over its
 * scale a and bias −c, found by Nelder–Mead from (a, c) = (1, 0.1); each loss is estimated by Monte Carlo on one
 * fixed sample (`samples`, default 20 000, `seed`), so that every candidate and every (a, c) is judged on the
 * same draws and the search sees a deterministic function.
 */
export function planarGeometryLoss(
  geometry: PlanarGeometry,
  options: { sparsity: number; samples?: number; seed?: number },
): { loss: number; scale: number; bias: number } {
  const dirs = planarDirections(geometry);
  const sample = toySample(5, {
    sparsity: options.sparsity,
    seed: options.seed ?? 12345,
    samples: options.samples ?? 20000,
  });
  const f = ([scale, bias]: number[]) =>
    toyModelLossOn(
      planarToyModel(dirs, { scale, bias: Math.max(0, bias), sparsity: options.sparsity }),
      sample,
    );
  const [scale, bias] = nelderMead(f, [1, 0.1], { step: 0.15, tolerance: 1e-4, maxIterations: 200 });
  return { loss: f([scale, bias]), scale, bias: Math.max(0, bias) };
}
