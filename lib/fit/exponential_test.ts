import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { fitExponentialRate } from "./exponential.ts";

const steps = (n: number, dt: number): number[] => Array.from({ length: n }, (_, i) => i * dt);

Deno.test("fitExponentialRate() recovers a planted rate and amplitude exactly on noiseless data", () => {
  const t = steps(25, 0.4);
  for (const [A, r] of [[1, 0.5], [3e-2, 2], [7, -0.1]]) {
    const fit = fitExponentialRate(t, t.map((s) => A * Math.exp(-r * s)));
    assertClose(fit.rate, r, 1e-12, `rate of ${A} e^(-${r} t)`);
    assertClose(fit.amplitude, A, 1e-10, `amplitude of ${A} e^(-${r} t)`);
    assert(fit.rateStdErr < 1e-12);
    assertEquals(fit.n, 25);
  }
});

Deno.test("fitExponentialRate() lands within 3 standard errors on noisy data, and its error shrinks with n", () => {
  const fitAt = (n: number, seed: number): { rate: number; rateStdErr: number } => {
    const t = steps(n, 10 / n), g = rng(seed);
    return fitExponentialRate(t, t.map((s) => 2 * Math.exp(-0.7 * s + 0.1 * g.normal())));
  };
  for (const seed of [1, 2, 3, 4, 5]) {
    const { rate, rateStdErr } = fitAt(30, seed);
    assert(Math.abs(rate - 0.7) < 3 * rateStdErr, `seed ${seed}: ${rate} ± ${rateStdErr}`);
  }
  let few = 0, many = 0;
  for (let seed = 0; seed < 20; seed++) {
    few += fitAt(25, seed).rateStdErr;
    many += fitAt(400, 1000 + seed).rateStdErr;
  }
  assert(many < few / 3, `mean std err ${few / 20} with 25 points, ${many / 20} with 400`);
});

Deno.test("fitExponentialRate() with tMax stops before the loss reaches a floor", () => {
  const t = steps(60, 1);
  const y = t.map((s) => Math.max(1e-12, Math.exp(-0.9 * s)));
  const fit = fitExponentialRate(t, y, { tMax: 20 });
  assertEquals(fit.n, 21);
  assertClose(fit.rate, 0.9, 1e-10);
  assert(fitExponentialRate(t, y).rate < 0.8, "the floor biases an unrestricted fit");
});

Deno.test("fitExponentialRate() rejects non-positive y and too few points", () => {
  assertThrows(
    () => fitExponentialRate([0, 1, 2], [1, 0, 0.5]),
    RangeError,
    "fitExponentialRate(t, y): expected positive y to take a logarithm, but y[1] = 0",
  );
  assertThrows(
    () => fitExponentialRate([0, 1], [1, 0.5]),
    RangeError,
    "fitExponentialRate(t, y): expected at least 3 points (two parameters and a standard error), got 2",
  );
  assertThrows(
    () => fitExponentialRate([0, 1, 2], [1, 0.5]),
    RangeError,
    "expected t and y to have the same length, got 3 and 2",
  );
});
