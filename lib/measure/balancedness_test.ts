import { assertClose, assertThrows } from "../_assert.ts";
import { balancedness, relativeFrobeniusError } from "./balancedness.ts";

Deno.test("balancedness() is W1W1ᵀ − W2ᵀW2 and vanishes when W2 = W1ᵀ", () => {
  const W1 = [[1, 2, 0], [0, 1, -1]];
  const D = balancedness(W1, [[1, 0], [2, 1], [0, -1]]);
  D.forEach((row) => row.forEach((v) => assertClose(v, 0, 1e-15)));
  const E = balancedness([[3]], [[1], [1]]); // 9 − 2
  assertClose(E[0][0], 7, 1e-15);
  assertThrows(() => balancedness(W1, [[1, 2, 3]]), RangeError, "expected W2 [dOut, 2]");
});

Deno.test("relativeFrobeniusError() divides by the reference's norm and checks shapes", () => {
  assertClose(relativeFrobeniusError([[1, 1], [1, 1]], [[1, 1], [1, 0]]), 1 / Math.sqrt(3), 1e-15);
  assertThrows(() => relativeFrobeniusError([[1]], [[1, 2]]), RangeError, "same shape");
});
