/**
 * Checks for the exercises of notebook 08 (SGD noise, batch size and scaling rules).
 *
 * @module
 */
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import { fmt } from "../claims.ts";
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

/** A student's closed-form plateau for isotropic inputs: d inputs of variance λ. */
export type IsotropicPlateauFn = (
  d: number,
  lambda: number,
  eta: number,
  batch: number,
  noiseVar: number,
) => number;

/** Compare a student's values with the truth on cases; "exact" within 1e-12, else a diagnosis. */
function diagnose(
  what: string,
  got: number[],
  truth: number[],
  rivals: [string, number[]][],
  labels: string[],
): "exact" {
  got.forEach((g, i) => {
    if (typeof g !== "number" || Number.isNaN(g)) {
      throw new CheckFailure(`${what}(${labels[i]}) returned ${String(g)}, expected a number`);
    }
  });
  const ratios = got.map((g, i) => g / truth[i]);
  if (ratios.every((r) => Math.abs(r - 1) <= 1e-12)) return "exact";
  for (const [name, values] of rivals) {
    if (got.every((g, i) => Math.abs(g / values[i] - 1) < 1e-9)) {
      throw new CheckFailure(`${what}: your answer is ${name}, not the exact closed form`);
    }
  }
  if (ratios.every((r) => Math.abs(r / ratios[0] - 1) < 1e-9)) {
    throw new CheckFailure(
      `${what}: right dependence on every argument, but off by a constant factor ${fmt(ratios[0])}`,
    );
  }
  const worst = ratios.reduce((w, r, i) => (Math.abs(r - 1) > Math.abs(ratios[w] - 1) ? i : w), 0);
  throw new CheckFailure(
    `${what}: wrong law — at ${labels[worst]} you give ${fmt(got[worst])}, the exact value is ${
      fmt(truth[worst])
    }; ` +
      `the ratio changes from case to case (${ratios.map(fmt).join(", ")}), so it is not a constant factor`,
  );
}

const ISOTROPIC: [number, number, number, number, number][] = [
  [1, 1, 0.1, 1, 1],
  [16, 0.5, 0.05, 1, 1],
  [16, 0.5, 0.4, 8, 2],
  [100, 0.01, 1, 32, 0.5],
];

/**
 * Check `isotropicPlateau(d, λ, η, B, σ²)` = σ²ηdλ / (2(2B − ηλ(B + 1 + d))) (Infinity beyond the stability
 * limit): the fixed point of notebook 08 with every λ_i = λ, which the notebook does not write out. Graded
 * "exact" within 1e-12 relative; a wrong answer is told apart as the small-η formula, a constant factor, or a
 * wrong law.
 */
export function checkIsotropicPlateau(fn: IsotropicPlateauFn): string {
  const labels = ISOTROPIC.map(([d, l, eta, b, s]) => `d = ${d}, λ = ${l}, η = ${eta}, B = ${b}, σ² = ${s}`);
  const got = ISOTROPIC.map(([d, l, eta, b, s]) => fn(d, l, eta, b, s));
  const truth = ISOTROPIC.map(([d, l, eta, b, s]) =>
    stationaryExcessRisk(Array(d).fill(l), { eta, batch: b, noiseVar: s })
  );
  const small = ISOTROPIC.map(([d, l, eta, b, s]) => (eta * s * d * l) / (4 * b));
  const verdict = diagnose("isotropicPlateau", got, truth, [["the small-η formula ησ²dλ/4B", small]], labels);
  const beyond = fn(16, 0.5, 1, 1, 1); // η(1 + 1/B)λ = 1 < 2 but φ ≥ 1: no stationary state
  expectTrue(
    beyond === Infinity,
    `isotropicPlateau(d = 16, λ = 0.5, η = 1, B = 1): φ ≥ 1 there, so there is no plateau; return Infinity, got ${beyond}`,
  );
  return verdict;
}

/**
 * Check `isotropicMaxEta(d, λ, B)` = 2B / (λ(B + 1 + d)), the largest learning rate with a finite plateau for
 * isotropic inputs (where φ reaches 1), against the library's `sgdStabilityLimit` (bisection to 1e-12).
 */
export function checkIsotropicMaxEta(fn: (d: number, lambda: number, batch: number) => number): string {
  const cases = ISOTROPIC.map(([d, l, , b]) => [d, l, b]);
  const labels = cases.map(([d, l, b]) => `d = ${d}, λ = ${l}, B = ${b}`);
  const got = cases.map(([d, l, b]) => fn(d, l, b));
  const truth = cases.map(([d, l, b]) => (2 * b) / (l * (b + 1 + d)));
  cases.forEach(([d, l, b], i) => {
    // The closed form is the library's bisection limit, to the bisection's precision.
    const limit = sgdStabilityLimit(Array(d).fill(l), { batch: b });
    if (Math.abs(limit / truth[i] - 1) > 1e-9) throw new Error(`isotropic limit mismatch at ${labels[i]}`);
  });
  const gd = cases.map(([, l]) => 2 / l);
  const noisy = cases.map(([, l, b]) => 2 / (l * (1 + 1 / b)));
  return diagnose("isotropicMaxEta", got, truth, [
    ["gradient descent's 2/λ (the noise ignored)", gd],
    ["the single-mode limit 2/(λ(1 + 1/B)), which ignores φ < 1", noisy],
  ], labels);
}
