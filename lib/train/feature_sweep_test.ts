import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { mse } from "../autodiff/mod.ts";
import { initBackend } from "../backend.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { featureMovementSweep } from "./feature_sweep.ts";

const spec = (width: number): MlpSpec => ({ sizes: [3, width, 2], parameterization: "ntk", bias: false });

Deno.test("featureMovementSweep(): no movement at η = 0, averages over seeds, leaks nothing", async () => {
  await initBackend({ prefer: ["cpu"] });
  const x = tf.randomNormal([24, 3], 0, 1, "float32", 1) as tf.Tensor2D;
  const y = tf.randomNormal([24, 2], 0, 1, "float32", 2) as tf.Tensor2D;
  const common = { spec, widths: [8, 32], x, y, probe: x, loss: mse, steps: 10, batchSize: 8 };
  const before = tf.memory().numTensors;
  const still = featureMovementSweep({ ...common, eta: 0, seeds: [3] });
  assertEquals(tf.memory().numTensors, before, "no tensor leaks");
  assertEquals(still.map((r) => r.movement), [0, 0]);
  // At η = 0 the final loss is the loss at initialization.
  const params = initMlp(spec(8), { seed: 3 });
  assertClose(still[0].loss, mse(mlpForward(spec(8), params, x), y).dataSync()[0], 1e-6);
  tf.dispose(params);
  const both = featureMovementSweep({ ...common, eta: 0.5, seeds: [1, 2] });
  const one = featureMovementSweep({ ...common, eta: 0.5, seeds: [1] });
  const two = featureMovementSweep({ ...common, eta: 0.5, seeds: [2] });
  both.forEach((r, i) => {
    assert(r.movement > 0, "features move when η > 0");
    assertClose(r.movement, (one[i].movement + two[i].movement) / 2, 1e-6);
    assertClose(r.loss, (one[i].loss + two[i].loss) / 2, 1e-6);
  });
  assertThrows(
    () => featureMovementSweep({ ...common, spec: () => ({ sizes: [3, 2] }), eta: 1, seeds: [0] }),
    RangeError,
    "hidden layer",
  );
  tf.dispose([x, y]);
  await initBackend({ prefer: ["wasm"] });
});

Deno.test("featureMovementSweep() says where training diverged instead of returning NaN movement", async () => {
  await initBackend({ prefer: ["cpu"] });
  const x = tf.randomNormal([24, 3], 0, 1, "float32", 1) as tf.Tensor2D;
  const y = tf.randomNormal([24, 2], 0, 1, "float32", 2) as tf.Tensor2D;
  const before = tf.memory().numTensors;
  assertThrows(
    () =>
      featureMovementSweep({ spec, widths: [8], x, y, probe: x, loss: mse, steps: 20, eta: 1e4, seeds: [0] }),
    RangeError,
    "diverged at width 8, seed 0",
  );
  assertEquals(tf.memory().numTensors, before, "no tensor leaks");
  tf.dispose([x, y]);
  await initBackend({ prefer: ["wasm"] });
});
