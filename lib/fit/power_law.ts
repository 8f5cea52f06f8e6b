/**
 * Power-law fits on log–log axes.
 *
 * @module
 */
import { leastSquaresLine } from "./_ols.ts";
import { selectPoints } from "./_points.ts";

/** A fitted power law `y ≈ prefactor · x^exponent`. */
export interface PowerLawFit {
  /** `p` in `y ≈ C x^p` (the slope on log–log axes). */
  exponent: number;
  /** `C` in `y ≈ C x^p` (`e` to the log–log intercept). */
  prefactor: number;
  /** Standard error of the exponent (OLS slope standard error in log space). */
  exponentStdErr: number;
  /** `R²` of the straight-line fit in log space. */
  rSquared: number;
  /** `[n]` log-space residuals `ln yᵢ − (ln C + p ln xᵢ)` of the points used, in input order. */
  residuals: Float64Array;
  /** Number of points used (after the range restriction). */
  n: number;
}

/** Options for {@linkcode fitPowerLaw}. */
export interface PowerLawOptions {
  /** Use only points with `x ≥ xMin` (default: all), e.g. to skip a pre-asymptotic regime. */
  xMin?: number;
  /** Use only points with `x ≤ xMax` (default: all), e.g. to skip a noise floor. */
  xMax?: number;
}

/**
 * Fits `y ≈ C · x^p` by least squares on log–log axes, `ln y = ln C + p ln x`, from `n ≥ 3` points
 * `x`, `y` `[n]` (both positive within the range). This is how scaling-law exponents are read off, e.g.
 * test loss `L(N) ∝ N^(−α_N)` in Kaplan et al. 2020 (arXiv:2001.08361, §3).
 *
 * The standard error assumes independent, equal-variance errors in `ln y`: multiplicative noise. It is too
 * small when residuals are correlated (points along one learning curve), and the fit is not a way to
 * estimate the exponent of a heavy-tailed *distribution* (Clauset, Shalizi & Newman 2009, arXiv:0706.1062).
 *
 * @param x abscissae `[n]`, positive where used
 * @param y ordinates `[n]`, positive where used
 * @throws {RangeError} for unequal lengths, non-finite or non-positive values in range, fewer than 3 points
 *   in range, or a single distinct x
 *
 * @example
 * ```ts
 * import { fitPowerLaw } from "./power_law.ts";
 * const x = [1, 2, 4, 8, 16];
 * const fit = fitPowerLaw(x, x.map((v) => 3 * v ** -0.5));
 * if (Math.abs(fit.exponent + 0.5) > 1e-12 || Math.abs(fit.prefactor - 3) > 1e-12) throw new Error("3x^-.5");
 * ```
 */
export function fitPowerLaw(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: PowerLawOptions = {},
): PowerLawFit {
  const { xMin, xMax } = options;
  const p = selectPoints(x, y, {
    where: "fitPowerLaw(x, y)",
    names: ["x", "y"],
    min: xMin,
    max: xMax,
    positiveX: true,
    positiveY: true,
    reason: " for a log–log fit",
  });
  const line = leastSquaresLine(p.x.map(Math.log), p.y.map(Math.log));
  return {
    exponent: line.slope,
    prefactor: Math.exp(line.intercept),
    exponentStdErr: line.slopeStdErr,
    rSquared: line.rSquared,
    residuals: line.residuals,
    n: line.n,
  };
}
