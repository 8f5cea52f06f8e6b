/**
 * Checks for the exercises of notebook 04 (kernel regression and eigenlearning).
 *
 * @module
 */
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
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

/** The hypercube spectra of the half-learning exercise: Laplace kernels in d = 8 and 10, two bandwidths. */
function hypercubeCases(): { lambda: number[]; mult: number[]; label: string }[] {
  return [[8, 0.5], [10, 0.5], [10, 2]].map(([d, b]) => {
    const g = (t: number) => Math.exp(-Math.sqrt(Math.max(0, 2 * (1 - t))) / b);
    return {
      lambda: Array.from(hypercubeEigenvalues(g, d)),
      mult: Array.from(hypercubeMultiplicities(d)),
      label: `d = ${d}, bandwidth ${b}`,
    };
  });
}

/**
 * Check `samplesToHalfLearn(lambda, mult, k)`: the number of samples $n$ at which eigenlearning predicts that
 * degree $k$ is learned halfway, $\mathcal L_k = 1/2$. Since $\mathcal L_k = \lambda_k/(\lambda_k+\kappa)$, that
 * means $\kappa = \lambda_k$, and the $\kappa$ equation then gives
 * $n = \sum_j m_j\,\lambda_j/(\lambda_j+\lambda_k)$. Tells apart the usual slips: forgetting the multiplicities,
 * putting $\kappa = 2\lambda_k$ or $\lambda_k/2$, or counting the modes with $\lambda_j \ge \lambda_k$.
 */
export function checkSamplesToHalfLearn(
  fn: (lambda: number[], mult: number[], k: number) => number,
): "exact" | "close" {
  let verdict: "exact" | "close" = "exact";
  for (const { lambda, mult, label } of hypercubeCases()) {
    for (const k of [1, 2, 3]) {
      const at = (kappa: number, m: number[]) => {
        let n = 0;
        for (let j = 0; j < lambda.length; j++) n += (m[j] * lambda[j]) / (lambda[j] + kappa);
        return n;
      };
      const expected = at(lambda[k], mult);
      const got = fn(lambda.slice(), mult.slice(), k);
      const what = `n for L = 1/2 at degree ${k} (${label})`;
      const near = (v: number) => typeof got === "number" && Math.abs(got - v) <= 1e-6 * Math.abs(v);
      if (!near(expected)) {
        if (near(at(lambda[k], mult.map(() => 1)))) {
          throw new CheckFailure(`${what}: you summed over degrees, not modes; each degree j has m_j modes`);
        }
        if (near(at(2 * lambda[k], mult)) || near(at(lambda[k] / 2, mult))) {
          throw new CheckFailure(
            `${what}: L_k = λ_k/(λ_k + κ) = 1/2 means κ = λ_k exactly (a factor 2 is off)`,
          );
        }
        const counted = mult.reduce((s, m, j) => s + (lambda[j] >= lambda[k] ? m : 0), 0);
        if (near(counted)) {
          throw new CheckFailure(
            `${what}: ${counted} counts the modes with λ ≥ λ_k, the rough picture; the κ equation also counts ` +
              "the partly learned modes, λ_j/(λ_j + κ) for every j",
          );
        }
      }
      if (expectClose(got, expected, { what, rel: 1e-9 }) === "close") verdict = "close";
      const L = eigenlearning(lambda, new Array(lambda.length).fill(0), { n: got, multiplicities: mult })
        .learnabilities[k];
      expectClose(L, 0.5, { what: `eigenlearning's L_${k} at your n (${label})`, rel: 1e-6 });
    }
  }
  return verdict;
}
