/**
 * Private: the symmetric part `(A + Aᵀ)/2` of an `[n, n]` matrix, for the solvers that assume exact symmetry
 * (eigh, Cholesky): as a row-major `Float64Array` (LAPACK reads it as is, symmetric so layout-free) or as an
 * ml-matrix `Matrix`.
 *
 * @module
 */
import { Matrix as MlMatrix } from "ml-matrix";
import type { MatrixLike } from "./matrix.ts";

/** `(A + Aᵀ)/2`, row-major `[n · n]`, for an `[n, n]` `A` already checked to be square and nearly symmetric. */
export function symmetricPart(A: MatrixLike, n: number): Float64Array {
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) S[i * n + j] = S[j * n + i] = 0.5 * (A[i][j] + A[j][i]);
  }
  return S;
}

/** {@linkcode symmetricPart} as an ml-matrix `Matrix`. */
export function symmetrized(A: MatrixLike, n: number): MlMatrix {
  return MlMatrix.from1DArray(n, n, symmetricPart(A, n));
}
