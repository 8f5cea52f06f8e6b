import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { fitPowerLaw } from "../fit/power_law.ts";
import { computeOptimalExponents } from "../theory/scaling.ts";
import { checkComputeOptimalSplit, checkFitPowerLaw, checkRandomFeatureSizeOpt } from "./scaling.ts";

Deno.test("checkFitPowerLaw() passes the library's fit", () => {
  const verdict = checkFitPowerLaw((x, y) => fitPowerLaw(x, y));
  assertEquals(verdict === "exact" || verdict === "close", true);
});

Deno.test("checkFitPowerLaw() fails a two-point fit and a fit with log10 prefactor", () => {
  const twoPoint = (x: number[], y: number[]) => {
    const n = x.length - 1;
    const exponent = Math.log(y[n] / y[0]) / Math.log(x[n] / x[0]);
    return { exponent, prefactor: y[0] / x[0] ** exponent };
  };
  assertThrows(() => checkFitPowerLaw(twoPoint), CheckFailure, "noisy data");
  const log10Prefactor = (x: number[], y: number[]) => {
    const f = fitPowerLaw(x, y);
    return { exponent: f.exponent, prefactor: 10 ** Math.log(f.prefactor) };
  };
  assertThrows(() => checkFitPowerLaw(log10Prefactor), CheckFailure, "prefactor");
});

Deno.test("checkComputeOptimalSplit() passes the library and fails swapped size and steps exponents", () => {
  assertEquals(checkComputeOptimalSplit((a, b) => computeOptimalExponents(a, b)), "exact");
  assertThrows(
    () =>
      checkComputeOptimalSplit((a, b) => {
        const e = computeOptimalExponents(a, b);
        return { loss: e.loss, size: e.steps, steps: e.size };
      }),
    CheckFailure,
    "size exponent",
  );
});

Deno.test("checkRandomFeatureSizeOpt() grades both branches exact and names the one-branch formula", () => {
  const exact = (alpha: number, beta: number) => {
    const a = (beta - 1) / alpha, b = Math.min(alpha, beta - 1);
    return a / (a + b);
  };
  assertEquals(checkRandomFeatureSizeOpt(exact), "exact");
  assertThrows(() => checkRandomFeatureSizeOpt((alpha) => 1 / (1 + alpha)), CheckFailure, "both sides");
  assertThrows(() => checkRandomFeatureSizeOpt((alpha) => 1 / alpha), CheckFailure, "1/α");
  assertThrows(() => checkRandomFeatureSizeOpt((a, b) => 2 * exact(a, b)), CheckFailure, "constant factor 2");
});
