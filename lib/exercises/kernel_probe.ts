/**
 * Checks for the exercises of notebook 14 (the learning-curve probe on real data): a kernel's spectrum and
 * target power on a pool, and the pool test error of kernel regression, compared with the library on random
 * kernels and with exact properties; and the power law of eigenlearning's κ(n) for a power-law spectrum, a
 * derivation checked on the library's κ.
 *
 * @module
 */
import { fmt } from "../claims.ts";
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import { solveKappa } from "../theory/eigenlearning.ts";
import { kernelSpectrum } from "../measure/kernel_spectrum.ts";
import { poolTestMse } from "../experiments/kernel_learning_curve.ts";
import { rng } from "../random.ts";

type Verdict = "exact" | "close";

/** A random positive-definite kernel matrix `[m, m]` (a Gram matrix of Gaussian features) and a ±1 target. */
function randomProblem(seed: number, m: number): { K: number[][]; y: number[] } {
  const r = rng(seed);
  const F = Array.from({ length: m }, () => Array.from(r.normals(m + 3)));
  const K = F.map((a) => F.map((b) => a.reduce((s, v, k) => s + v * b[k], 0) / a.length));
  return { K, y: Array.from({ length: m }, () => (r.uniform() < 0.5 ? 1 : -1)) };
}

function asNumbers(got: unknown, length: number, what: string): ArrayLike<number> {
  expectTrue(
    (Array.isArray(got) || got instanceof Float64Array) && (got as ArrayLike<number>).length === length,
    `${what}: expected an array of ${length} numbers, got ${
      Array.isArray(got) ? `${got.length} values` : typeof got
    }`,
  );
  return got as ArrayLike<number>;
}

/**
 * Check `kernelSpectrum(K, y)` → `{ eigenvalues, targetPower }`: λᵢ = μᵢ/M (descending) and vᵢ² = (uᵢᵀy)²/M,
 * against the library; and Σλᵢ = tr K / M, Σvᵢ² = mean(y²).
 */
export function checkKernelSpectrum(
  fn: (K: number[][], y: number[]) => { eigenvalues: ArrayLike<number>; targetPower: ArrayLike<number> },
): Verdict {
  let verdict: Verdict = "exact";
  for (const m of [5, 12]) {
    const { K, y } = randomProblem(m, m);
    const want = kernelSpectrum(K, y);
    const got = fn(K.map((row) => row.slice()), y.slice());
    expectTrue(
      typeof got === "object" && got !== null,
      `kernelSpectrum: expected { eigenvalues, targetPower }, got ${got}`,
    );
    const lambda = asNumbers(got.eigenvalues, m, "eigenvalues"),
      power = asNumbers(got.targetPower, m, "targetPower");
    let trace = 0, sumLambda = 0, sumPower = 0;
    for (let i = 0; i < m; i++) {
      trace += K[i][i] / m;
      sumLambda += lambda[i];
      sumPower += power[i];
      for (
        const [g, w, what] of [[lambda[i], want.eigenvalues[i], "eigenvalues"], [
          power[i],
          want.targetPower[i],
          "targetPower",
        ]] as const
      ) {
        if (expectClose(g, w, { what: `${what}[${i}] (M = ${m})`, rel: 1e-8, abs: 1e-12 }) === "close") {
          verdict = "close";
        }
      }
    }
    expectClose(sumLambda, trace, { what: "Σ eigenvalues = tr K / M", rel: 1e-8 });
    expectClose(sumPower, 1, { what: "Σ targetPower = mean(y²) = 1", rel: 1e-8 });
  }
  return verdict;
}

/**
 * Check `poolTestMse(K, y, train)`: the mean over the whole pool of (f̂(x) − y(x))² for ridgeless kernel
 * regression trained on the indices `train`, against the library; and zero error when training on every point.
 */
export function checkPoolTestMse(fn: (K: number[][], y: number[], train: number[]) => number): Verdict {
  let verdict: Verdict = "exact";
  const { K, y } = randomProblem(3, 10);
  for (const train of [[0], [2, 5, 7], [9, 1, 4, 0, 6, 3]]) {
    const want = poolTestMse(K, y, train);
    const got = fn(K.map((row) => row.slice()), y.slice(), train.slice());
    if (expectClose(got, want, { what: `poolTestMse with train = [${train}]`, rel: 1e-8 }) === "close") {
      verdict = "close";
    }
  }
  const all = Array.from({ length: 10 }, (_, i) => i);
  expectClose(fn(K.map((row) => row.slice()), y.slice(), all), 0, {
    what: "poolTestMse when training on every point",
    abs: 1e-8,
  });
  return verdict;
}

/**
 * Check `kappaExponent(alpha)`: for a spectrum $\lambda_i = i^{-\alpha}$ ($\alpha > 1$, infinitely many modes) the
 * effective regularization of ridgeless eigenlearning falls as $\kappa(n)\propto n^{-\gamma}$; the exact answer
 * is $\gamma = \alpha$ (graded exact up to rounding). A wrong answer is diagnosed as a wrong constant (right law,
 * $\gamma = c\,\alpha$) or a wrong law; a right one is then confirmed on the library's κ for 40,000 modes.
 */
export function checkKappaExponent(fn: (alpha: number) => number): Verdict {
  const alphas = [1.5, 2, 3];
  const got = alphas.map((alpha) => {
    const gamma = fn(alpha);
    expectTrue(
      typeof gamma === "number" && Number.isFinite(gamma),
      `kappaExponent(${alpha}): expected a number, got ${gamma}`,
    );
    return gamma;
  });
  const quotients = got.map((g, k) => g / alphas[k]);
  if (Math.max(...quotients) > Math.min(...quotients) * (1 + 1e-9) || !(quotients[0] > 0)) {
    throw new CheckFailure(
      `kappaExponent: wrong law. For α = 1.5, 2, 3 you gave γ = ${got.map(fmt).join(", ")}; γ must grow in ` +
        `proportion to α. Count the modes that are learned (λᵢ > κ) and set their number to about n.`,
    );
  }
  if (Math.abs(quotients[0] - 1) > 1e-12) {
    throw new CheckFailure(
      `kappaExponent: γ ∝ α is the right law, but your γ is ${
        fmt(quotients[0])
      }·α: the number of modes with ` +
        `λᵢ = i^(−α) > κ is κ^(−1/α), and it must equal n up to a constant.`,
    );
  }
  // Confirmed on the library's κ: the local slope of log κ between n = 100 and n = 400.
  const lambda = Float64Array.from({ length: 40000 }, (_, i) => (i + 1) ** -2);
  const slope = Math.log(solveKappa(lambda, 400) / solveKappa(lambda, 100)) / Math.log(4);
  expectClose(-slope, fn(2), { what: "−(slope of log κ vs log n) for α = 2", rel: 0.03 });
  return "exact";
}
