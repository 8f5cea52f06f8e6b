/**
 * Balancedness of a two-layer linear network, $D = W_1W_1^\top - W_2^\top W_2$ `[h, h]` (`W1` `[h, dIn]`,
 * `W2` `[dOut, h]`). Gradient flow conserves it; a GD step changes it by exactly $\eta^2(G_1G_1^\top - G_2^\top G_2)$
 * (Du, Hu & Lee 2018, arXiv:1806.00900; Arora et al. 2018, arXiv:1802.06509). The theory side is
 * `balancednessIncrement` in `lib/theory/deep_linear.ts`. Introduced in notebook 02.
 *
 * @module
 */
import type { Matrix, MatrixLike } from "../linalg/mod.ts";

/**
 * $D = W_1W_1^\top - W_2^\top W_2$ `[h, h]`.
 *
 * @example
 * ```ts
 * import { balancedness } from "./balancedness.ts";
 * const D = balancedness([[1, 2]], [[1], [1]]); // 1·1 + 2·2 − (1 + 1)
 * if (D[0][0] !== 3) throw new Error("5 − 2");
 * ```
 */
export function balancedness(W1: MatrixLike, W2: MatrixLike): Matrix {
  const h = W1.length;
  if (W2.some((r) => r.length !== h)) {
    throw new RangeError(
      `balancedness: expected W2 [dOut, ${h}] to match W1 [${h}, dIn], got rows of length ${W2[0]?.length}`,
    );
  }
  const D = Array.from({ length: h }, () => new Array<number>(h).fill(0));
  for (let a = 0; a < h; a++) {
    for (let b = a; b < h; b++) {
      let s = 0;
      for (let i = 0; i < W1[a].length; i++) s += W1[a][i] * W1[b][i];
      for (let o = 0; o < W2.length; o++) s -= W2[o][a] * W2[o][b];
      D[a][b] = s;
      D[b][a] = s;
    }
  }
  return D;
}

/**
 * Relative Frobenius distance $\|A - B\|_F / \|B\|_F$ between two equally shaped matrices (`B` is the
 * reference, e.g. a prediction).
 *
 * @example
 * ```ts
 * import { relativeFrobeniusError } from "./balancedness.ts";
 * if (Math.abs(relativeFrobeniusError([[3, 4]], [[3, 3]]) - 1 / Math.hypot(3, 3)) > 1e-15) throw new Error("‖[0, 1]‖/‖[3, 3]‖");
 * ```
 */
export function relativeFrobeniusError(A: MatrixLike, B: MatrixLike): number {
  if (A.length !== B.length || A.some((r, i) => r.length !== B[i].length)) {
    throw new RangeError(
      `relativeFrobeniusError: expected matrices of the same shape, got [${A.length}, ${
        A[0]?.length
      }] and [${B.length}, ${B[0]?.length}]`,
    );
  }
  let num = 0, den = 0;
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < A[i].length; j++) {
      num += (A[i][j] - B[i][j]) ** 2;
      den += B[i][j] ** 2;
    }
  }
  return Math.sqrt(num / den);
}
