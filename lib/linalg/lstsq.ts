/**
 * Minimum-norm least squares and the Moore–Penrose pseudoinverse, via the singular value decomposition.
 *
 * @module
 */
import { Matrix as MlMatrix, SingularValueDecomposition } from "ml-matrix";
import { checkMatrix, checkVector } from "./_check.ts";
import type { Matrix, MatrixLike } from "./matrix.ts";

/** Options for {@linkcode pinv} and {@linkcode lstsq}. */
export interface LstsqOptions {
  /**
   * Singular values `σₖ ≤ rcond · σ₁` are treated as zero (default `max(n, d) · ε`, ε = 2.2e-16, as in
   * NumPy). Raise it to regularize an ill-conditioned `X` by truncating its small directions.
   */
  rcond?: number;
}

/** The least-squares solution of `X w ≈ y` returned by {@linkcode lstsq}. */
export interface Lstsq {
  /** `[d]` the minimum-norm minimizer `w = X⁺ y` of `‖X w − y‖²`. */
  solution: Float64Array;
  /** Number of singular values above the cutoff `rcond · σ₁`. */
  rank: number;
  /** `[min(n, d)]` singular values of `X`, descending. */
  singularValues: Float64Array;
  /** `‖X w − y‖₂`, zero (to rounding) when `y` lies in the column space of `X`. */
  residualNorm: number;
}

interface Thin {
  U: MlMatrix; // [n, r]
  s: number[]; // [r], r = min(n, d)
  V: MlMatrix; // [d, r]
  keep: number; // singular values above the cutoff
}

function thinSvd(where: string, X: MatrixLike, options: LstsqOptions): Thin {
  const [n, d] = checkMatrix(where, "X", X);
  const { rcond = Math.max(n, d) * Number.EPSILON } = options;
  if (!(rcond >= 0)) throw new RangeError(`${where}: expected options.rcond ≥ 0, got ${rcond}`);
  const svd = new SingularValueDecomposition(new MlMatrix(X as number[][]), { autoTranspose: true });
  const s = svd.diagonal;
  const cutoff = rcond * (s[0] ?? 0);
  let keep = 0;
  while (keep < s.length && s[keep] > cutoff) keep++;
  return { U: svd.leftSingularVectors, s, V: svd.rightSingularVectors, keep };
}

/**
 * The Moore–Penrose pseudoinverse `X⁺ = V diag(1/σ) Uᵀ` `[d, n]` of `X = U diag(σ) Vᵀ` `[n, d]`, inverting
 * only singular values above `rcond · σ₁` (Penrose 1955; Golub & Van Loan, *Matrix Computations*, 4th ed.,
 * §5.5.2). `X⁺ y` is the minimum-norm least-squares solution; for one right-hand side prefer
 * {@linkcode lstsq}.
 *
 * @example
 * ```ts
 * import { pinv } from "./lstsq.ts";
 * const P = pinv([[1, 1]]); // [2, 1]: the minimum-norm right inverse, [[0.5], [0.5]]
 * if (Math.abs(P[0][0] - 0.5) > 1e-12 || Math.abs(P[1][0] - 0.5) > 1e-12) throw new Error("[[.5], [.5]]");
 * ```
 */
export function pinv(X: MatrixLike, options: LstsqOptions = {}): Matrix {
  const { U, s, V, keep } = thinSvd("pinv(X)", X, options);
  const n = U.rows, d = V.rows;
  const out: Matrix = Array.from({ length: d }, () => new Array<number>(n).fill(0));
  for (let k = 0; k < keep; k++) {
    const inv = 1 / s[k];
    for (let i = 0; i < d; i++) {
      const vik = V.get(i, k) * inv;
      if (vik === 0) continue;
      const row = out[i];
      for (let j = 0; j < n; j++) row[j] += vik * U.get(j, k);
    }
  }
  return out;
}

/**
 * The minimum-norm least-squares solution `w = X⁺ y` of `X w ≈ y`, `X` `[n, d]`, `y` `[n]` → `w` `[d]`:
 * among all minimizers of `‖X w − y‖²` the one of smallest `‖w‖`, which has no component in the null space
 * of `X`. When `d > n` (more parameters than samples) it is the interpolating solution that gradient descent
 * from `w = 0` converges to (Hastie, Montanari, Rosset & Tibshirani 2019, arXiv:1903.08560, §2).
 *
 * @example
 * ```ts
 * import { lstsq } from "./lstsq.ts";
 * // One equation, two unknowns: w₁ + w₂ = 2. The minimum-norm solution is (1, 1).
 * const { solution, rank } = lstsq([[1, 1]], [2]);
 * if (rank !== 1 || Math.abs(solution[0] - 1) > 1e-12 || Math.abs(solution[1] - 1) > 1e-12) {
 *   throw new Error("w = (1, 1)");
 * }
 * ```
 */
export function lstsq(X: MatrixLike, y: ArrayLike<number>, options: LstsqOptions = {}): Lstsq {
  const where = "lstsq(X, y)";
  checkVector(where, "y", y, checkMatrix(where, "X", X)[0]);
  const { U, s, V, keep } = thinSvd(where, X, options);
  const n = U.rows, d = V.rows;
  const solution = new Float64Array(d);
  for (let k = 0; k < keep; k++) {
    let uy = 0;
    for (let j = 0; j < n; j++) uy += U.get(j, k) * y[j];
    const c = uy / s[k];
    for (let i = 0; i < d; i++) solution[i] += c * V.get(i, k);
  }
  let r2 = 0;
  for (let j = 0; j < n; j++) {
    const row = X[j];
    let p = 0;
    for (let i = 0; i < d; i++) p += row[i] * solution[i];
    r2 += (p - y[j]) ** 2;
  }
  return { solution, rank: keep, singularValues: Float64Array.from(s), residualNorm: Math.sqrt(r2) };
}
