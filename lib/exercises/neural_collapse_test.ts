import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { linearCka } from "../measure/cka.ts";
import { neuralCollapse } from "../measure/neural_collapse.ts";
import { checkLinearCka, checkNc1, checkZhuFeatureNorm } from "./neural_collapse.ts";
import { unconstrainedFeaturesOptimum } from "../theory/neural_collapse.ts";

Deno.test("checkLinearCka() passes the library's answer", () => {
  assert(["exact", "close"].includes(checkLinearCka(linearCka)));
});

Deno.test("checkLinearCka() fails a version without centring and one without the square", () => {
  const raw = (A: number[][], B: number[][]) => {
    const cross = (X: number[][], Y: number[][]) => {
      let s = 0;
      for (let i = 0; i < X[0].length; i++) {
        for (let j = 0; j < Y[0].length; j++) s += X.reduce((t, r, k) => t + r[i] * Y[k][j], 0) ** 2;
      }
      return s;
    };
    return cross(A, B) / Math.sqrt(cross(A, A) * cross(B, B));
  };
  assertThrows(() => checkLinearCka(raw), CheckFailure, "CKA");
  assertThrows(() => checkLinearCka((A, B) => Math.sqrt(linearCka(A, B))), CheckFailure, "random");
});

Deno.test("checkNc1() passes the library and fails a version that forgets to divide by C", () => {
  assert(["exact", "close"].includes(checkNc1((H, y, C) => neuralCollapse(H, y, { classes: C }).nc1)));
  assertThrows(
    () => checkNc1((H, y, C) => C * neuralCollapse(H, y, { classes: C }).nc1),
    CheckFailure,
    "NC1",
  );
});

Deno.test("checkZhuFeatureNorm() passes λ_H = nλ and names a missing or inverted factor n", () => {
  const norm = (C: number, lW: number, lH: number) =>
    unconstrainedFeaturesOptimum(C, { lambdaW: lW, lambdaH: lH }).featureNorm;
  assertEquals(checkZhuFeatureNorm((C, lW, l, n) => norm(C, lW, n * l)), "exact");
  assertThrows(() => checkZhuFeatureNorm((C, lW, l) => norm(C, lW, l)), CheckFailure, "Zhu et al. sum");
  assertThrows(() => checkZhuFeatureNorm((C, lW, l, n) => norm(C, lW, l / n)), CheckFailure, "other way");
  assertThrows(() => checkZhuFeatureNorm((C, lW, l, n) => norm(C, lW, l) / Math.sqrt(n)), CheckFailure, "√n");
});
