import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { fourierPower, fourierPowerShare } from "../measure/fourier.ts";
import { leapComplexity } from "../theory/leap.ts";
import { checkDecaySteps, checkFourierPowerShare, checkLeapComplexity } from "./grokking.ts";

Deno.test("checkFourierPowerShare() passes the library's answer", () => {
  assertEquals(checkFourierPowerShare(fourierPowerShare), "exact");
});

Deno.test("checkFourierPowerShare() fails a version that keeps f = 0 and one that returns the top power", () => {
  const withMean = (W: number[][], _p: number) =>
    W[0].map((_, k) => {
      const col = W.map((r) => r[k]);
      const P = fourierPower(col), p0 = col.reduce((s, v) => s + v, 0) ** 2;
      return Math.max(...P, p0) / (p0 + P.reduce((s, v) => s + v, 0));
    });
  assertThrows(() => checkFourierPowerShare(withMean), CheckFailure, "share of column");
  const topPower = (W: number[][], p: number) =>
    W[0].map((_, k) => Math.max(...fourierPower(W.map((r) => r[k]))) / p);
  assertThrows(() => checkFourierPowerShare(topPower), CheckFailure, "pure wave");
});

Deno.test("checkLeapComplexity() passes the library and fails counting all coordinates of the largest support", () => {
  assertEquals(checkLeapComplexity(leapComplexity), "exact");
  assertThrows(
    () => checkLeapComplexity((s) => Math.max(...s.map((S) => S.length))),
    CheckFailure,
    "leap of x₁ + x₁x₂ + x₁x₂x₃",
  );
});

Deno.test("checkDecaySteps() passes the exact per-step answer and names the usual slips", () => {
  const exact = (eta: number, lambda: number, q: number) => {
    let t = 0;
    while ((1 - eta * lambda) ** t > 1 / q) t++;
    return t;
  };
  assertEquals(checkDecaySteps(exact), "exact");
  assertThrows(
    () => checkDecaySteps((e, l, q) => Math.ceil(Math.log(q) / (e * l))),
    CheckFailure,
    "continuous-time",
  );
  assertThrows(
    () => checkDecaySteps((e, l, q) => Math.ceil((q - 1) / (e * l))),
    CheckFailure,
    "linear decay",
  );
  assertThrows(() => checkDecaySteps((e, l) => Math.ceil(1 / (e * l))), CheckFailure, "one decay time");
  assertThrows(() => checkDecaySteps((e, l, q) => 2 * exact(e, l, q)), CheckFailure, "factor 2");
});
