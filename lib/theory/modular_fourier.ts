/**
 * Closed forms behind grokking on modular addition (Gromov 2023, arXiv:2301.02679; Nanda et al. 2023,
 * arXiv:2301.05217, §4). Introduced in notebook 10.
 *
 * **A network built from waves.** For the quadratic network of `lib/models/modular_mlp.ts`, give neuron $n$ a
 * frequency $k$ ($\omega = 2\pi k/p$) and two phases $\varphi_1, \varphi_2$:
 * $$W_1[a, n] = \cos(\omega a + \varphi_1),\quad W_1[p + b, n] = \cos(\omega b + \varphi_2),\quad
 *   W_2[n, c] = \cos(\omega c + \varphi_1 + \varphi_2).$$
 * Squaring $h = \cos(\omega a+\varphi_1) + \cos(\omega b+\varphi_2)$ produces, among other terms,
 * $\cos(\omega(a+b) + \varphi_1 + \varphi_2)$; times the output weight it contributes $\tfrac12\cos\omega(a+b-c)$, and
 * every other term carries a phase factor $e^{i(\cdot)}$ with $(\cdot) \in \{\varphi_1+\varphi_2,\, 3\varphi_1+\varphi_2,\,
 * \varphi_1-\varphi_2,\, 2\varphi_1,\, 2\varphi_2,\, 2\varphi_1+2\varphi_2, …\}$ that averages to zero when
 * $\varphi_1, \varphi_2$ run independently over $\{0, 2\pi/3, 4\pi/3\}$ (the cube roots of unity sum to 0). So the
 * nine neurons of each frequency give exactly $f_c(a,b) = \frac{9}{2\,\text{width}}\sum_{k\in F}\cos\frac{2\pi k(a+b-c)}{p}$,
 * which for prime $p$ is largest exactly at $c = (a+b) \bmod p$: 100% accuracy on every pair, no training.
 *
 * **Random weights are not waves.** For i.i.d. Gaussian weights over $p$ tokens ($p$ odd), the powers $P_f$ at
 * the $K = (p-1)/2$ frequencies are i.i.d. exponential, so the normalized powers are uniform on the simplex
 * (Dirichlet(1, …, 1)) and the top-frequency share is the largest of $K$ uniform spacings:
 * $$\Pr(s \le x) = \sum_{j=0}^{K}(-1)^j\binom{K}{j}(1-jx)_+^{K-1},\qquad \mathbb E\,s = \frac{H_K}{K}
 *   = \frac1K\sum_{j=1}^K\frac1j .$$
 * (Feller, *An Introduction to Probability Theory*, Vol. II, §I.9.)
 *
 * @module
 */
import type { ModularMlp } from "../models/modular_mlp.ts";

/** Options of {@linkcode fourierModularNetwork}. */
export interface FourierNetworkOptions {
  /** Hidden neurons; 9 per frequency are used, the rest are zero. Default 9·(p−1)/2. */
  width?: number;
  /** Frequencies $k$ (1 ≤ k < p/2). Default 1, 2, …, as many as fit in `width`. */
  frequencies?: number[];
}

/**
 * Gromov's analytic network: 9 neurons per frequency with phases $\varphi_1, \varphi_2 \in \{0, 2\pi/3, 4\pi/3\}$.
 *
 * @example
 * ```ts
 * import { fourierModularNetwork } from "./modular_fourier.ts";
 * import { modularAccuracy } from "../models/modular_mlp.ts";
 * const p = 7, net = fourierModularNetwork(p, { frequencies: [1] });
 * const all = Int32Array.from({ length: p * p }, (_, i) => i);
 * if (modularAccuracy(net, all) !== 1) throw new Error("one frequency already adds mod p");
 * ```
 */
export function fourierModularNetwork(p: number, options: FourierNetworkOptions = {}): ModularMlp {
  if (!Number.isInteger(p) || p < 3) {
    throw new RangeError(`fourierModularNetwork: expected an integer p ≥ 3, got ${p}`);
  }
  const maxK = Math.floor((p - 1) / 2);
  const width = options.width ?? 9 * maxK;
  const frequencies = options.frequencies ??
    Array.from({ length: Math.min(maxK, Math.floor(width / 9)) }, (_, i) => i + 1);
  if (frequencies.length === 0 || 9 * frequencies.length > width) {
    throw new RangeError(
      `fourierModularNetwork: need 9 neurons per frequency, got width ${width} for ${frequencies.length} frequencies`,
    );
  }
  for (const k of frequencies) {
    if (!(Number.isInteger(k) && k >= 1 && k <= maxK)) {
      throw new RangeError(`fourierModularNetwork: frequencies must be integers in 1..${maxK}, got ${k}`);
    }
  }
  const W1 = new Float64Array(2 * p * width), W2 = new Float64Array(width * p);
  let n = 0;
  for (const k of frequencies) {
    const w = (2 * Math.PI * k) / p;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++, n++) {
        const phi1 = (2 * Math.PI * i) / 3, phi2 = (2 * Math.PI * j) / 3;
        for (let a = 0; a < p; a++) {
          W1[a * width + n] = Math.cos(w * a + phi1);
          W1[(p + a) * width + n] = Math.cos(w * a + phi2);
          W2[n * p + a] = Math.cos(w * a + phi1 + phi2);
        }
      }
    }
  }
  return { p, width, W1, W2 };
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * Distribution of the top-frequency power share of i.i.d. Gaussian weights over $p$ tokens ($p$ odd):
 * its mean $H_K/K$, its CDF, and its median (by bisection on the CDF).
 *
 * @example
 * ```ts
 * import { randomFourierShare } from "./modular_fourier.ts";
 * const { mean, median, cdf } = randomFourierShare(5); // K = 2: share = max(U, 1 − U), mean 3/4
 * if (Math.abs(mean - 0.75) > 1e-15 || Math.abs(median - 0.75) > 1e-9 || cdf(0.5) !== 0) throw new Error("K = 2");
 * ```
 */
export function randomFourierShare(p: number): { mean: number; median: number; cdf: (x: number) => number } {
  if (!Number.isInteger(p) || p < 5 || p % 2 === 0) {
    throw new RangeError(
      `randomFourierShare: expected an odd integer p ≥ 5 (K = (p−1)/2 ≥ 2 frequencies), got ${p}`,
    );
  }
  const K = (p - 1) / 2;
  let harmonic = 0;
  for (let j = 1; j <= K; j++) harmonic += 1 / j;
  const cdf = (x: number): number => {
    if (x <= 1 / K) return 0;
    if (x >= 1) return 1;
    let s = 0;
    for (let j = 0; j <= K && j * x < 1; j++) {
      s += (j % 2 === 0 ? 1 : -1) * binomial(K, j) * (1 - j * x) ** (K - 1);
    }
    return s;
  };
  let lo = 1 / K, hi = 1;
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return { mean: harmonic / K, median: (lo + hi) / 2, cdf };
}
