import { assertClose, assertThrows } from "../_assert.ts";
import { rescaleCharges, scaleCharges, translationCharges } from "../measure/conserved.ts";
import {
  cloneFloat64Mlp,
  float64MlpGradients,
  type Float64MlpParams,
  type Float64MlpSpec,
  initFloat64Mlp,
} from "../models/float64_mlp.ts";
import { rng } from "../random.ts";
import { float64Optimizer } from "../train/float64_optimizer.ts";
import { rescaleChargeIncrement, scaleChargeIncrement, weightDecayChargeRate } from "./conservation.ts";

function oneStep(
  spec: Float64MlpSpec,
  eta: number,
  weightDecay = 0,
): { before: Float64MlpParams; after: Float64MlpParams; grads: Float64MlpParams } {
  const r = rng(4);
  const x = r.normals(16 * spec.sizes[0]), y = Int32Array.from({ length: 16 }, () => r.int(spec.sizes[2]));
  const before = initFloat64Mlp(spec, { seed: 2 });
  before.b1.forEach((_, i) => (before.b1[i] = 0.05 * (i - 2)));
  const after = cloneFloat64Mlp(before);
  const { grads } = float64MlpGradients(spec, before, x, y);
  float64Optimizer({ kind: "sgd", eta, weightDecay }).step([after.W1, after.b1, after.W2, after.b2], [
    grads.W1,
    grads.b1,
    grads.W2,
    grads.b2,
  ]);
  return { before, after, grads };
}

Deno.test("one SGD step changes each rescale charge by exactly η²(‖g_in‖² − ‖g_out‖²) and no translation charge", () => {
  const { before, after, grads } = oneStep({ sizes: [6, 5, 4] }, 0.7);
  const dq = rescaleCharges(after).map((v, i) => v - rescaleCharges(before)[i]);
  const predicted = rescaleChargeIncrement(grads, { eta: 0.7 });
  dq.forEach((v, i) => assertClose(v, predicted[i], 1e-13, `neuron ${i}`));
  translationCharges(after).forEach((v, i) => assertClose(v, translationCharges(before)[i], 1e-14));
});

Deno.test("one SGD step grows each batch-normalized column norm by exactly η²‖g‖²", () => {
  const { before, after, grads } = oneStep({ sizes: [6, 5, 4], normalization: "batch" }, 0.7);
  const ds = scaleCharges(after).map((v, i) => v - scaleCharges(before)[i]);
  scaleChargeIncrement(grads, { eta: 0.7 }).forEach((v, i) => assertClose(ds[i], v, 1e-13, `unit ${i}`));
});

Deno.test("with weight decay the rescale charge is multiplied by (1 − ηλ)² plus the η² term", () => {
  const eta = 0.3, lambda = 0.2;
  const { before, after, grads } = oneStep({ sizes: [6, 5, 4] }, eta, lambda);
  const predicted = rescaleChargeIncrement(grads, { eta });
  rescaleCharges(after).forEach((v, i) =>
    assertClose(v, (1 - eta * lambda) ** 2 * rescaleCharges(before)[i] + predicted[i], 1e-13)
  );
  assertClose(
    Math.exp(-weightDecayChargeRate({ eta, weightDecay: lambda, exact: true })),
    (1 - eta * lambda) ** 2,
    1e-15,
  );
  assertClose(weightDecayChargeRate({ eta, weightDecay: lambda }), 2 * eta * lambda, 1e-15);
  assertThrows(() => weightDecayChargeRate({ eta: 1, weightDecay: 1 }), RangeError, "0 ≤ ηλ < 1");
});
