/**
 * Checks for the exercises of notebook 04 (kernel regression and eigenlearning).
 *
 * @module
 */
import { expectClose, expectTrue } from "../exercise.ts";
import { eigenlearning, solveKappa } from "../theory/eigenlearning.ts";
import { hypercubeEigenvalues, hypercubeMultiplicities } from "../theory/hypercube_kernel.ts";

/** Test spectra: a power law, the hypercube's Laplace-kernel spectrum (expanded by multiplicity), a flat one. */
function spectra(): number[][] {
  const power = Array.from({ length: 300 }, (_, i) => (i + 1) ** -1.5);
  const d = 8, g = (t: number) => Math.exp(-2 * Math.sqrt(Math.max(0, 2 * (1 - t))));
  const lam = hypercubeEigenvalues(g, d), m = hypercubeMultiplicities(d);
  const cube = Array.from(lam).flatMap((l, k) => Array.from({ length: m[k] }, () => l));
  return [power, cube, Array.from({ length: 50 }, () => 0.3)];
}

/**
 * Check `solveKappa(spectrum, n, ridge)`: the answer must solve $\sum_i\lambda_i/(\lambda_i+\kappa) + \delta/\kappa = n$
 * (to 1e-8 relative) and agree with the library, with and without ridge.
 */
export function checkSolveKappa(
  fn: (spectrum: number[], n: number, ridge: number) => number,
): "exact" | "close" {
  let verdict: "exact" | "close" = "exact";
  for (const spectrum of spectra()) {
    for (const [n, ridge] of [[5, 0], [40, 0], [40, 0.01], [10, 1]] as const) {
      const got = fn(spectrum.slice(), n, ridge);
      const what = `κ for n = ${n}, ridge = ${ridge} (${spectrum.length} modes)`;
      expectTrue(typeof got === "number" && got > 0, `${what}: expected a positive number, got ${got}`);
      const lhs = spectrum.reduce((s, l) => s + l / (l + got), 0) + ridge / got;
      expectClose(lhs, n, { what: `Σ λ/(λ+κ) + δ/κ with your ${what}`, rel: 1e-8 });
      if (expectClose(got, solveKappa(spectrum, n, { ridge }), { what, rel: 1e-6 }) === "close") {
        verdict = "close";
      }
    }
  }
  return verdict;
}

/**
 * Check `eigenlearningTestMse(spectrum, targetPower, n)` = $\mathcal E_0\sum_i(1-\mathcal L_i)^2v_i^2$ (no ridge):
 * against the library on three spectra, and against the closed form $(1 - n/M)\,v^2$ for $M$ equal modes.
 */
export function checkEigenlearningTestMse(
  fn: (spectrum: number[], targetPower: number[], n: number) => number,
): "exact" | "close" {
  let verdict: "exact" | "close" = "exact";
  for (const spectrum of spectra()) {
    const power = spectrum.map((_, i) => (i % 7 === 0 ? 1 / (i + 1) : 0));
    for (const n of [3, 30]) {
      const expected = eigenlearning(spectrum, power, { n }).testMse;
      const got = fn(spectrum.slice(), power.slice(), n);
      const what = `test MSE for n = ${n} (${spectrum.length} modes)`;
      if (expectClose(got, expected, { what, rel: 1e-6 }) === "close") verdict = "close";
    }
  }
  const M = 40,
    n = 10,
    flat = Array.from({ length: M }, () => 1),
    power = flat.map((_, i) => (i === 0 ? 2 : 0));
  expectClose(fn(flat, power, n), (1 - n / M) * 2, {
    what: "M = 40 equal modes, n = 10: (1 − n/M)·v²",
    rel: 1e-6,
  });
  return verdict;
}
