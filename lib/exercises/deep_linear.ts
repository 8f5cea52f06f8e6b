/**
 * Checks for the exercises of notebook 02 (deep linear networks).
 *
 * @module
 */
import { expectClose, expectTrue } from "../exercise.ts";
import { expectLaw } from "./_law.ts";
import { balancedness } from "../measure/balancedness.ts";
import { gaussianDeepLinearInit } from "../models/deep_linear.ts";
import { balancednessIncrement, saxeHalfTime, saxeModeStrength } from "../theory/deep_linear.ts";
import { deepLinearGradients, plantedDeepLinearProblem } from "../train/deep_linear.ts";

const CASES: [number, number, number][] = [[4, 1e-4, 0.0025], [0.5, 1e-6, 0.01], [2, 0.3, 0.1]];

/**
 * Check `saxeHalfTime(s, u0, eta)` = $\frac{1}{2s\eta}\ln\frac{s-u_0}{u_0}$ (in GD steps): against the library's
 * closed form on three cases, and by the property that Saxe's solution is at $s/2$ after that many steps.
 */
export function checkSaxeHalfTime(fn: (s: number, u0: number, eta: number) => number): "exact" | "close" {
  let verdict: "exact" | "close" = "exact";
  for (const [s, u0, eta] of CASES) {
    const got = fn(s, u0, eta);
    // The formula written as a student writes it, so the official solution grades "exact"; the library agrees.
    const expected = Math.log((s - u0) / u0) / (2 * s * eta);
    expectClose(saxeHalfTime(s, u0, { tau: 1 / eta }), expected, {
      what: "the library's saxeHalfTime",
      rel: 1e-12,
    });
    if (expectClose(got, expected, { what: `saxeHalfTime(${s}, ${u0}, ${eta})` }) === "close") {
      verdict = "close";
    }
    expectClose(saxeModeStrength(s, u0, { t: got * eta }), s / 2, {
      what: `the mode strength u after your t½ = ${got} steps (should be s/2)`,
    });
  }
  expectTrue(fn(2, 1e-4, 0.01) < fn(1, 1e-4, 0.01), "a stronger mode (larger s) must be learned sooner");
  return verdict;
}

/**
 * Check `balanceIncrement(G1, G2, eta)` = $\eta^2(G_1G_1^\top - G_2^\top G_2)$ `[h, h]`: against the library, and
 * against the actual change of $W_1W_1^\top - W_2^\top W_2$ in one GD step on a random problem.
 */
export function checkBalanceIncrement(
  fn: (G1: number[][], G2: number[][], eta: number) => number[][],
): "exact" | "close" {
  const { problem } = plantedDeepLinearProblem([3, 1], { dIn: 4, dOut: 3, seed: 12 });
  const { W1, W2 } = gaussianDeepLinearInit({ dIn: 4, hidden: 5, dOut: 3, sigma: 0.6, seed: 13 });
  const { G1, G2 } = deepLinearGradients(problem, W1, W2);
  const eta = 0.2;
  const got = fn(G1.map((r) => r.slice()), G2.map((r) => r.slice()), eta);
  expectTrue(
    Array.isArray(got) && got.length === 5 && got.every((r) => r?.length === 5),
    `expected an [h, h] = [5, 5] matrix (an array of 5 rows of 5 numbers), got ${
      JSON.stringify(got)?.slice(0, 80)
    }`,
  );
  const expected = balancednessIncrement(G1, G2, { eta });
  const step = (W: number[][], G: number[][]) => W.map((r, i) => r.map((w, j) => w - eta * G[i][j]));
  const before = balancedness(W1, W2), after = balancedness(step(W1, G1), step(W2, G2));
  let verdict: "exact" | "close" = "exact";
  for (let a = 0; a < 5; a++) {
    for (let b = 0; b < 5; b++) {
      const what = `entry [${a}][${b}]`;
      if (expectClose(got[a][b], expected[a][b], { what, rel: 1e-9, abs: 1e-15 }) === "close") {
        verdict = "close";
      }
      expectClose(got[a][b], after[a][b] - before[a][b], {
        what: `${what} vs the change in an actual GD step`,
        rel: 1e-6,
        abs: 1e-12,
      });
    }
  }
  return verdict;
}

/**
 * Check `startForHalfTime(s, tHalf)` = $s/(1+e^{2s\,t_{1/2}})$: the start $u_0$ from which an aligned, balanced
 * mode of strength $s$ reaches $s/2$ at gradient-flow time $t_{1/2}$ (invert $t_{1/2} =
 * \frac1{2s}\ln\frac{s-u_0}{u_0}$). Tells a factor error from a wrong law, then checks with Saxe's solution that
 * the mode is at $s/2$ at $t_{1/2}$ from the student's start.
 */
export function checkStartForHalfTime(fn: (s: number, tHalf: number) => number): "exact" | "close" {
  const cases = [[4, 1], [0.5, 3], [1, 0.2], [2, 2.5]].map(([s, t]) => ({
    label: `s = ${s}, t½ = ${t}`,
    got: fn(s, t),
    expected: s / (1 + Math.exp(2 * s * t)),
    s,
    t,
  }));
  const verdict = expectLaw(cases, { what: "startForHalfTime" });
  for (const { s, t, got } of cases) {
    expectClose(saxeModeStrength(s, got as number, { t }), s / 2, {
      what: `Saxe's u(t½) from your start (s = ${s}, t½ = ${t}; should be s/2)`,
    });
  }
  return verdict;
}
