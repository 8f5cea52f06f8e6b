/**
 * How much of a neuron's input weights sit in one Fourier frequency: the test of whether a network that
 * learned modular arithmetic uses Fourier features (Nanda et al. 2023, arXiv:2301.05217, §4; Gromov 2023,
 * arXiv:2301.02679). Introduced in notebook 10.
 *
 * For a neuron with weights $w_a$ on tokens $a = 0…p-1$, the discrete Fourier transform
 * $\hat w_f = \sum_a w_a e^{-2\pi i fa/p}$ has power $P_f = |\hat w_f|^2$, with $P_f = P_{p-f}$ for real $w$.
 * Frequencies $f$ and $p-f$ are the same wave ($\cos(2\pi fa/p + \varphi)$), so we pool them and drop $f = 0$
 * (the mean, which softmax-free MSE outputs and the quadratic activation can absorb). The **top-frequency power
 * share** is
 * $$s = \frac{\max_{1\le f\le \lfloor p/2\rfloor} P_f}{\sum_{1\le f\le \lfloor p/2\rfloor} P_f} \in [1/\lfloor p/2\rfloor, 1],$$
 * 1 for a pure cosine and ≈ $\ln(\lfloor p/2\rfloor)/\lfloor p/2\rfloor$… for white noise (for $p = 23$, a Gaussian
 * vector's share is typically 0.2–0.3).
 *
 * @module
 */

/**
 * Power $P_f$ for $f = 1…\lfloor p/2\rfloor$ of the DFT of `w` `[p]` (entry `f - 1` is frequency `f`).
 *
 * @example
 * ```ts
 * import { fourierPower } from "./fourier.ts";
 * const p = 7, w = Array.from({ length: p }, (_, a) => Math.cos(2 * Math.PI * 2 * a / p));
 * const P = fourierPower(w); // a cosine of frequency 2: |ŵ₂|² = (p/2)²
 * if (Math.abs(P[1] - 12.25) > 1e-9 || P[0] > 1e-20 || P[2] > 1e-20) throw new Error("all power at f = 2");
 * ```
 */
export function fourierPower(w: ArrayLike<number>): Float64Array {
  const p = w.length;
  if (p < 3) throw new RangeError(`fourierPower: expected at least 3 weights (p ≥ 3), got ${p}`);
  const half = Math.floor(p / 2);
  const out = new Float64Array(half);
  for (let f = 1; f <= half; f++) {
    let re = 0, im = 0;
    for (let a = 0; a < p; a++) {
      const angle = (2 * Math.PI * ((f * a) % p)) / p;
      re += w[a] * Math.cos(angle);
      im -= w[a] * Math.sin(angle);
    }
    out[f - 1] = re * re + im * im;
  }
  return out;
}

/**
 * Top-frequency power share of every column of `W` `[p, width]` (row `a` = the weights from token `a`, the
 * `x W` layout of an embedding or of a one-hot first layer; `toRows` turns a flat array into rows). Returns `[width]` shares in $[0, 1]$; a column
 * with no power outside $f = 0$ (a constant or zero column) gets share 0.
 *
 * @example
 * ```ts
 * import { fourierPowerShare } from "./fourier.ts";
 * const p = 11;
 * // column 0: a pure wave of frequency 3; column 1: two frequencies with power 9 : 1
 * const W = Array.from({ length: p }, (_, a) => [
 *   Math.cos(2 * Math.PI * 3 * a / p + 0.4),
 *   3 * Math.cos(2 * Math.PI * a / p) + Math.sin(2 * Math.PI * 4 * a / p),
 * ]);
 * const s = fourierPowerShare(W, p);
 * if (Math.abs(s[0] - 1) > 1e-12 || Math.abs(s[1] - 0.9) > 1e-12) throw new Error("shares 1 and 0.9");
 * ```
 */
export function fourierPowerShare(W: ReadonlyArray<ArrayLike<number>>, p: number): Float64Array {
  if (!Number.isInteger(p) || p < 3) {
    throw new RangeError(`fourierPowerShare: expected an integer p ≥ 3, got ${p}`);
  }
  if (W.length !== p) {
    throw new RangeError(`fourierPowerShare: expected W with p = ${p} rows (one per token), got ${W.length}`);
  }
  const width = W[0].length;
  if (W.some((row) => row.length !== width)) {
    throw new RangeError("fourierPowerShare: expected rows of equal length");
  }
  const get = (a: number, k: number): number => W[a][k];
  const shares = new Float64Array(width);
  const column = new Float64Array(p);
  for (let k = 0; k < width; k++) {
    for (let a = 0; a < p; a++) column[a] = get(a, k);
    const P = fourierPower(column);
    let total = 0, top = 0, energy = 0;
    for (const v of P) {
      total += v;
      if (v > top) top = v;
    }
    for (const v of column) energy += v * v;
    // Rounding leaves ≈ 1e-30·p·Σw² of power in a constant column: count that as no power.
    shares[k] = total > 1e-20 * p * energy ? top / total : 0;
  }
  return shares;
}
