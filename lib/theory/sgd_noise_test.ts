import { assert, assertClose, assertThrows } from "../_assert.ts";
import {
  sgdNoiseFactor,
  sgdRiskCurve,
  sgdStabilityLimit,
  smallStepExcessRisk,
  stationaryExcessRisk,
} from "./sgd_noise.ts";

Deno.test("sgdRiskCurve() in one dimension uses the Gaussian fourth moment E x⁴ = 3λ²", () => {
  // e' = (1 − ηx²)e + ηxσξ with x ~ N(0, λ): E e'² = (1 − 2ηλ + 3η²λ²) m + η²λσ² exactly.
  const lambda = 0.7, eta = 0.3, noiseVar = 0.5, m = 2;
  const curve = sgdRiskCurve([lambda], [m], { eta, noiseVar, steps: 1 });
  const next = (1 - 2 * eta * lambda + 3 * eta * eta * lambda * lambda) * m + eta * eta * lambda * noiseVar;
  assertClose(curve.risk[0], 0.5 * lambda * m, 1e-15);
  assertClose(curve.risk[1], 0.5 * lambda * next, 1e-15);
});

Deno.test("sgdRiskCurve() with batch B averages B independent fourth moments", () => {
  // B = 2 in one dimension: E(1 − η(x₁² + x₂²)/2)² = 1 − 2ηλ + η²(3λ² + λ²)/2 = 1 − 2ηλ + 2η²λ².
  const lambda = 1.3, eta = 0.2, noiseVar = 0.1, m = 1.5;
  const curve = sgdRiskCurve([lambda], [m], { eta, batch: 2, noiseVar, steps: 1 });
  const next = (1 - 2 * eta * lambda + 2 * eta * eta * lambda * lambda) * m +
    (eta * eta * lambda * noiseVar) / 2;
  assertClose(curve.risk[1], 0.5 * lambda * next, 1e-15);
});

Deno.test("stationaryExcessRisk() is the fixed point the exact recursion converges to", () => {
  const lambda = [1, 0.5, 0.25, 0.125];
  for (const [eta, batch] of [[0.3, 1], [0.5, 4], [1.2, 16]]) {
    const opts = { eta, batch, noiseVar: 0.7 };
    const limit = stationaryExcessRisk(lambda, opts);
    const curve = sgdRiskCurve(lambda, [3, 0, 1, 2], { ...opts, steps: 20_000, every: 20_000 });
    assertClose(curve.risk[1] / limit, 1, 1e-10, `η = ${eta}, B = ${batch}`);
  }
});

Deno.test("stationaryExcessRisk() tends to ησ² tr Σ/(4B) as η → 0 and to infinity at the stability limit", () => {
  const lambda = [1, 1 / 2, 1 / 3];
  const small = { eta: 1e-6, batch: 3, noiseVar: 2 };
  assertClose(stationaryExcessRisk(lambda, small) / smallStepExcessRisk(lambda, small), 1, 1e-5);
  const limit = sgdStabilityLimit(lambda, { batch: 3 });
  assertClose(sgdNoiseFactor(lambda, { eta: limit, batch: 3, noiseVar: 0 }), 1, 1e-9);
  assert(Number.isFinite(stationaryExcessRisk(lambda, { eta: limit * 0.999, batch: 3, noiseVar: 1 })));
  assert(stationaryExcessRisk(lambda, { eta: limit * 1.001, batch: 3, noiseVar: 1 }) === Infinity);
});

Deno.test("stationaryExcessRisk() is zero without label noise and rejects a bad learning rate", () => {
  assertClose(stationaryExcessRisk([1, 0.5], { eta: 0.5, noiseVar: 0 }), 0, 1e-15);
  assertThrows(() => stationaryExcessRisk([1], { eta: -1, noiseVar: 1 }), RangeError, "eta > 0, got -1");
  assertThrows(
    () => sgdRiskCurve([1, 2], [1], { eta: 0.1, noiseVar: 1, steps: 3 }),
    RangeError,
    "length 2, got 1",
  );
});
