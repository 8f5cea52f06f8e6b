import { assert, assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { gram, matvec } from "../linalg/matrix.ts";
import { kernelRegression } from "./kernel_regression.ts";

Deno.test("kernelRegression() interpolates the training targets without ridge", () => {
  const r = rng(4);
  const X = Array.from({ length: 12 }, () => Array.from(r.normals(20)));
  const K = gram(X);
  const y = r.normals(12);
  const fit = matvec(K, kernelRegression(K, y));
  for (let i = 0; i < 12; i++) assertClose(fit[i], y[i], 1e-9);
});

Deno.test("kernelRegression() with a ridge solves (K + δI)α = y, and several targets share the solve", () => {
  const r = rng(5);
  const X = Array.from({ length: 8 }, () => Array.from(r.normals(3)));
  const K = gram(X); // rank 3: singular without ridge
  const Y = Array.from({ length: 8 }, () => [r.normal(), r.normal()]);
  const A = kernelRegression(K, Y, { ridge: 0.3 });
  for (let c = 0; c < 2; c++) {
    const alpha = A.map((row) => row[c]);
    const lhs = matvec(K, alpha);
    for (let i = 0; i < 8; i++) assertClose(lhs[i] + 0.3 * alpha[i], Y[i][c], 1e-10);
  }
  const e = assertThrows(() => kernelRegression(K, Y.map((row) => row[0])), RangeError, "positive-definite");
  assert(e.message.includes("ridge"));
  assertThrows(() => kernelRegression(K, [1, 2]), RangeError, "one target per row of K (8), got 2");
});
