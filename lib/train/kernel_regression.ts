/**
 * Kernel (ridge) regression, solved in closed form: the infinitely-trained limit of gradient descent on a
 * linear model in the kernel's feature space (and of a network in the lazy/NTK regime, notebook 05).
 *
 * $$\hat f(x) = K(x, X)\,\alpha,\qquad (K_{XX} + \delta I)\,\alpha = y,$$
 * with $K_{XX}$ `[n, n]` the kernel matrix of the training inputs, $y$ `[n]` the targets and $\delta \ge 0$
 * the ridge (e.g. Simon et al. 2023, arXiv:2110.03922). Introduced in notebook 04.
 *
 * @module
 */
import { choleskySolve } from "../linalg/cholesky.ts";
import { checkSquare, isMatrixLike } from "../linalg/_check.ts";
import type { Matrix, MatrixLike } from "../linalg/matrix.ts";

/**
 * The dual coefficients $\alpha = (K + \delta I)^{-1}y$ `[n]` (or `[n, m]` for several targets `Y` `[n, m]`,
 * sharing one factorization) by a Cholesky solve (K must be positive
 * definite, or semi-definite with `ridge` > 0). Predictions are then `matvec(Kcross, alpha)` with
 * `Kcross` `[m, n]` the kernel between new points and the training points.
 *
 * @throws {RangeError} when shapes disagree or `K + δI` is not positive definite (e.g. repeated points
 *   without ridge)
 *
 * @example
 * ```ts
 * import { kernelRegression } from "./kernel_regression.ts";
 * // Interpolation: with K = I the coefficients are the targets; a ridge δ shrinks them by 1/(1 + δ).
 * const a = kernelRegression([[1, 0], [0, 1]], [2, 4], { ridge: 1 });
 * if (Math.abs(a[0] - 1) > 1e-12 || Math.abs(a[1] - 2) > 1e-12) throw new Error("α = y/(1 + δ)");
 * ```
 */
export function kernelRegression(
  K: MatrixLike,
  y: ArrayLike<number>,
  options?: { ridge?: number },
): Float64Array;
export function kernelRegression(K: MatrixLike, Y: MatrixLike, options?: { ridge?: number }): Matrix;
export function kernelRegression(
  K: MatrixLike,
  y: ArrayLike<number> | MatrixLike,
  options: { ridge?: number } = {},
): Float64Array | Matrix {
  const ridge = options.ridge ?? 0;
  if (!(ridge >= 0)) throw new RangeError(`kernelRegression: expected ridge ≥ 0, got ${ridge}`);
  const n = checkSquare("kernelRegression(K, y)", "K", K);
  if (y.length !== n) {
    throw new RangeError(`kernelRegression: expected one target per row of K (${n}), got ${y.length}`);
  }
  const A = ridge === 0 ? K : K.map((row, i) => Array.from(row, (v, j) => (i === j ? v + ridge : v)));
  return isMatrixLike(y) ? choleskySolve(A, y) : choleskySolve(A, y as ArrayLike<number>);
}
