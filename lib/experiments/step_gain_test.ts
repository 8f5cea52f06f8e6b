import { assertClose, assertThrows } from "../_assert.ts";
import { expectedStepGain, regressionNoiseScales } from "../theory/noise_scale.ts";
import { gaussianRegression } from "../train/gaussian_regression.ts";
import { fitCriticalBatch, measureStepGains } from "./step_gain.ts";

const lambda = [1, 0.5, 0.25];
const problem = gaussianRegression(lambda, { wStar: [1, -1, 1], noiseStd: 0.5 });
const scales = regressionNoiseScales(lambda, [-1, 1, -1], { noiseVar: 0.25 });

Deno.test("measureStepGains() averages to the exact expected one-step gain", () => {
  const etas = [0.1, 0.3, 0.6];
  for (const batch of [1, 8]) {
    const { gains } = measureStepGains(problem, [0, 0, 0], { batch, etas, batches: 40_000, seed: batch });
    etas.forEach((eta, j) => {
      const exact = expectedStepGain(scales, { eta, batch });
      assertClose(gains[j] / exact, 1, 0.04, `B = ${batch}, η = ${eta}`);
    });
  }
});

Deno.test("fitCriticalBatch() on measured best gains recovers B_noise", () => {
  const batches = [1, 2, 4, 8, 16, 32, 64];
  const etas = Array.from({ length: 41 }, (_, k) => scales.maxEta * 2 ** (-6 + k / 5));
  const best = batches.map((b) =>
    measureStepGains(problem, [0, 0, 0], {
      batch: b,
      etas,
      batches: Math.max(300, Math.round(30_000 / b)),
      seed: 7 + b,
    }).best.gain
  );
  assertClose(fitCriticalBatch(batches, best).noiseScale / scales.noise, 1, 0.1);
  assertThrows(() => fitCriticalBatch([1, 2], [1, -1]), RangeError, "positive gains, got -1 at batch 2");
});
