import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { eigenlearning, modeLearnabilities, solveKappa } from "../theory/eigenlearning.ts";
import { checkEigenlearningTestMse, checkSamplesToHalfLearn, checkSolveKappa } from "./eigenlearning.ts";

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

Deno.test("checkSamplesToHalfLearn() grades Σ m_j λ_j/(λ_j + λ_k) exact and names a forgotten multiplicity or a factor 2", () => {
  const right = (l: number[], m: number[], k: number) => {
    let n = 0;
    for (let j = 0; j < l.length; j++) n += (m[j] * l[j]) / (l[j] + l[k]);
    return n;
  };
  assertEquals(checkSamplesToHalfLearn(right), "exact");
  const noMult = (l: number[], _m: number[], k: number) => right(l, l.map(() => 1), k);
  assertThrows(() => checkSamplesToHalfLearn(noMult), CheckFailure, "not modes");
  const twice = (l: number[], m: number[], k: number) => right(l.map((v, j) => (j === k ? 2 * v : v)), m, k);
  assertThrows(() => checkSamplesToHalfLearn(twice), CheckFailure);
  const factor2 = (l: number[], m: number[], k: number) => {
    let n = 0;
    for (let j = 0; j < l.length; j++) n += (m[j] * l[j]) / (l[j] + 2 * l[k]);
    return n;
  };
  assertThrows(() => checkSamplesToHalfLearn(factor2), CheckFailure, "κ = λ_k");
});
