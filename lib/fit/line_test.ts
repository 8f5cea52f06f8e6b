import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { fitLine } from "./line.ts";

Deno.test("fitLine() recovers a planted line exactly on noiseless data", () => {
  const x = [-2, 0.5, 1, 3, 7];
  const fit = fitLine(x, x.map((v) => -1.5 + 0.25 * v));
  assertClose(fit.slope, 0.25, 1e-14);
  assertClose(fit.intercept, -1.5, 1e-14);
  assert(fit.slopeStdErr < 1e-14 && fit.interceptStdErr < 1e-14);
  assertClose(fit.rSquared, 1, 1e-14);
  assertEquals(fit.n, 5);
});

Deno.test("fitLine() standard errors are calibrated: about 95% of 400 seeded fits land within 2 of them", () => {
  const x = Array.from({ length: 12 }, (_, i) => i / 2);
  const r = rng(1);
  let slopeHits = 0, interceptHits = 0;
  const trials = 400;
  for (let k = 0; k < trials; k++) {
    const fit = fitLine(x, x.map((v) => 2 - 0.7 * v + 0.3 * r.normal()));
    if (Math.abs(fit.slope + 0.7) < 2 * fit.slopeStdErr) slopeHits++;
    if (Math.abs(fit.intercept - 2) < 2 * fit.interceptStdErr) interceptHits++;
  }
  // With 10 degrees of freedom, P(|t| < 2) ≈ 0.927; binomial sd over 400 trials ≈ 0.013.
  assert(Math.abs(slopeHits / trials - 0.927) < 0.05, `slope coverage ${slopeHits / trials}`);
  assert(Math.abs(interceptHits / trials - 0.927) < 0.05, `intercept coverage ${interceptHits / trials}`);
});

Deno.test("fitLine() residuals sum to zero and are uncorrelated with x; the range keeps the right points", () => {
  const r = rng(2);
  const x = Array.from({ length: 20 }, (_, i) => i);
  const y = x.map((v) => (v < 10 ? 100 : 1 + 3 * v + r.normal()));
  const fit = fitLine(x, y, { xMin: 10 });
  assertEquals(fit.n, 10);
  assertClose(fit.residuals.reduce((a, b) => a + b, 0), 0, 1e-10);
  assertClose(fit.residuals.reduce((a, e, i) => a + e * x[10 + i], 0), 0, 1e-9);
  assert(Math.abs(fit.slope - 3) < 4 * fit.slopeStdErr, `slope ${fit.slope} ± ${fit.slopeStdErr}`);
});

Deno.test("fitLine() rejects unequal lengths, too few points, non-finite values and a single x", () => {
  assertThrows(
    () => fitLine([1, 2, 3], [1, 2]),
    RangeError,
    "fitLine(x, y): expected x and y to have the same length, got 3 and 2",
  );
  assertThrows(
    () => fitLine([1, 2], [1, 2]),
    RangeError,
    "fitLine(x, y): expected at least 3 points (two parameters and a standard error), got 2",
  );
  assertThrows(
    () => fitLine([1, 2, 3], [1, NaN, 3]),
    RangeError,
    "fitLine(x, y): expected finite values, but y[1] = NaN",
  );
  assertThrows(
    () => fitLine([2, 2, 2], [1, 2, 3]),
    RangeError,
    "fitLine(x, y): expected at least two distinct x values, but every x = 2",
  );
  assertThrows(
    () => fitLine([1, 2, 3], [1, 2, 3], { xMin: 5, xMax: 1 }),
    RangeError,
    "fitLine(x, y): expected a range with min ≤ max, got [5, 1]",
  );
});
