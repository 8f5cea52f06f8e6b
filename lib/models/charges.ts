/**
 * The "charges" of the three symmetries of a ReLU classifier (Kunin, Sagastuy-Brena, Ganguli, Yamins &
 * Tanaka 2021, *Neural Mechanics*, arXiv:2012.04728), as functions of a parameter set of
 * `lib/models/float64_mlp.ts` (`W1` `[d, h]`, `b1` `[h]`, `W2` `[h, c]`, `b2` `[c]`):
 *
 * - **rescale** (ReLU is positively homogeneous): $Q_i = \|w^{in}_i\|^2 - \|w^{out}_i\|^2$ per hidden neuron,
 *   with $w^{in}_i = (W_1[:,i], b_1[i])$ and $w^{out}_i = W_2[i,:]$;
 * - **translation** (softmax ignores a common shift of the logits): $T_i = \sum_k W_2[i,k]$ per hidden neuron,
 *   and $\sum_k b_2[k]$;
 * - **scale** (incoming weights of a batch-normalized unit): $S_i = \|W_1[:,i]\|^2$.
 *
 * The definitions sit here, below both `lib/theory/conservation.ts` (which applies them to a gradient to
 * predict the discrete-step corrections) and `lib/measure/conserved.ts` (which tracks them during training).
 * Introduced in notebook 03.
 *
 * @module
 */
import type { Float64MlpParams } from "./float64_mlp.ts";

function hiddenWidth(p: Float64MlpParams): number {
  const h = p.W2.length / p.b2.length;
  if (!Number.isInteger(h) || p.W1.length % h !== 0 || (p.b1.length !== 0 && p.b1.length !== h)) {
    throw new RangeError(
      `conserved charges: expected W1 [d, h], b1 [h] or [], W2 [h, c], b2 [c]; got lengths ${p.W1.length}, ${p.b1.length}, ${p.W2.length}, ${p.b2.length}`,
    );
  }
  return h;
}

/**
 * Rescale charges $Q_i = \|W_1[:,i]\|^2 + b_1[i]^2 - \|W_2[i,:]\|^2$ `[h]`.
 *
 * @example
 * ```ts
 * import { rescaleCharges } from "./charges.ts";
 * // d = 1, h = 2, c = 2: neuron 0 has w_in = (1, 1), w_out = (1, 0); neuron 1 has w_in = (2, 0), w_out = (0, 1)
 * const q = rescaleCharges({ W1: new Float64Array([1, 2]), b1: new Float64Array([1, 0]), W2: new Float64Array([1, 0, 0, 1]), b2: new Float64Array(2) });
 * if (q[0] !== 1 || q[1] !== 3) throw new Error("2 − 1, 4 − 1");
 * ```
 */
export function rescaleCharges(p: Float64MlpParams): Float64Array {
  const h = hiddenWidth(p), c = p.b2.length, d = p.W1.length / h;
  const q = new Float64Array(h);
  for (let i = 0; i < h; i++) {
    let s = p.b1.length ? p.b1[i] ** 2 : 0;
    for (let j = 0; j < d; j++) s += p.W1[j * h + i] ** 2;
    for (let k = 0; k < c; k++) s -= p.W2[i * c + k] ** 2;
    q[i] = s;
  }
  return q;
}

/**
 * Translation charges `[h + 1]`: $\sum_k W_2[i,k]$ for each hidden neuron $i$, then $\sum_k b_2[k]$ last.
 *
 * @example
 * ```ts
 * import { translationCharges } from "./charges.ts";
 * const t = translationCharges({ W1: new Float64Array(1), b1: new Float64Array(1), W2: new Float64Array([1, 2]), b2: new Float64Array([3, -3]) });
 * if (t[0] !== 3 || t[1] !== 0) throw new Error("1 + 2, 3 − 3");
 * ```
 */
export function translationCharges(p: Float64MlpParams): Float64Array {
  const h = hiddenWidth(p), c = p.b2.length;
  const t = new Float64Array(h + 1);
  for (let i = 0; i < h; i++) for (let k = 0; k < c; k++) t[i] += p.W2[i * c + k];
  for (let k = 0; k < c; k++) t[h] += p.b2[k];
  return t;
}

/**
 * Scale charges $S_i = \|W_1[:,i]\|^2$ `[h]` (the squared norm of each hidden unit's incoming weights).
 *
 * @example
 * ```ts
 * import { scaleCharges } from "./charges.ts";
 * const s = scaleCharges({ W1: new Float64Array([3, 4]), b1: new Float64Array(0), W2: new Float64Array(2), b2: new Float64Array(2) });
 * if (s[0] !== 25) throw new Error("3² + 4²");
 * ```
 */
export function scaleCharges(p: Float64MlpParams): Float64Array {
  const h = hiddenWidth(p), d = p.W1.length / h;
  const s = new Float64Array(h);
  for (let i = 0; i < h; i++) for (let j = 0; j < d; j++) s[i] += p.W1[j * h + i] ** 2;
  return s;
}
