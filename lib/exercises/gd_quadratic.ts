/**
 * Checks for the exercises of notebook 01 (gradient descent on a quadratic).
 *
 * @module
 */
import { eigh } from "../linalg/mod.ts";
import { rng } from "../random.ts";
import { criticalLearningRate, distanceToMinimum } from "../theory/quadratic.ts";
import { gradientDescent, hessianRows, leastSquaresQuadratic } from "../train/gd_quadratic.ts";
import { expectClose, expectTrue } from "../exercise.ts";

function dataMatrices(seed: number): number[][][] {
  const r = rng(seed);
  // Anisotropic data: column j scaled by 1/(j+1), so λ_max is well separated; plus one low-rank matrix.
  const aniso = Array.from({ length: 40 }, () => Array.from({ length: 8 }, (_, j) => r.normal() / (j + 1)));
  const lowRank = Array.from({ length: 6 }, () => {
    const z = r.normal();
    return [z, 2 * z, -z, 0.5 * r.normal()];
  });
  return [aniso, lowRank];
}

/**
 * Check `maxStableLearningRate(X)` = 2/λ_max(XᵀX/n): against the library's eigensolver on two data matrices,
 * and by running GD just below (stable) and just above (divergent) the student's answer.
 */
export function checkMaxStableLearningRate(fn: (X: number[][]) => number): string {
  let verdict: "exact" | "close" = "exact";
  for (const X of dataMatrices(1)) {
    const q = leastSquaresQuadratic(X, X.map(() => 0));
    const expected = criticalLearningRate(eigh(hessianRows(q)).values);
    const got = fn(X.map((row) => row.slice()));
    if (
      expectClose(got, expected, {
        what: `maxStableLearningRate on a ${X.length}×${X[0].length} X`,
        rel: 1e-4,
      }) === "close"
    ) {
      verdict = "close";
    }
    const w0 = rng(2).normals(X[0].length);
    const grow = (eta: number) =>
      Math.hypot(...gradientDescent(q, { eta, steps: 400, w0 }).w) / Math.hypot(...w0);
    expectTrue(
      grow(0.99 * got) <= 1,
      `GD at 0.99 × your rate should not grow, but grew ${grow(0.99 * got)}×`,
    );
    expectTrue(
      grow(1.01 * got) > 10,
      `GD at 1.01 × your rate should diverge, but changed only ${grow(1.01 * got)}×`,
    );
  }
  return verdict;
}

/**
 * Check `distanceAfter(eigenvalues, r0, eta, t)` = ‖w_t − w*‖ against the library's closed form and against
 * an actual GD run on a diagonal quadratic.
 */
export function checkDistanceAfter(
  fn: (eigenvalues: number[], r0: number[], eta: number, t: number) => number,
): string {
  const lambda = [3, 1, 0.2, 0];
  const r0 = [1, -2, 0.5, 0.3];
  let verdict: "exact" | "close" = "exact";
  for (const [eta, t] of [[0.3, 10], [0.6, 25], [0.1, 0]] as const) {
    const expected = distanceToMinimum(lambda, r0, { eta, t });
    if (
      expectClose(fn(lambda.slice(), r0.slice(), eta, t), expected, {
        what: `distanceAfter(η = ${eta}, t = ${t})`,
      }) === "close"
    ) {
      verdict = "close";
    }
  }
  // The same number from GD itself: H = diag(λ), w* = 0, w0 = r0.
  const H = new Float64Array(16);
  lambda.forEach((l, i) => H[i * 4 + i] = l);
  const gd = gradientDescent({ H, b: new Float64Array(4), d: 4 }, { eta: 0.3, steps: 10, w0: r0 }).w;
  expectClose(fn(lambda.slice(), r0.slice(), 0.3, 10), Math.hypot(...gd), {
    what: "distanceAfter vs a GD run",
  });
  return verdict;
}
