import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { alignedBalancedInit } from "../models/deep_linear.ts";
import { plantedDeepLinearProblem } from "../train/deep_linear.ts";
import { crossingTime, initialModeStrength, modeStrengths } from "./modes.ts";

Deno.test("modeStrengths() of a planted map U diag(s) Vᵀ are its singular values", () => {
  const { map, U, V } = plantedDeepLinearProblem([5, 2, 0.5], { dIn: 4, dOut: 3, seed: 7 });
  const u = modeStrengths(map, U, V);
  [5, 2, 0.5].forEach((s, a) => assertClose(u[a], s, 1e-13));
  assertEquals(modeStrengths(map, U, V, { count: 2 }).length, 2);
  assertThrows(() => modeStrengths(map, V, V), RangeError, "expected U with 3 rows");
});

Deno.test("crossingTime() interpolates the first upward crossing and reports Infinity when there is none", () => {
  assertEquals(crossingTime([0, 1, 2, 3], [0, 0.2, 0.6, 1], 0.4), 1.5);
  assertEquals(crossingTime([5, 6], [1, 2], 0.5), 5);
  assertEquals(crossingTime([0, 1], [0, 0.1], 1), Infinity);
  assertThrows(() => crossingTime([0, 1], [0], 1), RangeError, "equally long");
});

Deno.test("initialModeStrength() of an aligned balanced init is the planted starting strength", () => {
  const { U, V } = plantedDeepLinearProblem([2, 1], { dIn: 3, dOut: 3, seed: 4 });
  const { W1, W2 } = alignedBalancedInit([0.04, 0.001], { U, V, hidden: 3, seed: 1 });
  const col = (M: number[][], a: number) => M.map((r) => r[a]);
  assertClose(initialModeStrength(W1, W2, col(U, 0), col(V, 0)), 0.04, 1e-15);
  assertClose(initialModeStrength(W1, W2, col(U, 1), col(V, 1)), 0.001, 1e-15);
  assertClose(initialModeStrength(W1, W2, col(U, 2), col(V, 2)), 0, 1e-15);
});
