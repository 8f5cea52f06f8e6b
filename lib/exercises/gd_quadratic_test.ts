import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { eigh, gram } from "../linalg/mod.ts";
import { criticalLearningRate, distanceToMinimum } from "../theory/quadratic.ts";
import { hessianRows, leastSquaresQuadratic } from "../train/gd_quadratic.ts";
import {
  checkDistanceAfter,
  checkMaxStableLearningRate,
  checkMomentumStableLearningRate,
} from "./gd_quadratic.ts";

const libraryRate = (X: number[][]) =>
  criticalLearningRate(eigh(hessianRows(leastSquaresQuadratic(X, X.map(() => 0)))).values);

Deno.test("checkMaxStableLearningRate() grades 2/λ_max(XᵀX/n) exact and the library's answer close", () => {
  const direct = (X: number[][]) =>
    2 / eigh(gram(X, { of: "columns" }).map((row) => row.map((v) => v / X.length))).values[0];
  assertEquals(checkMaxStableLearningRate(direct), "exact");
  assert(["exact", "close"].includes(checkMaxStableLearningRate(libraryRate)));
});

Deno.test("checkMaxStableLearningRate() fails 1/λ_max and a rate computed without dividing by n", () => {
  assertThrows(() => checkMaxStableLearningRate((X) => libraryRate(X) / 2), CheckFailure, "50% off");
  assertThrows(() => checkMaxStableLearningRate((X) => libraryRate(X) / X.length), CheckFailure, "expected");
});

Deno.test("checkDistanceAfter() passes the closed form and fails a formula missing the square root", () => {
  assertEquals(checkDistanceAfter((l, r, eta, t) => distanceToMinimum(l, r, { eta, t })), "exact");
  assertThrows(
    () => checkDistanceAfter((l, r, eta, t) => distanceToMinimum(l, r, { eta, t }) ** 2),
    CheckFailure,
    "distanceAfter",
  );
});

Deno.test("checkMomentumStableLearningRate() passes 2(1+β)/λ and tells a factor error from a wrong law", () => {
  assertEquals(checkMomentumStableLearningRate((l, b) => 2 * (1 + b) / l), "exact");
  assertThrows(
    () => checkMomentumStableLearningRate((l, b) => (1 + b) / l),
    CheckFailure,
    "constant factor ×0.5",
  );
  assertThrows(
    () => checkMomentumStableLearningRate((l, b) => 2 / (l * (1 - b))),
    CheckFailure,
    "different law",
  );
  assertThrows(() => checkMomentumStableLearningRate((l) => 2 / l), CheckFailure, "different law");
});
