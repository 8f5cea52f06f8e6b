import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { fitPowerLaw } from "../fit/power_law.ts";
import { computeOptimalExponents } from "../theory/scaling.ts";
import { checkComputeOptimalSplit, checkFitPowerLaw } from "./scaling.ts";

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
