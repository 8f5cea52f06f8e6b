import { assert, assertClose, assertThrows } from "../_assert.ts";
import { randomFeatureLoss } from "../theory/scaling.ts";
import { powerLawTask } from "./power_law_gd.ts";
import { randomFeatureLosses } from "./random_features.ts";

Deno.test("randomFeatureLosses() on isotropic inputs keeps a fraction N/M of the teacher on average", () => {
  // A random N-dimensional subspace of R^M captures, on average, N/M of any fixed vector's squared norm.
  const m = 40, wStar = Array.from({ length: m }, (_, k) => Math.cos(k));
  const total = 0.5 * wStar.reduce((a, w) => a + w * w, 0);
  const sizes = [5, 10, 20];
  const losses = randomFeatureLosses({ eigenvalues: new Array(m).fill(1), wStar }, {
    sizes,
    seed: 2,
    draws: 400,
  });
  sizes.forEach((n, i) => assertClose(losses[i] / (total * (1 - n / m)), 1, 0.03, `N = ${n}`));
});

Deno.test("randomFeatureLosses() decreases with N and agrees with the deterministic equivalent", () => {
  const task = powerLawTask(1024, { alpha: 2, beta: 2, seed: 1 });
  const sizes = [16, 32, 64, 128];
  const losses = randomFeatureLosses(task, { sizes, seed: 3, draws: 8 });
  for (let i = 1; i < sizes.length; i++) assert(losses[i] < losses[i - 1], "more features never hurt");
  sizes.forEach((n, i) => {
    const de = randomFeatureLoss(task.eigenvalues, task.targetPower, { features: n });
    assertClose(losses[i] / de, 1, 0.2, `N = ${n}`);
  });
  assertThrows(() => randomFeatureLosses(task, { sizes: [2000], seed: 0 }), RangeError, "sizes in [1, 1024]");
});
