import { assert, assertClose, assertThrows } from "../_assert.ts";
import { balancedness, initialModeStrength } from "../measure/mod.ts";
import { gaussianDeepLinearInit } from "../models/deep_linear.ts";
import { deepLinearGradients, plantedDeepLinearProblem } from "../train/deep_linear.ts";
import { singularValues } from "../measure/plateaus.ts";
import {
  balancednessIncrement,
  expectedInitialStrength,
  saddleLossLevels,
  saxeHalfTime,
  saxeModeStrength,
} from "./deep_linear.ts";

Deno.test("saxeModeStrength() solves u̇ = 2u(s − u) from u0 (central differences)", () => {
  const s = 1.7, u0 = 0.01, h = 1e-5;
  assertClose(saxeModeStrength(s, u0, { t: 0 }), u0, 1e-15);
  for (const t of [0.3, 1, 2, 5]) {
    const du = (saxeModeStrength(s, u0, { t: t + h }) - saxeModeStrength(s, u0, { t: t - h })) / (2 * h);
    const u = saxeModeStrength(s, u0, { t });
    assertClose(du, 2 * u * (s - u), 1e-7, `t = ${t}`);
  }
  assertClose(saxeModeStrength(s, u0, { t: 1e4 }), s, 1e-15, "saturates at s without overflow");
});

Deno.test("saxeHalfTime() is where the solution crosses s/2, and scales with τ", () => {
  const t = saxeHalfTime(3, 1e-4);
  assertClose(saxeModeStrength(3, 1e-4, { t }), 1.5, 1e-12);
  assertClose(saxeHalfTime(3, 1e-4, { tau: 1 / 0.01 }), t / 0.01, 1e-12);
  assertThrows(() => saxeHalfTime(1, 0.6), RangeError, "starts above half-learned");
  assertThrows(() => saxeModeStrength(1, 0, { t: 1 }), RangeError, "0 < u0 < s");
});

Deno.test("saddleLossLevels() are ½‖M − best rank-k approximation‖², the Eckart–Young residuals", () => {
  const s = [0.5, 3, 1];
  const levels = saddleLossLevels(s);
  const { map } = plantedDeepLinearProblem(s, { dIn: 4, dOut: 3, seed: 2 });
  const sv = singularValues(map);
  for (let k = 0; k <= 3; k++) {
    const tail = Array.from(sv).slice(k).reduce((a, v) => a + v * v, 0);
    assertClose(levels[k], 0.5 * tail, 1e-12, `k = ${k}`);
  }
});

Deno.test("expectedInitialStrength() is the mean of ¼‖W1 v + W2ᵀu‖² over Gaussian inits", () => {
  const u = [0.6, 0.8, 0], v = [0, 0, 1, 0];
  let mean = 0;
  const trials = 4000;
  for (let k = 0; k < trials; k++) {
    const { W1, W2 } = gaussianDeepLinearInit({
      dIn: 4,
      hidden: 5,
      dOut: 3,
      sigma: 0.1,
      sigma2: 0.2,
      seed: k,
    });
    mean += initialModeStrength(W1, W2, u, v) / trials;
  }
  const expected = expectedInitialStrength({ sigma1: 0.1, sigma2: 0.2, hidden: 5 });
  // ¼‖·‖² is ¼(σ1² + σ2²)·χ²₅: relative standard error √(2/5)/√4000 ≈ 1%.
  assert(Math.abs(mean / expected - 1) < 0.04, `Monte Carlo mean ${mean} vs ${expected}`);
});

Deno.test("balancednessIncrement() is exactly the change of W1W1ᵀ − W2ᵀW2 in one GD step", () => {
  const { problem } = plantedDeepLinearProblem([2, 1], { dIn: 3, dOut: 2, seed: 5 });
  const { W1, W2 } = gaussianDeepLinearInit({ dIn: 3, hidden: 4, dOut: 2, sigma: 0.7, seed: 1 });
  const { G1, G2 } = deepLinearGradients(problem, W1, W2);
  const eta = 0.3;
  const step = (W: number[][], G: number[][]) => W.map((r, i) => r.map((w, j) => w - eta * G[i][j]));
  const before = balancedness(W1, W2), after = balancedness(step(W1, G1), step(W2, G2));
  const predicted = balancednessIncrement(G1, G2, { eta });
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      assertClose(after[a][b] - before[a][b], predicted[a][b], 1e-12, `[${a}][${b}]`);
    }
  }
  assertThrows(() => balancednessIncrement(G1, [[1, 2]], { eta }), RangeError, "expected G2 of shape");
});
