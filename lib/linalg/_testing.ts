/**
 * Private helpers for this folder's tests.
 *
 * @module
 */
import { rng } from "../random.ts";
import type { Matrix, MatrixLike } from "./matrix.ts";

/** A `[rows, cols]` matrix of i.i.d. N(0, 1) entries drawn from `rng(seed)`. */
export function gaussianMatrix(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  return Array.from({ length: rows }, () => Array.from(r.normals(cols)));
}

/** `max |Aᵢⱼ − Bᵢⱼ|`, or `Infinity` when the shapes differ. */
export function maxAbsDiff(A: MatrixLike, B: MatrixLike): number {
  if (A.length !== B.length) return Infinity;
  let m = 0;
  for (let i = 0; i < A.length; i++) {
    if (A[i].length !== B[i].length) return Infinity;
    for (let j = 0; j < A[i].length; j++) m = Math.max(m, Math.abs(A[i][j] - B[i][j]));
  }
  return m;
}

/** The identity `[n, n]`. */
export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}
