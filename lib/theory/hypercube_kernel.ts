/**
 * Spectra of kernels on the Boolean hypercube $\{\pm1\}^d$ under the uniform distribution.
 *
 * A kernel that depends only on the overlap, $K(x,x') = g(x\cdot x'/d)$ (a "rotation-invariant" kernel:
 * it is unchanged by permuting coordinates and flipping signs), is diagonalized by the $2^d$ parity
 * functions $\chi_S(x) = \prod_{i\in S} x_i$, which are orthonormal under the uniform distribution, and the
 * eigenvalue depends only on the degree $k = |S|$:
 * $$\lambda_k = \mathbb E_z\big[g(\textstyle\sum_i z_i/d)\,\chi_S(z)\big]
 *   = 2^{-d}\sum_{j=0}^{d} g\big(\tfrac{d-2j}{d}\big)\,\mathcal K_k(j),\qquad
 *   \mathcal K_k(j) = \sum_{l}(-1)^l\binom{k}{l}\binom{d-k}{j-l},$$
 * with multiplicity $\binom dk$; $j$ counts the coordinates where $x$ and $x'$ differ and $\mathcal K_k$ is
 * a Krawtchouk polynomial (O'Donnell 2014, *Analysis of Boolean Functions*, ch. 1; the hypercube is an exactly
 * solvable test bed of Simon et al. 2023, arXiv:2110.03922). Introduced in notebook 04.
 *
 * @module
 */

/**
 * The binomial coefficient $\binom{n}{k}$ (0 outside $0 \le k \le n$), exact for the sizes used here.
 *
 * @example
 * ```ts
 * import { binomial } from "./hypercube_kernel.ts";
 * if (binomial(10, 3) !== 120 || binomial(4, 5) !== 0) throw new Error("C(10,3) = 120");
 * ```
 */
export function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k)) {
    throw new RangeError(`binomial(n, k): expected integers, got n = ${n}, k = ${k}`);
  }
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * (n - i + 1)) / i;
  return Math.round(c);
}

/**
 * The Krawtchouk polynomial $\mathcal K_k(j) = \sum_l (-1)^l \binom{k}{l}\binom{d-k}{j-l}$: the sum of
 * $\chi_S(z)$ over the $\binom dj$ points $z$ with $j$ coordinates equal to $-1$, for any $|S| = k$.
 */
export function krawtchouk(k: number, j: number, d: number): number {
  let s = 0;
  for (let l = 0; l <= Math.min(j, k); l++) {
    s += (l % 2 === 0 ? 1 : -1) * binomial(k, l) * binomial(d - k, j - l);
  }
  return s;
}

/**
 * Eigenvalues $\lambda_k$, $k = 0…d$, of $K(x,x') = g(x\cdot x'/d)$ on the uniform hypercube $\{\pm1\}^d$:
 * the eigenvalue of every parity of degree $k$ (multiplicity $\binom dk$, see {@linkcode binomial}).
 *
 * @param g the kernel as a function of the overlap $t = x\cdot x'/d \in [-1, 1]$
 * @param d dimension (1 ≤ d ≤ 30)
 * @returns `[d + 1]` eigenvalues by degree (not sorted)
 *
 * @example
 * ```ts
 * import { hypercubeEigenvalues } from "./hypercube_kernel.ts";
 * // g(t) = t is the linear kernel x·x'/d: all its weight is on the d degree-1 parities, λ₁ = 1/d.
 * const lam = hypercubeEigenvalues((t) => t, 4);
 * if (Math.abs(lam[1] - 0.25) > 1e-15 || Math.abs(lam[0]) > 1e-15 || Math.abs(lam[2]) > 1e-15) throw new Error("λ₁ = 1/d");
 * ```
 */
export function hypercubeEigenvalues(g: (overlap: number) => number, d: number): Float64Array {
  if (!Number.isInteger(d) || d < 1 || d > 30) {
    throw new RangeError(`hypercubeEigenvalues: expected an integer dimension 1 ≤ d ≤ 30, got ${d}`);
  }
  const values = Array.from({ length: d + 1 }, (_, j) => g((d - 2 * j) / d));
  values.forEach((v, j) => {
    if (!Number.isFinite(v)) {
      throw new RangeError(`hypercubeEigenvalues: g(${(d - 2 * j) / d}) = ${v} is not finite`);
    }
  });
  return Float64Array.from({ length: d + 1 }, (_, k) => {
    let s = 0;
    for (let j = 0; j <= d; j++) s += values[j] * krawtchouk(k, j, d);
    return s / 2 ** d;
  });
}

/**
 * Multiplicities $\binom dk$, $k = 0…d$: how many parities have degree $k$.
 *
 * @example
 * ```ts
 * import { hypercubeMultiplicities } from "./hypercube_kernel.ts";
 * if (hypercubeMultiplicities(3).join() !== "1,3,3,1") throw new Error("1 3 3 1");
 * ```
 */
export function hypercubeMultiplicities(d: number): Float64Array {
  return Float64Array.from({ length: d + 1 }, (_, k) => binomial(d, k));
}
