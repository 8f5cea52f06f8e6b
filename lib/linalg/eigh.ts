/**
 * Symmetric eigendecomposition.
 *
 * @module
 */
import { EigenvalueDecomposition } from "ml-matrix";
import { checkSymmetric } from "./_check.ts";
import type { Matrix, MatrixLike } from "./matrix.ts";
import { symmetrized } from "./_symmetrize.ts";

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
}

/**
 * The eigendecomposition `A = V diag(λ) Vᵀ` of a real symmetric matrix `A` `[n, n]`, eigenvalues sorted
 * descending (the course's convention: `values[0]` is the top eigenvalue, e.g. the sharpness of a Hessian).
 *
 * Uses ml-matrix's `EigenvalueDecomposition` (JAMA's Householder tridiagonalization `tred2` followed by the
 * implicit QL algorithm `tql2`; Golub & Van Loan, *Matrix Computations*, 4th ed., §8.3), O(n³) in pure
 * JavaScript on one core. Measured under Deno 2.9.6 on the project's 2-core Xeon (2.5 GHz), one call on a
 * random symmetric Gaussian matrix, median of 3 runs below n = 600, range over two sessions
 * (`deno run -A tools/dev/time_eigh.ts`):
 *
 * | n       | 100   | 200  | 400       | 500      | 800     | 1000      |
 * |---------|-------|------|-----------|----------|---------|-----------|
 * | seconds | 0.007 | 0.08 | 0.48–0.51 | 0.97–1.4 | 4.4–5.7 | 13.5–14.2 |
 *
 * So n ≤ 400 stays well under 1 s and n = 500 is at the limit; beyond that the cost grows faster than n³
 * (likely cache misses: the QL sweeps walk columns of row-major storage). Kernel and Gram matrices with a
 * fast-decaying spectrum were no faster when tried. For larger matrices, design the experiment around the
 * top few eigenvalues (power iteration or Lanczos on matrix–vector products) instead.
 *
 * @param A symmetric matrix `[n, n]` (row-major; rows may be `Float64Array`s)
 * @returns `values` `[n]` descending and `vectors` `[n, n]` with eigenvectors as columns
 * @throws {RangeError} when `A` is empty, ragged, not square, has a non-finite entry, or is not symmetric
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
  const { symmetryTol = 1e-8 } = options;
  if (!(symmetryTol >= 0)) {
    throw new RangeError(`eigh(A, options): expected options.symmetryTol ≥ 0, got ${symmetryTol}`);
  }
  const n = checkSymmetric("eigh(A)", "A", A, symmetryTol);
  const S = symmetrized(A, n);
  const evd = new EigenvalueDecomposition(S, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => raw[b] - raw[a]);
  const values = Float64Array.from(order, (k) => raw[k]);
  const vectors: Matrix = Array.from({ length: n }, () => new Array<number>(n));
  for (let c = 0; c < n; c++) {
    const k = order[c];
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(V.get(i, k)) > Math.abs(big)) big = V.get(i, k);
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i][c] = sign * V.get(i, k);
  }
  return { values, vectors };
}
