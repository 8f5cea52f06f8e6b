/**
 * The quanta model of neural scaling (Michaud, Liu, Girit & Tegmark 2023, arXiv:2303.13506, §2; notebook 09).
 *
 * A task is a sum of discrete skills, *quanta*, used with Zipfian frequencies $p_k = k^{-(\alpha+1)}/\zeta(\alpha+1)$.
 * A quantum not learned costs (say) one unit of loss each time it is needed; a learned one costs nothing. A model
 * that learns the $N$ most frequent quanta has loss
 * $$L(N) = \sum_{k>N}p_k \approx \frac{N^{-\alpha}}{\alpha\,\zeta(\alpha+1)}\quad\Longrightarrow\quad L\propto N^{-\alpha},$$
 * and if a quantum is learned once it has been seen $\tau$ times, $D$ samples teach the quanta with
 * $Dp_k\gtrsim\tau$, i.e. $k \lesssim (D/\tau)^{1/(\alpha+1)}$, so $L\propto D^{-\alpha/(\alpha+1)}$.
 *
 * @module
 */

/**
 * $\sum_{k>n}k^{-s}$ for $s > 1$, integer $n \ge 0$: the first terms summed exactly, the rest by Euler–Maclaurin
 * (relative error < 1e-12).
 *
 * @example
 * ```ts
 * import { zipfTail } from "./quanta.ts";
 * if (Math.abs(zipfTail(2, 0) - Math.PI ** 2 / 6) > 1e-12) throw new Error("ζ(2) = π²/6");
 * ```
 */
export function zipfTail(s: number, n: number): number {
  if (!(s > 1)) throw new RangeError(`zipfTail: expected an exponent s > 1 (a convergent sum), got ${s}`);
  if (!(n >= 0) || !Number.isInteger(n)) {
    throw new RangeError(`zipfTail: expected an integer n ≥ 0, got ${n}`);
  }
  const cut = Math.max(n, 64);
  let sum = 0;
  for (let k = n + 1; k <= cut; k++) sum += k ** -s;
  // Σ_{k>c} f(k) = ∫_c^∞ f − f(c)/2 − f'(c)/12 + f'''(c)/720 − …, f(x) = x^{−s}.
  const c = cut;
  sum += c ** (1 - s) / (s - 1) - 0.5 * c ** -s + (s * c ** (-s - 1)) / 12 -
    (s * (s + 1) * (s + 2) * c ** (-s - 3)) / 720;
  return sum;
}

/** Zipf probabilities $p_k = k^{-(\alpha+1)}/\zeta(\alpha+1)$ of the first `count` quanta `[count]`. */
export function quantaFrequencies(count: number, options: { alpha: number }): Float64Array {
  const s = options.alpha + 1;
  const z = zipfTail(s, 0);
  return Float64Array.from({ length: count }, (_, k) => (k + 1) ** -s / z);
}

/**
 * Loss of a model that has learned the `capacity` most frequent quanta: $L(N) = \sum_{k>N}p_k$.
 *
 * @example
 * ```ts
 * import { quantaLoss } from "./quanta.ts";
 * if (quantaLoss(0, { alpha: 1 }) !== 1) throw new Error("nothing learned: every sample costs 1");
 * ```
 */
export function quantaLoss(capacity: number, options: { alpha: number }): number {
  const s = options.alpha + 1;
  if (!(options.alpha > 0)) throw new RangeError(`quantaLoss: expected alpha > 0, got ${options.alpha}`);
  return zipfTail(s, capacity) / zipfTail(s, 0);
}

/**
 * Expected loss after `samples` draws of a learner with unlimited capacity that learns a quantum once it has
 * seen it `threshold` times: $\mathbb E L(D) = \sum_k p_k\,\Pr[\mathrm{Bin}(D, p_k) < \tau]$, over the first `quanta`
 * quanta (the rest are counted as never learned).
 *
 * @example
 * ```ts
 * import { quantaDataLoss } from "./quanta.ts";
 * if (quantaDataLoss(0, { alpha: 1, threshold: 1, quanta: 10 }) !== 1) throw new Error("no data, nothing learned");
 * ```
 */
export function quantaDataLoss(
  samples: number,
  options: { alpha: number; threshold: number; quanta: number },
): number {
  const { alpha, threshold, quanta } = options;
  if (!(threshold >= 1) || !Number.isInteger(threshold)) {
    throw new RangeError(`quantaDataLoss: expected an integer threshold ≥ 1, got ${threshold}`);
  }
  const p = quantaFrequencies(quanta, { alpha });
  let learned = 0;
  for (let k = 0; k < quanta; k++) {
    // Pr[Bin(D, p) ≥ τ] = 1 − Σ_{j<τ} C(D, j) p^j (1 − p)^{D−j}, terms built up by their ratio.
    let term = Math.exp(samples * Math.log1p(-p[k])), below = 0;
    for (let j = 0; j < threshold && j <= samples; j++) {
      below += term;
      term *= ((samples - j) / (j + 1)) * (p[k] / (1 - p[k]));
    }
    learned += p[k] * Math.max(0, 1 - below);
  }
  return 1 - learned;
}

/** Exponents of the quanta model: $L\propto N^{-\alpha}$ (size) and $L\propto D^{-\alpha/(\alpha+1)}$ (data). */
export function quantaExponents(alpha: number): { size: number; data: number } {
  if (!(alpha > 0)) throw new RangeError(`quantaExponents: expected alpha > 0, got ${alpha}`);
  return { size: alpha, data: alpha / (alpha + 1) };
}
