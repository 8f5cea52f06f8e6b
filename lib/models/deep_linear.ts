/**
 * Initializations of a two-layer linear network $\hat y = W_2W_1x$ (`W1` `[h, dIn]`, `W2` `[dOut, h]`), the
 * model of Saxe, McClelland & Ganguli 2014 (arXiv:1312.6120). Trained by `trainDeepLinear`
 * (`lib/train/deep_linear.ts`). Introduced in notebook 02.
 *
 * @module
 */
import { type Matrix, type MatrixLike, randomOrthogonal } from "../linalg/mod.ts";
import { rng } from "../random.ts";

/** A weight pair. */
export interface DeepLinearWeights {
  /** `[h, dIn]`. */
  W1: Matrix;
  /** `[dOut, h]`. */
  W2: Matrix;
}

/**
 * Aligned, balanced init: $W_1 = R\,\mathrm{diag}(a)\,V_r^\top$, $W_2 = U_r\,\mathrm{diag}(a)\,R_r^\top$ with
 * $a_\alpha = \sqrt{u_{0,\alpha}}$, where $U_r$, $V_r$ are the first $r$ columns of `U` `[dOut, ·]`, `V` `[dIn, ·]`
 * and $R$ `[h, h]` a Haar-random rotation of the hidden layer (from `seed`; any rotation gives the same map).
 * Then $W_2W_1 = U_r\,\mathrm{diag}(u_0)\,V_r^\top$ and $W_1W_1^\top = W_2^\top W_2$: each mode starts at strength
 * $u_{0,\alpha}$, and gradient flow keeps the modes decoupled (Saxe et al. 2014).
 *
 * @example
 * ```ts
 * import { alignedBalancedInit } from "./deep_linear.ts";
 * const I = [[1, 0], [0, 1]];
 * const { W1, W2 } = alignedBalancedInit([0.04], { U: I, V: I, hidden: 2, seed: 0 });
 * const w11 = W2[0][0] * W1[0][0] + W2[0][1] * W1[1][0];
 * if (Math.abs(w11 - 0.04) > 1e-15) throw new Error("(W2 W1)₁₁ = u0");
 * ```
 */
export function alignedBalancedInit(
  strengths: ArrayLike<number>,
  options: { U: MatrixLike; V: MatrixLike; hidden: number; seed: number },
): DeepLinearWeights {
  const { U, V, hidden: h } = options;
  const r = strengths.length, dOut = U.length, dIn = V.length;
  if (r > h || r > U[0].length || r > V[0].length) {
    throw new RangeError(
      `alignedBalancedInit: expected at most min(hidden, columns of U and V) = ${
        Math.min(h, U[0].length, V[0].length)
      } strengths, got ${r}`,
    );
  }
  if (Array.from(strengths).some((u) => !(u >= 0))) {
    throw new RangeError(
      `alignedBalancedInit: expected non-negative strengths, got [${Array.from(strengths).join(", ")}]`,
    );
  }
  const R = randomOrthogonal(h, options.seed);
  const a = Array.from(strengths, Math.sqrt);
  const W1 = Array.from({ length: h }, (_, k) =>
    Array.from({ length: dIn }, (_, i) => {
      let s = 0;
      for (let m = 0; m < r; m++) s += R[k][m] * a[m] * V[i][m];
      return s;
    }));
  const W2 = Array.from({ length: dOut }, (_, o) =>
    Array.from({ length: h }, (_, k) => {
      let s = 0;
      for (let m = 0; m < r; m++) s += U[o][m] * a[m] * R[k][m];
      return s;
    }));
  return { W1, W2 };
}

/**
 * I.i.d. Gaussian init, entries of `W1` $\sim\mathcal N(0,\sigma_1^2)$ and of `W2` $\sim\mathcal N(0,\sigma_2^2)$
 * (default $\sigma_2 = \sigma_1$), from `seed`.
 *
 * @example
 * ```ts
 * import { gaussianDeepLinearInit } from "./deep_linear.ts";
 * const { W1, W2 } = gaussianDeepLinearInit({ dIn: 3, hidden: 4, dOut: 2, sigma: 1e-3, seed: 0 });
 * if (W1.length !== 4 || W1[0].length !== 3 || W2.length !== 2 || W2[0].length !== 4) throw new Error("shapes");
 * ```
 */
export function gaussianDeepLinearInit(
  options: { dIn: number; hidden: number; dOut: number; sigma: number; sigma2?: number; seed: number },
): DeepLinearWeights {
  const { dIn, hidden, dOut, sigma } = options;
  const sigma2 = options.sigma2 ?? sigma;
  if (!(sigma >= 0) || !(sigma2 >= 0)) {
    throw new RangeError(`gaussianDeepLinearInit: expected σ ≥ 0, got ${sigma}, ${sigma2}`);
  }
  const r = rng(options.seed);
  const W1 = Array.from({ length: hidden }, () => Array.from(r.normals(dIn, sigma)));
  const W2 = Array.from({ length: dOut }, () => Array.from(r.normals(hidden, sigma2)));
  return { W1, W2 };
}
