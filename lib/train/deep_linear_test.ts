import { assert, assertClose, assertThrows } from "../_assert.ts";
import { alignedBalancedInit, gaussianDeepLinearInit } from "../models/deep_linear.ts";
import { rng } from "../random.ts";
import {
  deepLinearGradients,
  deepLinearProblemFromData,
  plantedDeepLinearProblem,
  trainDeepLinear,
} from "./deep_linear.ts";

function dataLoss(X: number[][], Y: number[][], W1: number[][], W2: number[][]): number {
  let total = 0;
  for (let i = 0; i < X.length; i++) {
    const hidden = W1.map((row) => row.reduce((a, w, j) => a + w * X[i][j], 0));
    const out = W2.map((row) => row.reduce((a, w, k) => a + w * hidden[k], 0));
    total += out.reduce((a, o, k) => a + (Y[i][k] - o) ** 2, 0);
  }
  return total / (2 * X.length);
}

const r = rng(11);
const X = Array.from({ length: 9 }, () => Array.from(r.normals(4)));
const Y = Array.from({ length: 9 }, () => Array.from(r.normals(3)));
const problem = deepLinearProblemFromData(X, Y);
const { W1, W2 } = gaussianDeepLinearInit({ dIn: 4, hidden: 5, dOut: 3, sigma: 0.5, seed: 3 });

Deno.test("the loss from sufficient statistics equals the mean squared error on the samples", () => {
  assertClose(deepLinearGradients(problem, W1, W2).loss, dataLoss(X, Y, W1, W2), 1e-12);
});

Deno.test("deepLinearGradients() matches central finite differences of the data loss", () => {
  const { G1, G2 } = deepLinearGradients(problem, W1, W2);
  const eps = 1e-6;
  const bump = (M: number[][], i: number, j: number, d: number) =>
    M.map((row, a) => row.map((v, b) => (a === i && b === j ? v + d : v)));
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 4; j++) {
      const fd = (dataLoss(X, Y, bump(W1, i, j, eps), W2) - dataLoss(X, Y, bump(W1, i, j, -eps), W2)) /
        (2 * eps);
      assertClose(G1[i][j], fd, 1e-8, `G1[${i}][${j}]`);
    }
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 5; j++) {
      const fd = (dataLoss(X, Y, W1, bump(W2, i, j, eps)) - dataLoss(X, Y, W1, bump(W2, i, j, -eps))) /
        (2 * eps);
      assertClose(G2[i][j], fd, 1e-8, `G2[${i}][${j}]`);
    }
  }
});

Deno.test("trainDeepLinear() from an aligned balanced start keeps the modes decoupled", () => {
  const planted = plantedDeepLinearProblem([3, 1], { dIn: 4, dOut: 3, seed: 1 });
  const init = alignedBalancedInit([0.01, 0.01], { U: planted.U, V: planted.V, hidden: 4, seed: 2 });
  const run = trainDeepLinear(planted.problem, { ...init, eta: 0.01, steps: 400, every: 100 });
  for (const W of run.maps) {
    // UᵀWV must stay diagonal: every off-diagonal mode coupling is zero.
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 4; b++) {
        if (a === b) continue;
        let c = 0;
        for (let o = 0; o < 3; o++) {
          for (let i = 0; i < 4; i++) c += planted.U[o][a] * W[o][i] * planted.V[i][b];
        }
        assert(Math.abs(c) < 1e-12, `coupling (${a}, ${b}) = ${c}`);
      }
    }
  }
  for (let t = 1; t < run.loss.length; t++) {
    assert(run.loss[t] <= run.loss[t - 1] + 1e-15, `loss rose at step ${t}`);
  }
});

Deno.test("trainDeepLinear() calls onStep before each update and validates its inputs", () => {
  let calls = 0;
  trainDeepLinear(problem, { W1, W2, eta: 0.01, steps: 7, onStep: () => calls++ });
  assert(calls === 7, `expected 7 calls, got ${calls}`);
  assertThrows(
    () => trainDeepLinear(problem, { W1: [[1, 2]], W2, eta: 0.1, steps: 1 }),
    RangeError,
    "expected W1 of shape",
  );
  assertThrows(() => trainDeepLinear(problem, { W1, W2, eta: -1, steps: 1 }), RangeError, "eta > 0");
  assertThrows(
    () => plantedDeepLinearProblem([1, 2, 3], { dIn: 2, dOut: 4, seed: 0 }),
    RangeError,
    "at most min(dIn, dOut)",
  );
});
