import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { eigenlearning, modeLearnabilities, solveKappa } from "../theory/eigenlearning.ts";
import { checkEigenlearningTestMse, checkSolveKappa } from "./eigenlearning.ts";

Deno.test("checkSolveKappa() passes the library's solver", () => {
  assertEquals(checkSolveKappa((s, n, ridge) => solveKappa(s, n, { ridge })), "exact");
});

Deno.test("checkSolveKappa() fails a solver that ignores the ridge, or solves Σ λ/(λ+κ) = n − 1", () => {
  assertThrows(() => checkSolveKappa((s, n) => solveKappa(s, n)), CheckFailure, "ridge = 0.01");
  assertThrows(
    () => checkSolveKappa((s, n, ridge) => solveKappa(s, n - 1 + (n === 1 ? 0.5 : 0), { ridge })),
    CheckFailure,
    "Σ λ/(λ+κ)",
  );
});

Deno.test("checkEigenlearningTestMse() passes the library and fails a formula without E0", () => {
  assertEquals(checkEigenlearningTestMse((s, v, n) => eigenlearning(s, v, { n }).testMse), "exact");
  const noE0 = (s: number[], v: number[], n: number) => {
    const L = modeLearnabilities(s, solveKappa(s, n));
    return v.reduce((acc, vi, i) => acc + (1 - L[i]) ** 2 * vi, 0);
  };
  assertThrows(() => checkEigenlearningTestMse(noE0), CheckFailure, "test MSE");
});
