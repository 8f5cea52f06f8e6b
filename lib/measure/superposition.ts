/**
 * Readings of a toy model of superposition (Elhage et al. 2022, arXiv:2209.10652): its expected loss, which
 * features it represents, whether two of them share a direction with opposite signs (antipodal superposition),
 * and its dimensions per feature $m / \|W\|_F^2$ (§7, "feature dimensionality"). `W` is `[m, n]` row-major;
 * column i is feature i's direction in the hidden space.
 *
 * @module
 */
import type { ToyModelWeights } from "../models/toy_superposition.ts";

/** Squared norms $\|W_{:,i}\|^2$ of each feature's direction `[n]`. */
export function featureNorms(model: ToyModelWeights): Float64Array {
  const { W, features: n, hidden: m } = model;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = 0; k < m; k++) out[i] += W[k * n + i] ** 2;
  return out;
}

/** Dimensions per feature $m / \|W\|_F^2$: 1 for m orthogonal unit features, 1/2 for antipodal pairs, 2/5 for a pentagon in 2-d. */
export function dimensionsPerFeatureOf(model: ToyModelWeights): number {
  return model.hidden / featureNorms(model).reduce((a, b) => a + b, 0);
}

/** The phase of an n = 2, m = 1 toy model: which features it represents (‖W_i‖² > threshold), and how. */
export function twoFeaturePhaseOf(
  model: ToyModelWeights,
  options: { threshold?: number } = {},
): "feature 1 only" | "feature 2 only" | "superposition" | "neither" {
  if (model.features !== 2 || model.hidden !== 1) {
    throw new RangeError(
      `twoFeaturePhaseOf: expected n = 2, m = 1, got n = ${model.features}, m = ${model.hidden}`,
    );
  }
  const t = options.threshold ?? 0.5;
  const [a, c] = featureNorms(model);
  if (a > t && c > t) return model.W[0] * model.W[1] < 0 ? "superposition" : "neither";
  if (a > t) return "feature 1 only";
  if (c > t) return "feature 2 only";
  return "neither";
}
