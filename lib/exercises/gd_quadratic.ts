/**
 * Checks for the exercises of notebook 01 (gradient descent on a quadratic).
 *
 * @module
 */
import { eigh, gram } from "../linalg/mod.ts";
import { rng } from "../random.ts";
import { criticalLearningRate, distanceToMinimum } from "../theory/quadratic.ts";
import { gradientDescent, hessianRows, leastSquaresQuadratic } from "../train/gd_quadratic.ts";
import { expectClose, expectTrue } from "../exercise.ts";
import { expectLaw } from "./_law.ts";

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
    // 2/λ_max(XᵀX/n), with XᵀX/n formed as a student forms it (so the official solution grades "exact");
    // the library's criticalLearningRate on the same quadratic agrees to rounding.
    const H = gram(X, { of: "columns" }).map((row) => row.map((v) => v / X.length));
    const expected = 2 / eigh(H).values[0];
    expectClose(criticalLearningRate(eigh(hessianRows(q)).values), expected, {
      what: "the library",
      rel: 1e-12,
    });
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

/** Heavy-ball GD on one mode of curvature λ: w ← w − ηλw + β(w − w_prev); |w_T| / |w_0| after `steps`. */
function heavyBallGrowth(lambda: number, eta: number, beta: number, steps: number): number {
  let w = 1, previous = 1;
  for (let t = 0; t < steps; t++) [w, previous] = [w - eta * lambda * w + beta * (w - previous), w];
  return Math.abs(w);
}

/**
 * Check `momentumStableLearningRate(lambdaMax, beta)` = $2(1+\beta)/\lambda_{\max}$, the threshold of heavy-ball
 * GD, $w_{t+1} = w_t - \eta\nabla L(w_t) + \beta(w_t - w_{t-1})$ (the roots of $z^2-(1+\beta-\eta\lambda)z+\beta$
 * lie inside the unit circle iff $0<\eta\lambda<2(1+\beta)$, for $0\le\beta<1$). Tells a factor error from a wrong
 * law over several β, then runs heavy-ball GD just below and just above the student's rate.
 */
export function checkMomentumStableLearningRate(fn: (lambdaMax: number, beta: number) => number): string {
  const cases = [[2, 0], [2, 0.5], [0.7, 0.9], [5, 0.3]].map(([lambda, beta]) => ({
    label: `λ_max = ${lambda}, β = ${beta}`,
    got: fn(lambda, beta),
    expected: 2 * (1 + beta) / lambda,
    lambda,
    beta,
  }));
  const verdict = expectLaw(cases, { what: "momentumStableLearningRate" });
  for (const { lambda, beta, got } of cases) {
    const eta = got as number;
    expectTrue(
      heavyBallGrowth(lambda, 0.99 * eta, beta, 3000) < 1,
      `heavy-ball GD at 0.99 × your rate should converge (λ = ${lambda}, β = ${beta})`,
    );
    expectTrue(
      heavyBallGrowth(lambda, 1.01 * eta, beta, 3000) > 10,
      `heavy-ball GD at 1.01 × your rate should diverge (λ = ${lambda}, β = ${beta})`,
    );
  }
  return verdict;
}
