import { assert, assertClose, assertThrows } from "../_assert.ts";
import { unconstrainedFeaturesOptimum } from "../theory/neural_collapse.ts";
import { trainUnconstrainedFeatures } from "./unconstrained_features.ts";

Deno.test("trainUnconstrainedFeatures() converges to the closed-form collapsed optimum", () => {
  const options = {
    classes: 4,
    perClass: 3,
    dim: 5,
    lambdaW: 2e-2,
    lambdaH: 1e-2,
    eta: 1,
    steps: 1500,
    seed: 2,
  };
  const run = trainUnconstrainedFeatures(options);
  const last = run.history[run.history.length - 1];
  const o = unconstrainedFeaturesOptimum(4, options);
  assertClose(last.loss, o.loss, 1e-9);
  assertClose(last.meanNorm, o.featureNorm, 1e-7);
  assertClose(last.meanCosine, -1 / 3, 1e-9);
  assert(last.nc1 < 1e-12, `NC1 → 0, got ${last.nc1}`);
  assert(
    run.history.every((h, i) => i === 0 || h.loss <= run.history[i - 1].loss + 1e-12),
    "the loss never rises",
  );
});

Deno.test("trainUnconstrainedFeatures() rejects a feature dimension below C − 1, naming it", () => {
  assertThrows(
    () =>
      trainUnconstrainedFeatures({
        classes: 5,
        perClass: 1,
        dim: 3,
        lambdaW: 0,
        lambdaH: 0,
        eta: 1,
        steps: 1,
        seed: 0,
      }),
    RangeError,
    "d = 3",
  );
});

Deno.test("trainUnconstrainedFeatures() stops and reports the step when the loss diverges", () => {
  const run = trainUnconstrainedFeatures({
    classes: 3,
    perClass: 2,
    dim: 4,
    lambdaW: 0.01,
    lambdaH: 0.01,
    eta: 1e6,
    steps: 50,
    seed: 0,
  });
  assert(
    run.diverged !== null && run.diverged.step <= 50,
    `expected a divergence, got ${JSON.stringify(run.diverged)}`,
  );
});
