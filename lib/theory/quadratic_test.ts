import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { criticalLearningRate, distanceToMinimum, modeResiduals, stepsToShrink } from "./quadratic.ts";

Deno.test("modeResiduals() is the t-fold product of (1 − ηλ) on each mode", () => {
  const r = modeResiduals([2, 1, 0], [1, -2, 3], { eta: 0.25, t: 3 });
  assertEquals(Array.from(r), [0.5 ** 3, -2 * 0.75 ** 3, 3]);
});

Deno.test("distanceToMinimum() agrees with iterating the GD map on a diagonal quadratic", () => {
  const lambda = [3, 1, 0.1];
  let w = [1, 1, 1];
  const eta = 0.3;
  for (let t = 0; t < 20; t++) w = w.map((wi, i) => wi - eta * lambda[i] * wi);
  assertClose(distanceToMinimum(lambda, [1, 1, 1], { eta, t: 20 }), Math.hypot(...w), 1e-14);
});

Deno.test("criticalLearningRate() is 2/λmax and stepsToShrink() refuses an unstable rate", () => {
  assertEquals(criticalLearningRate([0.5, 4, 1]), 0.5);
  assertThrows(() => criticalLearningRate([0, -1]), RangeError, "expected a positive top eigenvalue");
  assertEquals(stepsToShrink([1, 0.5, 0], { eta: 1, factor: 1 / 1024 }), 10);
  assertThrows(() => stepsToShrink([4], { eta: 0.6, factor: 0.1 }), RangeError, "is not stable");
});
