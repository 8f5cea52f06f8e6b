/**
 * Random orthogonal matrices and symmetric matrices with a planted spectrum, for testing spectral methods
 * against a known answer.
 *
 * @module
 */
import { Matrix as MlMatrix, QrDecomposition } from "ml-matrix";
import { type Rng, rng as makeRng } from "../random.ts";
import type { Matrix } from "./matrix.ts";

/**
 * A Haar-distributed (uniformly random) orthogonal matrix `Q` `[n, n]`, `QᵀQ = I`: the QR decomposition
 * `G = Q R` of a Gaussian matrix `G`, with the signs of `Q`'s columns fixed so that `R` has a positive
 * diagonal (without that fix `Q` is not Haar; Mezzadri 2007, arXiv:math-ph/0609050, §5).
 *
 * @param n size, a positive integer
 * @param seed a seed for {@linkcode rng}, or a generator to draw from
 *
 * @example
 * ```ts
 * import { randomOrthogonal } from "./orthogonal.ts";
 * const Q = randomOrthogonal(3, 0);
 * const dot = Q[0][0] * Q[0][1] + Q[1][0] * Q[1][1] + Q[2][0] * Q[2][1];
 * if (Math.abs(dot) > 1e-12) throw new Error("columns are orthogonal");
 * ```
 */
export function randomOrthogonal(n: number, seed: number | Rng): Matrix {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`randomOrthogonal(n, seed): expected a positive integer n, got ${n}`);
  }
  const r = typeof seed === "number" ? makeRng(seed) : seed;
  const G = new MlMatrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) G.set(i, j, r.normal());
  const qr = new QrDecomposition(G);
  const Q = qr.orthogonalMatrix.to2DArray();
  const R = qr.upperTriangularMatrix;
  for (let j = 0; j < n; j++) {
    if (R.get(j, j) < 0) { for (let i = 0; i < n; i++) Q[i][j] = -Q[i][j]; }
  }
  return Q;
}

/**
 * A symmetric matrix `A = Q diag(λ) Qᵀ` `[n, n]` with the given spectrum `λ` `[n]` and Haar-random
 * eigenvectors `Q` (the columns of {@linkcode randomOrthogonal}`(n, seed)`). The result is exactly symmetric.
 *
 * @param values the planted eigenvalues `λ` `[n]` (any order)
 * @param seed a seed for {@linkcode rng}, or a generator to draw from
 *
 * @example
 * ```ts
 * import { plantedSymmetric } from "./orthogonal.ts";
 * const A = plantedSymmetric([3, 2, 1], 7);
 * const trace = A[0][0] + A[1][1] + A[2][2];
 * if (Math.abs(trace - 6) > 1e-12) throw new Error("trace = Σλ = 6");
 * ```
 */
export function plantedSymmetric(values: ArrayLike<number>, seed: number | Rng): Matrix {
  const n = values.length;
  for (let k = 0; k < n; k++) {
    if (!Number.isFinite(values[k])) {
      throw new RangeError(
        `plantedSymmetric(values, seed): expected finite eigenvalues, but values[${k}] = ${values[k]}`,
      );
    }
  }
  const Q = randomOrthogonal(n, seed);
  const A: Matrix = Array.from({ length: n }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q[i][k] * values[k] * Q[j][k];
      A[i][j] = s;
      A[j][i] = s;
    }
  }
  return A;
}
