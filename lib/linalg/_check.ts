/**
 * Private shape and value checks shared by the linear-algebra functions. Each throws a `RangeError` that
 * names the calling function, what it expected, and what it got.
 *
 * @module
 */
import type { MatrixLike } from "./matrix.ts";

/** The shape `[rows, cols]` of a rectangular, non-empty, finite matrix; throws otherwise. */
export function checkMatrix(where: string, name: string, A: MatrixLike): [number, number] {
  if (!Array.isArray(A) || A.length === 0) {
    throw new RangeError(`${where}: expected ${name} to be a non-empty array of rows, got ${describe(A)}`);
  }
  const cols = A[0]?.length;
  if (typeof cols !== "number" || cols === 0) {
    throw new RangeError(
      `${where}: expected the rows of ${name} to be non-empty arrays, got ${describe(A[0])}`,
    );
  }
  for (let i = 0; i < A.length; i++) {
    const row = A[i];
    if (row?.length !== cols) {
      throw new RangeError(
        `${where}: expected every row of ${name} to have ${cols} entries (row-major [rows, cols]), ` +
          `but row ${i} has ${row?.length}`,
      );
    }
    for (let j = 0; j < cols; j++) {
      if (!Number.isFinite(row[j])) {
        throw new RangeError(`${where}: expected finite entries, but ${name}[${i}][${j}] = ${row[j]}`);
      }
    }
  }
  return [A.length, cols];
}

/** The size `n` of a square `[n, n]` matrix; throws otherwise. */
export function checkSquare(where: string, name: string, A: MatrixLike): number {
  const [rows, cols] = checkMatrix(where, name, A);
  if (rows !== cols) {
    throw new RangeError(`${where}: expected a square matrix ${name}, got shape [${rows}, ${cols}]`);
  }
  return rows;
}

/**
 * Checks that the square matrix `A` is symmetric to within `tol · max|Aᵢⱼ|` and returns the size `n`.
 * The error names the first offending pair of entries.
 */
export function checkSymmetric(where: string, name: string, A: MatrixLike, tol: number): number {
  const n = checkSquare(where, name, A);
  let scale = 0;
  for (const row of A) for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(row[j]));
  const bound = tol * scale;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gap = Math.abs(A[i][j] - A[j][i]);
      if (gap > bound) {
        throw new RangeError(
          `${where}: expected a symmetric matrix ${name}, but ${name}[${i}][${j}] = ${A[i][j]} and ` +
            `${name}[${j}][${i}] = ${
              A[j][i]
            } differ by ${gap} (allowed: symmetryTol · max|${name}| = ${bound})`,
        );
      }
    }
  }
  return n;
}

/** Checks that `v` is a finite vector of length `n`. */
export function checkVector(where: string, name: string, v: ArrayLike<number>, n: number): void {
  if (v === null || typeof v !== "object" || typeof v.length !== "number") {
    throw new RangeError(`${where}: expected ${name} to be an array of numbers, got ${describe(v)}`);
  }
  if (v.length !== n) {
    throw new RangeError(
      `${where}: expected ${name} to have length ${n} to match the matrix, got ${v.length}`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i])) {
      throw new RangeError(`${where}: expected finite entries, but ${name}[${i}] = ${v[i]}`);
    }
  }
}

/** True when `b` is a matrix (an array whose first element is array-like) rather than a vector. */
export function isMatrixLike(b: ArrayLike<number> | MatrixLike): b is MatrixLike {
  return Array.isArray(b) && b.length > 0 && typeof b[0] === "object" && b[0] !== null;
}

function describe(x: unknown): string {
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  return x === null ? "null" : typeof x;
}
