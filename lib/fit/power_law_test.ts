import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { fitPowerLaw } from "./power_law.ts";

/** `n` log-spaced points from 10^a to 10^b. */
function logspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => 10 ** (a + ((b - a) * i) / (n - 1)));
}

/** y = C x^p · e^(σ ε), ε ~ N(0, 1) from `rng(seed)`. */
function noisyPowerLaw(x: number[], C: number, p: number, sigma: number, seed: number): number[] {
  const r = rng(seed);
  return x.map((v) => C * v ** p * Math.exp(sigma * r.normal()));
}

Deno.test("fitPowerLaw() recovers planted exponents exactly on noiseless data", () => {
  const x = logspace(0, 6, 13);
  for (const [C, p] of [[3, -0.5], [0.02, 1.7], [1e4, -2.25], [5, 0]]) {
    const fit = fitPowerLaw(x, x.map((v) => C * v ** p));
    assertClose(fit.exponent, p, 1e-12, `exponent of ${C} x^${p}`);
    assertClose(fit.prefactor, C, 1e-10, `prefactor of ${C} x^${p}`);
    assert(fit.exponentStdErr < 1e-12, `std err ${fit.exponentStdErr}`);
    assertClose(fit.rSquared, 1, 1e-12);
    assert(fit.residuals.every((e) => Math.abs(e) < 1e-12));
    assertEquals(fit.n, 13);
  }
});

Deno.test("fitPowerLaw() lands within 3 standard errors of the planted exponent on noisy data", () => {
  const x = logspace(1, 5, 40);
  for (const seed of [1, 2, 3, 4, 5]) {
    const fit = fitPowerLaw(x, noisyPowerLaw(x, 2, -0.35, 0.2, seed));
    const z = (fit.exponent + 0.35) / fit.exponentStdErr;
    assert(Math.abs(z) < 3, `seed ${seed}: exponent ${fit.exponent} ± ${fit.exponentStdErr} (z = ${z})`);
    assert(fit.exponentStdErr > 0.005 && fit.exponentStdErr < 0.05, `std err ${fit.exponentStdErr}`);
  }
});

Deno.test("fitPowerLaw() standard error shrinks like 1/√n with more points over the same range", () => {
  const seErr = (n: number): number => {
    const x = logspace(1, 4, n);
    let s = 0;
    for (let seed = 0; seed < 20; seed++) {
      s += fitPowerLaw(x, noisyPowerLaw(x, 1, -1, 0.3, 100 * n + seed)).exponentStdErr;
    }
    return s / 20;
  };
  const small = seErr(20), large = seErr(320);
  // 16× the points → about 1/4 of the standard error.
  assert(large < small / 3 && large > small / 5.5, `se(20) = ${small}, se(320) = ${large}`);
});

Deno.test("fitPowerLaw() restricted to xMin..xMax ignores a plateau and a noise floor", () => {
  const x = logspace(0, 4, 41);
  const y = x.map((v) => Math.max(0.01, Math.min(1, 30 * v ** -0.8)));
  const fit = fitPowerLaw(x, y, { xMin: 100, xMax: 1000 });
  assertEquals(fit.n, 11);
  assertClose(fit.exponent, -0.8, 1e-12);
  assertClose(fit.prefactor, 30, 1e-10);
  assert(Math.abs(fitPowerLaw(x, y).exponent + 0.8) > 0.1, "without the range the fit is biased");
});

Deno.test("fitPowerLaw() rejects non-positive values, unequal lengths and too few points in range", () => {
  assertThrows(
    () => fitPowerLaw([1, 2, 0, 4], [1, 2, 3, 4]),
    RangeError,
    "fitPowerLaw(x, y): expected positive x for a log–log fit, but x[2] = 0",
  );
  assertThrows(
    () => fitPowerLaw([1, 2, 3], [1, -2, 3]),
    RangeError,
    "fitPowerLaw(x, y): expected positive y for a log–log fit, but y[1] = -2",
  );
  assertThrows(
    () => fitPowerLaw([1, 2, 3, 4], [1, 2, 3]),
    RangeError,
    "expected x and y to have the same length, got 4 and 3",
  );
  assertThrows(
    () => fitPowerLaw([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], { xMin: 4 }),
    RangeError,
    "fitPowerLaw(x, y): expected at least 3 points (two parameters and a standard error), got 2 with x in [4, Infinity] (of 5)",
  );
  // A zero outside the range is fine: it is dropped before the logarithm.
  assertEquals(fitPowerLaw([0, 1, 2, 4], [5, 1, 2, 4], { xMin: 1 }).n, 3);
});
