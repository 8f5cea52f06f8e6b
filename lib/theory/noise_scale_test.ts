import { assertClose, assertThrows } from "../_assert.ts";
import { expectedStepGain, optimalStepGain, regressionNoiseScales } from "./noise_scale.ts";

Deno.test("regressionNoiseScales() matches the one-dimensional covariance E[x²(xe − σξ)²] − (λe)²", () => {
  // x ~ N(0, λ): E x⁴ = 3λ², so C = 3λ²e² + λσ² − λ²e² = 2λ²e² + λσ², and H = λ makes B_simple = B_noise.
  const lambda = 0.8, e = 1.5, noiseVar = 0.3;
  const s = regressionNoiseScales([lambda], [e], { noiseVar });
  const c = 2 * lambda * lambda * e * e + lambda * noiseVar;
  assertClose(s.traceCov, c, 1e-14);
  assertClose(s.simple, c / (lambda * e) ** 2, 1e-12);
  assertClose(s.noise, s.simple, 1e-12);
});

Deno.test("optimalStepGain() is the maximum over η of expectedStepGain()", () => {
  const s = regressionNoiseScales([1, 0.5, 0.2], [1, -2, 0.5], { noiseVar: 1 });
  for (const batch of [1, 4, 64]) {
    let best = -Infinity;
    for (let k = 0; k <= 200_000; k++) {
      best = Math.max(best, expectedStepGain(s, { eta: (k / 200_000) * 2 * s.maxEta, batch }));
    }
    assertClose(
      best / optimalStepGain(batch, { maxGain: s.maxGain, noiseScale: s.noise }),
      1,
      1e-8,
      `B = ${batch}`,
    );
  }
});

Deno.test("regressionNoiseScales() refuses a point with zero gradient", () => {
  assertThrows(() => regressionNoiseScales([1, 1], [0, 0], { noiseVar: 1 }), RangeError, "gradient is zero");
});
