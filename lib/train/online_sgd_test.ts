import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { sgdRiskCurve, stationaryExcessRisk } from "../theory/sgd_noise.ts";
import { normalSource, uniformSource } from "./_fast_random.ts";
import { excessRisk, gaussianRegression } from "./gaussian_regression.ts";
import { onlineSgd } from "./online_sgd.ts";

Deno.test("normalSource() is reproducible and has the moments of N(0, 1); uniformSource() is uniform", () => {
  const a = normalSource(3), b = normalSource(3);
  assertEquals([a(), a(), a()], [b(), b(), b()]);
  const n = 400_000, z = normalSource(11), u = uniformSource(11);
  let m1 = 0, m2 = 0, m4 = 0, um = 0, umin = 1, umax = 0;
  for (let i = 0; i < n; i++) {
    const x = z(), v = u();
    m1 += x / n;
    m2 += (x * x) / n;
    m4 += x ** 4 / n;
    um += v / n;
    umin = Math.min(umin, v);
    umax = Math.max(umax, v);
  }
  assertClose(m1, 0, 0.01);
  assertClose(m2, 1, 0.01);
  assertClose(m4, 3, 0.05);
  assertClose(um, 0.5, 0.005);
  assert(umin >= 0 && umax < 1);
});

Deno.test("onlineSgd() without label noise converges to the teacher", () => {
  const p = gaussianRegression([1, 0.3, 0.1], { wStar: [1, -2, 0.5], noiseStd: 0 });
  const run = onlineSgd(p, { eta: 0.2, batch: 2, steps: 5000, seed: 1 });
  assert(run.risk[run.risk.length - 1] < 1e-10, `risk ${run.risk[run.risk.length - 1]}`);
  assertEquals(run.samples, 10_000);
});

Deno.test("onlineSgd() reaches the exact stationary excess risk, and its mean curve follows sgdRiskCurve()", () => {
  const lambda = [1, 0.5, 0.25, 0.125];
  const p = gaussianRegression(lambda, { wStar: [1, 1, -1, 1], noiseStd: 1 });
  const opts = { eta: 0.4, batch: 2, noiseVar: 1 };
  const run = onlineSgd(p, { ...opts, steps: 200_000, seed: 5, burnIn: 1000 });
  assertClose(run.meanRisk / stationaryExcessRisk(lambda, opts), 1, 0.03);
  // Mean over 400 short runs at step 10 vs the exact expected risk.
  const theory = sgdRiskCurve(lambda, [1, 1, 1, 1], { ...opts, steps: 10 }).risk[10];
  let mean = 0;
  for (let s = 0; s < 400; s++) mean += onlineSgd(p, { ...opts, steps: 10, seed: 100 + s }).risk[1] / 400;
  assertClose(mean / theory, 1, 0.08);
});

Deno.test("onlineSgd() records every `every` steps and reports divergence", () => {
  const p = gaussianRegression([1], { wStar: [1], noiseStd: 0 });
  const run = onlineSgd(p, { eta: 0.1, steps: 10, seed: 0, every: 4 });
  assertEquals(run.recordedSteps, [0, 4, 8, 10]);
  assertClose(run.risk[0], excessRisk(p, [0]), 0);
  const blowUp = onlineSgd(p, { eta: 5, steps: 2000, seed: 0, burnIn: 0 });
  assert(blowUp.diverged && blowUp.divergence !== undefined, "reports where");
  assert(Number.isNaN(blowUp.meanRisk), "no mean of the steps before the blow-up");
  assertThrows(
    () => onlineSgd(p, { eta: 0.1, batch: 1.5, steps: 10, seed: 0 }),
    RangeError,
    "integer batch ≥ 1, got 1.5",
  );
  assertThrows(
    () => gaussianRegression([1, -1], { wStar: [0, 0], noiseStd: 1 }),
    RangeError,
    "eigenvalues[1] = -1",
  );
});
