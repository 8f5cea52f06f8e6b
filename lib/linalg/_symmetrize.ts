/**
 * Private: the symmetric part `(A + Aᵀ)/2` of an `[n, n]` matrix as an ml-matrix `Matrix`, for the solvers that
 * assume exact symmetry (eigh, Cholesky).
 *
 * @module
 */
import { Matrix as MlMatrix } from "ml-matrix";
import type { MatrixLike } from "./matrix.ts";

/** `(A + Aᵀ)/2` for an `[n, n]` `A` already checked to be square and nearly symmetric. */
export function symmetrized(A: MatrixLike, n: number): MlMatrix {
  const S = new MlMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = 0.5 * (A[i][j] + A[j][i]);
      S.set(i, j, v);
      S.set(j, i, v);
    }
  }
  return S;
}
