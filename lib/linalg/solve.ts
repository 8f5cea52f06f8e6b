/**
 * Solving square linear systems by LU decomposition with partial pivoting.
 *
 * @module
 */
import { LuDecomposition, Matrix as MlMatrix } from "ml-matrix";
import { checkSquare, isMatrixLike } from "./_check.ts";
import { mlToResult, rhsToMl } from "./_rhs.ts";
import type { Matrix, MatrixLike } from "./matrix.ts";

/**
 * Solves `A x = b` (or `A X = B`) for a square, non-singular `A` `[n, n]` by LU decomposition with partial
 * pivoting, `P A = L U` (Golub & Van Loan, *Matrix Computations*, 4th ed., §3.4). For symmetric
 * positive-definite `A` prefer {@linkcode choleskySolve}; for rectangular or singular systems use
 * {@linkcode lstsq}.
 *
 * @param A square `[n, n]`
 * @param b right-hand side `[n]` (returns `Float64Array` `[n]`) or `B` `[n, m]` (returns `[n, m]`)
 * @throws {RangeError} when `A` is not square, shapes disagree, or `A` is exactly singular
 *
 * @example
 * ```ts
 * import { solve } from "./solve.ts";
 * const x = solve([[0, 1], [2, 0]], [3, 4]); // needs pivoting: x = (2, 3)
 * if (Math.abs(x[0] - 2) > 1e-12 || Math.abs(x[1] - 3) > 1e-12) throw new Error("x = (2, 3)");
 * ```
 */
export function solve(A: MatrixLike, b: ArrayLike<number>): Float64Array;
export function solve(A: MatrixLike, B: MatrixLike): Matrix;
export function solve(A: MatrixLike, B: ArrayLike<number> | MatrixLike): Float64Array | Matrix {
  const where = "solve(A, B)";
  const n = checkSquare(where, "A", A);
  const rhs = rhsToMl(where, B, n);
  const lu = new LuDecomposition(new MlMatrix(A as number[][]));
  if (lu.isSingular()) {
    const U = lu.upperTriangularMatrix;
    let k = 0;
    while (k < n - 1 && U.get(k, k) !== 0) k++;
    throw new RangeError(
      `${where}: expected a non-singular matrix A, but LU found a zero pivot at column ${k}; ` +
        `use lstsq() for the minimum-norm least-squares solution`,
    );
  }
  return mlToResult(lu.solve(rhs), !isMatrixLike(B));
}
