/**
 * A simulated learner for the quanta model (Michaud et al. 2023, arXiv:2303.13506, §2; notebook 09).
 *
 * Samples name one quantum each, drawn with Zipf frequencies $p_k\propto k^{-(\alpha+1)}$ (over infinitely many
 * quanta; only the first `quanta` are tracked, the rest are too rare to matter for the sizes used). The learner
 * learns a quantum once it has seen it `threshold` times, and can hold at most `capacity` quanta (it keeps the
 * most frequently seen). Its loss is the probability that a fresh sample needs a quantum it has not learned.
 *
 * @module
 */
import { uniformSource } from "./_fast_random.ts";
import { quantaFrequencies } from "../theory/quanta.ts";

/** Counts of {@linkcode sampleQuanta}. */
export interface QuantaSample {
  /** `[quanta]` how often each tracked quantum was drawn. */
  counts: Int32Array;
  /** `[quanta]` the true frequencies $p_k$. */
  frequencies: Float64Array;
  /** Draws of untracked quanta (beyond `quanta`). */
  untracked: number;
  alpha: number;
}

/**
 * Draws `samples` quanta by inverse-CDF sampling and counts them. With `checkpoints` (sorted sample counts),
 * also returns the loss of an unlimited-capacity learner with learning threshold `threshold` after each
 * checkpoint (the data-scaling curve).
 *
 * @example
 * ```ts
 * import { sampleQuanta } from "./quanta.ts";
 * const s = sampleQuanta(100_000, { alpha: 1, quanta: 1000, seed: 0 });
 * const share = s.counts[0] / 100_000; // p₁ = 1/ζ(2) ≈ 0.608
 * if (Math.abs(share - 6 / Math.PI ** 2) > 0.01) throw new Error("the top quantum is drawn with frequency p₁");
 * ```
 */
export function sampleQuanta(
  samples: number,
  options: { alpha: number; quanta: number; seed: number; checkpoints?: number[]; threshold?: number },
): QuantaSample & { dataCurve: { samples: number[]; loss: Float64Array } } {
  const { alpha, quanta, seed } = options;
  if (!(alpha > 0)) throw new RangeError(`sampleQuanta: expected alpha > 0, got ${alpha}`);
  if (!(quanta >= 1) || !Number.isInteger(quanta)) {
    throw new RangeError(`sampleQuanta: expected an integer quanta ≥ 1, got ${quanta}`);
  }
  if (!(samples >= 0) || !Number.isInteger(samples)) {
    throw new RangeError(`sampleQuanta: expected integer samples ≥ 0, got ${samples}`);
  }
  const threshold = options.threshold ?? 1;
  const frequencies = quantaFrequencies(quanta, { alpha });
  const cdf = new Float64Array(quanta);
  let acc = 0;
  for (let k = 0; k < quanta; k++) cdf[k] = acc += frequencies[k];
  const checkpoints = (options.checkpoints ?? []).filter((c) => c <= samples);
  const uniform = uniformSource(seed);
  const counts = new Int32Array(quanta);
  let untracked = 0, learned = 0, next = 0;
  const curveLoss: number[] = [];
  for (let i = 1; i <= samples; i++) {
    const u = uniform();
    if (u >= cdf[quanta - 1]) untracked++;
    else {
      let lo = 0, hi = quanta - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      if (++counts[lo] === threshold) learned += frequencies[lo];
    }
    while (next < checkpoints.length && checkpoints[next] === i) {
      curveLoss.push(1 - learned);
      next++;
    }
  }
  return {
    counts,
    frequencies,
    untracked,
    alpha,
    dataCurve: { samples: checkpoints.slice(0, curveLoss.length), loss: Float64Array.from(curveLoss) },
  };
}

/**
 * Loss of a learner of capacity `capacity` trained on `sample`: it learns the `capacity` most frequently
 * seen quanta among those seen at least `threshold` times (default 1); the loss is
 * $1 - \sum_{k\ \rm learned}p_k$ (untracked quanta are never learned).
 *
 * @example
 * ```ts
 * import { quantaModelLoss, sampleQuanta } from "./quanta.ts";
 * const s = sampleQuanta(200_000, { alpha: 1, quanta: 1000, seed: 1 });
 * const l = quantaModelLoss(s, { capacity: 1 });
 * if (Math.abs(l - (1 - 6 / Math.PI ** 2)) > 1e-12) throw new Error("capacity 1 learns the top quantum");
 * ```
 */
export function quantaModelLoss(
  sample: QuantaSample,
  options: { capacity: number; threshold?: number },
): number {
  const { counts, frequencies } = sample;
  const threshold = options.threshold ?? 1;
  const capacity = Math.min(options.capacity, counts.length);
  if (!(capacity >= 0)) {
    throw new RangeError(`quantaModelLoss: expected capacity ≥ 0, got ${options.capacity}`);
  }
  const order = Array.from({ length: counts.length }, (_, k) => k)
    .filter((k) => counts[k] >= threshold)
    .sort((a, b) => counts[b] - counts[a] || a - b);
  let learned = 0;
  for (let j = 0; j < Math.min(capacity, order.length); j++) learned += frequencies[order[j]];
  return 1 - learned;
}
