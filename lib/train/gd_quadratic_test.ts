import { assertClose, assertEquals } from "../_assert.ts";
import { gradientDescent, leastSquaresQuadratic } from "./gd_quadratic.ts";

Deno.test("leastSquaresQuadratic() builds XᵀX/n and Xᵀy/n", () => {
  const q = leastSquaresQuadratic([[1, 2], [3, 4]], [1, -1]);
  assertEquals(Array.from(q.H), [5, 7, 7, 10]);
  assertEquals(Array.from(q.b), [-1, -1]);
});

Deno.test("gradientDescent() converges to the solution of Hw = b and records its objective", () => {
  const q = leastSquaresQuadratic([[2, 0], [0, 1], [1, 1]], [2, 1, 2]);
  const run = gradientDescent(q, { eta: 0.5, steps: 2000, snapshots: [0, 1] });
  // Normal equations (XᵀX) w = Xᵀy: [[5, 1], [1, 2]] w = [6, 3] → w = [1, 1].
  assertClose(run.w[0], 1, 1e-10);
  assertClose(run.w[1], 1, 1e-10);
  assertEquals(Array.from(run.snapshots.get(0)!), [0, 0]);
  assertEquals(run.objective[0], 0);
  assertClose(run.objective[2000], -0.5 * (6 + 3) / 3, 1e-10);
});
