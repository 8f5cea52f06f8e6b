import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { matmul, transpose } from "./matrix.ts";
import { plantedSymmetric, randomOrthogonal } from "./orthogonal.ts";
import { identity, maxAbsDiff } from "./_testing.ts";

Deno.test("randomOrthogonal() gives QᵀQ = QQᵀ = I and the same Q for the same seed", () => {
  const Q = randomOrthogonal(40, 3);
  assert(maxAbsDiff(matmul(transpose(Q), Q), identity(40)) < 1e-13);
  assert(maxAbsDiff(matmul(Q, transpose(Q)), identity(40)) < 1e-13);
  assertEquals(randomOrthogonal(5, 9), randomOrthogonal(5, 9));
  assertEquals(randomOrthogonal(5, rng(9)), randomOrthogonal(5, 9));
});

Deno.test("randomOrthogonal() is Haar: Q₁₁ has mean 0 and variance 1/n over many draws", () => {
  // For Haar Q, a single entry has E = 0 and E[Q₁₁²] = 1/n. Without the sign fix, Q₁₁ would be biased.
  const n = 4, draws = 4000, r = rng(5);
  let sum = 0, sumSq = 0;
  for (let t = 0; t < draws; t++) {
    const q = randomOrthogonal(n, r)[0][0];
    sum += q;
    sumSq += q * q;
  }
  // sd of the mean ≈ sqrt(1/n / draws) ≈ 0.008; of the second moment ≈ 0.004. Allow 5 of each.
  assert(Math.abs(sum / draws) < 0.04, `mean ${sum / draws}`);
  assert(Math.abs(sumSq / draws - 1 / n) < 0.02, `E[Q11²] ${sumSq / draws}`);
});

Deno.test("plantedSymmetric() has the planted trace and Frobenius norm and is exactly symmetric", () => {
  const values = [5, 2, -1, 0.5];
  const A = plantedSymmetric(values, 2);
  assertEquals(A, transpose(A));
  const trace = A.reduce((s, row, i) => s + row[i], 0);
  const frob2 = A.flat().reduce((s, v) => s + v * v, 0);
  assert(Math.abs(trace - 6.5) < 1e-12 && Math.abs(frob2 - 30.25) < 1e-12, `trace ${trace}, ‖A‖² ${frob2}`);
});

Deno.test("randomOrthogonal() and plantedSymmetric() reject bad sizes and spectra", () => {
  assertThrows(
    () => randomOrthogonal(0, 1),
    RangeError,
    "randomOrthogonal(n, seed): expected a positive integer n, got 0",
  );
  assertThrows(
    () => plantedSymmetric([1, NaN], 1),
    RangeError,
    "plantedSymmetric(values, seed): expected finite eigenvalues, but values[1] = NaN",
  );
});
