import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { randomProjection } from "../models/random_projection.ts";
import { randomFeatureSgdCurve } from "../theory/random_features_sgd.ts";
import { trainRandomFeaturesSgd } from "./random_features_sgd.ts";

const lambda = Array.from({ length: 12 }, (_, k) => (k + 1) ** -1.5);
const wStar = Array.from({ length: 12 }, (_, k) => (k % 2 ? -1 : 1) * (k + 1) ** -0.25);

Deno.test("trainRandomFeaturesSgd() averaged over seeds matches the exact expected loss of the same models", () => {
  const projection = randomProjection(6, 12, 3);
  const sizes = [3, 6], steps = 40, record = [0, 5, 20, 40], eta = 0.1, batch = 2, seeds = 400;
  const mean = sizes.map(() => new Float64Array(record.length));
  for (let s = 0; s < seeds; s++) {
    const run = trainRandomFeaturesSgd(lambda, [wStar], {
      projection,
      sizes,
      eta,
      batch,
      steps,
      record,
      seed: s,
    });
    sizes.forEach((_, i) => run.loss[0][i].forEach((l, j) => mean[i][j] += l / seeds));
  }
  sizes.forEach((n, i) => {
    const exact = randomFeatureSgdCurve({ eigenvalues: lambda, wStar }, {
      features: n,
      projection,
      eta,
      batch,
      steps,
    });
    record.forEach((t, j) => {
      const rel = Math.abs(mean[i][j] / exact.loss[t] - 1);
      // 400 runs: the standard error of the mean loss is a few per cent at most.
      assert(rel < 0.05, `N = ${n}, t = ${t}: mean ${mean[i][j]} vs exact ${exact.loss[t]}`);
    });
    assert(exact.loss[steps] > exact.limit, "SGD stays above the size floor");
  });
});

Deno.test("trainRandomFeaturesSgd() reports a model that diverges, with its step and loss", () => {
  const projection = randomProjection(4, 12, 0);
  const run = trainRandomFeaturesSgd(lambda, [wStar], {
    projection,
    sizes: [4],
    eta: 50,
    steps: 200,
    record: Array.from({ length: 201 }, (_, t) => t),
    seed: 0,
  });
  assertEquals(run.diverged.length, 1);
  assert(
    run.diverged[0].loss > 1e6 || !Number.isFinite(run.diverged[0].loss),
    "the reported loss is the blow-up",
  );
});

Deno.test("trainRandomFeaturesSgd() rejects sizes beyond the projection", () => {
  assertThrows(
    () =>
      trainRandomFeaturesSgd(lambda, [wStar], {
        projection: randomProjection(4, 12, 0),
        sizes: [8],
        eta: 0.1,
        steps: 1,
        record: [1],
        seed: 0,
      }),
    RangeError,
    "sizes must be integers in [1, 4]",
  );
});
