/**
 * Private conversions between this library's vectors / matrices and ml-matrix's `Matrix`.
 *
 * @module
 */
import { Matrix as MlMatrix } from "ml-matrix";
import { checkMatrix, checkVector, isMatrixLike } from "./_check.ts";
import type { Matrix, MatrixLike } from "./matrix.ts";

/** A right-hand side `b` `[n]` or `B` `[n, m]` as an ml-matrix `[n, m]` (a vector becomes one column). */
export function rhsToMl(where: string, B: ArrayLike<number> | MatrixLike, n: number): MlMatrix {
  if (isMatrixLike(B)) {
    const [rows] = checkMatrix(where, "B", B);
    if (rows !== n) {
      throw new RangeError(`${where}: expected B to have ${n} rows to match A, got ${rows}`);
    }
    return new MlMatrix(B as ArrayLike<ArrayLike<number>> as number[][]);
  }
  checkVector(where, "b", B, n);
  return MlMatrix.columnVector(Array.from(B));
}

/** The ml-matrix result back as a `Float64Array` (when the right-hand side was a vector) or a `Matrix`. */
export function mlToResult(X: MlMatrix, vector: boolean): Float64Array | Matrix {
  return vector ? Float64Array.from(X.getColumn(0)) : X.to2DArray();
}
