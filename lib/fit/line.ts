/**
 * Ordinary least squares for a straight line, with standard errors.
 *
 * @module
 */
import { leastSquaresLine } from "./_ols.ts";
import { selectPoints } from "./_points.ts";

/** A fitted line `y ≈ intercept + slope · x`. */
export interface LineFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope, `σ̂ / √Sxx`, with `σ̂² = SSres / (n − 2)`. */
  slopeStdErr: number;
  /** Standard error of the intercept, `σ̂ √(1/n + x̄² / Sxx)`. */
  interceptStdErr: number;
  /** Coefficient of determination `1 − SSres / SStot`; 1 for a perfect fit, also when y is constant. */
  rSquared: number;
  /** `[n]` residuals `yᵢ − (intercept + slope · xᵢ)` of the points used, in input order. */
  residuals: Float64Array;
  /** Number of points used. */
  n: number;
}

/** Options for {@linkcode fitLine}. */
export interface LineOptions {
  /** Use only points with `x ≥ xMin` (default −∞). */
  xMin?: number;
  /** Use only points with `x ≤ xMax` (default +∞). */
  xMax?: number;
}

/**
 * Fits `y ≈ a + b x` by ordinary least squares on `n ≥ 3` points `x`, `y` `[n]`:
 *
 *   `b = Sxy / Sxx`, `a = ȳ − b x̄`, `se(b) = σ̂ / √Sxx`, `σ̂² = Σ rᵢ² / (n − 2)`,
 *
 * with `Sxx = Σ (xᵢ − x̄)²` and `Sxy = Σ (xᵢ − x̄)(yᵢ − ȳ)`. The standard errors assume independent errors of
 * equal variance; correlated residuals (points along one training run) make them too small.
 * Reference: Wasserman, *All of Statistics* (2004), §13.1–13.2.
 *
 * @throws {RangeError} for unequal lengths, non-finite values, fewer than 3 points in range, or a single
 *   distinct x
 *
 * @example
 * ```ts
 * import { fitLine } from "./line.ts";
 * const fit = fitLine([0, 1, 2, 3], [1, 3, 5, 7]); // y = 1 + 2x exactly
 * if (Math.abs(fit.slope - 2) > 1e-12 || Math.abs(fit.intercept - 1) > 1e-12) throw new Error("y = 1 + 2x");
 * if (fit.slopeStdErr > 1e-12 || fit.rSquared !== 1) throw new Error("a perfect fit");
 * ```
 */
export function fitLine(x: ArrayLike<number>, y: ArrayLike<number>, options: LineOptions = {}): LineFit {
  const { xMin, xMax } = options;
  const p = selectPoints(x, y, { where: "fitLine(x, y)", names: ["x", "y"], min: xMin, max: xMax });
  return leastSquaresLine(p.x, p.y);
}
