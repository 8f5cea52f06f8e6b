/**
 * Mode strengths of a linear map and the times at which they are learned (Saxe, McClelland & Ganguli 2014,
 * arXiv:1312.6120). For a target $\Sigma_{yx} = USV^\top$, the strength of mode $\alpha$ in an
 * end-to-end map $W$ `[dOut, dIn]` is $u_\alpha = u_\alpha^\top W v_\alpha$ (columns $u_\alpha$ of `U` `[dOut, r]`,
 * $v_\alpha$ of `V` `[dIn, r]`). Introduced in notebook 02.
 *
 * @module
 */
import type { MatrixLike } from "../linalg/mod.ts";

/**
 * Strengths $u_\alpha = u_\alpha^\top W v_\alpha$ `[count]` of the first `count` (default: all columns of `U`)
 * modes of `W` `[dOut, dIn]`.
 *
 * @example
 * ```ts
 * import { modeStrengths } from "./modes.ts";
 * const u = modeStrengths([[3, 0], [0, 1]], [[1, 0], [0, 1]], [[1, 0], [0, 1]]);
 * if (u[0] !== 3 || u[1] !== 1) throw new Error("diagonal map: strengths are the diagonal");
 * ```
 */
export function modeStrengths(
  W: MatrixLike,
  U: MatrixLike,
  V: MatrixLike,
  options: { count?: number } = {},
): Float64Array {
  const dOut = W.length, dIn = W[0]?.length ?? 0;
  if (U.length !== dOut || V.length !== dIn) {
    throw new RangeError(
      `modeStrengths: expected U with ${dOut} rows and V with ${dIn} rows for W [${dOut}, ${dIn}], got ${U.length} and ${V.length}`,
    );
  }
  const count = options.count ?? Math.min(U[0].length, V[0].length);
  const out = new Float64Array(count);
  for (let a = 0; a < count; a++) {
    let s = 0;
    for (let o = 0; o < dOut; o++) {
      let wv = 0;
      for (let i = 0; i < dIn; i++) wv += W[o][i] * V[i][a];
      s += U[o][a] * wv;
    }
    out[a] = s;
  }
  return out;
}

/**
 * The first time `values` reaches `level` from below, linearly interpolated between samples at `times`
 * (both `[n]`); `Infinity` when it never does, `times[0]` when it starts there.
 *
 * @example
 * ```ts
 * import { crossingTime } from "./modes.ts";
 * if (crossingTime([0, 10, 20], [0, 1, 3], 2) !== 15) throw new Error("halfway between 10 and 20");
 * ```
 */
export function crossingTime(times: ArrayLike<number>, values: ArrayLike<number>, level: number): number {
  if (times.length !== values.length || times.length === 0) {
    throw new RangeError(
      `crossingTime: expected equally long non-empty times and values, got ${times.length} and ${values.length}`,
    );
  }
  if (values[0] >= level) return times[0];
  for (let k = 1; k < values.length; k++) {
    if (values[k] >= level) {
      const f = (level - values[k - 1]) / (values[k] - values[k - 1]);
      return times[k - 1] + f * (times[k] - times[k - 1]);
    }
  }
  return Infinity;
}

/**
 * Effective starting strength of mode $\alpha$ from an arbitrary small init, $u_0 = \tfrac14\|W_1v_\alpha + W_2^\top u_\alpha\|^2$
 * (`W1` `[h, dIn]`, `W2` `[dOut, h]`, `u` `[dOut]`, `v` `[dIn]`): near zero the growing combination
 * $W_1v_\alpha + W_2^\top u_\alpha$ scales as $e^{st}$ and the rest dies out, so the mode then follows Saxe's
 * sigmoid from this $u_0$ (see `expectedInitialStrength` in `lib/theory/deep_linear.ts`).
 *
 * @example
 * ```ts
 * import { initialModeStrength } from "./modes.ts";
 * // aligned balanced init a = 0.1 on a 1×1×1 network: u0 = ¼(0.1 + 0.1)² = 0.01 = a²
 * if (Math.abs(initialModeStrength([[0.1]], [[0.1]], [1], [1]) - 0.01) > 1e-15) throw new Error("a²");
 * ```
 */
export function initialModeStrength(
  W1: MatrixLike,
  W2: MatrixLike,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
): number {
  const h = W1.length;
  if (W2.length !== u.length || W1[0].length !== v.length || W2[0].length !== h) {
    throw new RangeError(
      `initialModeStrength: expected W1 [h, ${v.length}], W2 [${u.length}, h], got W1 [${h}, ${
        W1[0].length
      }], ` +
        `W2 [${W2.length}, ${W2[0].length}]`,
    );
  }
  let total = 0;
  for (let k = 0; k < h; k++) {
    let g = 0;
    for (let i = 0; i < v.length; i++) g += W1[k][i] * v[i];
    for (let o = 0; o < u.length; o++) g += W2[o][k] * u[o];
    total += g * g;
  }
  return total / 4;
}
