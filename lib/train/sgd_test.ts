import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { captureDisplays } from "../display.ts";
import { mse } from "../autodiff/mod.ts";
import { trainSgd } from "./sgd.ts";

Deno.test("trainSgd() full-batch on least squares matches the closed-form GD iterate", async () => {
  await initBackend({ prefer: ["cpu"] });
  const X = [[1, 0], [0, 2], [1, 1]], Y = [[1], [2], [0]];
  const x = tf.tensor2d(X), y = tf.tensor2d(Y);
  const w = tf.variable(tf.zeros([2, 1]));
  const before = tf.memory().numTensors;
  const log = await trainSgd((p, xb, yb) => mse(tf.matMul(xb, p[0] as tf.Tensor2D), yb), [w], { x, y }, {
    lr: 0.1,
    steps: 3,
    logEvery: 1,
  });
  // GD on L = (1/2n)‖Xw − y‖² by hand, in float64.
  let v = [0, 0];
  for (let t = 0; t < 3; t++) {
    const r = X.map((row, i) => row[0] * v[0] + row[1] * v[1] - Y[i][0]);
    const g = [0, 1].map((j) => X.reduce((a, row, i) => a + row[j] * r[i], 0) / 3);
    v = v.map((vj, j) => vj - 0.1 * g[j]);
  }
  const got = w.dataSync();
  assertClose(got[0], v[0], 1e-6);
  assertClose(got[1], v[1], 1e-6);
  assertEquals(log.map((e) => e.step), [0, 1, 2, 3]);
  assert(log[3].loss < log[0].loss);
  assertEquals(tf.memory().numTensors, before, "no tensor leaks");
  tf.dispose([x, y, w]);
  await initBackend({ prefer: ["wasm"] });
});

Deno.test("trainSgd() with minibatches is reproducible for a seed", async () => {
  const x = tf.tensor2d([[1], [2], [3], [4]]), y = tf.tensor2d([[2], [4], [6], [8]]);
  const run = async (seed: number) => {
    const w = tf.variable(tf.zeros([1, 1]));
    await trainSgd((p, xb, yb) => mse(tf.matMul(xb, p[0] as tf.Tensor2D), yb), [w], { x, y }, {
      lr: 0.05,
      steps: 5,
      batchSize: 1,
      seed,
    });
    const value = w.dataSync()[0];
    w.dispose();
    return value;
  };
  assertEquals(await run(1), await run(1));
  assert(await run(1) !== await run(2));
  tf.dispose([x, y]);
});

Deno.test("trainSgd() records where a run diverges and says so in its progress line", async () => {
  const x = tf.tensor2d([[1], [2], [3], [4]]), y = tf.tensor2d([[2], [4], [6], [8]]);
  const w = tf.variable(tf.zeros([1, 1]));
  // Curvature mean(x²) = 7.5, so η = 1 > 2/7.5: each step multiplies the error by |1 − 7.5| = 6.5.
  const { result: log, bundles } = await captureDisplays(() =>
    trainSgd((p, xb, yb) => mse(tf.matMul(xb, p[0] as tf.Tensor2D), yb), [w], { x, y }, {
      lr: 1,
      steps: 20,
      logEvery: 1,
      showProgress: true,
    })
  );
  assertEquals(log.length, 21, "the run keeps all its steps");
  assert(log.divergence !== undefined, "divergence recorded");
  const { step, loss } = log.divergence!;
  assertEquals(log[step].loss, loss);
  assert(loss > 1e6 * log[0].loss && log[step - 1].loss <= 1e6 * log[0].loss, `first explosion at ${step}`);
  const last = String(bundles[bundles.length - 1]["text/plain"]);
  assert(last.includes(`diverged at step ${step} (loss`), last);
  tf.dispose([x, y, w]);
});
