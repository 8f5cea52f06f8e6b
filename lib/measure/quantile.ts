/**
 * Order statistics of measured values: quantiles by linear interpolation between order statistics
 * (NumPy's default, "type 7" of Hyndman & Fan 1996). Used for robust summaries such as the median
 * nearest-neighbour distance of notebook 12.
 *
 * @module
 */

/**
 * The `q`-quantile of `values` (0 ≤ q ≤ 1), interpolating linearly between sorted values.
 *
 * @throws {RangeError} for an empty input, a NaN value, or q outside [0, 1]
 *
 * @example
 * ```ts
 * import { quantile } from "./quantile.ts";
 * if (quantile([4, 1, 3, 2], 0.5) !== 2.5) throw new Error("median of 1..4 is 2.5");
 * ```
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) throw new RangeError("quantile: expected at least one value, got none");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: expected 0 ≤ q ≤ 1, got ${q}`);
  const sorted = Float64Array.from(values).sort();
  if (Number.isNaN(sorted[sorted.length - 1])) throw new RangeError("quantile: expected numbers, got NaN");
  const h = q * (sorted.length - 1), lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/** The median of `values` (the 0.5-quantile). */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/** The fraction of `values` strictly below `threshold`. */
export function fractionBelow(values: ArrayLike<number>, threshold: number): number {
  if (values.length === 0) throw new RangeError("fractionBelow: expected at least one value, got none");
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < threshold) count++;
  return count / values.length;
}
