import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { kernelLearningCurve, poolTestMse } from "./kernel_learning_curve.ts";

function laplaceKernel(n: number, seed: number): number[][] {
  const x = rng(seed).normals(n);
  return Array.from(x, (a) => Array.from(x, (b) => Math.exp(-Math.abs(a - b)))); // Laplace: well conditioned
}

Deno.test("poolTestMse() is zero on the training points and equals the mean squared residual over the pool", () => {
  const K = laplaceKernel(12, 1);
  const y = Array.from(rng(2).normals(12));
  assertClose(poolTestMse(K, y, Array.from({ length: 12 }, (_, i) => i)), 0, 1e-10);
  // Training on one point: f(x) = K(x, x0) y0 / K(x0, x0).
  const want = y.reduce((s, v, x) => s + ((K[x][3] * y[3]) / K[3][3] - v) ** 2, 0) / 12;
  assertClose(poolTestMse(K, y, [3]), want, 1e-14);
});

Deno.test("kernelLearningCurve() averages poolTestMse over seeded draws and reports the standard error", () => {
  const K = laplaceKernel(20, 3);
  const y = Array.from(rng(4).normals(20));
  const a = kernelLearningCurve(K, y, { ns: [2, 5], trials: 6, seed: 9 });
  const b = kernelLearningCurve(K, y, { ns: [2, 5], trials: 6, seed: 9 });
  assertEquals(Array.from(a.testMse), Array.from(b.testMse));
  if (!(a.stdErr[0] > 0)) throw new Error("spread over random training sets");
  assertThrows(() => kernelLearningCurve(K, y, { ns: [21], trials: 1, seed: 0 }), RangeError, "1 ≤ n ≤ 20");
  assertThrows(() => poolTestMse(K, y, [1, 1]), RangeError, "distinct training indices");
});
