/**
 * Exponential decay rates from a log-linear fit.
 *
 * @module
 */
import { leastSquaresLine } from "./_ols.ts";
import { selectPoints } from "./_points.ts";

/** A fitted exponential decay `y ≈ amplitude · e^(−rate · t)`. */
export interface ExponentialFit {
  /** `r` in `y ≈ A e^(−r t)`; positive for decay, negative for growth. */
  rate: number;
  /** Standard error of the rate (OLS slope standard error of `ln y` against `t`). */
  rateStdErr: number;
  /** `A` in `y ≈ A e^(−r t)` (the fitted value at `t = 0`). */
  amplitude: number;
  /** `R²` of the straight-line fit of `ln y` against `t`. */
  rSquared: number;
  /** `[n]` residuals `ln yᵢ − (ln A − r tᵢ)` of the points used, in input order. */
  residuals: Float64Array;
  /** Number of points used (after the range restriction). */
  n: number;
}

/** Options for {@linkcode fitExponentialRate}. */
export interface ExponentialOptions {
  /** Use only points with `t ≥ tMin` (default: all), e.g. to skip a transient. */
  tMin?: number;
  /** Use only points with `t ≤ tMax` (default: all), e.g. to stop before the loss hits rounding level. */
  tMax?: number;
}

/**
 * Fits `y ≈ A · e^(−r t)` by least squares of `ln y = ln A − r t` on `n ≥ 3` points `t`, `y` `[n]` (`y`
 * positive within the range). Typical use: the decay rate of one eigenmode of the training error under
 * gradient flow, `r = 2 η λₖ` for the squared error of a linearized network (Jacot, Gabriel & Hongler 2018,
 * arXiv:1806.07572, §5), compared with the prediction from the kernel's eigenvalue `λₖ`.
 *
 * The standard error assumes independent, equal-variance errors in `ln y`; along a single trajectory the
 * residuals are correlated and it is optimistic.
 *
 * @param t times `[n]`
 * @param y values `[n]`, positive where used
 * @throws {RangeError} for unequal lengths, non-finite or non-positive values in range, fewer than 3 points
 *   in range, or a single distinct t
 *
 * @example
 * ```ts
 * import { fitExponentialRate } from "./exponential.ts";
 * const t = [0, 1, 2, 3, 4];
 * const fit = fitExponentialRate(t, t.map((s) => 5 * Math.exp(-0.3 * s)));
 * if (Math.abs(fit.rate - 0.3) > 1e-12 || Math.abs(fit.amplitude - 5) > 1e-12) throw new Error("5e^-0.3t");
 * ```
 */
export function fitExponentialRate(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  options: ExponentialOptions = {},
): ExponentialFit {
  const { tMin, tMax } = options;
  const p = selectPoints(t, y, {
    where: "fitExponentialRate(t, y)",
    names: ["t", "y"],
    min: tMin,
    max: tMax,
    positiveY: true,
    reason: " to take a logarithm",
  });
  const line = leastSquaresLine(p.x, p.y.map(Math.log));
  return {
    rate: -line.slope,
    rateStdErr: line.slopeStdErr,
    amplitude: Math.exp(line.intercept),
    rSquared: line.rSquared,
    residuals: line.residuals,
    n: line.n,
  };
}
