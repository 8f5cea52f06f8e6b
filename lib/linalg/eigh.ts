/**
 * Symmetric eigendecomposition.
 *
 * @module
 */
import { EigenvalueDecomposition } from "ml-matrix";
import { checkSymmetric } from "./_check.ts";
import type { Matrix, MatrixLike } from "./matrix.ts";
import { symmetricPart, symmetrized } from "./_symmetrize.ts";
import { openBlas, openBlasStatus } from "../native/openblas.ts";

/** Eigenvalues sorted descending and the matching orthonormal eigenvectors, as columns. */
export interface Eigh {
  /** `[n]` eigenvalues `λ₁ ≥ λ₂ ≥ … ≥ λₙ`. */
  values: Float64Array;
  /**
   * `[n, n]` matrix `V` whose column `k` is the unit eigenvector of `values[k]` (`vectors[i][k]` is its i-th
   * component), so `A = V diag(λ) Vᵀ` and `VᵀV = I`. Each column's sign is fixed so that its entry of
   * largest magnitude is positive.
   */
  vectors: Matrix;
}

/** Options for {@linkcode eigh}. */
export interface EighOptions {
  /**
   * Largest allowed asymmetry `|Aᵢⱼ − Aⱼᵢ|`, relative to `max|Aᵢⱼ|` (default `1e-8`). `A` is symmetrized,
   * `(A + Aᵀ)/2`, before decomposing. Raise it (e.g. `1e-5`) for matrices computed in float32.
   */
  symmetryTol?: number;
  /**
   * `"lapack"`: LAPACK's `dsyevd` from OpenBLAS (`lib/native/openblas.ts`; throws when it is not available).
   * `"ml-matrix"`: pure JavaScript. `"auto"` (default): LAPACK when available, else ml-matrix.
   */
  solver?: "auto" | "lapack" | "ml-matrix";
}

/**
 * The eigendecomposition `A = V diag(λ) Vᵀ` of a real symmetric matrix `A` `[n, n]`, eigenvalues sorted
 * descending (the course's convention: `values[0]` is the top eigenvalue, e.g. the sharpness of a Hessian).
 *
 * Two solvers, both well-kept libraries, both O(n³) on one core:
 *
 * - **LAPACK `dsyevd`** from OpenBLAS, when it can be loaded (`lib/native/openblas.ts`): Householder
 *   tridiagonalization (blocked, on BLAS-3) followed by Cuppen's divide and conquer (Demmel, *Applied
 *   Numerical Linear Algebra*, 1997, §5.3.3).
 * - **ml-matrix** `EigenvalueDecomposition` otherwise (Node/tslab, or no OpenBLAS): JAMA's `tred2`
 *   tridiagonalization and implicit QL `tql2` (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.3), in
 *   pure JavaScript.
 *
 * Measured under Deno 2.9.6 on the project's 2-core Xeon (2.5 GHz), one call on a random symmetric Gaussian
 * matrix, median of 3 runs below n = 600, range over several sessions (`deno run -A tools/dev/time_eigh.ts`,
 * which times both; OpenBLAS 0.3.21 on one thread):
 *
 * | n             | 100   | 200   | 400       | 500       | 800     | 1000      | 2000    |
 * |---------------|-------|-------|-----------|-----------|---------|-----------|---------|
 * | LAPACK (s)    | 0.009 | 0.008 | 0.045     | 0.05–0.07 | 0.24    | 0.34–0.45 | 2.2–3.5 |
 * | ml-matrix (s) | 0.007 | 0.08  | 0.48–0.51 | 0.97–1.4  | 4.4–5.7 | 13.5–24   | —       |
 *
 * Without LAPACK, n ≤ 400 stays under 1 s and beyond that the cost grows faster than n³ (the QL sweeps walk
 * columns of row-major storage); design the experiment around the top few eigenvalues (power iteration or
 * Lanczos on matrix–vector products) instead. The notebooks keep n ≤ 400 so that they stay fast either way.
 *
 * @param A symmetric matrix `[n, n]` (row-major; rows may be `Float64Array`s)
 * @returns `values` `[n]` descending and `vectors` `[n, n]` with eigenvectors as columns
 * @throws {RangeError} when `A` is empty, ragged, not square, has a non-finite entry, or is not symmetric
 * @throws {Error} when `solver: "lapack"` is asked for and OpenBLAS cannot be loaded
 *
 * @example
 * ```ts
 * import { eigh } from "./eigh.ts";
 * const { values, vectors } = eigh([[2, 1], [1, 2]]);
 * // λ = 3 with eigenvector (1, 1)/√2, then λ = 1 with eigenvector ±(1, −1)/√2.
 * if (Math.abs(values[0] - 3) > 1e-12 || Math.abs(values[1] - 1) > 1e-12) throw new Error("λ = 3, 1");
 * if (Math.abs(vectors[0][0] - Math.SQRT1_2) > 1e-12) throw new Error("top eigenvector (1, 1)/√2");
 * ```
 */
export function eigh(A: MatrixLike, options: EighOptions = {}): Eigh {
  const { symmetryTol = 1e-8, solver = "auto" } = options;
  if (!(symmetryTol >= 0)) {
    throw new RangeError(`eigh(A, options): expected options.symmetryTol ≥ 0, got ${symmetryTol}`);
  }
  if (!["auto", "lapack", "ml-matrix"].includes(solver)) {
    throw new RangeError(
      `eigh(A, options): options.solver must be "auto", "lapack" or "ml-matrix", got "${solver}"`,
    );
  }
  const n = checkSymmetric("eigh(A)", "A", A, symmetryTol);
  const blas = solver === "ml-matrix" ? null : openBlas();
  if (solver === "lapack" && !blas) {
    throw new Error(`eigh(A, { solver: "lapack" }): LAPACK is not available: ${openBlasStatus().reason}`);
  }
  // `component(i, k)`: component i of the unit eigenvector of `raw[k]`.
  let raw: ArrayLike<number>;
  let component: (i: number, k: number) => number;
  if (blas) {
    const a = symmetricPart(A, n);
    const w = new Float64Array(n);
    blas.dsyevd(n, a, w); // row k of `a` is now the eigenvector of w[k]
    [raw, component] = [w, (i, k) => a[k * n + i]];
  } else {
    const evd = new EigenvalueDecomposition(symmetrized(A, n), { assumeSymmetric: true });
    const V = evd.eigenvectorMatrix;
    [raw, component] = [evd.realEigenvalues, (i, k) => V.get(i, k)];
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => raw[b] - raw[a]);
  const values = Float64Array.from(order, (k) => raw[k]);
  const vectors: Matrix = Array.from({ length: n }, () => new Array<number>(n));
  for (let c = 0; c < n; c++) {
    const k = order[c];
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(component(i, k)) > Math.abs(big)) big = component(i, k);
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i][c] = sign * component(i, k);
  }
  return { values, vectors };
}
