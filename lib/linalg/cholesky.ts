/**
 * Cholesky factorization and solves with symmetric positive-definite matrices.
 *
 * @module
 */
import { CholeskyDecomposition } from "ml-matrix";
import { checkSymmetric, isMatrixLike } from "./_check.ts";
import { mlToResult, rhsToMl } from "./_rhs.ts";
import type { Matrix, MatrixLike } from "./matrix.ts";
import { symmetrized } from "./_symmetrize.ts";

/** Options for {@linkcode cholesky} and {@linkcode choleskySolve}. */
export interface CholeskyOptions {
  /** Largest allowed `|Aᵢⱼ − Aⱼᵢ|` relative to `max|Aᵢⱼ|` (default `1e-8`); `A` is symmetrized first. */
  symmetryTol?: number;
}

function factor(where: string, A: MatrixLike, options: CholeskyOptions): CholeskyDecomposition {
  const { symmetryTol = 1e-8 } = options;
  const n = checkSymmetric(where, "A", A, symmetryTol);
  const S = symmetrized(A, n);
  const chol = new CholeskyDecomposition(S);
  if (!chol.isPositiveDefinite()) {
    const L = chol.lowerTriangularMatrix;
    let k = 0;
    while (k < n - 1 && L.get(k, k) > 0) k++;
    throw new RangeError(
      `${where}: expected a symmetric positive-definite matrix A, but the Cholesky factorization broke down ` +
        `at pivot ${k} (a non-positive pivot); for a semi-definite A add a ridge (A + εI) or use lstsq()`,
    );
  }
  return chol;
}

/**
 * The Cholesky factor `L` `[n, n]` (lower triangular, positive diagonal) with `A = L Lᵀ`, for a symmetric
 * positive-definite `A` `[n, n]`. Use it to sample `x = L z ~ N(0, A)` from `z ~ N(0, I)`.
 * Golub & Van Loan, *Matrix Computations*, 4th ed., §4.2.
 *
 * @throws {RangeError} when `A` is not square, not symmetric, or not positive definite
 *
 * @example
 * ```ts
 * import { cholesky } from "./cholesky.ts";
 * const L = cholesky([[4, 2], [2, 5]]); // [[2, 0], [1, 2]]
 * if (L[0][0] !== 2 || L[1][0] !== 1 || L[1][1] !== 2 || L[0][1] !== 0) throw new Error("[[2, 0], [1, 2]]");
 * ```
 */
export function cholesky(A: MatrixLike, options: CholeskyOptions = {}): Matrix {
  return factor("cholesky(A)", A, options).lowerTriangularMatrix.to2DArray();
}

/**
 * Solves `A x = b` (or `A X = B` column by column) for a symmetric positive-definite `A` `[n, n]` by
 * Cholesky factorization, `A = L Lᵀ`, then two triangular solves; about half the work of LU and stable
 * without pivoting (Golub & Van Loan, §4.2). Typical use: kernel ridge regression `(K + λI) α = y`.
 *
 * @param A symmetric positive-definite `[n, n]`
 * @param b right-hand side `[n]` (returns `Float64Array` `[n]`) or `B` `[n, m]` (returns `[n, m]`)
 * @throws {RangeError} when shapes disagree or `A` is not symmetric positive definite
 *
 * @example
 * ```ts
 * import { choleskySolve } from "./cholesky.ts";
 * const x = choleskySolve([[4, 2], [2, 5]], [8, 12]); // x = (1, 2)
 * if (Math.abs(x[0] - 1) > 1e-12 || Math.abs(x[1] - 2) > 1e-12) throw new Error("x = (1, 2)");
 * ```
 */
export function choleskySolve(A: MatrixLike, b: ArrayLike<number>, options?: CholeskyOptions): Float64Array;
export function choleskySolve(A: MatrixLike, B: MatrixLike, options?: CholeskyOptions): Matrix;
export function choleskySolve(
  A: MatrixLike,
  B: ArrayLike<number> | MatrixLike,
  options: CholeskyOptions = {},
): Float64Array | Matrix {
  const where = "choleskySolve(A, B)";
  const chol = factor(where, A, options);
  return mlToResult(chol.solve(rhsToMl(where, B, A.length)), !isMatrixLike(B));
}
