import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertRejects } from "../_assert.ts";
import { mse } from "../autodiff/mod.ts";
import { initBackend } from "../backend.ts";
import type { MlpSpec } from "../models/mlp.ts";
import { bestLearningRates, sweepLearningRates } from "./lr_sweep.ts";

const spec = (width: number): MlpSpec => ({ sizes: [3, width, 2], parameterization: "mup", bias: false });

function data() {
  const x = tf.randomNormal([32, 3], 0, 1, "float32", 5) as tf.Tensor2D;
  const y = tf.tidy(() => tf.tanh(tf.matMul(x, tf.randomNormal([3, 2], 0, 1, "float32", 6)))) as tf.Tensor2D;
  return { x, y };
}

Deno.test("sweepLearningRates() averages the final loss over seeds and marks blown-up runs as Infinity", async () => {
  await initBackend({ prefer: ["cpu"] });
  const { x, y } = data();
  const common = { spec, widths: [8, 32], log2Etas: [-4, -2, 12], x, y, loss: mse, steps: 20, batchSize: 8 };
  const before = tf.memory().numTensors;
  const both = await sweepLearningRates({ ...common, seeds: [1, 2] });
  assertEquals(tf.memory().numTensors, before, "no tensor leaks");
  const one = await sweepLearningRates({ ...common, seeds: [1] });
  const two = await sweepLearningRates({ ...common, seeds: [2] });
  assertEquals(both.map((p) => [p.width, p.log2Eta]), [[8, -4], [8, -2], [8, 12], [32, -4], [32, -2], [
    32,
    12,
  ]]);
  both.forEach((p, i) => {
    if (p.log2Eta === 12) {
      assertEquals(p.loss, Infinity);
      assertEquals(p.diverged, 2);
    } else {
      assertClose(p.loss, (one[i].loss + two[i].loss) / 2, 1e-6);
      assert(p.loss < 1e3 && p.diverged === 0, `finite at log2 η = ${p.log2Eta}`);
    }
  });
  tf.dispose([x, y]);
  await initBackend({ prefer: ["wasm"] });
});

Deno.test("bestLearningRates() picks the lowest loss per width, the smaller η on a tie", () => {
  const best = bestLearningRates([
    { width: 8, log2Eta: -3, loss: 0.5, diverged: 0 },
    { width: 8, log2Eta: -2, loss: 0.2, diverged: 0 },
    { width: 8, log2Eta: -1, loss: Infinity, diverged: 1 },
    { width: 16, log2Eta: -1, loss: 0.1, diverged: 0 },
    { width: 16, log2Eta: -2, loss: 0.1, diverged: 0 },
  ]);
  assertEquals(best, [{ width: 8, log2Eta: -2, loss: 0.2 }, { width: 16, log2Eta: -2, loss: 0.1 }]);
});

Deno.test("sweepLearningRates() rejects an empty grid", async () => {
  const { x, y } = data();
  await assertRejects(
    () => sweepLearningRates({ spec, widths: [8], log2Etas: [], x, y, loss: mse, steps: 1, seeds: [0] }),
    RangeError,
    "got 1, 0, 1",
  );
  tf.dispose([x, y]);
});

Deno.test("sweepLearningRates() with spikeAbove counts a run whose loss spikes above its start as unstable", async () => {
  await initBackend({ prefer: ["cpu"] });
  const { x, y } = data();
  // Under SP this network at η = 2^−2 spikes early and recovers (its final loss is finite without the rule).
  const sp = (width: number): MlpSpec => ({
    sizes: [3, width, 2],
    parameterization: "standard",
    bias: false,
  });
  const log2Etas = [-4, -2, 6];
  const common = { spec: sp, widths: [16], log2Etas, x, y, loss: mse, steps: 30, batchSize: 8, seeds: [1] };
  const plain = await sweepLearningRates(common);
  const strict = await sweepLearningRates({ ...common, spikeAbove: 1.5 });
  // The rule only removes runs: a spike-free run keeps exactly its loss.
  strict.forEach((p, i) => {
    if (Number.isFinite(p.loss)) assertEquals(p.loss, plain[i].loss);
  });
  assertEquals(strict[0].loss, plain[0].loss, "a small learning rate never spikes");
  const spiked = strict.filter((p, i) => !Number.isFinite(p.loss) && Number.isFinite(plain[i].loss));
  assert(spiked.length > 0, "some learning rate survives its spike without the rule and is unstable with it");
  await assertRejects(() => sweepLearningRates({ ...common, spikeAbove: 1 }), RangeError, "above 1");
  tf.dispose([x, y]);
  await initBackend({ prefer: ["wasm"] });
});
