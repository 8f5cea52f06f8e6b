/**
 * The random projection of a random-feature model: $N$ features $\psi = Ax/\sqrt N$ of a latent input
 * $x\in\mathbb R^M$, with $A\in\mathbb R^{N\times M}$ of i.i.d. $\mathcal N(0,1)$ entries (Maloney, Roberts & Sully
 * 2022, arXiv:2210.16859; Bordelon, Atanasov & Pehlevan 2024, arXiv:2402.01092 §2). Rows are drawn in order, so
 * the first $N$ rows of a projection with more rows are the projection of size $N$ (nested models, one draw).
 * It sits below both `lib/theory/random_features_sgd.ts` (the exact expected loss of the model) and
 * `lib/train/random_features_sgd.ts` (training it by SGD). Introduced in notebook 09.
 *
 * @module
 */
import { rng } from "../random.ts";

/**
 * `features` rows of `latent` i.i.d. standard normals each: the matrix $A$ `[N, M]`, row by row.
 *
 * @example
 * ```ts
 * import { randomProjection } from "./random_projection.ts";
 * const a = randomProjection(4, 3, 0), b = randomProjection(2, 3, 0);
 * if (a[1][2] !== b[1][2]) throw new Error("nested: the first rows agree");
 * ```
 */
export function randomProjection(features: number, latent: number, seed: number): Float64Array[] {
  for (const [name, v] of [["features", features], ["latent", latent]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) {
      throw new RangeError(`randomProjection: expected an integer ${name} ≥ 1, got ${v}`);
    }
  }
  const r = rng(seed);
  return Array.from({ length: features }, () => r.normals(latent));
}
