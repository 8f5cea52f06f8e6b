import { assert, assertClose, assertThrows } from "../_assert.ts";
import { balancedness } from "../measure/balancedness.ts";
import { matmul, randomOrthogonal, transpose } from "../linalg/mod.ts";
import { alignedBalancedInit, gaussianDeepLinearInit } from "./deep_linear.ts";

Deno.test("alignedBalancedInit() gives W2W1 = U diag(u0) Vᵀ and W1W1ᵀ = W2ᵀW2", () => {
  const U = randomOrthogonal(3, 1), V = randomOrthogonal(4, 2);
  const u0 = [0.3, 0.02];
  const { W1, W2 } = alignedBalancedInit(u0, { U, V, hidden: 5, seed: 3 });
  const W = matmul(W2, W1);
  const S = [[0.3, 0, 0, 0], [0, 0.02, 0, 0], [0, 0, 0, 0]];
  const expected = matmul(matmul(U, S), transpose(V));
  W.forEach((row, i) => row.forEach((v, j) => assertClose(v, expected[i][j], 1e-14)));
  balancedness(W1, W2).forEach((row) => row.forEach((v) => assertClose(v, 0, 1e-14)));
  assertThrows(() => alignedBalancedInit([1, 1, 1, 1], { U, V, hidden: 5, seed: 0 }), RangeError, "at most");
  assertThrows(() => alignedBalancedInit([-1], { U, V, hidden: 5, seed: 0 }), RangeError, "non-negative");
});

Deno.test("gaussianDeepLinearInit() draws entries with the requested standard deviations", () => {
  const { W1, W2 } = gaussianDeepLinearInit({
    dIn: 50,
    hidden: 40,
    dOut: 30,
    sigma: 0.1,
    sigma2: 0.3,
    seed: 0,
  });
  const std = (M: number[][]) => Math.sqrt(M.flat().reduce((a, v) => a + v * v, 0) / M.flat().length);
  assert(
    Math.abs(std(W1) / 0.1 - 1) < 0.05 && Math.abs(std(W2) / 0.3 - 1) < 0.05,
    `stds ${std(W1)}, ${std(W2)}`,
  );
});
