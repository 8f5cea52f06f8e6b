import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { dimensionsPerFeatureOf, featureNorms, twoFeaturePhaseOf } from "./superposition.ts";
import { planarToyModel } from "../models/toy_superposition.ts";

const model = (W: number[], b = [0, 0]) => ({
  W: new Float64Array(W),
  b: new Float64Array(b),
  features: 2,
  hidden: 1,
});

Deno.test("twoFeaturePhaseOf() reads one feature, the other, or an antipodal pair off the weights", () => {
  assertEquals(twoFeaturePhaseOf(model([1, 0.1])), "feature 1 only");
  assertEquals(twoFeaturePhaseOf(model([0.2, -1.1])), "feature 2 only");
  assertEquals(twoFeaturePhaseOf(model([1, -0.9])), "superposition");
  assertEquals(twoFeaturePhaseOf(model([1, 0.9])), "neither", "same-sign features collide: not a pair");
  assertThrows(() => twoFeaturePhaseOf({ ...model([1, 0]), features: 1 }), RangeError, "n = 2, m = 1");
});

Deno.test("dimensionsPerFeatureOf() gives 1 for orthogonal unit features, 1/2 for digons, 2/5 for a unit pentagon", () => {
  const dirs = (k: number) =>
    Array.from(
      { length: k },
      (_, i) => [Math.cos((2 * Math.PI * i) / k), Math.sin((2 * Math.PI * i) / k)] as [number, number],
    );
  const pent = planarToyModel(dirs(5), { scale: 1, bias: 0, sparsity: 0.9 });
  assertClose(dimensionsPerFeatureOf(pent), 0.4, 1e-12);
  const digons = planarToyModel([[1, 0], [-1, 0], [0, 1], [0, -1], null], {
    scale: 1,
    bias: 0,
    sparsity: 0.5,
  });
  assertClose(dimensionsPerFeatureOf(digons), 0.5, 1e-12);
  assertEquals(Array.from(featureNorms(digons)).map((x) => Math.round(x)), [1, 1, 1, 1, 0]);
});
