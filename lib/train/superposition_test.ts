import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { trainToyModel, trainToyModelBestOf } from "./superposition.ts";
import { dimensionsPerFeatureOf, twoFeaturePhaseOf } from "../measure/superposition.ts";

Deno.test("trainToyModelBestOf() finds an antipodal pair for sparse, equally important features", () => {
  const m = trainToyModelBestOf(3, {
    features: 2,
    hidden: 1,
    sparsity: 0.9,
    seed: 3,
    steps: 800,
    batch: 128,
    lr: 0.02,
  });
  assertEquals(twoFeaturePhaseOf(m), "superposition");
});

Deno.test("trainToyModel() keeps m features, one dimension each, when features are dense", () => {
  const m = trainToyModelBestOf(2, { features: 4, hidden: 2, sparsity: 0, seed: 1, steps: 1500, batch: 128 });
  assert(Math.abs(dimensionsPerFeatureOf(m) - 1) < 0.05, `dims per feature ${dimensionsPerFeatureOf(m)}`);
});

Deno.test("trainToyModel() names a bad sparsity or importance count", () => {
  assertThrows(
    () => trainToyModel({ features: 2, hidden: 1, sparsity: 1, seed: 0 }),
    RangeError,
    "sparsity < 1",
  );
  assertThrows(
    () => trainToyModel({ features: 2, hidden: 1, sparsity: 0.5, seed: 0, importances: [1] }),
    RangeError,
    "expected 2 importances",
  );
});
