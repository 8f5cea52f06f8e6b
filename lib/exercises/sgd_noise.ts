/**
 * Checks for the exercises of notebook 08 (SGD noise, batch size and scaling rules).
 *
 * @module
 */
import { expectClose, expectTrue } from "../exercise.ts";
import { regressionNoiseScales } from "../theory/noise_scale.ts";
import { sgdRiskCurve, sgdStabilityLimit, stationaryExcessRisk } from "../theory/sgd_noise.ts";

/** A student's stationary excess risk of online SGD on Gaussian linear regression. */
export type StationaryRiskFn = (
  eigenvalues: number[],
  eta: number,
  batch: number,
  noiseVar: number,
) => number;

const SPECTRA = [[1, 0.5, 0.25, 0.125], [2, 2, 0.1], [1]];

/**
 * Check `stationaryExcessRisk(eigenvalues, eta, batch, noiseVar)` against the library's closed form, against
 * the long-time limit of the exact second-moment recursion, and for `Infinity` beyond the stability limit.
 */
export function checkStationaryExcessRisk(fn: StationaryRiskFn): string {
  let verdict: "exact" | "close" = "exact";
  const cases: [number, number, number][] = [[0.1, 1, 1], [0.4, 1, 0.5], [0.6, 4, 2], [1.5, 32, 1]];
  for (const lambda of SPECTRA) {
    for (const [eta, batch, noiseVar] of cases) {
      const limit = sgdStabilityLimit(lambda, { batch });
      if (!(eta < 0.95 * limit)) continue;
      const expected = stationaryExcessRisk(lambda, { eta, batch, noiseVar });
      const got = fn(lambda.slice(), eta, batch, noiseVar);
      const what = `stationaryExcessRisk([${lambda}], η = ${eta}, B = ${batch}, σ² = ${noiseVar})`;
      if (expectClose(got, expected, { what, rel: 1e-9 }) === "close") verdict = "close";
    }
  }
  // The same number as the limit of the recursion itself (from a start far from it).
  const lambda = SPECTRA[0], opts = { eta: 0.5, batch: 2, noiseVar: 0.3 };
  const tail = sgdRiskCurve(lambda, [5, 5, 5, 5], { ...opts, steps: 30_000, every: 30_000 }).risk[1];
  expectClose(fn(lambda.slice(), opts.eta, opts.batch, opts.noiseVar), tail, {
    what: "stationaryExcessRisk vs the long-time limit of E R(w_t)",
    rel: 1e-8,
  });
  const beyond = fn(lambda.slice(), 1.05 * sgdStabilityLimit(lambda, { batch: 1 }), 1, 1);
  expectTrue(
    beyond === Infinity,
    `beyond the stability limit (φ ≥ 1) there is no stationary risk: expected Infinity, got ${beyond}`,
  );
  return verdict;
}

/** A student's simple noise scale tr C/‖G‖² of Gaussian linear regression at error e = w − w*. */
export type SimpleNoiseScaleFn = (eigenvalues: number[], error: number[], noiseVar: number) => number;

/**
 * Check `simpleNoiseScale(eigenvalues, error, noiseVar)` against the library and against the one-dimensional
 * closed form $B_{\rm simple} = 2 + \sigma^2/(\lambda e^2)$ (from $\mathbb E x^4 = 3\lambda^2$).
 */
export function checkSimpleNoiseScale(fn: SimpleNoiseScaleFn): string {
  let verdict: "exact" | "close" = "exact";
  const cases: [number[], number[], number][] = [
    [[1, 0.5, 0.25], [1, -1, 1], 1],
    [[3, 1, 1, 0.2], [0.1, 2, -0.5, 4], 0],
    [[1, 1, 1], [1, 0, 0], 0.5],
  ];
  for (const [lambda, e, noiseVar] of cases) {
    const expected = regressionNoiseScales(lambda, e, { noiseVar }).simple;
    const what = `simpleNoiseScale([${lambda}], [${e}], σ² = ${noiseVar})`;
    if (expectClose(fn(lambda.slice(), e.slice(), noiseVar), expected, { what, rel: 1e-9 }) === "close") {
      verdict = "close";
    }
  }
  expectClose(fn([0.5], [2], 0.4), 2 + 0.4 / (0.5 * 4), { what: "one dimension: 2 + σ²/(λe²)", rel: 1e-9 });
  return verdict;
}
