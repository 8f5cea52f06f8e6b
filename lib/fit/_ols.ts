/**
 * Private: the least-squares line through points already checked by `selectPoints`.
 *
 * @module
 */
import type { LineFit } from "./line.ts";

/** The OLS line through validated points (at least 3, two distinct x); see {@linkcode fitLine}. */
export function leastSquaresLine(x: Float64Array, y: Float64Array): LineFit {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0, sxy = 0, syy = 0, yMax = 0;
  for (let i = 0; i < n; i++) {
    yMax = Math.max(yMax, Math.abs(y[i]));
    const dx = x[i] - mx, dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residuals = new Float64Array(n);
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    residuals[i] = y[i] - (intercept + slope * x[i]);
    ssRes += residuals[i] ** 2;
  }
  const sigma = Math.sqrt(ssRes / (n - 2));
  return {
    slope,
    intercept,
    slopeStdErr: sigma / Math.sqrt(sxx),
    interceptStdErr: sigma * Math.sqrt(1 / n + (mx * mx) / sxx),
    // A constant y (to rounding) is fitted exactly by a flat line: R² = 1 rather than 0/0.
    rSquared: syy <= n * (8 * Number.EPSILON * yMax) ** 2 ? 1 : Math.max(0, 1 - ssRes / syy),
    residuals,
    n,
  };
}
