import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { initFloat64Mlp } from "../models/float64_mlp.ts";
import { rng } from "../random.ts";
import { trainFloat64Mlp } from "./float64_mlp.ts";

const spec = { sizes: [3, 6, 2] as [number, number, number] };
const r = rng(0);
const x = r.normals(20 * 3);
const y = Int32Array.from({ length: 20 }, (_, i) => (x[i * 3] + x[i * 3 + 1] > 0 ? 1 : 0));

Deno.test("trainFloat64Mlp() lowers the loss of a separable problem", () => {
  const run = trainFloat64Mlp(spec, initFloat64Mlp(spec, { seed: 1 }), x, y, {
    optimizer: { kind: "sgd", eta: 0.5 },
    steps: 300,
  });
  assert(run.loss[299] < 0.5 * run.loss[0], `loss ${run.loss[0]} → ${run.loss[299]}`);
});

Deno.test("trainFloat64Mlp() calls onStep steps + 1 times, the last with no gradient", () => {
  const seen: boolean[] = [];
  trainFloat64Mlp(spec, initFloat64Mlp(spec, { seed: 1 }), x, y, {
    optimizer: { kind: "sgd", eta: 0.1 },
    steps: 5,
    batchSize: 4,
    onStep: (_, __, g) => seen.push(g !== null),
  });
  assertEquals(seen, [true, true, true, true, true, false]);
});

Deno.test("trainFloat64Mlp() is reproducible from its seed, and full batch by default", () => {
  const run = (seed: number, batchSize?: number) =>
    trainFloat64Mlp(spec, initFloat64Mlp(spec, { seed: 1 }), x, y, {
      optimizer: { kind: "sgd", eta: 0.1 },
      steps: 6,
      batchSize,
      seed,
    }).loss;
  assertEquals(Array.from(run(3, 4)), Array.from(run(3, 4)));
  assert(run(3, 4).some((v, i) => v !== run(4, 4)[i]), "another seed gives another batch order");
  assertEquals(Array.from(run(3)), Array.from(run(9, 20)));
  assertThrows(
    () =>
      trainFloat64Mlp(spec, initFloat64Mlp(spec, { seed: 1 }), x, y, {
        optimizer: { kind: "sgd", eta: 1 },
        steps: 1,
        batchSize: 21,
      }),
    RangeError,
    "batch size",
  );
});
