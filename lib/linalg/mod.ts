/**
 * Dense linear algebra on plain arrays (tfjs has no eig, svd, inverse or solve): `eigh` on LAPACK when
 * OpenBLAS loads (`lib/native/openblas.ts`), everything else — and `eigh` without OpenBLAS — on ml-matrix.
 *
 * **Convention.** A matrix is row-major `number[][]` of shape `[rows, cols]` ({@linkcode Matrix}); inputs may
 * be any {@linkcode MatrixLike} (an array of equally long rows, `number[]` or `Float64Array`). Vectors are
 * accepted as any `ArrayLike<number>` and returned as `Float64Array`. Eigenvalues are sorted descending and
 * eigenvectors are the columns of `vectors` (NumPy's layout). Errors are `RangeError`s that name the
 * function, what it expected, and the offending value.
 *
 * Cost: everything here is O(n³) on one core, pure JavaScript except `eigh` on LAPACK; see {@linkcode eigh}
 * for measured sizes.
 *
 * @example
 * ```ts
 * import { eigh, gram, lstsq, matmul, transpose } from "./mod.ts";
 * const X = [[1, 0, 1], [0, 1, 1]];            // [n, d] = [2, 3]
 * const { values } = eigh(gram(X));            // spectrum of the kernel matrix X Xᵀ
 * if (Math.abs(values[0] - 3) > 1e-12 || Math.abs(values[1] - 1) > 1e-12) throw new Error("λ = 3, 1");
 * const w = lstsq(X, [1, 2]).solution;         // interpolates: X w = y
 * const fit = matmul(X, transpose([Array.from(w)]));
 * if (Math.abs(fit[1][0] - 2) > 1e-12) throw new Error("X w = y");
 * ```
 *
 * @module
 */
export {
  gram,
  type GramOptions,
  matmul,
  type Matrix,
  type MatrixLike,
  matvec,
  shape,
  transpose,
} from "./matrix.ts";
export { type Eigh, eigh, type EighOptions } from "./eigh.ts";
export { cholesky, type CholeskyOptions, choleskySolve } from "./cholesky.ts";
export { solve } from "./solve.ts";
export { type Lstsq, lstsq, type LstsqOptions, pinv } from "./lstsq.ts";
export { plantedSymmetric, randomOrthogonal } from "./orthogonal.ts";
export { walshHadamard } from "./walsh_hadamard.ts";
