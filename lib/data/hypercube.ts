/**
 * The Boolean hypercube $\{\pm1\}^d$ as a data set: all $N = 2^d$ points, indexed by integers
 * $0…N-1$ whose bits say which coordinates are $-1$, with parity functions and kernels that depend only on
 * which coordinates differ. The exactly solvable test bed of kernel regression (Simon et al. 2023,
 * arXiv:2110.03922). Introduced in notebook 04.
 *
 * Conventions: vertex $v$ has $x_i = -1$ if bit $i$ of $v$ is set, else $+1$. A subset $S$ of coordinates is
 * a bit mask, and the parity $\chi_S(x) = \prod_{i\in S}x_i = (-1)^{|S\wedge v|}$. Two vertices $a, b$ differ
 * exactly in the coordinates of $a \oplus b$ (XOR), and $x_a\cdot x_b = d - 2|a\oplus b|$.
 *
 * @module
 */
import { walshHadamard } from "../linalg/walsh_hadamard.ts";
import type { Matrix } from "../linalg/matrix.ts";
import type { Rng } from "../random.ts";

/** Number of set bits of a non-negative 32-bit integer: $|S|$, the degree of parity $S$. */
export function popcount(v: number): number {
  let c = 0;
  for (let u = v >>> 0; u; u &= u - 1) c++;
  return c;
}

/**
 * The parity $\chi_S(x_v) = (-1)^{|S \wedge v|}$ of vertex `v` over the coordinates in mask `S`.
 *
 * @example
 * ```ts
 * import { parity } from "./hypercube.ts";
 * // v = 0b011 is x = (−1, −1, +1); χ over coordinates {0, 2} is (−1)(+1) = −1.
 * if (parity(0b101, 0b011) !== -1) throw new Error("χ = −1");
 * ```
 */
export function parity(S: number, v: number): number {
  return popcount(S & v) % 2 === 0 ? 1 : -1;
}

/**
 * All $2^d$ points of $\{\pm1\}^d$ as row-major `x` `[2^d, d]` (row $v$ is vertex $v$).
 *
 * @example
 * ```ts
 * import { hypercube } from "./hypercube.ts";
 * const { x, n } = hypercube(2); // rows (1,1), (−1,1), (1,−1), (−1,−1)
 * if (n !== 4 || x[2] !== -1 || x[5] !== -1) throw new Error("vertex 1 is (−1, 1), vertex 2 is (1, −1)");
 * ```
 */
export function hypercube(d: number): { x: Float64Array; n: number; d: number } {
  if (!Number.isInteger(d) || d < 1 || d > 20) {
    throw new RangeError(`hypercube(d): expected an integer dimension 1 ≤ d ≤ 20, got ${d}`);
  }
  const n = 2 ** d;
  const x = new Float64Array(n * d);
  for (let v = 0; v < n; v++) for (let i = 0; i < d; i++) x[v * d + i] = (v >> i) & 1 ? -1 : 1;
  return { x, n, d };
}

/**
 * A kernel that depends only on the overlap, $K(x,x') = g(x\cdot x'/d)$, tabulated by the XOR pattern:
 * `k[z] = g((d − 2|z|)/d)`, so $K(x_a, x_b)$ = `k[a ^ b]`. Length $2^d$.
 *
 * @example
 * ```ts
 * import { overlapKernel } from "./hypercube.ts";
 * const k = overlapKernel((t) => t, 2); // overlaps 1, 0, 0, −1
 * if (k.join() !== "1,0,0,-1") throw new Error("overlaps");
 * ```
 */
export function overlapKernel(g: (overlap: number) => number, d: number): Float64Array {
  const n = 2 ** d;
  return Float64Array.from({ length: n }, (_, z) => g((d - 2 * popcount(z)) / d));
}

/**
 * The kernel with a given eigenvalue for every parity, $K(x,x') = \sum_S \lambda_S\chi_S(x)\chi_S(x')$,
 * tabulated by XOR pattern (`k[a ^ b]` = $K(x_a,x_b)$): $k = $ Walsh–Hadamard transform of $\lambda$.
 * Lets an experiment plant any spectrum, e.g. a power law. Inverse of {@linkcode paritySpectrum}.
 */
export function kernelFromParitySpectrum(lambda: ArrayLike<number>): Float64Array {
  return walshHadamard(lambda);
}

/**
 * The eigenvalue of every parity for an XOR-tabulated kernel `k` `[2^d]`, under the uniform distribution:
 * $\lambda_S = 2^{-d}\sum_z k[z]\chi_S(z)$, read off numerically by a fast Walsh–Hadamard transform.
 *
 * @example
 * ```ts
 * import { overlapKernel, paritySpectrum } from "./hypercube.ts";
 * const lam = paritySpectrum(overlapKernel((t) => t, 3)); // linear kernel: 1/3 on the three degree-1 parities
 * if (Math.abs(lam[0b010] - 1 / 3) > 1e-15 || Math.abs(lam[0b011]) > 1e-15) throw new Error("λ");
 * ```
 */
export function paritySpectrum(k: ArrayLike<number>): Float64Array {
  const w = walshHadamard(k);
  for (let i = 0; i < w.length; i++) w[i] /= k.length;
  return w;
}

/**
 * The kernel matrix $K_{ab} = $ `k[rows[a] ^ cols[b]]` `[rows.length, cols.length]` between two lists of
 * vertex indices.
 */
export function hypercubeGram(
  k: ArrayLike<number>,
  rows: readonly number[],
  cols: readonly number[],
): Matrix {
  return rows.map((a) =>
    cols.map((b) => {
      const v = k[a ^ b];
      if (v === undefined) {
        throw new RangeError(`hypercubeGram: vertex ${a} or ${b} is outside 0…${k.length - 1}`);
      }
      return v;
    })
  );
}

/**
 * A uniformly random subset of `k` of the `d` coordinates, as a bit mask (a random parity of degree `k`).
 */
export function randomParityMask(k: number, d: number, r: Rng): number {
  if (!(Number.isInteger(k) && k >= 0 && k <= d)) {
    throw new RangeError(`randomParityMask: expected 0 ≤ k ≤ d = ${d}, got ${k}`);
  }
  return r.choice(d, k).reduce((mask, i) => mask | (1 << i), 0);
}

/**
 * The values on all $2^d$ vertices of $f = \sum_j c_j\chi_{S_j}$ `[2^d]`.
 *
 * @example
 * ```ts
 * import { paritySum } from "./hypercube.ts";
 * // f = x₀ + 2 x₀x₁ on d = 2: vertices (1,1), (−1,1), (1,−1), (−1,−1).
 * if (paritySum([0b01, 0b11], [1, 2], 2).join() !== "3,-3,-1,1") throw new Error("f");
 * ```
 */
export function paritySum(
  masks: readonly number[],
  coefficients: ArrayLike<number>,
  d: number,
): Float64Array {
  if (masks.length !== coefficients.length) {
    throw new RangeError(
      `paritySum: expected one coefficient per mask (${masks.length}), got ${coefficients.length}`,
    );
  }
  return Float64Array.from(
    { length: 2 ** d },
    (_, v) => masks.reduce((s, S, j) => s + coefficients[j] * parity(S, v), 0),
  );
}
