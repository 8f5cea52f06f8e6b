/**
 * The fast Walsh–Hadamard transform: the Fourier transform of the group $\{0,1\}^d$ (equivalently of the
 * hypercube $\{\pm1\}^d$), in $O(N\log N)$ for $N = 2^d$ values.
 *
 * @module
 */

/**
 * Returns $\hat f[S] = \sum_{z=0}^{N-1} f[z]\,(-1)^{|S \wedge z|}$ for every $S$ (unnormalized; applying it
 * twice multiplies by $N$). Indices are bit masks: bit $i$ of $z$ set means coordinate $x_i = -1$, bit $i$
 * of $S$ set means $i \in S$, so $(-1)^{|S\wedge z|} = \chi_S(x)$ is the parity of the coordinates in $S$.
 * On the uniform hypercube, $2^{-d}\hat f[S] = \mathbb E_x[f(x)\chi_S(x)]$ is the coefficient of $f$ on the
 * parity $\chi_S$ (O'Donnell 2014, *Analysis of Boolean Functions*, ch. 1). Introduced in notebook 04.
 *
 * @param values `[N]` with $N$ a power of two
 * @returns a new `Float64Array` `[N]`
 * @throws {RangeError} when the length is not a power of two
 *
 * @example
 * ```ts
 * import { walshHadamard } from "./walsh_hadamard.ts";
 * // f(z) = 1 only at z = 0 has every coefficient 1; the transform of all-ones is N at S = 0.
 * if (walshHadamard([1, 0, 0, 0]).join() !== "1,1,1,1") throw new Error("delta");
 * if (walshHadamard([1, 1, 1, 1]).join() !== "4,0,0,0") throw new Error("constant");
 * ```
 */
export function walshHadamard(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  if (n < 1 || (n & (n - 1)) !== 0) {
    throw new RangeError(`walshHadamard: expected a length that is a power of two, got ${n}`);
  }
  const out = Float64Array.from(values);
  for (let h = 1; h < n; h *= 2) {
    for (let i = 0; i < n; i += 2 * h) {
      for (let j = i; j < i + h; j++) {
        const a = out[j], b = out[j + h];
        out[j] = a + b;
        out[j + h] = a - b;
      }
    }
  }
  return out;
}
