/**
 * The matrix convention of `lib/linalg` and the small products built on it.
 *
 * A matrix is row-major `number[][]` of shape `[rows, cols]`: `A[i][j]` is row `i`, column `j`, so a data set
 * `X` of `n` samples in `d` dimensions is `[n, d]` with `X[i]` the i-th sample. Functions accept any
 * {@linkcode MatrixLike} (rows may be `Float64Array`s) and return plain `number[][]`. Vectors are accepted as
 * any `ArrayLike<number>` and returned as `Float64Array`.
 *
 * @module
 */
import { checkMatrix, checkVector } from "./_check.ts";

/** A row-major matrix `[rows, cols]` as returned by this library. */
export type Matrix = number[][];

/** Anything read as a row-major matrix: an array of equally long rows (`number[]` or `Float64Array`). */
export type MatrixLike = ReadonlyArray<ArrayLike<number>>;

/**
 * The shape `[rows, cols]` of a rectangular matrix; throws a `RangeError` for ragged or empty input.
 *
 * @example
 * ```ts
 * import { shape } from "./matrix.ts";
 * if (shape([[1, 2, 3], [4, 5, 6]]).join() !== "2,3") throw new Error("shape [2, 3]");
 * ```
 */
export function shape(A: MatrixLike): [number, number] {
  return checkMatrix("shape(A)", "A", A);
}

/**
 * The transpose `Aᵀ`: `[rows, cols] → [cols, rows]`.
 *
 * @example
 * ```ts
 * import { transpose } from "./matrix.ts";
 * const t = transpose([[1, 2, 3]]);
 * if (t.length !== 3 || t[2][0] !== 3) throw new Error("[[1], [2], [3]]");
 * ```
 */
export function transpose(A: MatrixLike): Matrix {
  const [rows, cols] = checkMatrix("transpose(A)", "A", A);
  const out: Matrix = Array.from({ length: cols }, () => new Array<number>(rows));
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j][i] = A[i][j];
  return out;
}

/**
 * The product `C = A B`, `Cᵢⱼ = Σₖ Aᵢₖ Bₖⱼ`: `[n, k] × [k, m] → [n, m]`.
 *
 * @example
 * ```ts
 * import { matmul } from "./matrix.ts";
 * const c = matmul([[1, 2], [3, 4]], [[1, 0], [0, 1]]);
 * if (c[1][0] !== 3) throw new Error("identity leaves A unchanged");
 * ```
 */
export function matmul(A: MatrixLike, B: MatrixLike): Matrix {
  const [n, k] = checkMatrix("matmul(A, B)", "A", A);
  const [k2, m] = checkMatrix("matmul(A, B)", "B", B);
  if (k !== k2) {
    throw new RangeError(
      `matmul(A, B): expected the columns of A to match the rows of B, got shapes [${n}, ${k}] and [${k2}, ${m}]`,
    );
  }
  const out: Matrix = [];
  const acc = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    const a = A[i];
    for (let p = 0; p < k; p++) {
      const aip = a[p], b = B[p];
      if (aip !== 0) { for (let j = 0; j < m; j++) acc[j] += aip * b[j]; }
    }
    out.push(Array.from(acc));
  }
  return out;
}

/**
 * The matrix–vector product `A v`: `[n, d] × [d] → [n]`.
 *
 * @example
 * ```ts
 * import { matvec } from "./matrix.ts";
 * const y = matvec([[1, 2], [3, 4]], [1, 1]);
 * if (y[0] !== 3 || y[1] !== 7) throw new Error("row sums");
 * ```
 */
export function matvec(A: MatrixLike, v: ArrayLike<number>): Float64Array {
  const [n, d] = checkMatrix("matvec(A, v)", "A", A);
  checkVector("matvec(A, v)", "v", v, d);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = A[i];
    let s = 0;
    for (let j = 0; j < d; j++) s += a[j] * v[j];
    out[i] = s;
  }
  return out;
}

/** Options for {@linkcode gram}. */
export interface GramOptions {
  /**
   * `"rows"` (default): inner products of the rows, `X Xᵀ` `[n, n]` (the kernel matrix of `n` samples).
   * `"columns"`: inner products of the columns, `Xᵀ X` `[d, d]` (the unnormalized second-moment matrix).
   */
  of?: "rows" | "columns";
}

/**
 * The Gram matrix of the rows of `X` `[n, d]`, `Kᵢⱼ = xᵢ · xⱼ` (`X Xᵀ`, `[n, n]`), or of its columns
 * (`Xᵀ X`, `[d, d]`) with `{ of: "columns" }`. The result is exactly symmetric, so it passes
 * {@linkcode eigh}'s symmetry check.
 *
 * @example
 * ```ts
 * import { gram } from "./matrix.ts";
 * const K = gram([[1, 0], [1, 1], [0, 2]]);               // [3, 3]
 * const C = gram([[1, 0], [1, 1], [0, 2]], { of: "columns" }); // [2, 2]
 * if (K[1][2] !== 2 || C[1][1] !== 5) throw new Error("inner products");
 * ```
 */
export function gram(X: MatrixLike, options: GramOptions = {}): Matrix {
  const { of = "rows" } = options;
  if (of !== "rows" && of !== "columns") {
    throw new RangeError(`gram(X, options): expected options.of to be "rows" or "columns", got "${of}"`);
  }
  checkMatrix("gram(X)", "X", X);
  const R = of === "rows" ? X : transpose(X);
  const n = R.length, d = R[0].length;
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) {
    const a = R[i];
    for (let j = i; j < n; j++) {
      const b = R[j];
      let s = 0;
      for (let p = 0; p < d; p++) s += a[p] * b[p];
      out[i][j] = s;
      out[j][i] = s;
    }
  }
  return out;
}
