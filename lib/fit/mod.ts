/**
 * Curve fits for reading exponents and rates off measurements: straight lines, power laws on log–log axes,
 * and exponential decay rates — each with a standard error, so a notebook can say whether a measured
 * exponent agrees with a predicted one within a few standard errors.
 *
 * All fits take two equally long arrays (`number[]` or `Float64Array`), need at least 3 points (inside the
 * optional range), and throw a `RangeError` that names the offending value. Logarithms are natural.
 *
 * @example
 * ```ts
 * import { fitPowerLaw } from "./mod.ts";
 * const N = [1e3, 1e4, 1e5, 1e6];
 * const loss = N.map((n) => 2 * n ** -0.3);
 * const { exponent, exponentStdErr } = fitPowerLaw(N, loss);
 * if (Math.abs(exponent + 0.3) > 1e-12 || exponentStdErr > 1e-12) throw new Error("α = 0.3 exactly");
 * ```
 *
 * @module
 */
export { fitLine, type LineFit, type LineOptions } from "./line.ts";
export { fitPowerLaw, type PowerLawFit, type PowerLawOptions } from "./power_law.ts";
export { type ExponentialFit, type ExponentialOptions, fitExponentialRate } from "./exponential.ts";
